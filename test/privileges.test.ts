import { Entity } from '@jupiterone/integration-sdk-core';
import { executeStepWithDependencies } from '@jupiterone/integration-sdk-testing';
import { loadDevOrg, OrgDataset } from '../local-salesforce/dataset';
import {
  LocalSalesforce,
  startLocalSalesforce,
} from '../local-salesforce/server';
import { Steps } from '../src/constants';
import { devOrgWithDataAdminGroupAggregateUnlinked } from './devOrg';
import { localInstanceConfig, stepTestConfig, useLocalOrg } from './localOrg';
import { IntegrationRun, LogRecord, runIntegration } from './runIntegration';

/**
 * The dev org's users, whose privileges are known by construction (see
 * local-salesforce/data/dev-org/README.md).
 */
const org = useLocalOrg();

/** What the log says of a record left out, by its id. */
function skippedRecord(run: IntegrationRun, id: string) {
  return run.logs.find(
    (record) => record.message === 'Skipped record' && record.fields.id === id,
  )?.fields;
}

async function collectUsers(
  from: LocalSalesforce = org(),
): Promise<Record<string, Entity>> {
  const { collectedEntities } = await executeStepWithDependencies(
    stepTestConfig(Steps.USERS.id, localInstanceConfig(from)),
  );
  return Object.fromEntries(collectedEntities.map((user) => [user.name, user]));
}

test('a profile grant: the System Administrator is an admin through it', async () => {
  const { 'Morgan Lee': morgan } = await collectUsers();
  expect(morgan).toMatchObject({
    admin: true,
    privileged: true,
    mfaEnabled: true,
    modifyAllDataGrantedBy: [
      'Profile: System Administrator (00eDo000000gtbIIAQ)',
    ],
    manageUsersGrantedBy: [
      'Profile: System Administrator (00eDo000000gtbIIAQ)',
    ],
  });
});

test('a group grant, muted: View All Data through the group, Modify All Data muted', async () => {
  const { 'Integration User': integration } = await collectUsers();
  expect(integration).toMatchObject({
    admin: false,
    privileged: true,
    mfaEnabled: false,
    privileges: [
      'ViewAllData',
      'ViewSetup',
      'ApiEnabled',
      'ExportReport',
      'PasswordNeverExpires',
    ],
    viewAllDataGrantedBy: [
      'Profile: Analytics Cloud Integration User (00eDo000000gtbKIAQ)',
      'Permission Set Group: Data Admin Group (DataAdminGroup)',
    ],
    exportReportGrantedBy: [
      'Permission Set Group: Data Admin Group (DataAdminGroup)',
    ],
  });
  expect(integration).not.toHaveProperty('modifyAllDataGrantedBy');
});

test('an expired grant gives nothing', async () => {
  const { 'Security User': security } = await collectUsers();
  expect(security).toMatchObject({
    admin: false,
    privileged: false,
    privileges: ['ViewSetup', 'ApiEnabled', 'PasswordNeverExpires'],
  });
  expect(security).not.toHaveProperty('manageUsersGrantedBy');
});

test('a permission set grant that has not expired yet makes an admin', async () => {
  const { 'Chatter Expert': chatter } = await collectUsers();
  expect(chatter).toMatchObject({
    admin: true,
    privileged: true,
    modifyAllDataGrantedBy: ['Permission Set: Data Admin (Data_Admin)'],
  });
});

test("a permission's grants are listed in one order, whatever order Salesforce returns the assignments in", async () => {
  const grantsOfChatterExpert = async (dataset: OrgDataset) => {
    const served = await startLocalSalesforce({ dataset });
    try {
      const { 'Chatter Expert': chatter } = await collectUsers(served);
      return Object.fromEntries(
        Object.entries(chatter).filter(([name]) => name.endsWith('GrantedBy')),
      );
    } finally {
      await served.close();
    }
  };
  // Chatter Expert holds Data Admin; given Data Admin Group as well, both
  // grant View All Data.
  const dataset = loadDevOrg();
  const groupAssignment = dataset.PermissionSetAssignment.find(
    (assignment) => assignment.PermissionSetGroupId === '0PGDoDG00000001ODA',
  );
  dataset.PermissionSetAssignment.push({
    ...groupAssignment,
    Id: '0PaDoAS00000009KDA',
    AssigneeId: '005Do000001WSt5IAG',
  });
  const reversed = {
    ...dataset,
    PermissionSetAssignment: [...dataset.PermissionSetAssignment].reverse(),
  };

  const asServed = await grantsOfChatterExpert(dataset);
  expect(asServed.viewAllDataGrantedBy).toEqual([
    'Permission Set Group: Data Admin Group (DataAdminGroup)',
    'Permission Set: Data Admin (Data_Admin)',
  ]);
  expect(await grantsOfChatterExpert(reversed)).toEqual(asServed);
});

