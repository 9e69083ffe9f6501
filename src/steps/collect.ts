import {
  Entity,
  IntegrationProviderAuthorizationError,
  IntegrationStepExecutionContext,
  IntegrationWarnEventName,
  Relationship,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../config';
import { getSalesforceClient } from '../execution';
import { Query } from '../salesforce/client';
import { defined, StepLedger } from './ledger';

export interface ObjectCollection<R> {
  query: Query;
  /** The entity a record becomes; join objects become relationships only. */
  toEntity?: (record: R, instanceUrl: string) => Entity;
  relationships: (record: R) => (Relationship | undefined)[];
}

/**
 * Streams a query's records into the graph a page at a time: a page's
 * entities first, so that its own relationships can find their keys.
 */
export async function collectObject<R extends { Id: string }>(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  ledger: StepLedger,
  { query, toEntity, relationships }: ObjectCollection<R>,
): Promise<void> {
  const { jobState, logger } = context;
  const client = getSalesforceClient(context);
  try {
    for await (const records of client.query<R>(query, logger)) {
      if (toEntity) {
        await jobState.addEntities(
          ledger.convert(records, (record) =>
            toEntity(record, client.instanceUrl),
          ),
        );
      } else {
        ledger.countFetched(records);
      }
      await jobState.addRelationships(defined(records.flatMap(relationships)));
    }
  } catch (err) {
    if (err instanceof IntegrationProviderAuthorizationError) {
      reportMissingPermission(context, query.object);
    }
    throw err;
  } finally {
    ledger.apiUsage = client.apiUsage;
  }
}

/**
 * The step still fails, so that its types are partial and JupiterOne keeps
 * what it had; the event tells the user what to grant. `collect` drops
 * events (only `run` posts them), so the same words are logged too.
 */
function reportMissingPermission(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  object: string,
) {
  const description = `The integration user cannot read ${object}: grant it read access to ${object} (View Setup and Configuration covers the setup objects), or the org lacks that object. Its data is marked partial.`;
  context.logger.warn({ object }, description);
  context.logger.publishWarnEvent({
    name: IntegrationWarnEventName.MissingPermission,
    description,
  });
}
