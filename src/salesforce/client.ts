import { IntegrationProviderAPIError } from '@jupiterone/integration-sdk-core';
import { isAllowedUrl, SalesforceSettings } from '../config';
import { redactor } from '../redact';
import {
  ApiUsage,
  createApiError,
  createApiLimitError,
  createMissingAccessError,
  firstErrorCode,
  MISSING_ACCESS_CODES,
  MissingColumnError,
  missingColumnOf,
  SalesforceOAuthError,
} from './errors';
import {
  endpointOf,
  HttpResponse,
  HttpSend,
  httpSend,
  redactingAnswers,
  RequestFailedError,
  RetryLog,
  sendWithRetries,
} from './http';
import { requestAccessToken, tokenUrlOf } from './oauth';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from './retry';
import {
  checkComplete,
  checkIsPage,
  ClientLog,
  nextPagePath,
  NOT_FROM_SALESFORCE,
  QueryPage,
  unseen,
} from './paging';
import { IdSet } from './idSet';
import { PageSpill } from './pageSpill';
import { ReadAhead } from './readAhead';
import { OPTIONAL_FIELDS } from './objects';
import { buildSelect, Query } from './soql';

export type { Query } from './soql';

const KEPT_FAILING =
  'Salesforce, or something between it and the integration, kept failing; see https://status.salesforce.com for the instance, and run again later';

/** Salesforce's largest query page (its default is smaller for some objects). */
const BATCH_SIZE = 2000;

/**
 * How often a query is started over after Salesforce dropped its cursor
 * (INVALID_QUERY_LOCATOR) or gave up on it (QUERY_TIMEOUT).
 */
const MAX_QUERY_RESTARTS = 2;
const RESTARTABLE_CODES = new Set(['INVALID_QUERY_LOCATOR', 'QUERY_TIMEOUT']);

/**
 * Pages of a query started early (`startEarly`) requested before a step
 * runs it, unless it says otherwise: 20,000 records at most, whatever the
 * size of the org.
 */
const PAGES_STARTED_EARLY = 10;

/** Share of the daily API allowance past which the run warns, once. */
const API_USAGE_WARNING = 0.9;

const silentLog: ClientLog = {
  info: () => undefined,
  warn: () => undefined,
  alert: () => undefined,
};

export interface ClientOptions {
  retry?: Partial<RetryPolicy>;
  send?: HttpSend;
}

/**
 * One authenticated Salesforce REST client for the whole run: every step
 * shares its access token, so a run costs one token request.
 */
export class SalesforceClient {
  private session?: Promise<string>;
  private instance: string;
  private refreshToken?: string;
  private usage?: ApiUsage;
  private usageWarned = false;
  /** Told to the operator once each: instance URLs ignored, fields missing. */
  private readonly alerted = new Set<string>();
  private limitError?: IntegrationProviderAPIError;
  private readonly retry: RetryPolicy;
  private readonly send: HttpSend;
  private readonly startedEarly = new Map<
    string,
    { held: ReadAhead<unknown[]>; reportTo: HandedOverLog }
  >();

  constructor(
    readonly settings: SalesforceSettings,
    options: ClientOptions = {},
  ) {
    this.instance = settings.instanceUrl;
    this.refreshToken = settings.refreshToken;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.send = options.send ?? httpSend;
  }

  /** The instance queries go to: the configured one, or the one Salesforce named. */
  get instanceUrl(): string {
    return this.instance;
  }

  get apiUsage(): ApiUsage | undefined {
    return this.usage;
  }

  /**
   * Requests a new access token; concurrent callers share the request. A
   * refusal is kept, so that no later request asks again in a loop.
   */
  authenticate(log: ClientLog = silentLog): Promise<string> {
    const session = this.requestToken(log);
    session.catch((err) => {
      const refused = err instanceof SalesforceOAuthError;
      if (!refused && this.session === session) this.session = undefined;
    });
    this.session = session;
    return session;
  }

