import {
  executeStepWithDependencies,
  StepTestConfig,
} from '@jupiterone/integration-sdk-testing';
import {
  DEV_ORG_ENTITIES,
  DEV_ORG_RELATIONSHIPS,
} from '../../test/devOrgGraph';
import {
  countByType,
  localInstanceConfig,
  stepTestConfig,
  useLocalOrg,
} from '../../test/localOrg';
import { Steps } from '../constants';
import { invocationConfig } from '../index';

const org = useLocalOrg();

const pick = <T extends Record<string, number>>(
  counts: T,
  ...types: (keyof T)[]
) => Object.fromEntries(types.map((type) => [type, counts[type]]));

const E = DEV_ORG_ENTITIES;
const R = DEV_ORG_RELATIONSHIPS;

/** Each step's own output on the dev org. */
const expectations: [string, Record<string, number>, Record<string, number>][] =
  [
    [Steps.ACCOUNT.id, pick(E, 'salesforce_account'), {}],
    [
      Steps.USER_ROLES.id,
      pick(E, 'salesforce_user_role'),
      pick(
        R,
        'salesforce_account_has_user_role',
        'salesforce_user_role_contains_user_role',
      ),
    ],
    [
      Steps.PROFILES.id,
      pick(E, 'salesforce_profile'),
      pick(R, 'salesforce_account_has_profile'),
    ],
    [
      Steps.PERMISSION_SETS.id,
      pick(E, 'salesforce_permission_set'),
      pick(
        R,
        'salesforce_account_has_permission_set',
        'salesforce_profile_has_permission_set',
      ),
    ],
    [
      Steps.PERMISSION_SET_GROUPS.id,
      pick(E, 'salesforce_permission_set_group'),
      pick(
        R,
        'salesforce_account_has_permission_set_group',
        'salesforce_permission_set_group_has_permission_set',
        'salesforce_permission_set_group_has_muting_permission_set',
      ),
    ],
    [
      Steps.MUTING_PERMISSION_SETS.id,
      pick(E, 'salesforce_muting_permission_set'),
      {},
    ],
    [
      Steps.GROUPS.id,
      pick(E, 'salesforce_group'),
      pick(
        R,
        'salesforce_account_has_group',
        'salesforce_group_assigned_user_role',
      ),
    ],
    [
      Steps.USERS.id,
      pick(E, 'salesforce_user'),
      pick(
        R,
        'salesforce_account_has_user',
        'salesforce_user_assigned_user_role',
        'salesforce_user_has_profile',
        'salesforce_user_assigned_permission_set',
      ),
    ],
    [
      Steps.USER_PERMISSION_SET_GROUP_RELATIONSHIPS.id,
      {},
      pick(R, 'salesforce_user_assigned_permission_set_group'),
    ],
    [
      Steps.GROUP_MEMBERS.id,
      {},
      pick(R, 'salesforce_group_has_user', 'salesforce_group_has_group'),
    ],
  ];

test('every step is covered below', () => {
  expect(expectations.map(([stepId]) => stepId).sort()).toEqual(
    invocationConfig.integrationSteps.map((step) => step.id).sort(),
  );
});

/**
 * toMatchStepMetadata refuses steps that declare mapped relationships;
 * those are checked by their own test below.
 */
function withoutMappedRelationships(config: StepTestConfig): StepTestConfig {
  const { invocationConfig: invocation } = config;
  return {
    ...config,
    invocationConfig: {
      ...invocation,
      integrationSteps: invocation.integrationSteps.map(
        ({ mappedRelationships: _, ...step }) => step,
      ),
    },
  };
}

test.each(expectations)(
  '%s collects the dev org exactly and matches its metadata',
  async (stepId, entities, relationships) => {
    const config = stepTestConfig(stepId, localInstanceConfig(org()));
    const result = await executeStepWithDependencies(config);
    const direct = result.collectedRelationships.filter(
      (relationship) => !('_mapping' in relationship),
    );
    expect({ ...result, collectedRelationships: direct }).toMatchStepMetadata(
      withoutMappedRelationships(config),
    );
    expect(countByType(result.collectedEntities)).toEqual(entities);
    expect(countByType(direct)).toEqual(relationships);
  },
);

test('the role and profile filters narrow the users', async () => {
  const instanceConfig = localInstanceConfig(org(), {
    userRoleFilter: '00EDo0000019yHaMAI',
    userProfileFilter: '["00eDo000000gtbIIAQ", "00eDo000000gtbKIAQ"]',
  });
  const { collectedEntities } = await executeStepWithDependencies(
    stepTestConfig(Steps.USERS.id, instanceConfig),
  );
  expect(collectedEntities.map((user) => user.username)).toEqual([
    'morgan.lee@example.com',
  ]);
});

test('fetch-users maps the people among the users', async () => {
  const config = stepTestConfig(Steps.USERS.id, localInstanceConfig(org()));
  const { collectedRelationships } = await executeStepWithDependencies(config);
  const mapped = collectedRelationships.filter(
    (relationship) => '_mapping' in relationship,
  );
  expect(mapped).toEqual([
    expect.objectContaining({
      _class: 'IS',
      _type: 'salesforce_user_is_person',
      _mapping: expect.objectContaining({
        sourceEntityKey: '005Do000000PVvJIAW',
        targetEntity: { _class: 'Person', email: 'morgan.lee@example.com' },
        targetFilterKeys: [['_class', 'email']],
        relationshipDirection: 'FORWARD',
        skipTargetCreation: true,
      }),
    }),
  ]);
});

test('fetch-permission-sets starts reading the users and the objects read with them', async () => {
  const objects = [
    'User',
    'PermissionSetAssignment',
    'TwoFactorMethodsInfo',
    'UserLogin',
  ];
  const before = { ...org().calls.byObject };
  const requestsSince = (object: string) =>
    (org().calls.byObject[object] ?? 0) - (before[object] ?? 0);
  await executeStepWithDependencies(
    stepTestConfig(Steps.PERMISSION_SETS.id, localInstanceConfig(org())),
  );
  for (let wait = 0; wait < 50 && !objects.every(requestsSince); wait++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // One page each in the dev org, and not a request more.
  expect(objects.map(requestsSince)).toEqual([1, 1, 1, 1]);
});

test('a permission set group carries what Salesforce calculated it grants, muting applied', async () => {
  const { collectedEntities } = await executeStepWithDependencies(
    stepTestConfig(Steps.PERMISSION_SET_GROUPS.id, localInstanceConfig(org())),
  );
  // Data Admin Group holds Data Admin (Modify All Data, View All Data)
  // and mutes Modify All Data.
  expect(
    collectedEntities.find((group) => group.developerName === 'DataAdminGroup'),
  ).toMatchObject({ modifyAllData: false, viewAllData: true });
});
