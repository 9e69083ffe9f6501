import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { DataKeys, Entities, Relationships, Steps } from '../../constants';
import { SalesforceUserRole, USER_ROLE_FIELDS } from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { collectObject } from '../collect';
import { defined, StepLedger } from '../ledger';
import { createUserRoleEntity } from './converter';

/**
 * A parent role may arrive on a later page than its child, so the hierarchy
 * is linked once every role is in the graph, from the parent ids kept on
 * the way. (Reading the roles back with iterateEntities could yield a role
 * twice: the SDK reads its buffer, then its files, and another step's
 * flush may move the role from one to the other in between.)
 */
export async function fetchUserRoles(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState } = context;
  const accountKey = await getAccountKey(jobState);
  const ledger = new StepLedger(context, 'UserRole');
  const parents: [string, string | null][] = [];
  await collectObject<SalesforceUserRole>(context, ledger, {
    query: { object: 'UserRole', fields: USER_ROLE_FIELDS },
    toEntity: createUserRoleEntity,
    relationships: (role) => {
      parents.push([role.Id, role.ParentRoleId]);
      return [
        ledger.relate(Relationships.ACCOUNT_HAS_USER_ROLE, accountKey, role.Id),
      ];
    },
  });
  await jobState.addRelationships(
    defined(
      parents.map(([roleId, parentId]) =>
        ledger.relate(
          Relationships.USER_ROLE_CONTAINS_USER_ROLE,
          parentId,
          roleId,
        ),
      ),
    ),
  );
  ledger.finish();
  // Only once nothing was withheld: a step that links to these entities
  // fails without it, rather than lose the links of those left out.
  await jobState.setData(DataKeys.USER_ROLES_COLLECTED, true);
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
