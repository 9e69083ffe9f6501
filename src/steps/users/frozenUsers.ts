import { IntegrationStepExecutionContext } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { SalesforceUserLogin } from '../../salesforce/objects';
import { isMissingPermission, queryObject } from '../collect';
import { FROZEN_USERS_QUERY } from '../earlyReads';
import { StepLedger } from '../ledger';
import { IdOrder } from './idOrder';
import { MergeByUser } from './mergeByUser';
import { unmatchedRowCounter } from './unmatchedRows';

/**
 * Starts reading which users are frozen, sorted by user, to be matched with
 * the users as they arrive (see MergeByUser). UserLogin needs Manage Users,
 * which an integration user that only reads seldom holds: without it the
 * users' `frozen` is left unset (unknown, not false) and the step goes on.
 */
export function readFrozenUsers(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  ledger: StepLedger,
  order: IdOrder,
): MergeByUser<SalesforceUserLogin, boolean> {
  const rows = queryObject<SalesforceUserLogin>(context, {
    query: FROZEN_USERS_QUERY,
    permissionToGrant: 'the Manage Users permission',
    optional: true,
  });
  return new MergeByUser(ledger.countingFetched(rows), order, {
    object: 'UserLogin',
    userIdOf: (row) => row.UserId,
    valueOf: (row) => row.IsFrozen === true,
    onUnmatched: unmatchedRowCounter(context, ledger, 'frozen logins'),
    tolerates: isMissingPermission,
  });
}
