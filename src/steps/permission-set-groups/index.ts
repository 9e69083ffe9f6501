import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { GroupGrant } from '../../access';
import { IntegrationConfig } from '../../config';
import { DataKeys, Entities, Relationships, Steps } from '../../constants';
import {
  PERMISSION_SET_GROUP_FIELDS,
  SalesforcePermissionSetGroup,
} from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';
import { createPermissionSetGroupEntity, emptyGroupGrant } from './converter';

export async function fetchPermissionSetGroups(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const accountKey = await getAccountKey(context.jobState);
  const ledger = new StepLedger(context, 'PermissionSetGroup');
  const groups: Record<string, GroupGrant> = {};
  await collectObject<SalesforcePermissionSetGroup>(context, ledger, {
    query: {
      object: 'PermissionSetGroup',
      fields: PERMISSION_SET_GROUP_FIELDS,
    },
    toEntity: createPermissionSetGroupEntity,
    relationships: (group) => {
      groups[group.Id] = emptyGroupGrant(group);
      return [
        ledger.relate(
          Relationships.ACCOUNT_HAS_PERMISSION_SET_GROUP,
          accountKey,
          group.Id,
        ),
      ];
    },
  });
  await context.jobState.setData(DataKeys.PERMISSION_SET_GROUPS, groups);
  ledger.finish();
}

export const permissionSetGroupSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.PERMISSION_SET_GROUPS,
    entities: [Entities.PERMISSION_SET_GROUP],
    relationships: [Relationships.ACCOUNT_HAS_PERMISSION_SET_GROUP],
    dependsOn: [Steps.ACCOUNT.id],
    executionHandler: fetchPermissionSetGroups,
  },
];
