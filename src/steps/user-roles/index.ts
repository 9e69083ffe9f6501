import {
  IntegrationStep,
  IntegrationStepExecutionContext,
  JobState,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { Entities, Relationships, Steps } from '../../constants';
import { SalesforceUserRole, USER_ROLE_FIELDS } from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { collectObject } from '../collect';
import { defined, StepLedger } from '../ledger';
import { createUserRoleEntity } from './converter';

export async function fetchUserRoles(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState } = context;
  const accountKey = await getAccountKey(jobState);
  const ledger = new StepLedger(context, 'UserRole');
  await collectObject<SalesforceUserRole>(context, ledger, {
    query: { object: 'UserRole', fields: USER_ROLE_FIELDS },
    toEntity: createUserRoleEntity,
    relationships: (role) => [
      ledger.relate(Relationships.ACCOUNT_HAS_USER_ROLE, accountKey, role.Id),
    ],
  });
  await linkRoleHierarchy(jobState, ledger);
  ledger.finish();
}

/**
 * A parent role may arrive on a later page than its child, so the hierarchy
 * is linked once every role is in the graph.
 */
async function linkRoleHierarchy(jobState: JobState, ledger: StepLedger) {
  const parentLinks: ReturnType<StepLedger['relate']>[] = [];
  await jobState.iterateEntities(
    { _type: Entities.USER_ROLE._type },
    (role) => {
      parentLinks.push(
        ledger.relate(
          Relationships.USER_ROLE_CONTAINS_USER_ROLE,
          role.parentRoleId as string | null,
          role._key,
        ),
      );
    },
  );
  await jobState.addRelationships(defined(parentLinks));
}

export const userRoleSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.USER_ROLES,
    entities: [Entities.USER_ROLE],
    relationships: [
      Relationships.ACCOUNT_HAS_USER_ROLE,
      Relationships.USER_ROLE_CONTAINS_USER_ROLE,
    ],
    dependsOn: [Steps.ACCOUNT.id],
    executionHandler: fetchUserRoles,
  },
];
