import { Headers } from 'node-fetch';
import { FetchError } from 'node-fetch';
import { excerptOf, HttpResponse, HttpSend, sendWithRetries } from './http';
import { DEFAULT_RETRY_POLICY, parseRetryAfterMs, retryDelayMs } from './retry';

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000 };
const request = {
  url: 'https://example.my.salesforce.com/services/data/v59.0/query?q=x',
  method: 'GET' as const,
  headers: {},
};

function response(
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    status,
    headers: new Headers(headers),
    json,
    excerpt: json ? '' : 'body',
  };
}

function scriptedSend(...outcomes: (HttpResponse | Error)[]) {
  const sent: number[] = [];
  const send: HttpSend = () => {
    const outcome = outcomes[Math.min(sent.length, outcomes.length - 1)];
    sent.push(sent.length);
    return outcome instanceof Error
      ? Promise.reject(outcome)
      : Promise.resolve(outcome);
  };
  return { send, sent };
}

const log = { warn: jest.fn() };
const waits: number[] = [];
const sleep = (ms: number) => {
  waits.push(ms);
  return Promise.resolve();
};

beforeEach(() => {
  waits.length = 0;
  log.warn.mockClear();
});

test.each([429, 500, 502, 503, 504])(
  'retries a %i, then succeeds',
  async (status) => {
    const { send, sent } = scriptedSend(
      response(status, []),
      response(200, { ok: 1 }),
    );
    const result = await sendWithRetries(request, policy, log, send, sleep);
    expect(result.json).toEqual({ ok: 1 });
    expect(sent).toHaveLength(2);
    expect(log.warn).toHaveBeenCalledWith(
      expect.objectContaining({
        attempt: 1,
        reason: expect.stringContaining(String(status)),
      }),
      'Salesforce request failed; trying again',
    );
  },
);

test('retries a connection reset and a timeout', async () => {
  const { send, sent } = scriptedSend(
    new FetchError('socket hang up', 'system', { code: 'ECONNRESET' } as never),
    new FetchError('network timeout', 'request-timeout'),
    response(200, { ok: 1 }),
  );
  await sendWithRetries(request, policy, log, send, sleep);
  expect(sent).toHaveLength(3);
});

test('retries a success whose body is not JSON', async () => {
  const { send, sent } = scriptedSend(
    response(200, undefined),
    response(200, { ok: 1 }),
  );
  await sendWithRetries(request, policy, log, send, sleep);
  expect(sent).toHaveLength(2);
});

test.each([
  [
    '{"totalSize":2,"done":true,"records":[{"Name":"Jane',
    '(JSON cut short or malformed; not quoted',
  ],
  ['Proxy login required', 'Proxy login required'],
])(
  'a success that is not JSON is quoted unless it is records cut short: %s',
  async (excerpt, reason) => {
    const { send } = scriptedSend(
      { ...response(200, undefined), excerpt },
      response(200, { ok: 1 }),
    );
    await sendWithRetries(request, policy, log, send, sleep);
    expect(log.warn).toHaveBeenCalledWith(
      expect.objectContaining({
        reason: expect.stringContaining(reason),
      }),
      'Salesforce request failed; trying again',
    );
    expect(log.warn).not.toHaveBeenCalledWith(
      expect.objectContaining({ reason: expect.stringContaining('Jane') }),
      expect.anything(),
    );
  },
);

test('does not retry a client error', async () => {
  const { send, sent } = scriptedSend(
    response(400, [{ errorCode: 'INVALID_FIELD' }]),
  );
  const result = await sendWithRetries(request, policy, log, send, sleep);
  expect(result.status).toBe(400);
  expect(sent).toHaveLength(1);
});

test('gives up after maxAttempts, with the last reason', async () => {
  const { send, sent } = scriptedSend(response(503, undefined));
  await expect(
    sendWithRetries(request, policy, log, send, sleep),
  ).rejects.toThrow('503 service unavailable: body (after 5 tries)');
  expect(sent).toHaveLength(5);
  expect(waits).toHaveLength(4);
});

test('honours Retry-After, up to maxDelayMs', async () => {
  const { send } = scriptedSend(
    response(429, [], { 'Retry-After': '0' }),
    response(503, [], { 'Retry-After': '600' }),
    response(200, {}),
  );
  await sendWithRetries(request, policy, log, send, sleep);
  expect(waits[0]).toBeGreaterThanOrEqual(50);
  expect(waits[1]).toBe(1_000);
});

test("waits out the concurrent-request limit at least as long as the requests that fill it last, not the daily allowance's", async () => {
  const concurrent = response(403, [
    {
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.',
    },
  ]);
  const { send } = scriptedSend(concurrent, response(200, {}));
  await sendWithRetries(
    request,
    { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100 },
    log,
    send,
    sleep,
  );
  expect(waits).toEqual([20_000]);

  const daily = response(403, [
    {
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.',
    },
  ]);
  const answered = await sendWithRetries(
    request,
    policy,
    log,
    scriptedSend(daily).send,
    sleep,
  );
  expect(answered.status).toBe(403);
  expect(waits).toHaveLength(1);
});

test('backs off exponentially with jitter', () => {
  expect(retryDelayMs(policy, 1, undefined, () => 0)).toBe(50);
  expect(retryDelayMs(policy, 1, undefined, () => 1)).toBe(100);
  expect(retryDelayMs(policy, 3, undefined, () => 1)).toBe(400);
  expect(retryDelayMs(policy, 10, undefined, () => 1)).toBe(1_000);
});

test('reads Retry-After as seconds or as a date', () => {
  expect(parseRetryAfterMs('7')).toBe(7_000);
  const now = Date.parse('2026-12-04T12:00:00Z');
  expect(parseRetryAfterMs('Fri, 04 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
  expect(parseRetryAfterMs('soon')).toBeUndefined();
  expect(parseRetryAfterMs(null)).toBeUndefined();
});

test('quotes a short, tag-free excerpt of an HTML page', () => {
  const page = `<html><head><style>body{}</style><script>x()</script></head><body><h1>Down for   maintenance</h1>${'<p>more</p>'.repeat(
    100,
  )}</body></html>`;
  const excerpt = excerptOf(page);
  expect(excerpt.startsWith('Down for maintenance more')).toBe(true);
  expect(excerpt).not.toMatch(/[<>]/);
  expect(excerpt.length).toBeLessThanOrEqual(121);
});
