import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { PermissionMask, permissionMask } from '../../access';
import { IntegrationConfig } from '../../config';
import { DataKeys, Entities, Steps } from '../../constants';
import {
  MUTING_PERMISSION_SET_FIELDS,
  SalesforceMutingPermissionSet,
} from '../../salesforce/objects';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';
import { createMutingPermissionSetEntity } from './converter';

export async function fetchMutingPermissionSets(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const ledger = new StepLedger(context, 'MutingPermissionSet');
  const muted: Record<string, PermissionMask> = {};
  await collectObject<SalesforceMutingPermissionSet>(context, ledger, {
    query: {
      object: 'MutingPermissionSet',
      fields: MUTING_PERMISSION_SET_FIELDS,
    },
    toEntity: createMutingPermissionSetEntity,
    relationships: (muting) => {
      muted[muting.Id] = permissionMask(muting);
      return [];
    },
  });
  await context.jobState.setData(DataKeys.MUTED_PERMISSIONS, muted);
  ledger.finish();
}

export const mutingPermissionSetSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.MUTING_PERMISSION_SETS,
    entities: [Entities.MUTING_PERMISSION_SET],
    relationships: [],
    executionHandler: fetchMutingPermissionSets,
  },
];
