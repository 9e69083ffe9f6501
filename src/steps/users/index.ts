import { Assignment, GroupAssignment } from '../../access';
import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import {
  filtersUsers,
  IntegrationConfig,
  SalesforceSettings,
} from '../../config';
import {
  DataKeys,
  Entities,
  MappedRelationships,
  Relationships,
  Steps,
  USERS_GRAPH,
} from '../../constants';
import { getSalesforceClient } from '../../execution';
import { SalesforceUser } from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { startReadingGroupMembers, usersQuery } from '../earlyReads';
import { collectObject, Withheld } from '../collect';
import { StepLedger } from '../ledger';
import {
  AccessSources,
  readAccessSources,
  unknownPrivileges,
  userAccess,
} from './access';
import { PageFacts, ReadAlongsideUsers } from './readAlongside';
import { assignmentProperties } from '../assignmentProperties';
import {
  createUserEntity,
  createUserPersonRelationship,
  hasHiddenProfile,
  personLink,
} from './converter';

/**
 * Users carry their effective privileges, which depend on their permission
 * set assignments, and whether they have a second factor: those objects
 * are read at the same time, sorted by user, and each page of users is
 * converted as soon as what it needs is in (ReadAlongsideUsers). The user
 * ASSIGNED permission set relationships, and user IS Person for the users
 * who are people, are drawn here too; those to permission set groups are
 * left for their own step. Group members, linked after the users, start
 * to be read now.
 */
export async function fetchUsers(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState } = context;
  await startReadingGroupMembers(context);
  const accountKey = await getAccountKey(jobState);
  const sources = await readAccessSources(jobState);
  const rolesCollected = await jobState.getData<boolean>(
    DataKeys.USER_ROLES_COLLECTED,
  );
  const now = Date.now();
  const ledger = new StepLedger(context, 'User');
  const alongside = new ReadAlongsideUsers(context);
  const groupAssignments: GroupAssignment[] = [];
  const links: UserLinks = {
    accountKey,
    rolesCollected: rolesCollected === true,
    sources,
    ledger,
    assignmentLedger: alongside.assignmentLedger,
    now,
  };
  // Set by beforePage, which collectObject awaits before it uses a page.
  let page: PageFacts;
  try {
    await collectObject<SalesforceUser>(context, ledger, {
      query: usersQuery(getSalesforceClient(context).settings),
      beforePage: async (users) => {
        page = await alongside.forPage(users);
      },
      withheld: (user) =>
        privilegesUnknown(user, page.assignments(user.Id), sources, now),
      toEntity: (user, instanceUrl) =>
        createUserEntity(user, instanceUrl, {
          access: userAccess(user, page.assignments(user.Id), sources, now),
          mfaEnabled: page.mfaEnabled(user.Id),
          frozen: page.frozen(user.Id),
        }),
      relationships: (user) => {
        const assigned = page.assignments(user.Id);
        groupAssignments.push(...groupAssignmentsOf(user, assigned));
        return userRelationships(user, assigned, links);
      },
    });
    await alongside.finish();
    await jobState.setData(DataKeys.USERS_READ, true);
  } finally {
    await alongside.stop();
    // Even when the step fails midway: their memberships are left out too.
    await jobState.setData(DataKeys.WITHHELD_USERS, ledger.withheldIds);
  }
  await jobState.setData(DataKeys.GROUP_ASSIGNMENTS, groupAssignments);
  await jobState.setData(DataKeys.ASSIGNMENTS_JUDGED_AT, now);
  ledger.finish(
    noUserReturned(getSalesforceClient(context).settings, ledger),
    rolesCollected ? undefined : ROLES_NOT_COLLECTED,
    // Expired assignments: a user holding an unexpired one to a permission
    // set not collected is withheld.
    alongside.assignmentLedger.unlinkedProblem(
      Relationships.USER_ASSIGNED_PERMISSION_SET,
    ),
  );
}

/**
 * Without the roles, the users' role relationships cannot be drawn; failing
 * keeps JupiterOne from deleting them, and with them every type of this
 * step is partial for the run.
 */
const ROLES_NOT_COLLECTED = `User roles were not collected (see ${Steps.USER_ROLES.id}), so the users' ${Relationships.USER_ASSIGNED_USER_ROLE._type} relationships were left out: JupiterOne keeps what it had of the users, their roles, profiles and permission sets until UserRole can be read`;