  private async requestToken(log: ClientLog): Promise<string> {
    const token = await requestAccessToken(
      { ...this.settings, refreshToken: this.refreshToken },
      this.retry,
      log,
      this.send,
    ).catch((err) => {
      throw err instanceof RequestFailedError
        ? this.failedRequestError(tokenUrlOf(this.settings), 'a token', err)
        : err;
    });
    this.adoptRefreshToken(token.refreshToken, log);
    this.adoptInstance(token.instanceUrl, log);
    return token.accessToken;
  }

  /**
   * With refresh token rotation on, Salesforce answers a refresh with a new
   * token and revokes the one sent: this run goes on with the new one, but
   * the configured token is spent, and the next run would fail.
   */
  private adoptRefreshToken(rotated: string | undefined, log: ClientLog) {
    if (!rotated || rotated === this.refreshToken) return;
    if (this.refreshToken === this.settings.refreshToken) {
      log.alert(
        {},
        'Salesforce rotated the refresh token (Refresh Token Rotation is on for the app), which revokes the configured refreshToken: the next run will fail with invalid_grant. Turn rotation off for the app, or use the client-credentials flow',
      );
    }
    this.refreshToken = rotated;
  }

  /**
   * Salesforce names the instance in every token response, and queries go
   * there. It differs from instanceUrl when the org moved, or when loginUrl
   * grants tokens for another org (a sandbox's, say): the run collects that
   * org, and warns. It is adopted only under the rules the configured
   * instanceUrl obeys.
   */
  private adoptInstance(instanceUrl: string | undefined, log: ClientLog) {
    const url = instanceUrl ? parsedUrl(instanceUrl) : undefined;
    if (!url || url.origin === this.instance) return;
    if (!isAllowedUrl(url)) {
      this.alertOnce(
        log,
        url.origin,
        { instanceUrl: url.origin },
        `The token endpoint named ${url.origin} as the org's instance, which is not https: ignored, queries go to ${this.instance}. Check loginUrl if this persists`,
      );
      return;
    }
    const configured = this.settings.instanceUrl;
    if (url.origin === configured) {
      log.info({ to: configured }, 'The access token is for instanceUrl again');
    } else {
      log.alert(
        { from: configured, to: url.origin },
        `The access token is for the org at ${url.origin}, not at instanceUrl ${configured}: collecting ${url.origin}. Set instanceUrl to it, or correct loginUrl if that is not the org meant`,
      );
    }
    this.instance = url.origin;
  }

  /**
   * The REST API versions the org offers (one API call). An org answers a
   * version it does not offer with 404 on every query.
   */
  async apiVersions(log: ClientLog = silentLog): Promise<string[]> {
    const path = '/services/data/';
    const versions = await this.get<unknown>(path, 'API versions', log);
    if (!Array.isArray(versions)) {
      throw new IntegrationProviderAPIError({
        endpoint: endpointOf(this.resolve(path)),
        status: 'NOT_A_VERSION_LIST',
        statusText: `the answer listing the REST API versions is not a list: ${NOT_FROM_SALESFORCE}`,
      });
    }
    return versions.map((entry: { version?: unknown }) =>
      String(entry?.version),
    );
  }

  /**
   * Starts a query a later step will run, so that its first pages arrive
   * while the steps before it still work: `query` with the same query
   * then takes these pages first, and the pages stay that far ahead of
   * it. At most `pages` pages (at least 2) are requested before then,
   * unless `toTheEnd`: the query is then read to its end at once, the
   * pages beyond those written to disk until taken (PageSpill), or, should
   * the disk fail, held to `pages` again with a warning. The query reports
   * retries to `log` until it is taken, and to the taker's log after.
   */
  startEarly(
    query: Query,
    log: ClientLog = silentLog,
    { pages = PAGES_STARTED_EARLY, toTheEnd = false } = {},
  ): void {
    const soql = buildSelect(query);
    if (!this.startedEarly.has(soql)) {
      const reportTo = new HandedOverLog(log);
      // The query itself holds the page after those held here.
      const held = new ReadAhead(
        this.run(query, reportTo),
        Math.max(1, pages - 1),
        toTheEnd ? new PageSpill<unknown[]>(query.object) : undefined,
        (err) =>
          reportTo.alert(
            { object: query.object },
            `${err.message}; reading ${pages} pages ahead at most from now on, slower but complete`,
          ),
      );
      this.startedEarly.set(soql, { held, reportTo });
    }
  }