test('a frozen user is still active, holds what they held, and is marked frozen', async () => {
  const { 'Chatter Expert': chatter, 'Morgan Lee': morgan } =
    await collectUsers();
  expect(chatter).toMatchObject({ active: true, frozen: true, admin: true });
  expect(morgan.frozen).toBe(false);
});

test.each([
  [
    'an address the J1 data model rejects',
    { Email: 'morgan@localhost' },
    'link to a J1 Person: an email address the J1 data model rejects',
  ],
  [
    'a portal (external) user type',
    { UserType: 'PowerPartner' },
    'link to a J1 Person: an external user, whose address may be of their own choosing',
  ],
])(
  "Morgan Lee with %s: no Person link, counted in the step's summary",
  async (_, change, omission) => {
    const dataset = loadDevOrg();
    dataset.User = dataset.User.map((user) =>
      user.Name === 'Morgan Lee' ? { ...user, ...change } : user,
    );
    const changed = await startLocalSalesforce({ dataset });
    try {
      const run = await runIntegration(localInstanceConfig(changed));
      const summary = run.logs.find(
        (record) => record.message === 'Collected User records',
      );
      expect(summary?.fields.omitted).toMatchObject({ [omission]: 1 });
      expect(run.relationships).not.toHaveProperty('salesforce_user_is_person');
    } finally {
      await changed.close();
    }
  },
);

test('system users without grants are neither admins nor privileged', async () => {
  const { 'Automated Process': automated } = await collectUsers();
  expect(automated).toMatchObject({
    admin: false,
    privileged: false,
    privileges: [],
  });
  // No TwoFactorMethodsInfo row: no second factor.
  expect(automated.mfaEnabled).toBe(false);
});

test('assignments carry their expiration, and groups replace their aggregate permission set', async () => {
  const { collectedRelationships } = await executeStepWithDependencies(
    stepTestConfig(Steps.USERS.id, localInstanceConfig(org())),
  );
  const assigned = collectedRelationships.filter(
    (r) => r._type === 'salesforce_user_assigned_permission_set',
  );
  const byUser = Object.fromEntries(assigned.map((r) => [r._fromEntityKey, r]));
  expect(byUser['005Do000001WSt6IAG']).toMatchObject({
    expirationDate: Date.parse('2024-01-31T00:00:00Z'),
    expired: true,
    active: true,
    activationRequired: false,
  });
  expect(byUser['005Do000001WSt5IAG']).toMatchObject({
    expirationDate: Date.parse('2031-06-30T00:00:00Z'),
    expired: false,
  });
  // The group's aggregate permission set is never linked to a user.
  expect(collectedRelationships.map((r) => r._toEntityKey)).not.toContain(
    '0PSDoDG00000001ODA',
  );
});