/** Users whose privileges cannot be worked out are left out of the run. */
function privilegesUnknown(
  user: SalesforceUser,
  assigned: Assignment[],
  sources: AccessSources,
  now: number,
): Withheld | undefined {
  const unknown = unknownPrivileges(user, assigned, sources, now);
  return (
    unknown && {
      reason: `privileges unknown: ${unknown.reason}`,
      details: { missing: unknown.missing },
    }
  );
}

/** What a user's relationships link to, and where they are counted. */
interface UserLinks {
  accountKey: string;
  rolesCollected: boolean;
  sources: AccessSources;
  ledger: StepLedger;
  assignmentLedger: StepLedger;
  now: number;
}

function userRelationships(
  user: SalesforceUser,
  assigned: Assignment[],
  {
    accountKey,
    rolesCollected,
    sources,
    ledger,
    assignmentLedger,
    now,
  }: UserLinks,
) {
  return [
    ledger.relate(Relationships.ACCOUNT_HAS_USER, accountKey, user.Id),
    rolesCollected
      ? ledger.relate(
          Relationships.USER_ASSIGNED_USER_ROLE,
          user.Id,
          user.UserRoleId,
        )
      : undefined,
    profileRelationship(user, ledger),
    personRelationship(user, ledger),
    ...permissionSetRelationships(
      user,
      assigned,
      sources,
      assignmentLedger,
      now,
    ),
  ];
}

/** Kept for build-user-permission-set-group-relationships. */
function groupAssignmentsOf(
  user: SalesforceUser,
  assigned: Assignment[],
): GroupAssignment[] {
  return assigned
    .filter((assignment) => assignment.group)
    .map((assignment) => [user.Id, assignment]);
}

function permissionSetRelationships(
  user: SalesforceUser,
  assigned: Assignment[],
  sources: AccessSources,
  ledger: StepLedger,
  now: number,
) {
  return assigned
    .filter((assignment) => !assignment.group)
    .map((assignment) =>
      ledger.relate(
        Relationships.USER_ASSIGNED_PERMISSION_SET,
        user.Id,
        assignment.targetId,
        assignmentProperties(
          assignment,
          sources.permissionSets?.[assignment.targetId],
          now,
        ),
      ),
    );
}

function personRelationship(user: SalesforceUser, ledger: StepLedger) {
  const link = personLink(user);
  if (link && 'unlinked' in link) {
    ledger.omit(`link to a J1 Person: ${link.unlinked}`);
    return undefined;
  }
  return link && createUserPersonRelationship(user, link.email);
}

function profileRelationship(user: SalesforceUser, ledger: StepLedger) {
  if (user.ProfileId && hasHiddenProfile(user) && !ledger.has(user.ProfileId)) {
    ledger.omit('profile of a platform user, which the Profile query hides');
    return undefined;
  }
  return ledger.relate(Relationships.USER_HAS_PROFILE, user.Id, user.ProfileId);
}

/**
 * No user would have JupiterOne delete every user it holds. Every org has
 * at least the integration user, so more likely the filters are wrong or
 * Salesforce's answer is.
 */
function noUserReturned(
  settings: SalesforceSettings,
  ledger: StepLedger,
): string | undefined {
  if (ledger.fetchedCount > 0) return undefined;
  if (!filtersUsers(settings)) {
    return 'the User query returned no user, though every org has at least the integration user: failing rather than letting JupiterOne delete every user';
  }
  const filters = [
    settings.userRoleIds.length > 0 ? 'userRoleFilter' : undefined,
    settings.userProfileIds.length > 0 ? 'userProfileFilter' : undefined,
  ].filter(Boolean);
  return `${filters.join(' and ')} ${
    filters.length === 1 ? 'matches' : 'match'
  } no user: check the ids (failing rather than letting JupiterOne delete every user)`;
}

export const userSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.USERS,
    entities: [Entities.USER],
    relationships: [
      Relationships.ACCOUNT_HAS_USER,
      Relationships.USER_ASSIGNED_USER_ROLE,
      Relationships.USER_HAS_PROFILE,
      Relationships.USER_ASSIGNED_PERMISSION_SET,
    ],
    mappedRelationships: [MappedRelationships.USER_IS_PERSON],
    dependencyGraphId: USERS_GRAPH,
    executionHandler: fetchUsers,
  },
];