  /**
   * Runs a SOQL query and yields its records page by page, following
   * `nextRecordsUrl` until Salesforce says it is done. A record delivered
   * twice is yielded once; a query whose cursor Salesforce dropped is
   * started over (the records already yielded are not yielded again); a
   * query that yields fewer records than Salesforce counted fails.
   *
   * A sorted query is only started over before it has yielded anything:
   * later, a record created meanwhile would arrive out of order, which a
   * caller relying on the order (MergeByUser) could not tell from rows
   * sorted another way.
   */
  async *query<T extends { Id: string }>(
    query: Query,
    log: ClientLog = silentLog,
  ): AsyncGenerator<T[]> {
    const soql = buildSelect(query);
    const early = this.startedEarly.get(soql);
    if (early) {
      this.startedEarly.delete(soql);
      early.reportTo.handOver(log);
      yield* early.held.take() as AsyncGenerator<T[]>;
    } else {
      yield* this.run<T>(query, log);
    }
  }

  /**
   * Runs the query, and runs it again without an optional field
   * (OPTIONAL_FIELDS) that Salesforce says the user has no column for:
   * Salesforce names one missing field at a time, before any record.
   */
  private async *run<T extends { Id: string }>(
    query: Query,
    log: ClientLog,
  ): AsyncGenerator<T[]> {
    for (let current = query; ; ) {
      let yieldedAny = false;
      try {
        for await (const page of this.runOnce<T>(current, log)) {
          yieldedAny = true;
          yield page;
        }
        return;
      } catch (err) {
        const missing = !yieldedAny && droppableField(err, current);
        if (!missing) throw err;
        // A permission missing from Profile is missing from PermissionSet
        // and MutingPermissionSet too: the operator is told once.
        this.alertOnce(
          log,
          missing,
          { object: query.object, field: missing },
          missingFieldWarning(query.object, missing),
        );
        current = {
          ...current,
          fields: current.fields.filter((field) => field !== missing),
        };
      }
    }
  }

  private async *runOnce<T extends { Id: string }>(
    query: Query,
    log: ClientLog,
  ): AsyncGenerator<T[]> {
    const soql = buildSelect(query);
    const yielded = new IdSet();
    for (let restart = 0; ; restart++) {
      try {
        const totalSize = yield* this.pages<T>(
          query.object,
          soql,
          yielded,
          log,
        );
        checkComplete(query.object, yielded.size, totalSize, log);
        return;
      } catch (err) {
        const restartable =
          RESTARTABLE_CODES.has(err.code) &&
          restart < MAX_QUERY_RESTARTS &&
          !(query.orderBy && yielded.size > 0);
        if (!restartable) throw err;
        log.warn(
          {
            object: query.object,
            code: err.code,
            restart: restart + 1,
            yielded: yielded.size,
          },
          'Salesforce dropped the query; starting it over',
        );
      }
    }
  }

