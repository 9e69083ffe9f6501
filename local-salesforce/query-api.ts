import { ApiError } from './api-error';
import { CursorStore, OpenCursor } from './cursors';
import { OrgDataset, resolveSchema } from './dataset';
import { selectRecords, toApiRecord } from './query-engine';
import { parseSoql, SchemaResolver } from './soql';

export interface QueryResponse {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Array<Record<string, unknown>>;
}

export interface QueryResult {
  objectName: string;
  /** 1 for a query's first page, 2 for the page its first locator gives… */
  page: number;
  response: QueryResponse;
}

/** Salesforce's largest and smallest page for `Sforce-Query-Options`. */
const MAX_BATCH_SIZE = 2000;
const MIN_BATCH_SIZE = 200;

/**
 * Fields, by object, that this org does not offer the integration user, as
 * an edition without a feature or field-level security leaves them out:
 * a query naming one is answered INVALID_FIELD.
 */
export type MissingFields = Record<string, readonly string[]>;

function withoutFields(missing: MissingFields): SchemaResolver {
  return (objectName) => {
    const schema = resolveSchema(objectName);
    const hidden = schema && missing[schema.name];
    return hidden
      ? {
          ...schema,
          fields: schema.fields.filter((field) => !hidden.includes(field)),
        }
      : schema;
  };
}

/** The query resource and its query locators, over one dataset. */
export class QueryApi {
  private readonly cursors = new CursorStore();

  private readonly schemas: SchemaResolver;

  constructor(
    private readonly dataset: OrgDataset,
    private readonly maxPageSize: number,
    missingFields: MissingFields = {},
  ) {
    this.schemas = withoutFields(missingFields);
  }

  query(soql: string, apiVersion: string, queryOptions?: string): QueryResult {
    const query = parseSoql(soql, this.schemas);
    const records = selectRecords(
      this.dataset[query.objectName] ?? [],
      query,
      (objectName) => this.dataset[objectName] ?? [],
    );
    const pageSize = this.pageSize(queryOptions);
    const matched = {
      objectName: query.objectName,
      fields: query.fields,
      records,
    };
    // Like Salesforce, open a cursor only when a second page exists.
    const cursor =
      records.length > pageSize
        ? this.cursors.add(matched)
        : { ...matched, id: '' };
    return {
      objectName: query.objectName,
      page: 1,
      response: page(cursor, 0, pageSize, apiVersion),
    };
  }

  /** `locator` is the last path segment of a nextRecordsUrl. */
  nextPage(
    locator: string,
    apiVersion: string,
    queryOptions?: string,
  ): QueryResult {
    const match = /^([0-9A-Za-z]{18})-(\d+)$/.exec(locator);
    const cursor = match ? this.cursors.get(match[1]) : undefined;
    const offset = match ? Number(match[2]) : NaN;
    if (!cursor || !(offset < cursor.records.length)) {
      throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    }
    const pageSize = this.pageSize(queryOptions);
    return {
      objectName: cursor.objectName,
      page: Math.floor(offset / pageSize) + 1,
      response: page(cursor, offset, pageSize, apiVersion),
    };
  }

  /**
   * The client may ask for smaller pages with `batchSize`; Salesforce
   * clamps the request to 200..2000 and treats it as a hint.
   */
  private pageSize(queryOptions: string | undefined): number {
    const requested = /batchSize\s*=\s*(\d+)/i.exec(queryOptions ?? '');
    if (!requested) {
      return this.maxPageSize;
    }
    const clamped = Math.min(
      MAX_BATCH_SIZE,
      Math.max(MIN_BATCH_SIZE, Number(requested[1])),
    );
    return Math.min(this.maxPageSize, clamped);
  }
}

function page(
  cursor: OpenCursor,
  offset: number,
  pageSize: number,
  apiVersion: string,
): QueryResponse {
  const end = Math.min(offset + pageSize, cursor.records.length);
  const done = end >= cursor.records.length;
  const records = cursor.records
    .slice(offset, end)
    .map((record) =>
      toApiRecord(record, cursor.objectName, cursor.fields, apiVersion),
    );
  return {
    totalSize: cursor.records.length,
    done,
    ...(done
      ? {}
      : {
          nextRecordsUrl: `/services/data/v${apiVersion}/query/${cursor.id}-${end}`,
        }),
    records,
  };
}
