import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { PolicyGrant } from '../../access';
import { IntegrationConfig } from '../../config';
import { DataKeys, Entities, Relationships, Steps } from '../../constants';
import {
  PERMISSION_SET_FIELDS,
  SalesforcePermissionSet,
} from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';
import { startReadingUsers } from '../earlyReads';
import {
  createPermissionSetEntity,
  owningProfileId,
  permissionSetGrant,
} from './converter';

export async function fetchPermissionSets(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  // Not earlier: see startReadingUsers.
  startReadingUsers(context);
  const { jobState } = context;
  const accountKey = await getAccountKey(jobState);
  const ledger = new StepLedger(context, 'PermissionSet');
  const grants: Record<string, PolicyGrant> = {};
  const aggregates: Record<string, string> = {};
  await collectObject<SalesforcePermissionSet>(context, ledger, {
    query: { object: 'PermissionSet', fields: PERMISSION_SET_FIELDS },
    toEntity: createPermissionSetEntity,
    relationships: (permissionSet) => {
      const profileId = owningProfileId(permissionSet);
      if (!profileId) {
        grants[permissionSet.Id] = permissionSetGrant(permissionSet);
      }
      if (
        permissionSet.Type === 'Group' &&
        permissionSet.PermissionSetGroupId
      ) {
        aggregates[permissionSet.Id] = permissionSet.PermissionSetGroupId;
      }
      return [
        ledger.relate(
          Relationships.ACCOUNT_HAS_PERMISSION_SET,
          accountKey,
          permissionSet.Id,
        ),
        ledger.relate(
          Relationships.PROFILE_HAS_PERMISSION_SET,
          profileId,
          permissionSet.Id,
        ),
      ];
    },
  });
  await jobState.setData(DataKeys.PERMISSION_SET_GRANTS, grants);
  await jobState.setData(DataKeys.AGGREGATE_PERMISSION_SETS, aggregates);
  ledger.finish();
}

export const permissionSetSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.PERMISSION_SETS,
    entities: [Entities.PERMISSION_SET],
    relationships: [
      Relationships.ACCOUNT_HAS_PERMISSION_SET,
      Relationships.PROFILE_HAS_PERMISSION_SET,
    ],
    dependsOn: [Steps.ACCOUNT.id, Steps.PROFILES.id],
    executionHandler: fetchPermissionSets,
  },
];
