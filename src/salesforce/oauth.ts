import { redactor } from '../redact';
import { SalesforceOAuthError } from './errors';
import {
  HttpResponse,
  HttpSend,
  httpSend,
  redactingAnswers,
  RetryLog,
  sendWithRetries,
} from './http';
import { RetryPolicy } from './retry';

export interface TokenRequest {
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken?: string;
}

export interface AccessToken {
  accessToken: string;
  /** Set when Salesforce rotated the refresh token. */
  refreshToken?: string;
  /** Set when Salesforce names the instance to use. */
  instanceUrl?: string;
}

export function tokenUrlOf({ loginUrl }: { loginUrl: string }): string {
  return `${loginUrl}/services/oauth2/token`;
}

/**
 * With a refresh token, the refresh-token flow; without one, the
 * client-credentials flow, which needs "Enable Client Credentials Flow" and a
 * run-as user on the app.
 */
function tokenRequestBody(request: TokenRequest): string {
  const body = new URLSearchParams({
    client_id: request.clientId,
    client_secret: request.clientSecret,
  });
  if (request.refreshToken) {
    body.set('grant_type', 'refresh_token');
    body.set('refresh_token', request.refreshToken);
  } else {
    body.set('grant_type', 'client_credentials');
  }
  return body.toString();
}

/**
 * A granted token is left alone (a rotated refresh token must stay whole);
 * every other answer has the request's secrets cut out, which would
 * otherwise also reach a failed run's abort reason in JupiterOne.
 */
function isGrantedToken(response: HttpResponse): boolean {
  return (
    response.status === 200 &&
    typeof (response.json as TokenResponse | undefined)?.access_token ===
      'string'
  );
}

interface TokenResponse {
  access_token?: unknown;
  refresh_token?: unknown;
  instance_url?: unknown;
  error?: unknown;
  error_description?: unknown;
}

export async function requestAccessToken(
  request: TokenRequest,
  policy: RetryPolicy,
  log: RetryLog,
  send?: HttpSend,
): Promise<AccessToken> {
  const tokenUrl = tokenUrlOf(request);
  const redact = redactor([request.clientSecret, request.refreshToken ?? '']);
  const response = await sendWithRetries(
    {
      url: tokenUrl,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: tokenRequestBody(request),
      redact,
    },
    policy,
    log,
    redactingAnswers(send ?? httpSend, redact, isGrantedToken),
  );
  const redirectedTo =
    response.status >= 300 &&
    response.status < 400 &&
    response.headers.get('location');
  if (redirectedTo) {
    throw new SalesforceOAuthError(
      tokenUrl,
      response.status,
      'redirected',
      `the token endpoint redirects to ${redact(
        redirectedTo,
      )}, which is not followed with the secrets`,
    );
  }
  const body = (response.json ?? {}) as TokenResponse;
  if (response.status !== 200 || typeof body.access_token !== 'string') {
    throw new SalesforceOAuthError(
      tokenUrl,
      response.status,
      text(body.error) ?? 'unexpected_response',
      text(body.error_description) ??
        (response.excerpt || 'no access token in the response'),
      request.refreshToken ? 'refresh_token' : 'client_credentials',
    );
  }
  return {
    accessToken: body.access_token,
    refreshToken: text(body.refresh_token),
    instanceUrl: text(body.instance_url),
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
