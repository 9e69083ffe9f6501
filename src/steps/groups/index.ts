import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { DataKeys, Entities, Relationships, Steps } from '../../constants';
import { GROUP_FIELDS, SalesforceGroup } from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';
import { createGroupEntity, roleIdOfGroup } from './converter';

export async function fetchGroups(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const accountKey = await getAccountKey(context.jobState);
  const ledger = new StepLedger(context, 'Group');
  await collectObject<SalesforceGroup>(context, ledger, {
    query: { object: 'Group', fields: GROUP_FIELDS },
    toEntity: createGroupEntity,
    relationships: (group) => [
      ledger.relate(Relationships.ACCOUNT_HAS_GROUP, accountKey, group.Id),
      ledger.relate(
        Relationships.GROUP_ASSIGNED_USER_ROLE,
        group.Id,
        roleIdOfGroup(group),
      ),
    ],
  });
  ledger.finish();
  // Only once nothing was withheld: a step that links to these entities
  // fails without it, rather than lose the links of those left out.
  await context.jobState.setData(DataKeys.GROUPS_COLLECTED, true);
}

export const groupSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.GROUPS,
    entities: [Entities.GROUP],
    relationships: [
      Relationships.ACCOUNT_HAS_GROUP,
      Relationships.GROUP_ASSIGNED_USER_ROLE,
    ],
    dependsOn: [Steps.ACCOUNT.id, Steps.USER_ROLES.id],
    executionHandler: fetchGroups,
  },
];
