import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { DataKeys, Steps } from '../../constants';
import {
  SalesforceTwoFactorMethodsInfo,
  TWO_FACTOR_METHODS_INFO_FIELDS,
} from '../../salesforce/objects';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';
import { hasSecondFactor } from './converter';

/**
 * Who has a second factor, for the users' `mfaEnabled`. When the object
 * cannot be read, nothing is stored and `mfaEnabled` stays unset (unknown,
 * not false).
 */
export async function fetchTwoFactorMethods(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const ledger = new StepLedger(context, 'TwoFactorMethodsInfo');
  const mfa: Record<string, boolean> = {};
  const readable = await collectObject<SalesforceTwoFactorMethodsInfo>(
    context,
    ledger,
    {
      query: {
        object: 'TwoFactorMethodsInfo',
        fields: TWO_FACTOR_METHODS_INFO_FIELDS,
      },
      relationships: (info) => {
        mfa[info.UserId] = hasSecondFactor(info);
        return [];
      },
      permissionToGrant:
        'the Manage Multi-Factor Authentication in API permission',
      optional: true,
    },
  );
  if (readable) {
    await context.jobState.setData(DataKeys.MFA_BY_USER, mfa);
  }
  ledger.finish();
}

export const twoFactorMethodSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.TWO_FACTOR_METHODS,
    entities: [],
    relationships: [],
    executionHandler: fetchTwoFactorMethods,
  },
];
