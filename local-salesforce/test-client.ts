import fetch, { Response } from 'node-fetch';
import { DEV_CREDENTIALS } from './oauth';
import { QueryResponse } from './query-api';

/** Thin HTTP helpers for tests that talk to the local org over loopback. */

export const API_VERSION = '58.0';

export function postToken(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/services/oauth2/token`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: new URLSearchParams(form).toString(),
  });
}

export async function getAccessToken(url: string): Promise<string> {
  const response = await postToken(url, {
    grant_type: 'client_credentials',
    client_id: DEV_CREDENTIALS.clientId,
    client_secret: DEV_CREDENTIALS.clientSecret,
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export function getQuery(
  url: string,
  token: string,
  soql: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const query = new URLSearchParams({ q: soql }).toString();
  return getPath(url, token, `/services/data/v${API_VERSION}/query?${query}`, {
    ...headers,
  });
}

export function getPath(
  url: string,
  token: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}${path}`, {
    headers: { Authorization: `Bearer ${token}`, ...headers },
  });
}

/** Follows nextRecordsUrl to the end, keeping every page. */
export async function queryAllPages(
  url: string,
  token: string,
  soql: string,
  headers: Record<string, string> = {},
): Promise<QueryResponse[]> {
  const pages: QueryResponse[] = [];
  let response = await getQuery(url, token, soql, headers);
  for (;;) {
    expect(response.status).toBe(200);
    const page = (await response.json()) as QueryResponse;
    pages.push(page);
    if (page.done) {
      return pages;
    }
    response = await getPath(url, token, page.nextRecordsUrl!, headers);
  }
}
