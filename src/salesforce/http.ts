import http from 'http';
import https from 'https';
import fetch, { RequestInit, Response } from 'node-fetch';

/**
 * Every request has a deadline: a Salesforce call that hangs must fail the
 * step rather than the whole run.
 */
export const REQUEST_TIMEOUT_MS = 120_000;

/**
 * Keep-alive saves a TLS handshake per page; with a few hundred pages on a
 * large org that is most of the latency the client itself adds.
 */
const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
};

export type HttpFetch = (url: string, init: RequestInit) => Promise<Response>;

export const httpFetch: HttpFetch = (url, init) =>
  fetch(url, {
    timeout: REQUEST_TIMEOUT_MS,
    agent: (parsed) =>
      parsed.protocol === 'http:' ? agents.http : agents.https,
    ...init,
  });

/** Parses a JSON body, or returns the text when it is not JSON. */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
