import {
  IntegrationStep,
  IntegrationStepExecutionContext,
  JobState,
} from '@jupiterone/integration-sdk-core';
import {
  aggregateMasks,
  GroupGrant,
  PermissionMask,
  PolicyGrant,
} from '../../access';
import { IntegrationConfig } from '../../config';
import { DataKeys, Entities, Relationships, Steps } from '../../constants';
import { SalesforcePermissionSetGroup } from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { collectObject } from '../collect';
import { PERMISSION_SET_GROUPS_QUERY } from '../earlyReads';
import { StepLedger } from '../ledger';
import { createPermissionSetGroupEntity, emptyGroupGrant } from './converter';

export async function fetchPermissionSetGroups(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const accountKey = await getAccountKey(context.jobState);
  const calculated = await calculatedMasks(context.jobState);
  const ledger = new StepLedger(context, 'PermissionSetGroup');
  const groups: Record<string, GroupGrant> = {};
  await collectObject<SalesforcePermissionSetGroup>(context, ledger, {
    query: PERMISSION_SET_GROUPS_QUERY,
    toEntity: (group, instanceUrl) =>
      createPermissionSetGroupEntity(
        group,
        instanceUrl,
        calculated.get(group.Id),
      ),
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

/** What Salesforce calculated each group grants, by group id. */
async function calculatedMasks(
  jobState: JobState,
): Promise<Map<string, PermissionMask>> {
  return aggregateMasks(
    (await jobState.getData<Record<string, string>>(
      DataKeys.AGGREGATE_PERMISSION_SETS,
    )) ?? {},
    await jobState.getData<Record<string, PolicyGrant>>(
      DataKeys.PERMISSION_SET_GRANTS,
    ),
  );
}

export const permissionSetGroupSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.PERMISSION_SET_GROUPS,
    entities: [Entities.PERMISSION_SET_GROUP],
    relationships: [Relationships.ACCOUNT_HAS_PERMISSION_SET_GROUP],
    // The permission sets hold each group's aggregate permission set.
    dependsOn: [Steps.ACCOUNT.id, Steps.PERMISSION_SETS.id],
    executionHandler: fetchPermissionSetGroups,
  },
];
