import { Headers } from 'node-fetch';
import { HttpRequest, HttpResponse, HttpSend } from './http';
import { requestAccessToken, TokenRequest } from './oauth';
import { RetryPolicy } from './retry';

const request: TokenRequest = {
  loginUrl: 'https://login.example.test',
  clientId: 'client-id',
  clientSecret: 'cs+Xq/9="Zr&8',
  refreshToken: 'rt-5Zy8Qa3U',
};

const policy: RetryPolicy = {
  maxAttempts: 2,
  baseDelayMs: 1,
  maxDelayMs: 1,
  totalTimeMs: 10_000,
  requestTimeoutMs: 1_000,
};

/** An endpoint that answers with the form it was sent, as some proxies do. */
function echoing(status: number, asJson: boolean): HttpSend {
  return (sent: HttpRequest): Promise<HttpResponse> => {
    const form = sent.body ?? '';
    const echo = `${form} ${JSON.stringify(
      Object.fromEntries(new URLSearchParams(form)),
    )}`;
    return Promise.resolve({
      status,
      headers: new Headers(),
      json: asJson
        ? { error: 'invalid_grant', error_description: echo }
        : undefined,
      excerpt: asJson ? '' : echo,
    });
  };
}

function expectNoSecret(text: string) {
  for (const secret of [request.clientSecret, request.refreshToken ?? '']) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
    expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
  }
}

test('a refusal that echoes the form names no secret', async () => {
  const warnings: string[] = [];
  const log = {
    warn: (fields: object) => warnings.push(JSON.stringify(fields)),
  };

  const refused = requestAccessToken(request, policy, log, echoing(400, true));

  const err: Error = await refused.catch((e) => e);
  expect(err.message).toContain('invalid_grant');
  expect(err.message).toContain('[REDACTED]');
  expectNoSecret(err.message);
});

test('a failing endpoint that echoes the form names no secret in warnings or the error', async () => {
  const warnings: string[] = [];
  const log = {
    warn: (fields: object) => warnings.push(JSON.stringify(fields)),
  };

  const err: Error = await requestAccessToken(
    request,
    policy,
    log,
    echoing(503, false),
  ).catch((e) => e);

  expect(warnings).toHaveLength(1);
  expect(err.message).toContain('[REDACTED]');
  expectNoSecret([err.message, ...warnings].join('\n'));
});

test('a granted token is taken whole, even a refresh token equal to the one sent', async () => {
  const send: HttpSend = () =>
    Promise.resolve({
      status: 200,
      headers: new Headers(),
      json: { access_token: 'at-1', refresh_token: request.refreshToken },
      excerpt: '',
    });

  const token = await requestAccessToken(
    request,
    policy,
    { warn: () => undefined },
    send,
  );

  expect(token).toEqual(
    expect.objectContaining({
      accessToken: 'at-1',
      refreshToken: request.refreshToken,
    }),
  );
});
