import { IncomingMessage } from 'http';
import { ApiError } from './api-error';
import { OrgDataset } from './dataset';
import { alteredQueryReply, failureReply } from './fault-replies';
import { FaultPlan } from './faults';
import { OAuthError, TokenIssuer } from './oauth';
import { MissingFields, QueryApi } from './query-api';

export interface CallCounters {
  total: number;
  token: number;
  query: number;
  byObject: Record<string, number>;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A body sent as is, instead of `body` as JSON. */
  raw?: string;
  contentType?: string;
  /** Close the connection without an answer, or never answer. */
  drop?: 'reset' | 'hang';
}

/** Salesforce's daily API request allowance of a developer org. */
const DAILY_API_LIMIT = 15000;

const QUERY_PATH = /^\/services\/data\/v(\d+\.\d+)\/query\/?$/;
const LOCATOR_PATH = /^\/services\/data\/v(\d+\.\d+)\/query\/([^/]+)$/;
const TOKEN_PATH = '/services/oauth2/token';
const VERSIONS_PATH = /^\/services\/data\/?$/;

/** The REST API versions the org offers, as Salesforce lists them. */
export const API_VERSIONS = Array.from({ length: 43 }, (_, i) => `${20 + i}.0`);

/** Routes requests and keeps the counters; knows nothing of sockets. */
export class LocalOrg {
  readonly calls: CallCounters = { total: 0, token: 0, query: 0, byObject: {} };
  readonly faults = new FaultPlan();
  private readonly queries: QueryApi;

  constructor(
    dataset: OrgDataset,
    readonly tokens: TokenIssuer,
    pageSize: number,
    missingFields?: MissingFields,
  ) {
    this.queries = new QueryApi(dataset, pageSize, missingFields);
  }

  handle(request: IncomingMessage, body: string): Reply {
    this.calls.total++;
    const { pathname, searchParams } = new URL(
      request.url ?? '/',
      'http://127.0.0.1',
    );
    if (pathname === TOKEN_PATH && request.method === 'POST') {
      return this.token(request, body);
    }
    if (VERSIONS_PATH.test(pathname)) {
      return { status: 200, body: versionList() };
    }
    const query = QUERY_PATH.exec(pathname);
    const locator = LOCATOR_PATH.exec(pathname);
    // Salesforce answers an API version it does not offer as an unknown path.
    if ((query || locator) && !API_VERSIONS.includes((query ?? locator)![1])) {
      return notFound();
    }
    if (query || locator) {
      return this.withApiUsage(
        this.query(request, searchParams, query ?? locator!),
      );
    }
    return notFound();
  }

  private token(request: IncomingMessage, body: string): Reply {
    this.calls.token++;
    const fault = this.faults.take('token');
    const failure = fault && failureReply(fault, 'token');
    if (failure) return failure;
    if (fault?.kind === 'invalid-grant') {
      return {
        status: 400,
        body: new OAuthError(
          'invalid_grant',
          'expired access/refresh token',
        ).toBody(),
      };
    }
    try {
      const form = new URLSearchParams(body);
      const granted = this.tokens.grant(form, request.headers.authorization);
      if (fault?.kind === 'rotate-refresh-token') {
        return {
          status: 200,
          body: { ...granted, refresh_token: this.tokens.rotateRefreshToken() },
        };
      }
      if (fault?.kind === 'new-instance-url') {
        const moved = granted.instance_url.replace('127.0.0.1', 'localhost');
        return { status: 200, body: { ...granted, instance_url: moved } };
      }
      return { status: 200, body: granted };
    } catch (error) {
      if (error instanceof OAuthError) {
        return { status: 400, body: error.toBody() };
      }
      throw error;
    }
  }

  private query(
    request: IncomingMessage,
    searchParams: URLSearchParams,
    [, apiVersion, locator]: RegExpExecArray,
  ): Reply {
    this.calls.query++;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return methodNotAllowed(request.method);
    }
    if (!this.isAuthenticated(request)) {
      return invalidSession();
    }
    const options = headerValue(request, 'sforce-query-options');
    try {
      const result = locator
        ? this.queries.nextPage(locator, apiVersion, options)
        : this.queries.query(requireSoql(searchParams), apiVersion, options);
      this.countObject(result.objectName);
      return this.withFault(result.objectName, result.page, {
        status: 200,
        body: result.response,
      });
    } catch (error) {
      if (error instanceof ApiError) {
        return { status: error.status, body: error.toBody() };
      }
      throw error;
    }
  }

  private withFault(objectName: string, page: number, reply: Reply): Reply {
    const fault = this.faults.take(objectName, page);
    if (!fault) return reply;
    if (fault.kind === 'expire-sessions') {
      this.tokens.expireAll();
      return invalidSession();
    }
    return failureReply(fault, objectName) ?? alteredQueryReply(fault, reply);
  }

  private isAuthenticated(request: IncomingMessage): boolean {
    const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(
      request.headers.authorization ?? '',
    );
    return match !== null && this.tokens.isValid(match[1]);
  }

  private countObject(objectName: string): void {
    this.calls.byObject[objectName] =
      (this.calls.byObject[objectName] ?? 0) + 1;
  }

  private withApiUsage(reply: Reply): Reply {
    return {
      ...reply,
      headers: {
        'Sforce-Limit-Info': `api-usage=${this.calls.query}/${DAILY_API_LIMIT}`,
        ...reply.headers,
      },
    };
  }
}

function versionList() {
  return API_VERSIONS.map((version) => ({
    label: `Release ${version}`,
    url: `/services/data/v${version}`,
    version,
  }));
}

function requireSoql(searchParams: URLSearchParams): string {
  const soql = searchParams.get('q');
  if (!soql) {
    throw new ApiError(
      400,
      'MALFORMED_QUERY',
      'A query string has to be specified',
    );
  }
  return soql;
}

function headerValue(
  request: IncomingMessage,
  name: string,
): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function invalidSession(): Reply {
  return {
    status: 401,
    body: [
      {
        message: 'Session expired or invalid',
        errorCode: 'INVALID_SESSION_ID',
      },
    ],
  };
}

function methodNotAllowed(method: string | undefined): Reply {
  return {
    status: 405,
    body: [
      {
        errorCode: 'METHOD_NOT_ALLOWED',
        message: `HTTP Method '${method}' not allowed. Allowed are GET,HEAD`,
      },
    ],
  };
}

function notFound(): Reply {
  return {
    status: 404,
    body: [
      {
        errorCode: 'NOT_FOUND',
        message: 'The requested resource does not exist',
      },
    ],
  };
}
