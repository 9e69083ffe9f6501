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
import { OptionalUserProperty } from './users/converter';
import { defined, StepLedger } from './ledger';
import { RelationshipBatches } from './relationshipBatches';
import { clientLog, warnOperator } from './operatorLog';

/** A record left out of the graph: why, and what to log with its id. */
export interface Withheld {
  reason: string;
  details?: object;
}

export interface ObjectCollection<R> {
  query: Query;
  /** The entity a record becomes; join objects become relationships only. */
  toEntity?: (record: R, instanceUrl: string) => Entity;
  /**
   * The relationships of a record now in the graph (neither withheld nor
   * failed to convert); also where a step notes what later steps need of
   * the records it keeps.
   */
  relationships: (record: R) => (Relationship | undefined)[];
  /** Awaited with each page before its records are converted. */
  beforePage?: (records: R[]) => Promise<void>;
  /** Why a record must be left out of the graph this run, if it must. */
  withheld?: (record: R) => Withheld | undefined;
  /** The permission to name when the object cannot be read. */
  permissionToGrant?: string;
  /**
   * Set for an object that only gives the users this property: when it
   * cannot be read, the caller carries on without it instead of failing
   * (which would mark its types partial), and the warning names it.
   */
  optionalUserProperty?: OptionalUserProperty;
}

/**
 * Records added between two turns of the event loop. Responses that
 * arrive while a page is converted (the next page, and other queries of a
 * step) are read in between, so that their next requests go out at once.
 */
const SLICE_SIZE = 250;

const nextTurnOfEventLoop = () =>
  new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Streams a query's records into the graph a page at a time: a page's
 * entities first, so that its own relationships can find their keys.
 */
export async function collectObject<R extends { Id: string }>(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  ledger: StepLedger,
  collection: ObjectCollection<R>,
): Promise<void> {
  const batches = new RelationshipBatches(context.jobState);
  try {
    await collectPages(context, ledger, collection, batches);
  } catch (err) {
    // The step fails without reaching its summary: say how far it got.
    ledger.logCounts();
    throw err;
  }
  await batches.addRest();
}

async function collectPages<R extends { Id: string }>(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  ledger: StepLedger,
  collection: ObjectCollection<R>,
  batches: RelationshipBatches,
): Promise<void> {
  const { toEntity, relationships, beforePage, withheld } = collection;
  const { jobState } = context;
  const { instanceUrl } = getSalesforceClient(context);
  for await (const page of queryObject<R>(context, collection)) {
    await beforePage?.(page);
    for (let start = 0; start < page.length; start += SLICE_SIZE) {
      const slice = page.slice(start, start + SLICE_SIZE);
      let records = withheld ? kept(slice, withheld, ledger) : slice;
      if (toEntity) {
        const converted = ledger.convert(records, (record) =>
          toEntity(record, instanceUrl),
        );
        await jobState.addEntities(converted.entities);
        records = converted.records;
      } else {
        ledger.countFetched(records);
      }
      await batches.add(defined(records.flatMap(relationships)));
      await nextTurnOfEventLoop();
    }
  }
}

function kept<R extends { Id: string }>(
  records: R[],
  withheld: (record: R) => Withheld | undefined,
  ledger: StepLedger,
): R[] {
  return records.filter((record) => {
    const why = withheld(record);
    if (why) ledger.withhold(why.reason, record.Id, why.details);
    return why === undefined;
  });
}

/**
 * A query's records page by page. An object the integration user cannot
 * read is reported (what to grant) before the error is passed on.
 */
export async function* queryObject<R extends { Id: string }>(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  collection: Pick<
    ObjectCollection<R>,
    'query' | 'permissionToGrant' | 'optionalUserProperty'
  >,
): AsyncGenerator<R[]> {
  const client = getSalesforceClient(context);
  try {
    yield* client.query<R>(collection.query, clientLog(context.logger));
  } catch (err) {
    if (isMissingPermission(err)) reportMissingPermission(context, collection);
    throw err;
  }
}

export function isMissingPermission(err: unknown): boolean {
  return err instanceof IntegrationProviderAuthorizationError;
}

/**
 * Unless the object is optional, the step still fails, so that its types
 * are partial and JupiterOne keeps what it had; the event tells the user
 * what to grant. `collect` drops events (only `run` posts them), so the
 * same words are logged too.
 */
function reportMissingPermission<R>(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  {
    query: { object },
    permissionToGrant,
    optionalUserProperty,
  }: Pick<
    ObjectCollection<R>,
    'query' | 'permissionToGrant' | 'optionalUserProperty'
  >,
) {
  const grant =
    permissionToGrant ??
    `read access to ${object} (View Setup and Configuration covers the setup objects)`;
  const consequence = optionalUserProperty
    ? `\`${optionalUserProperty}\` is left unset on every user, and JupiterOne drops the values it held.`
    : 'Its data is marked partial: JupiterOne keeps what it had of it.';
  const description = `The integration user cannot read ${object}: grant it ${grant}, or the org lacks that object. ${consequence}`;
  warnOperator(
    context.logger,
    { object },
    description,
    IntegrationWarnEventName.MissingPermission,
  );
}
