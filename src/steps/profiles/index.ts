import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { Entities, Relationships, Steps } from '../../constants';
import { PROFILE_FIELDS, SalesforceProfile } from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';
import { createProfileEntity } from './converter';

export async function fetchProfiles(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const accountKey = await getAccountKey(context.jobState);
  const ledger = new StepLedger(context, 'Profile');
  await collectObject<SalesforceProfile>(context, ledger, {
    query: { object: 'Profile', fields: PROFILE_FIELDS },
    toEntity: createProfileEntity,
    relationships: (profile) => [
      ledger.relate(Relationships.ACCOUNT_HAS_PROFILE, accountKey, profile.Id),
    ],
  });
  ledger.finish();
}

export const profileSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.PROFILES,
    entities: [Entities.PROFILE],
    relationships: [Relationships.ACCOUNT_HAS_PROFILE],
    dependsOn: [Steps.ACCOUNT.id],
    executionHandler: fetchProfiles,
  },
];
