import { IntegrationStepExecutionContext } from '@jupiterone/integration-sdk-core';
import { filtersUsers, IntegrationConfig } from '../../config';
import { getSalesforceClient } from '../../execution';
import { StepLedger } from '../ledger';

/**
 * Counts rows read alongside the users that name a user the User query did
 * not return. Outside the configured filters that is by design. With no
 * filter it is not: the user was created during the run, or Salesforce's
 * user sharing hides them from the integration user, whose users then go
 * missing from the graph; so it is warned about.
 */
export function unmatchedRowCounter(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  ledger: StepLedger,
  rowsName: string,
): (count: number) => void {
  if (filtersUsers(getSalesforceClient(context).settings)) {
    return (count) =>
      ledger.omit(`${rowsName} of users outside the configured filters`, count);
  }
  return (count) =>
    ledger.skipMany(
      `${rowsName} of users the User query did not return (created during the run, or hidden from the integration user: grant it View All Users)`,
      count,
    );
}
