import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig, SalesforceSettings } from '../../config';
import { Entities, Relationships, Steps } from '../../constants';
import { getSalesforceClient } from '../../execution';
import { Query } from '../../salesforce/client';
import { SalesforceUser, USER_FIELDS } from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';
import { createUserEntity } from './converter';

/** The configured role and profile filters both apply. */
export function usersQuery(settings: SalesforceSettings): Query {
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
  const accountKey = await getAccountKey(context.jobState);
  const ledger = new StepLedger(context, 'User');
  await collectObject<SalesforceUser>(context, ledger, {
    query: usersQuery(getSalesforceClient(context).settings),
    toEntity: createUserEntity,
    relationships: (user) => [
      ledger.relate(Relationships.ACCOUNT_HAS_USER, accountKey, user.Id),
      ledger.relate(
        Relationships.USER_ASSIGNED_USER_ROLE,
        user.Id,
        user.UserRoleId,
      ),
      ledger.relate(Relationships.USER_HAS_PROFILE, user.Id, user.ProfileId),
    ],
  });
  ledger.finish();
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
    dependsOn: [Steps.ACCOUNT.id, Steps.USER_ROLES.id, Steps.PROFILES.id],
    executionHandler: fetchUsers,
  },
];