  /**
   * One run of a query. The next page is requested as soon as a page
   * arrives, so that Salesforce's latency overlaps the caller's work on
   * the page in hand; one page is in flight at most.
   */
  private async *pages<T extends { Id: string }>(
    object: string,
    soql: string,
    yielded: IdSet,
    log: ClientLog,
  ): AsyncGenerator<T[], number> {
    const firstPath = `/services/data/v${
      this.settings.apiVersion
    }/query?q=${encodeURIComponent(soql)}`;
    let next: Promise<QueryPage<T>> | undefined = this.getPage(
      firstPath,
      object,
      log,
    );
    let totalSize = 0;
    while (next) {
      const page: QueryPage<T> = await next;
      totalSize = page.totalSize;
      const nextPath = nextPagePath(page, object);
      next = nextPath ? this.prefetch(nextPath, object, log) : undefined;
      yield unseen(page.records, yielded, object, log);
    }
    return totalSize;
  }

  /**
   * A page requested before the caller needs it. Its failure is thrown
   * where the page is awaited, if it ever is (a caller may stop early);
   * until then it must not count as an unhandled rejection.
   */
  private prefetch<T>(
    path: string,
    object: string,
    log: ClientLog,
  ): Promise<QueryPage<T>> {
    const page = this.getPage<T>(path, object, log);
    page.catch(() => undefined);
    return page;
  }

  private async getPage<T>(
    path: string,
    object: string,
    log: ClientLog,
  ): Promise<QueryPage<T>> {
    const page = await this.get<unknown>(path, object, log);
    checkIsPage<T>(page, object, endpointOf(this.resolve(path)));
    return page;
  }

  private async get<T>(
    path: string,
    object: string,
    log: ClientLog,
  ): Promise<T> {
    const url = this.resolve(path);
    if (this.limitError) throw this.limitError;
    const session = this.session ?? this.authenticate(log);
    // A query started early logs under another step than its own: its
    // retries name the object they are for.
    const retryLog = {
      warn: (fields: object, message: string) =>
        log.warn({ object, ...fields }, message),
    };
    let response = await this.request(url, object, await session, retryLog);
    if (
      response.status === 401 &&
      firstErrorCode(response.json) === 'INVALID_SESSION_ID'
    ) {
      response = await this.request(
        url,
        object,
        await this.renewSession(session, log),
        retryLog,
      );
    }
    this.recordApiUsage(response, log);
    if (response.status >= 200 && response.status < 300) {
      return response.json as T;
    }
    throw this.errorFor(url, object, response);
  }

