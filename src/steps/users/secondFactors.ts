import { IntegrationStepExecutionContext } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { SalesforceTwoFactorMethodsInfo } from '../../salesforce/objects';
import { isMissingPermission, queryObject } from '../collect';
import { SECOND_FACTORS_QUERY } from '../earlyReads';
import { StepLedger } from '../ledger';
import { IdOrder } from './idOrder';
import { MergeByUser } from './mergeByUser';
import { unmatchedRowCounter } from './unmatchedRows';

/**
 * A second factor the user can sign in with: an authenticator app, a
 * security key, Salesforce Authenticator or a built-in authenticator. A
 * verified email address or a temporary code is not one.
 */
export function hasSecondFactor(info: SalesforceTwoFactorMethodsInfo): boolean {
  return (
    info.HasTotp === true ||
    info.HasU2F === true ||
    info.HasSalesforceAuthenticator === true ||
    info.HasSecurityKey === true ||
    info.HasBuiltInAuthenticator === true
  );
}

/**
 * Starts reading who has which second factor, sorted by user, to be
 * matched with the users as they arrive (see MergeByUser). The object
 * needs a permission many integration users lack: without it the users'
 * `mfaEnabled` is left unset (unknown, not false) and the step goes on.
 */
export function readSecondFactors(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  ledger: StepLedger,
  order: IdOrder,
): MergeByUser<SalesforceTwoFactorMethodsInfo, boolean> {
  const rows = queryObject<SalesforceTwoFactorMethodsInfo>(context, {
    query: SECOND_FACTORS_QUERY,
    permissionToGrant:
      'the Manage Multi-Factor Authentication in API permission',
    optional: true,
  });
  return new MergeByUser(ledger.countingFetched(rows), order, {
    object: 'TwoFactorMethodsInfo',
    userIdOf: (row) => row.UserId,
    valueOf: hasSecondFactor,
    onUnmatched: unmatchedRowCounter(context, ledger, 'second factors'),
    tolerates: isMissingPermission,
  });
}
