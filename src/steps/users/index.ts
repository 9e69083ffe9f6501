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
  Relationships,
  Steps,
  USERS_GRAPH,
} from '../../constants';
import { getSalesforceClient } from '../../execution';
import { Query } from '../../salesforce/client';
import { SalesforceUser, USER_FIELDS } from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';
import { missingSources, readAccessSources, userAccess } from './access';
import { createUserEntity, isPlatformUser, personEmail } from './converter';
import { incompleteStepError } from '../incomplete';

/** The configured role and profile filters both apply. */
function usersQuery(settings: SalesforceSettings): Query {
  return {
    object: 'User',
    fields: USER_FIELDS,
    filters: [
      { field: 'UserRoleId', ids: settings.userRoleIds },
      { field: 'ProfileId', ids: settings.userProfileIds },
    ],
  };
}

export async function fetchUsers(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState, logger } = context;
  const accountKey = await getAccountKey(jobState);
  const sources = await readAccessSources(jobState);
  if (!sources.groups) {
    logger.warn(
      'Permission set groups were not collected: privileges granted through them are not counted',
    );
  }
  const now = Date.now();
  const ledger = new StepLedger(context, 'User');
  const people: [string, string][] = [];
  await collectObject<SalesforceUser>(context, ledger, {
    query: usersQuery(getSalesforceClient(context).settings),
    toEntity: (user, instanceUrl) =>
      createUserEntity(user, instanceUrl, userAccess(user, sources, now)),
    relationships: (user) => {
      notePerson(user, people);
      return [
        ledger.relate(Relationships.ACCOUNT_HAS_USER, accountKey, user.Id),
        ledger.relate(
          Relationships.USER_ASSIGNED_USER_ROLE,
          user.Id,
          user.UserRoleId,
        ),
        profileRelationship(user, ledger),
      ];
    },
  });
  await jobState.setData(DataKeys.PERSON_EMAILS, people);
  ledger.finish();
  failIfUnderstated(missingSources(sources));
  failIfFiltersMatchNobody(getSalesforceClient(context).settings, ledger);
}

function profileRelationship(user: SalesforceUser, ledger: StepLedger) {
  if (user.ProfileId && isPlatformUser(user) && !ledger.has(user.ProfileId)) {
    ledger.omit('profile of a platform user, which the Profile query hides');
    return undefined;
  }
  return ledger.relate(Relationships.USER_HAS_PROFILE, user.Id, user.ProfileId);
}

/**
 * Filters that match no user would have JupiterOne delete every user it
 * holds; more likely they are wrong.
 */
function failIfFiltersMatchNobody(
  settings: SalesforceSettings,
  ledger: StepLedger,
) {
  if (filtersUsers(settings) && ledger.entityCount === 0) {
    const filters = [
      settings.userRoleIds.length > 0 ? 'userRoleFilter' : undefined,
      settings.userProfileIds.length > 0 ? 'userProfileFilter' : undefined,
    ].filter(Boolean);
    throw incompleteStepError(
      `${filters.join(
        ' and ',
      )} match no user: check the ids (failing rather than letting JupiterOne delete every user)`,
    );
  }
}

/** Keeps who is a person for build-user-person-relationships. */
function notePerson(user: SalesforceUser, people: [string, string][]) {
  const email = personEmail(user);
  if (email) people.push([user.Id, email]);
}

/**
 * Users whose privileges were computed without their profiles, permission
 * sets or assignments would read as less privileged than they are: the
 * step fails, so that their data is marked partial.
 */
function failIfUnderstated(missing: string[]) {
  if (missing.length > 0) {
    throw incompleteStepError(
      `Users were collected, but their privileges leave out ${missing.join(
        ', ',
      )}, which could not be collected (see the failed steps)`,
    );
  }
}

export const userSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.USERS,
    entities: [Entities.USER],
    relationships: [
      Relationships.ACCOUNT_HAS_USER,
      Relationships.USER_ASSIGNED_USER_ROLE,
      Relationships.USER_HAS_PROFILE,
    ],
    dependencyGraphId: USERS_GRAPH,
    executionHandler: fetchUsers,
  },
];
