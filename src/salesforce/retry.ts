/**
 * When and how long the client waits before trying a request again. Every
 * number is a default; tests pass smaller ones.
 */
export interface RetryPolicy {
  /** Tries per request, the first included. */
  maxAttempts: number;
  /**
   * The wait before the first retry, of which jitter takes off up to half;
   * it doubles for each further one.
   */
  baseDelayMs: number;
  /** The longest single wait, a Retry-After header's included. */
  maxDelayMs: number;
  /** The longest one request may take over all its tries. */
  totalTimeMs: number;
  /** The deadline of one try, from sending to the end of the body. */
  requestTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  totalTimeMs: 5 * 60_000,
  requestTimeoutMs: 100_000,
};

/** The statuses worth another try, and why each is. */
const RETRYABLE_STATUSES: Record<number, string> = {
  // A rate limit of a proxy or gateway in front of the instance.
  429: 'too many requests',
  // Salesforce's own faults, usually brief.
  500: 'server error',
  // A proxy or load balancer in front of the instance failed or timed out.
  502: 'bad gateway',
  504: 'gateway timeout',
  // Maintenance windows and overload; often with Retry-After.
  503: 'service unavailable',
};

export function retryableStatusReason(status: number): string | undefined {
  return RETRYABLE_STATUSES[status];
}

/**
 * Salesforce answers 403 REQUEST_LIMIT_EXCEEDED both when the org's daily
 * allowance is spent ("TotalRequests Limit exceeded.") and when it runs too
 * many long requests at once ("ConcurrentRequests (Concurrent API
 * Requests) Limit exceeded."). Only the second clears within seconds, as
 * those requests end: it is worth another try, the first is not.
 */
/**
 * The requests that fill the concurrent limit are those running 20 s or
 * more, so a retry sooner than that would likely meet it again.
 */
export const CONCURRENT_LIMIT_WAIT_MS = 20_000;

export function isConcurrentRequestLimit(status: number, json: unknown) {
  if (status !== 403 || !Array.isArray(json)) return false;
  const [error] = json as { errorCode?: string; message?: string }[];
  return (
    error?.errorCode === 'REQUEST_LIMIT_EXCEEDED' &&
    /^Concurrent/.test(error.message ?? '')
  );
}

/**
 * Exponential backoff with "equal" jitter (half the backoff, plus a random
 * part of the other half), so that concurrent steps that failed together
 * do not retry together, yet none retries at once; a Retry-After the server sent wins when
 * it asks for longer.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const backoff = policy.baseDelayMs * 2 ** (retry - 1);
  const jittered = backoff / 2 + random() * (backoff / 2);
  return Math.round(
    Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0)),
  );
}

/** Retry-After as seconds or as an HTTP date. */
export function parseRetryAfterMs(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
