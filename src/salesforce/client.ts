import { IntegrationProviderAPIError } from '@jupiterone/integration-sdk-core';
import { SalesforceSettings } from '../config';
import { createApiError, firstErrorCode } from './errors';
import { HttpFetch, httpFetch, readBody } from './http';
import { requestAccessToken } from './oauth';

/** Salesforce's largest query page; the default is 2000 as well, but not for every object. */
const BATCH_SIZE = 2000;

export interface QueryPage<T> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}

export interface ApiUsage {
  used: number;
  limit: number;
}

/**
 * One authenticated Salesforce REST client for the whole run: every step
 * shares its access token, so a run costs one token request.
 */
export class SalesforceClient {
  private accessToken?: Promise<string>;
  private latestApiUsage?: ApiUsage;

  constructor(
    readonly settings: SalesforceSettings,
    private readonly fetch: HttpFetch = httpFetch,
  ) {}

  get apiUsage(): ApiUsage | undefined {
    return this.latestApiUsage;
  }

  /** Requests a new access token; concurrent callers share the request. */
  authenticate(): Promise<string> {
    const token = requestAccessToken(this.settings, this.fetch).then(
      ({ accessToken }) => accessToken,
    );
    // A failed request must not be cached: the next caller tries again.
    token.catch(() => {
      if (this.accessToken === token) this.accessToken = undefined;
    });
    this.accessToken = token;
    return token;
  }

  /**
   * Runs a SOQL query and yields its records page by page, following
   * `nextRecordsUrl` until Salesforce says it is done. The next page is
   * requested as soon as a page arrives, so that Salesforce's latency
   * overlaps the caller's work on the page in hand; one page is in flight
   * at most.
   */
  async *queryPages<T>(soql: string): AsyncGenerator<T[]> {
    const base = `/services/data/v${this.settings.apiVersion}`;
    const firstPath = `${base}/query?q=${encodeURIComponent(soql)}`;
    let next: Promise<QueryPage<T>> | undefined = this.get(firstPath);
    try {
      while (next) {
        const page: QueryPage<T> = await next;
        const nextPath = nextPagePath(page, firstPath);
        next = nextPath ? this.get(nextPath) : undefined;
        yield page.records.map(withoutAttributes);
      }
    } finally {
      // A caller that stops early leaves a page in flight; its failure,
      // if any, concerns no one.
      void next?.catch(() => undefined);
    }
  }

  private async get<T>(path: string): Promise<T> {
    const url = this.resolve(path);
    const session = this.accessToken ?? this.authenticate();
    let response = await this.send(url, await session);
    let body = await readBody(response);
    if (isExpiredSession(response.status, body)) {
      response = await this.send(url, await this.renewSession(session));
      body = await readBody(response);
    }
    this.recordApiUsage(response.headers.get('sforce-limit-info'));
    if (!response.ok) {
      throw createApiError(url, response.status, body);
    }
    return body as T;
  }

  private send(url: string, token: string) {
    return this.fetch(url, {
      method: 'GET',
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'Sforce-Query-Options': `batchSize=${BATCH_SIZE}`,
      },
    });
  }

  /**
   * Only the first request to find its session expired asks for a new token;
   * the others, compared synchronously, wait for that same request.
   */
  private renewSession(expired: Promise<string>): Promise<string> {
    return this.accessToken === expired || !this.accessToken
      ? this.authenticate()
      : this.accessToken;
  }

  /**
   * Follows a path on the configured instance only: an absolute URL to any
   * other origin would send our access token to that host.
   */
  private resolve(path: string): string {
    const url = new URL(path, this.settings.instanceUrl);
    if (url.origin !== this.settings.instanceUrl) {
      throw new IntegrationProviderAPIError({
        endpoint: url.origin,
        status: 'REFUSED',
        statusText: `Refusing to follow a Salesforce URL to another origin than ${this.settings.instanceUrl}`,
      });
    }
    return url.toString();
  }

  private recordApiUsage(header: string | null) {
    const match = header?.match(/api-usage=(\d+)\/(\d+)/);
    if (match) {
      this.latestApiUsage = { used: Number(match[1]), limit: Number(match[2]) };
    }
  }
}

function isExpiredSession(status: number, body: unknown): boolean {
  return status === 401 && firstErrorCode(body) === 'INVALID_SESSION_ID';
}

function nextPagePath<T>(
  page: QueryPage<T>,
  currentPath: string,
): string | undefined {
  if (page.done) {
    return undefined;
  }
  if (!page.nextRecordsUrl) {
    throw new IntegrationProviderAPIError({
      endpoint: currentPath,
      status: 'INCOMPLETE',
      statusText: `Salesforce said the query is not done but sent no nextRecordsUrl after ${page.records.length} of ${page.totalSize} records`,
    });
  }
  return page.nextRecordsUrl;
}

/**
 * Drops Salesforce's per-record `attributes` (type and URL) from what the
 * steps see and keep as raw data. Overwriting rather than deleting keeps
 * V8's fast property layout for the record.
 */
function withoutAttributes<T>(record: T): T {
  (record as { attributes?: unknown }).attributes = undefined;
  return record;
}
