import { IntegrationProviderAPIError } from '@jupiterone/integration-sdk-core';
import { IdSet } from './idSet';

/** What the client logs through (src/steps/operatorLog.ts makes one). */
export interface ClientLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  /**
   * A warning the operator must act on, or must know changed the data:
   * also posted to the job's log in JupiterOne, where `warn` is not.
   */
  alert(fields: object, message: string): void;
}

/** One page of a query, as Salesforce answers it. */
export interface QueryPage<T> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}

/**
 * A query that yields fewer distinct records than Salesforce counted would
 * have JupiterOne delete the rest: it fails instead.
 */
export function checkComplete(
  object: string,
  received: number,
  totalSize: number,
  log: ClientLog,
) {
  if (received < totalSize) {
    throw new IntegrationProviderAPIError({
      endpoint: object,
      status: 'INCOMPLETE',
      statusText: `received ${received} distinct ${object} records of the ${totalSize} Salesforce counted (totalSize); failing rather than letting JupiterOne delete the rest`,
    });
  }
  if (received > totalSize) {
    log.info(
      { object, received, totalSize },
      'Records were added while the query ran',
    );
  }
}

/** What an answer not shaped as Salesforce shapes it most likely means. */
export const NOT_FROM_SALESFORCE =
  'a proxy or gateway between the integration and Salesforce may have answered instead; check instanceUrl, and run again';

/**
 * A success that is not a page of records (a proxy's own answer, say)
 * fails the query, naming it, rather than a TypeError further on.
 */
export function checkIsPage<T>(
  page: unknown,
  object: string,
  endpoint: string,
): asserts page is QueryPage<T> {
  const candidate = page as Partial<QueryPage<T>> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    !Array.isArray(candidate.records) ||
    typeof candidate.done !== 'boolean' ||
    typeof candidate.totalSize !== 'number'
  ) {
    throw new IntegrationProviderAPIError({
      endpoint,
      status: 'NOT_A_PAGE',
      statusText: `the answer to the ${object} query is not a page of records (no records, done and totalSize): ${NOT_FROM_SALESFORCE}`,
    });
  }
}

export function nextPagePath<T>(
  page: QueryPage<T>,
  object: string,
): string | undefined {
  if (page.done) {
    return undefined;
  }
  if (!page.nextRecordsUrl) {
    throw new IntegrationProviderAPIError({
      endpoint: object,
      status: 'INCOMPLETE',
      statusText: `Salesforce said the ${object} query is not done but sent no nextRecordsUrl after ${page.records.length} of ${page.totalSize} records`,
    });
  }
  // A page that promises more but brings nothing would be followed forever,
  // spending the org's API allowance.
  if (page.records.length === 0) {
    throw new IntegrationProviderAPIError({
      endpoint: object,
      status: 'INCOMPLETE',
      statusText: `Salesforce sent an empty ${object} page that says more follow; stopping rather than paging without end`,
    });
  }
  return page.nextRecordsUrl;
}

/**
 * The records not yielded before, without Salesforce's per-record
 * `attributes`. Overwriting `attributes` rather than deleting it keeps V8's
 * fast property layout for the record. Records yielded before (a query
 * started over reads them all again) are counted in one line a page.
 */
export function unseen<T extends { Id: string }>(
  records: T[],
  yielded: IdSet,
  object: string,
  log: ClientLog,
): T[] {
  const fresh: T[] = [];
  let firstRepeated: string | undefined;
  for (const record of records) {
    if (yielded.has(record.Id)) {
      firstRepeated ??= record.Id;
      continue;
    }
    yielded.add(record.Id);
    (record as { attributes?: unknown }).attributes = undefined;
    fresh.push(record);
  }
  const repeated = records.length - fresh.length;
  if (repeated > 0) {
    log.info(
      { object, repeated, firstRepeated },
      `${repeated} ${object} records of this page were read before (the query was started over, or Salesforce sent them twice): kept once`,
    );
  }
  return fresh;
}