describe('when access objects cannot be read', () => {
  test('permission set groups: a warning, their types partial, and the users who hold one partial too', async () => {
    org().injectFaults({
      kind: 'insufficient-access',
      target: 'PermissionSetGroup',
    });
    const run = await runIntegration(localInstanceConfig(org()));
    const failed = run.steps.filter((step) => step.status !== 'success');
    expect(failed.map((step) => step.id).sort()).toEqual([
      'build-user-permission-set-group-relationships',
      'fetch-group-members',
      'fetch-permission-set-groups',
      'fetch-users',
    ]);
    expect(run.partialTypes).toEqual(
      expect.arrayContaining([
        'salesforce_permission_set_group',
        'salesforce_user_assigned_permission_set_group',
        'salesforce_user',
      ]),
    );
    expect(run.events).toContainEqual(
      expect.objectContaining({
        name: 'warn_missing_permission',
        description: expect.stringContaining('cannot read PermissionSetGroup'),
      }),
    );
    const messages = run.logs
      .map((record) => `${record.message} ${JSON.stringify(record.fields)}`)
      .join('\n');
    expect(messages).toMatch(
      '1 User record was left out, so that JupiterOne keeps what it had of them: 1 × privileges unknown: they hold a permission set group whose permissions are unknown (first: ',
    );
    // The group member left out with the user is not reported again.
    expect(messages).not.toMatch('Skipped GroupMember data');
  });

  test('group components: the groups step fails, its types partial; users get what Salesforce calculated for their groups', async () => {
    org().injectFaults({
      kind: 'invalid-type',
      target: 'PermissionSetGroupComponent',
    });
    const run = await runIntegration(localInstanceConfig(org()));
    const failed = run.steps.filter((step) => step.status !== 'success');
    expect(failed.map((step) => step.id)).toEqual([
      'fetch-permission-set-groups',
    ]);
    expect(run.partialTypes).toEqual([
      'salesforce_permission_set_group',
      'salesforce_account_has_permission_set_group',
      'salesforce_permission_set_group_has_permission_set',
      'salesforce_permission_set_group_has_muting_permission_set',
    ]);
    // Every group is written, with what its aggregate says it grants.
    expect(run.entities.salesforce_permission_set_group).toBe(11);
    expect(run.entities.salesforce_user).toBe(7);
  });

  test('a group not recalculated whose aggregate permission set is missing is left out with its users: its components may not be what they hold', async () => {
    const dataset = devOrgWithDataAdminGroupAggregateUnlinked();
    dataset.PermissionSetGroup = dataset.PermissionSetGroup.map((group) =>
      group.Id === '0PGDoDG00000001ODA'
        ? { ...group, Status: 'Failed' }
        : group,
    );
    const failedGroup = await startLocalSalesforce({ dataset });
    try {
      const run = await runIntegration(localInstanceConfig(failedGroup));
      const statusOf = (id: string) =>
        run.steps.find((step) => step.id === id)?.status;
      expect(statusOf('fetch-permission-set-groups')).toBe('failure');
      expect(statusOf('fetch-users')).toBe('failure');
      expect(run.partialTypes).toEqual(
        expect.arrayContaining([
          'salesforce_permission_set_group',
          'salesforce_user',
        ]),
      );
      expect(skippedRecord(run, '0PGDoDG00000001ODA')).toMatchObject({
        reason:
          'what it grants is unknown: the run did not collect its aggregate permission set, and Salesforce has not recalculated it (status Failed), so its components may not be what its users hold',
      });
    } finally {
      await failedGroup.close();
    }
  });

  test('group components and the aggregate permission set both missing: the users who hold the group are left out', async () => {
    const unlinked = await startLocalSalesforce({
      dataset: devOrgWithDataAdminGroupAggregateUnlinked(),
      faults: [{ kind: 'invalid-type', target: 'PermissionSetGroupComponent' }],
    });
    try {
      const run = await runIntegration(localInstanceConfig(unlinked));
      expect(run.steps.find((step) => step.id === 'fetch-users')?.status).toBe(
        'failure',
      );
      expect(run.partialTypes).toContain('salesforce_user');
      expect(skippedRecord(run, '0PGDoDG00000001ODA')).toMatchObject({
        reason:
          'what it grants is unknown: the run collected neither its aggregate permission set nor its components',
        missing: 'PermissionSetGroupComponent',
      });
    } finally {
      await unlinked.close();
    }
  });

  test('permission set assignments: a warning, and the users and what hangs off them partial', async () => {
    org().injectFaults({
      kind: 'insufficient-access',
      target: 'PermissionSetAssignment',
    });
    const run = await runIntegration(localInstanceConfig(org()));
    const failed = run.steps.filter((step) => step.status !== 'success');
    expect(failed.map((step) => step.id).sort()).toEqual([
      'build-user-permission-set-group-relationships',
      'fetch-group-members',
      'fetch-users',
    ]);
    expect(run.partialTypes).toEqual(
      expect.arrayContaining([
        'salesforce_user',
        'salesforce_user_assigned_permission_set',
        'salesforce_user_is_person',
        'salesforce_group_has_user',
      ]),
    );
    expect(run.partialTypes).not.toContain('salesforce_permission_set');
    expect(run.events).toContainEqual(
      expect.objectContaining({
        name: 'warn_missing_permission',
        description: expect.stringContaining(
          'cannot read PermissionSetAssignment',
        ),
      }),
    );
  });

  test.each([
    [
      'TwoFactorMethodsInfo',
      'mfaEnabled',
      'Manage Multi-Factor Authentication in API',
    ],
    ['UserLogin', 'frozen', 'the Manage Users permission'],
  ])(
    '%s: a warning, and %s left unset, never false',
    async (target, property, permission) => {
      org().injectFaults({ kind: 'insufficient-access', target });
      const run = await runIntegration(localInstanceConfig(org()));
      expect(run.steps.filter((step) => step.status !== 'success')).toEqual([]);
      expect(run.events).toContainEqual(
        expect.objectContaining({
          name: 'warn_missing_permission',
          description: expect.stringContaining(permission),
        }),
      );
      org().injectFaults({ kind: 'insufficient-access', target });
      const { 'Morgan Lee': morgan } = await collectUsers();
      expect(morgan[property]).toBeUndefined();
    },
  );
});

