import {
  Entity,
  IntegrationStepExecutionContext,
  Relationship,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../config';
import { getSalesforceClient } from '../execution';
import { defined, StepLedger } from './ledger';

export interface ObjectCollection<R> {
  query: string;
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
  const { jobState } = context;
  const client = getSalesforceClient(context);
  const { instanceUrl } = client.settings;
  for await (const records of client.queryPages<R>(query)) {
    if (toEntity) {
      await jobState.addEntities(
        ledger.convert(records, (record) => toEntity(record, instanceUrl)),
      );
    } else {
      ledger.countFetched(records);
    }
    await jobState.addRelationships(defined(records.flatMap(relationships)));
  }
}
