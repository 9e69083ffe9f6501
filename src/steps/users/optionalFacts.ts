import { IntegrationStepExecutionContext } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { Query } from '../../salesforce/client';
import { isMissingPermission, queryObject } from '../collect';
import { StepLedger } from '../ledger';
import { IdOrder } from './idOrder';
import { MergeByUser } from './mergeByUser';
import { unmatchedRowCounter } from './unmatchedRows';
import { OptionalUserProperty } from './converter';

export interface OptionalFacts<R, V> {
  /** Sorted by UserId. */
  query: Query;
  /** What Salesforce asks of the integration user to show the object. */
  permissionToGrant: string;
  /** The user property the rows give. */
  property: OptionalUserProperty;
  valueOf: (row: R) => V;
  /** What the rows are, for the step's summary. */
  rowsName: string;
}

/**
 * Starts reading an object that says something about users, sorted by
 * user, to be matched with the users as they arrive (see MergeByUser). It
 * needs a permission many integration users lack: without it the users'
 * property is left unset (unknown, not false) and the step goes on.
 */
export function readOptionalFacts<R extends { Id: string; UserId: string }, V>(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  ledger: StepLedger,
  order: IdOrder,
  {
    query,
    permissionToGrant,
    property,
    valueOf,
    rowsName,
  }: OptionalFacts<R, V>,
): MergeByUser<R, V> {
  const rows = queryObject<R>(context, {
    query,
    permissionToGrant,
    optionalUserProperty: property,
  });
  return new MergeByUser(ledger.countingFetched(rows), order, {
    object: query.object,
    userIdOf: (row) => row.UserId,
    valueOf,
    onUnmatched: unmatchedRowCounter(context, ledger, rowsName),
    tolerates: isMissingPermission,
  });
}
