import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { Entities, Steps } from '../../constants';
import {
  ORGANIZATION_FIELDS,
  SalesforceOrganization,
} from '../../salesforce/objects';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';
import { createAccountEntity } from './converter';
import { incompleteStepError } from '../incomplete';

export async function fetchAccount(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const ledger = new StepLedger(context, 'Organization');
  await collectObject<SalesforceOrganization>(context, ledger, {
    query: { object: 'Organization', fields: ORGANIZATION_FIELDS },
    toEntity: createAccountEntity,
    relationships: () => [],
  });
  ledger.finish();
  if (ledger.entityCount === 0) {
    throw incompleteStepError(
      'Salesforce returned no Organization record: the account entity, which every other entity hangs off, cannot be built',
    );
  }
}

export const accountSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.ACCOUNT,
    entities: [Entities.ACCOUNT],
    relationships: [],
    executionHandler: fetchAccount,
  },
];
