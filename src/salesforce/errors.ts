import {
  IntegrationProviderAPIError,
  IntegrationProviderAuthorizationError,
} from '@jupiterone/integration-sdk-core';
import { HttpResponse } from './http';

const OAUTH_HINTS: Record<string, string> = {
  // Which flow was refused decides what invalid_grant means.
  'invalid_grant/refresh_token':
    'the refresh token was revoked, rotated (Refresh Token Rotation on the app) or has expired under the app’s refresh token policy, or a sandbox token was sent to a production login URL (set loginUrl to https://test.salesforce.com)',
  'invalid_grant/client_credentials':
    'the app (external client app or connected app) has no Run As user for the client-credentials flow, or that user cannot log in (inactive, frozen, or outside its login hours or IP ranges)',
  invalid_client_id: 'check clientId (the app’s Consumer Key)',
  invalid_client: 'check clientSecret (the app’s Consumer Secret)',
  // The grant this integration asked for is not enabled on the app.
  unsupported_grant_type:
    'enable Client Credentials Flow on the app, or set refreshToken for the refresh-token flow',
  redirected:
    'set loginUrl, or instanceUrl when loginUrl is not set, to the org’s My Domain URL',
  // No OAuth error in the answer: whatever answered is not a Salesforce
  // token endpoint.
  unexpected_response:
    'not an answer from Salesforce’s token endpoint: check loginUrl, or instanceUrl when loginUrl is not set (the org’s My Domain URL, https://<domain>.my.salesforce.com)',
};

/**
 * A token request that Salesforce refused. Carries the OAuth `error` and
 * `error_description` Salesforce sent and the token URL used, so that the
 * user can tell a wrong client id from a revoked refresh token or a sandbox
 * token sent to the production login URL. Never the secrets sent.
 */
export class SalesforceOAuthError extends IntegrationProviderAPIError {
  constructor(
    readonly tokenUrl: string,
    status: number,
    readonly error: string,
    readonly errorDescription: string,
    grantType?: string,
  ) {
    const hint = OAUTH_HINTS[`${error}/${grantType}`] ?? OAUTH_HINTS[error];
    super({
      endpoint: tokenUrl,
      status,
      statusText: `${error}: ${errorDescription}${hint ? ` (${hint})` : ''}`,
    });
  }
}

/** Salesforce's REST error body: `[{ "errorCode": ..., "message": ... }]`. */
interface RestErrorItem {
  errorCode?: string;
  message?: string;
}

export function firstErrorCode(json: unknown): string | undefined {
  return Array.isArray(json)
    ? (json[0] as RestErrorItem | undefined)?.errorCode
    : undefined;
}

function describeRestError({
  status,
  headers,
  json,
  excerpt,
}: HttpResponse): string {
  const location = status >= 300 && status < 400 && headers.get('location');
  if (location) {
    return `HTTP ${status}: Salesforce redirects to ${location}, which is not followed; if the org moved, set instanceUrl to its My Domain URL`;
  }
  const items: RestErrorItem[] = Array.isArray(json) ? json : [];
  const described = items
    .map((item) => [item.errorCode, item.message].filter(Boolean).join(': '))
    .filter(Boolean);
  if (described.length > 0) return described.join('; ');
  return excerpt ? `HTTP ${status}: ${excerpt}` : `HTTP ${status}`;
}

/**
 * What to do about the REST errors a run cannot get past on its own. Each
 * reaches the user only after the client has done what it can: renewed
 * the session once, or started the query over where that is safe.
 */
const REST_HINTS: Record<string, string> = {
  INVALID_QUERY_LOCATOR:
    'Salesforce no longer has the query’s results, which it keeps for two days after the query starts: run again',
  API_CURRENTLY_DISABLED:
    'the integration user may not use the API: give it the API Enabled permission (the org’s edition must include API access)',
  INVALID_FIELD:
    'the integration user cannot see that field: the org’s edition or licences lack it, or field-level security hides it; give the integration user read access to it',
  QUERY_TIMEOUT:
    'the query ran too long in Salesforce, which happens when the org is busy: run again',
  INVALID_SESSION_ID:
    'a session granted just now was refused. Check that loginUrl grants tokens for the org at instanceUrl (production refuses a sandbox’s), the app’s session policies and IP relaxation, the integration user’s login IP ranges, and whether an admin is revoking its sessions',
};

export function createApiError(
  endpoint: string,
  response: HttpResponse,
): IntegrationProviderAPIError {
  return new IntegrationProviderAPIError(apiErrorOptions(endpoint, response));
}

function apiErrorOptions(endpoint: string, response: HttpResponse) {
  const code = firstErrorCode(response.json);
  const hint = code && REST_HINTS[code];
  return {
    endpoint,
    status: response.status,
    statusText: `${describeRestError(response)}${hint ? ` (${hint})` : ''}`,
    code,
  };
}

/** A field the query selects that Salesforce says the object lacks. */
export class MissingColumnError extends IntegrationProviderAPIError {
  constructor(
    endpoint: string,
    response: HttpResponse,
    readonly column: string,
  ) {
    super(apiErrorOptions(endpoint, response));
  }
}

/** The column of an INVALID_FIELD answer: "No such column 'X' on entity 'Y'". */
export function missingColumnOf(json: unknown): string | undefined {
  if (firstErrorCode(json) !== 'INVALID_FIELD') return undefined;
  const { message } = (json as RestErrorItem[])[0];
  return message?.match(/No such column '([^']+)'/)?.[1];
}

/**
 * The integration user may not read an object, or the org lacks it
 * (an edition or feature without it answers INVALID_TYPE).
 */
export const MISSING_ACCESS_CODES = new Set([
  'INVALID_TYPE',
  'INSUFFICIENT_ACCESS',
  'INSUFFICIENT_ACCESS_OR_READONLY',
]);

export function createMissingAccessError(
  endpoint: string,
  object: string,
  response: HttpResponse,
): IntegrationProviderAuthorizationError {
  return new IntegrationProviderAuthorizationError({
    endpoint,
    status: response.status,
    statusText: `cannot read ${object}: ${describeRestError(response)}`,
  });
}

export interface ApiUsage {
  used: number;
  limit: number;
}

/**
 * The org's rolling 24-hour API allowance is spent: every further call
 * would fail the same way, so collection stops at once.
 */
export function createApiLimitError(
  endpoint: string,
  usage: ApiUsage | undefined,
): IntegrationProviderAPIError {
  const figures = usage
    ? `${usage.used} of ${usage.limit} calls used`
    : 'usage not reported';
  return new IntegrationProviderAPIError({
    endpoint,
    status: 403,
    statusText: `REQUEST_LIMIT_EXCEEDED: the org's daily API request allowance is spent (${figures}, per Sforce-Limit-Info); collection stopped. Run again once the rolling 24-hour window frees calls, or raise the org's limit`,
    code: 'REQUEST_LIMIT_EXCEEDED',
  });
}