test('orphan aggregate permission sets and empty components are counted in a log line', async () => {
  const run = await runIntegration(localInstanceConfig(org()));
  const orphans = run.logs.find((record) =>
    record.message.startsWith(
      'Permission set groups not collected (deleted, or hidden from the integration user) whose aggregate permission sets were',
    ),
  );
  // Subscription Management Collections has no group row.
  expect(orphans?.fields).toMatchObject({
    count: 1,
    permissionSetIds: ['0PSDo000000PuksOAC'],
  });
  const components = run.logs.find(
    (record) => record.fields.object === 'PermissionSetGroupComponent',
  );
  expect(components?.fields.omitted).toEqual({
    'component without a permission set': 1,
  });
});

/**
 * The dev org as it is while Data Admin Group waits to be recalculated:
 * its muting permission set now mutes Modify All Data, but the aggregate
 * permission set Salesforce calculated before still grants it.
 */
function devOrgWithDataAdminGroup(status: string): OrgDataset {
  const dataset = loadDevOrg();
  dataset.PermissionSetGroup = dataset.PermissionSetGroup.map((group) =>
    group.Id === '0PGDoDG00000001ODA' ? { ...group, Status: status } : group,
  );
  dataset.PermissionSet = dataset.PermissionSet.map((permissionSet) =>
    permissionSet.Id === '0PSDoDG00000001ODA'
      ? { ...permissionSet, PermissionsModifyAllData: true }
      : permissionSet,
  );
  return dataset;
}

function recalculationLog(logs: LogRecord[]) {
  return logs.find((record) =>
    record.message.includes('whose components grant other permissions'),
  );
}

describe('a permission set group not recalculated yet', () => {
  const outdated = useLocalOrg({
    dataset: devOrgWithDataAdminGroup('Outdated'),
  });

  test('its users hold what Salesforce last calculated for it, not what its components would grant', async () => {
    const { 'Integration User': integration } = await collectUsers(outdated());
    expect(integration).toMatchObject({
      admin: true,
      modifyAllDataGrantedBy: [
        'Permission Set Group: Data Admin Group (DataAdminGroup)',
      ],
    });
  });

  test('a warning names the group, its status and the permissions its recalculation will change', async () => {
    const run = await runIntegration(localInstanceConfig(outdated()));
    const warning = recalculationLog(run.logs);
    expect(warning?.level).toBe('warn');
    expect(warning?.message).toBe(
      '1 permission set group not recalculated (status Outdated, Updating or Failed) whose components grant other permissions: their users are given what Salesforce last calculated, until a recalculation succeeds (Permission Set Group: Data Admin Group (DataAdminGroup) is Outdated)',
    );
    // `run` posts it to the job's log too.
    expect(run.events).toContainEqual(
      expect.objectContaining({ level: 'warn', description: warning?.message }),
    );
    expect(warning?.fields.groups).toEqual([
      {
        groupId: '0PGDoDG00000001ODA',
        group: 'Permission Set Group: Data Admin Group (DataAdminGroup)',
        status: 'Outdated',
        componentsAlsoGrant: [],
        componentsDoNotGrant: ['ModifyAllData'],
      },
    ]);
  });
});

describe('an Updated permission set group whose components differ', () => {
  const updated = useLocalOrg({
    dataset: devOrgWithDataAdminGroup('Updated'),
  });

  test('its users hold what Salesforce calculated, and the difference is logged as information', async () => {
    const run = await runIntegration(localInstanceConfig(updated()));
    expect(recalculationLog(run.logs)?.level).toBe('info');
    const { 'Integration User': integration } = await collectUsers(updated());
    expect(integration.admin).toBe(true);
  });
});

test('groups whose components agree with what Salesforce calculated log nothing about it', async () => {
  const run = await runIntegration(localInstanceConfig(org()));
  expect(recalculationLog(run.logs)).toBeUndefined();
});
