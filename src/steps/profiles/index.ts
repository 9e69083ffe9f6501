import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { Grant } from '../../access';
import { DataKeys, Entities, Relationships, Steps } from '../../constants';
import { PROFILE_FIELDS, SalesforceProfile } from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { collectObject } from '../collect';
import { startReadingPermissionSetGroups } from '../earlyReads';
import { StepLedger } from '../ledger';
import { createProfileEntity, profileGrant } from './converter';

export async function fetchProfiles(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  startReadingPermissionSetGroups(context);
  const accountKey = await getAccountKey(context.jobState);
  const ledger = new StepLedger(context, 'Profile');
  const grants: Record<string, Grant> = {};
  await collectObject<SalesforceProfile>(context, ledger, {
    query: { object: 'Profile', fields: PROFILE_FIELDS },
    toEntity: createProfileEntity,
    relationships: (profile) => {
      grants[profile.Id] = profileGrant(profile);
      return [
        ledger.relate(
          Relationships.ACCOUNT_HAS_PROFILE,
          accountKey,
          profile.Id,
        ),
      ];
    },
  });
  await context.jobState.setData(DataKeys.PROFILE_GRANTS, grants);
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
