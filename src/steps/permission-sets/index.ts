import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { DataKeys, Entities, Relationships, Steps } from '../../constants';
import {
  PERMISSION_SET_FIELDS,
  SalesforcePermissionSet,
} from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';
import { createPermissionSetEntity, owningProfileId } from './converter';

export async function fetchPermissionSets(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState } = context;
  const accountKey = await getAccountKey(jobState);
  const ledger = new StepLedger(context, 'PermissionSet');
  const profileOwned: string[] = [];
  await collectObject<SalesforcePermissionSet>(context, ledger, {
    query: { object: 'PermissionSet', fields: PERMISSION_SET_FIELDS },
    toEntity: createPermissionSetEntity,
    relationships: (permissionSet) => {
      const profileId = owningProfileId(permissionSet);
      if (profileId) profileOwned.push(permissionSet.Id);
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
  await jobState.setData(DataKeys.PROFILE_OWNED_PERMISSION_SETS, profileOwned);
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