  private async request(
    url: string,
    object: string,
    token: string,
    log: RetryLog,
  ): Promise<HttpResponse> {
    const redact = redactor(tokenSecrets(token));
    return sendWithRetries(
      {
        url,
        method: 'GET',
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          'Sforce-Query-Options': `batchSize=${BATCH_SIZE}`,
        },
        redact,
      },
      this.retry,
      log,
      // Error answers only: pages of records are left alone.
      redactingAnswers(this.send, redact, ({ status }) => status < 300),
    ).catch((err) => {
      throw err instanceof RequestFailedError
        ? this.failedRequestError(url, object, err, KEPT_FAILING)
        : err;
    });
  }

  /**
   * Only the first request to find its session expired asks for a new token;
   * the others, compared synchronously, wait for that same request.
   */
  private renewSession(
    expired: Promise<string>,
    log: ClientLog,
  ): Promise<string> {
    return this.session === expired || !this.session
      ? this.authenticate(log)
      : this.session;
  }

  private errorFor(url: string, object: string, response: HttpResponse): Error {
    const code = firstErrorCode(response.json);
    const endpoint = endpointOf(url);
    const missingColumn = missingColumnOf(response.json);
    if (missingColumn) {
      return new MissingColumnError(endpoint, response, missingColumn);
    }
    if (code === 'REQUEST_LIMIT_EXCEEDED') {
      this.limitError = createApiLimitError(endpoint, this.usage);
      return this.limitError;
    }
    if (code && MISSING_ACCESS_CODES.has(code)) {
      return createMissingAccessError(endpoint, object, response);
    }
    return createApiError(endpoint, response);
  }

  /** `reading` names what was asked for: an object, or the token. */
  private failedRequestError(
    url: string,
    reading: string,
    err: RequestFailedError,
    advice?: string,
  ) {
    return new IntegrationProviderAPIError({
      cause: err,
      endpoint: endpointOf(url),
      status: err.response?.status ?? 'NETWORK',
      statusText: `gave up reading ${reading} after ${err.attempts} tries (${
        err.reason
      })${advice ? `: ${advice}` : ''}`,
    });
  }

  /**
   * Follows a path on the instance only: an absolute URL to any other
   * origin would send our access token to that host.
   */
  private resolve(path: string): string {
    const url = new URL(path, this.instance);
    if (url.origin !== this.instance) {
      throw new IntegrationProviderAPIError({
        endpoint: url.origin,
        status: 'REFUSED',
        statusText: `Refusing to follow a Salesforce URL to another origin than ${this.instance}`,
      });
    }
    return url.toString();
  }

  /** Alerts once for each subject; after that the line is only logged. */
  private alertOnce(
    log: ClientLog,
    subject: string,
    fields: object,
    message: string,
  ): void {
    if (this.alerted.has(subject)) {
      log.warn(fields, message);
      return;
    }
    this.alerted.add(subject);
    log.alert(fields, message);
  }

  private recordApiUsage(response: HttpResponse, log: ClientLog) {
    const match = response.headers
      .get('sforce-limit-info')
      ?.match(/api-usage=(\d+)\/(\d+)/);
    if (!match) return;
    this.usage = { used: Number(match[1]), limit: Number(match[2]) };
    if (
      !this.usageWarned &&
      this.usage.used >= API_USAGE_WARNING * this.usage.limit
    ) {
      this.usageWarned = true;
      log.alert(
        { apiUsage: this.usage },
        `The org has used ${this.usage.used} of its ${
          this.usage.limit
        } daily API requests, over ${
          API_USAGE_WARNING * 100
        }%: once they are spent, this integration's requests and every other client's fail until Salesforce's 24-hour window frees some`,
      );
    }
  }
}

/**
 * The token, and its part after the org id (`00D…!`), which is the secret:
 * cut out on its own, it stays out of an answer that escapes the `!` (as
 * HTML entity encoders do) where the whole token would not match.
 */
function tokenSecrets(token: string): string[] {
  const bang = token.indexOf('!');
  return bang === -1 ? [token] : [token, token.slice(bang + 1)];
}

/** A log that the step taking a query started early takes over. */
class HandedOverLog implements ClientLog {
  constructor(private log: ClientLog) {}

  handOver(log: ClientLog): void {
    this.log = log;
  }

  info(fields: object, message: string): void {
    this.log.info(fields, message);
  }

  warn(fields: object, message: string): void {
    this.log.warn(fields, message);
  }

  alert(fields: object, message: string): void {
    this.log.alert(fields, message);
  }
}

/**
 * Salesforce answers a field the integration user cannot see as if it did
 * not exist. A permission field is missing when the org's edition or
 * licences lack the permission (every one read is in API version 56.0,
 * the oldest accepted); any other, when field-level security hides it.
 */
function missingFieldWarning(object: string, field: string): string {
  const missing = `Salesforce has no ${object}.${field} for the integration user`;
  return field.startsWith('Permissions')
    ? `${missing}: the org's edition or licences lack that permission. Reading profiles, permission sets and muting permission sets without it: no one holds it, and JupiterOne records it so`
    : `${missing}: field-level security hides it, or the org lacks it. Reading ${object} without it: the property is left unset on every record, and JupiterOne drops the values it held; give the integration user read access to the field to have it`;
}

/** The field of the query Salesforce lacks, when the query can do without it. */
function droppableField(err: unknown, query: Query): string | undefined {
  if (!(err instanceof MissingColumnError)) return undefined;
  const column = err.column.toLowerCase();
  return query.fields.find(
    (field) =>
      field.toLowerCase() === column &&
      OPTIONAL_FIELDS[query.object]?.includes(field),
  );
}

/** A URL Salesforce sent, or undefined when it is not one. */
function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
