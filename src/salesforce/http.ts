import http from 'http';
import https from 'https';
import fetch, { FetchError, Headers, RequestInit } from 'node-fetch';
import { redactStrings } from '../redact';
import {
  CONCURRENT_LIMIT_WAIT_MS,
  isConcurrentRequestLimit,
  parseRetryAfterMs,
  retryableStatusReason,
  retryDelayMs,
  RetryPolicy,
} from './retry';

/**
 * Keep-alive saves a TLS handshake per page; with a few hundred pages on a
 * large org that is most of the latency the client itself adds.
 */
const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
};

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Cuts the request's secrets out of an answer's text before its excerpt. */
  redact?: (text: string) => string;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The parsed body; undefined when the body is not JSON. */
  json: unknown;
  /** A short, tag-free excerpt of a body that is not JSON, for messages. */
  excerpt: string;
}

/** Sends one request; the seam tests replace. */
export type HttpSend = (
  request: HttpRequest,
  timeoutMs: number,
) => Promise<HttpResponse>;

/**
 * One deadline for the whole try, body included: node-fetch's own `timeout`
 * starts again once the headers are in, so a body that trickles in could
 * take twice as long.
 */
export const httpSend: HttpSend = async (request, timeoutMs) => {
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(), timeoutMs);
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: controller.signal as RequestInit['signal'],
    agent: (url) => (url.protocol === 'http:' ? agents.http : agents.https),
    // A redirect would send the request again, a token request's secrets
    // with it, to an address nobody checked: it is an answer like any other.
    redirect: 'manual',
  };
  try {
    const response = await fetch(request.url, init);
    const text = await response.text();
    const json = parseJson(text);
    return {
      status: response.status,
      headers: response.headers,
      json,
      excerpt:
        json === undefined ? excerptOf(request.redact?.(text) ?? text) : '',
    };
  } catch (err) {
    if (controller.signal.aborted) {
      throw new FetchError(
        `no complete answer within ${timeoutMs} ms`,
        'request-timeout',
      );
    }
    throw err;
  } finally {
    clearTimeout(deadline);
  }
};

/**
 * A sender whose answers, but those `keep` accepts, have `redact` applied to
 * every string of their JSON and to a redirect's Location: an endpoint or
 * proxy that echoes the request would otherwise put its secrets in retry
 * warnings and errors. The excerpt of a body that is not JSON is cut from
 * its text by the sender (`HttpRequest.redact`).
 */
export function redactingAnswers(
  send: HttpSend,
  redact: (text: string) => string,
  keep: (response: HttpResponse) => boolean,
): HttpSend {
  return async (request, timeoutMs) => {
    const response = await send(request, timeoutMs);
    if (keep(response)) return response;
    const headers = new Headers(response.headers);
    const location = headers.get('location');
    if (location) headers.set('location', redact(location));
    return { ...response, headers, json: redactStrings(response.json, redact) };
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A maintenance page or a cut-off body can be large and full of markup:
 * messages quote at most a short, tag-stripped start of it.
 */
export function excerptOf(text: string, length = 120): string {
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > length ? `${plain.slice(0, length)}…` : plain;
}

export interface RetryLog {
  warn(fields: object, message: string): void;
}

export class RequestFailedError extends Error {
  constructor(
    readonly reason: string,
    readonly attempts: number,
    readonly response?: HttpResponse,
  ) {
    super(`${reason} (after ${attempts} ${attempts === 1 ? 'try' : 'tries'})`);
  }
}

/**
 * Sends a request, and sends it again while the failure is one that
 * passes: a connection reset or timeout, a status Salesforce uses for
 * brief faults, its limit on concurrent long requests, or a success whose
 * body is not JSON. Anything else is returned for the caller to judge.
 */
export async function sendWithRetries(
  request: HttpRequest,
  policy: RetryPolicy,
  log: RetryLog,
  send: HttpSend = httpSend,
  sleep: (ms: number) => Promise<void> = delay,
): Promise<HttpResponse> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const outcome = await tryOnce(send, request, policy.requestTimeoutMs);
    const reason = retryReason(outcome);
    if (!reason) {
      return outcome.response!;
    }
    const waitMs = retryDelayMs(policy, attempt, asksToWaitMs(outcome));
    // The next try may take its whole deadline: it must fit in the budget.
    const outOfTime =
      Date.now() - started + waitMs + policy.requestTimeoutMs >
      policy.totalTimeMs;
    if (attempt >= policy.maxAttempts || outOfTime) {
      throw new RequestFailedError(reason, attempt, outcome.response);
    }
    log.warn(
      { endpoint: endpointOf(request.url), attempt, reason, waitMs },
      'Salesforce request failed; trying again',
    );
    await sleep(waitMs);
  }
}

interface Outcome {
  response?: HttpResponse;
  networkError?: string;
}

async function tryOnce(
  send: HttpSend,
  request: HttpRequest,
  timeoutMs: number,
): Promise<Outcome> {
  try {
    return { response: await send(request, timeoutMs) };
  } catch (err) {
    if (err instanceof FetchError) {
      return { networkError: err.code ?? err.type };
    }
    throw err;
  }
}

/** How long the answer asks the client to wait, if it says. */
function asksToWaitMs({ response }: Outcome): number | undefined {
  if (!response) return undefined;
  const retryAfter = parseRetryAfterMs(response.headers.get('retry-after'));
  if (retryAfter !== undefined) return retryAfter;
  return isConcurrentRequestLimit(response.status, response.json)
    ? CONCURRENT_LIMIT_WAIT_MS
    : undefined;
}

function retryReason({ response, networkError }: Outcome): string | undefined {
  if (networkError) {
    return `connection failed: ${networkError}`;
  }
  const { status, json, excerpt } = response!;
  const statusReason = retryableStatusReason(status);
  if (statusReason) {
    return `${status} ${statusReason}${excerpt ? `: ${excerpt}` : ''}`;
  }
  if (isConcurrentRequestLimit(status, json)) {
    return `${status} too many concurrent long-running requests in the org`;
  }
  if (status < 300 && json === undefined) {
    return `${status} with a body that is not JSON: ${successExcerpt(excerpt)}`;
  }
  return undefined;
}

/**
 * A page of records cut short is not quoted: it may hold personal details.
 * Anything else (a proxy's page, say) is, to tell what answered.
 */
function successExcerpt(excerpt: string): string {
  if (!excerpt) return '(empty)';
  return /^[[{]/.test(excerpt)
    ? '(JSON cut short or malformed; not quoted, as it may hold records)'
    : excerpt;
}

/** The URL without its query string, which can be a long SOQL statement. */
export function endpointOf(url: string): string {
  return url.split('?')[0];
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
