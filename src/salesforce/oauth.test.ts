import http from 'http';
import { AddressInfo } from 'net';
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

/**
 * An endpoint that answers with the form it was sent, as some proxies do;
 * like `httpSend`, it cuts a text answer's excerpt with `redact` applied.
 */
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
      excerpt: asJson ? '' : sent.redact?.(echo) ?? echo,
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

test('a grant the app does not allow names the flow to enable', async () => {
  const send: HttpSend = () =>
    Promise.resolve({
      status: 400,
      headers: new Headers(),
      json: {
        error: 'unsupported_grant_type',
        error_description: 'grant type not supported',
      },
      excerpt: '',
    });
  const err: Error = await requestAccessToken(
    { ...request, refreshToken: undefined },
    policy,
    { warn: () => undefined },
    send,
  ).catch((e) => e);
  expect(err.message).toContain(
    'unsupported_grant_type: grant type not supported (enable Client Credentials Flow on the app',
  );
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

test('a 200 without a token that echoes the form names no secret', async () => {
  const err: Error = await requestAccessToken(
    request,
    policy,
    { warn: () => undefined },
    echoing(200, true),
  ).catch((e) => e);

  expect(err.message).toContain('[REDACTED]');
  expectNoSecret(err.message);
});

describe('against a token endpoint on 127.0.0.1', () => {
  let server: http.Server;
  let loginUrl: string;
  const received: string[] = [];
  let answer: (body: string, response: http.ServerResponse) => void;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(`${req.method} ${req.url}`);
        answer(body, res);
      });
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    loginUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (received.length = 0));

  test('a long text answer echoing the form shows no part of a secret', async () => {
    const long: TokenRequest = {
      loginUrl,
      clientId: 'c'.repeat(32),
      clientSecret:
        'F1E2D3C4B5A6978812345678ABCDEF0123456789ABCDEF0123456789ABCDEF',
    };
    answer = (body, res) => {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end(`could not forward ${body}`);
    };

    const err: Error = await requestAccessToken(long, policy, {
      warn: () => undefined,
    }).catch((e) => e);

    expect(err.message).toContain('[REDACTED]');
    expect(err.message).not.toContain('F1E2D3C4B5');
  });

  test('a redirect is not followed with the secrets', async () => {
    answer = (_, res) => {
      res.writeHead(307, { Location: `${loginUrl}/elsewhere` });
      res.end();
    };

    const err: Error = await requestAccessToken(
      { ...request, loginUrl },
      policy,
      { warn: () => undefined },
    ).catch((e) => e);

    expect(received).toEqual(['POST /services/oauth2/token']);
    expect(err.message).toContain(
      `307 redirected: the token endpoint redirects to ${loginUrl}/elsewhere, which is not followed with the secrets (set loginUrl, or instanceUrl when loginUrl is not set, to the org’s My Domain URL)`,
    );
  });

  test('a page that is not the Salesforce token endpoint says which setting to check', async () => {
    answer = (_, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><body>Not Found</body></html>');
    };

    const err: Error = await requestAccessToken(
      { ...request, loginUrl },
      policy,
      { warn: () => undefined },
    ).catch((e) => e);

    expect(err.message).toContain('404 unexpected_response');
    expect(err.message).toContain(
      'not an answer from Salesforce’s token endpoint: check loginUrl, or instanceUrl when loginUrl is not set',
    );
  });
});
