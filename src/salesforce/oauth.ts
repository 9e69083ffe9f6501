import { SalesforceSettings } from '../config';
import { SalesforceOAuthError } from './errors';
import { HttpFetch, readBody } from './http';

export interface AccessToken {
  accessToken: string;
}

export function tokenUrlOf(settings: SalesforceSettings): string {
  return `${settings.loginUrl}/services/oauth2/token`;
}

/**
 * With a refresh token, the refresh-token flow; without one, the
 * client-credentials flow, which needs "Enable Client Credentials Flow" and a
 * run-as user on the connected app.
 */
function tokenRequestBody(settings: SalesforceSettings): URLSearchParams {
  const body = new URLSearchParams({
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
  });
  if (settings.refreshToken) {
    body.set('grant_type', 'refresh_token');
    body.set('refresh_token', settings.refreshToken);
  } else {
    body.set('grant_type', 'client_credentials');
  }
  return body;
}

interface TokenResponse {
  access_token?: string;
  error?: string;
  error_description?: string;
}

export async function requestAccessToken(
  settings: SalesforceSettings,
  fetch: HttpFetch,
): Promise<AccessToken> {
  const tokenUrl = tokenUrlOf(settings);
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: tokenRequestBody(settings).toString(),
  });
  const body = (await readBody(response)) as TokenResponse;
  if (!response.ok || typeof body?.access_token !== 'string') {
    throw new SalesforceOAuthError(
      tokenUrl,
      response.status,
      body?.error ?? 'unexpected_response',
      body?.error_description ?? `no access token in the response`,
    );
  }
  return { accessToken: body.access_token };
}
