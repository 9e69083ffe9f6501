import { createHmac } from 'crypto';
import {
  DEV_CREDENTIALS,
  LocalSalesforce,
  startLocalSalesforce,
} from './server';
import { getAccessToken, getPath, getQuery, postToken } from './test-client';

let org: LocalSalesforce;

beforeAll(async () => {
  org = await startLocalSalesforce();
});

afterAll(() => org.close());

const { clientId, clientSecret, refreshToken } = DEV_CREDENTIALS;

describe('POST /services/oauth2/token', () => {
  test('grants client credentials with a Salesforce-shaped token', async () => {
    const response = await postToken(org.url, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    const body = await response.json();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/json;charset=UTF-8',
    );
    expect(body).toEqual({
      access_token: expect.stringMatching(/^00DDo000000rryB!AQ[\w.]{100,}$/),
      signature: expect.any(String),
      scope: 'api',
      instance_url: org.url,
      id: `${org.url}/id/00DDo000000rryBMAQ/005Do000000PVvJIAW`,
      token_type: 'Bearer',
      issued_at: expect.stringMatching(/^\d{13}$/),
    });
    expect(body.signature).toBe(
      createHmac('sha256', clientSecret)
        .update(body.id + body.issued_at)
        .digest('base64'),
    );
  });

  test('accepts client credentials sent with HTTP Basic', async () => {
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    const response = await postToken(
      org.url,
      { grant_type: 'client_credentials' },
      { Authorization: `Basic ${basic}` },
    );

    expect(response.status).toBe(200);
  });

  test('grants a refresh token with or without the secret', async () => {
    const withoutSecret = await postToken(org.url, {
      grant_type: 'refresh_token',
      client_id: clientId,
      refresh_token: refreshToken,
    });
    const withSecret = await postToken(org.url, {
      grant_type: 'refresh_token',
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: refreshToken,
    });

    expect(withoutSecret.status).toBe(200);
    expect(withSecret.status).toBe(200);
  });

  test('issues a different token each time', async () => {
    expect(await getAccessToken(org.url)).not.toBe(
      await getAccessToken(org.url),
    );
  });

  test.each([
    [
      'an unknown client id',
      {
        grant_type: 'client_credentials',
        client_id: 'nope',
        client_secret: clientSecret,
      },
      {
        error: 'invalid_client_id',
        error_description: 'client identifier invalid',
      },
    ],
    [
      'a wrong secret',
      {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: 'nope',
      },
      {
        error: 'invalid_client',
        error_description: 'invalid client credentials',
      },
    ],
    [
      'a missing secret',
      { grant_type: 'client_credentials', client_id: clientId },
      {
        error: 'invalid_client',
        error_description: 'invalid client credentials',
      },
    ],
    [
      'a wrong secret with a refresh token',
      {
        grant_type: 'refresh_token',
        client_id: clientId,
        client_secret: 'nope',
        refresh_token: refreshToken,
      },
      {
        error: 'invalid_client',
        error_description: 'invalid client credentials',
      },
    ],
    [
      'a bad refresh token',
      {
        grant_type: 'refresh_token',
        client_id: clientId,
        refresh_token: 'nope',
      },
      {
        error: 'invalid_grant',
        error_description: 'expired access/refresh token',
      },
    ],
    [
      'another grant type',
      { grant_type: 'password', client_id: clientId },
      {
        error: 'unsupported_grant_type',
        error_description: 'grant type not supported',
      },
    ],
    [
      'no grant type',
      {},
      {
        error: 'unsupported_grant_type',
        error_description: 'grant type not supported',
      },
    ],
  ])('refuses %s with status 400', async (_, form, expected) => {
    const response = await postToken(org.url, form);

    expect(response.status).toBe(400);
    expect(await response.text()).toBe(JSON.stringify(expected));
  });
});

describe('authentication of API calls', () => {
  const INVALID_SESSION =
    '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]';

  test.each([
    ['no token', undefined],
    ['an unknown token', '00DDo000000rryB!AQnotatoken'],
  ])('answers 401 to %s', async (_, token) => {
    const response = await getPath(
      org.url,
      token ?? '',
      '/services/data/v58.0/query?q=SELECT+Id+FROM+User',
      token ? {} : { Authorization: '' },
    );

    expect(response.status).toBe(401);
    expect(await response.text()).toBe(INVALID_SESSION);
  });

  test('answers 401 after sessions expire, until a new token is issued', async () => {
    const token = await getAccessToken(org.url);
    expect((await getQuery(org.url, token, 'SELECT Id FROM User')).status).toBe(
      200,
    );

    org.expireSessions();

    const expired = await getQuery(org.url, token, 'SELECT Id FROM User');
    expect(expired.status).toBe(401);
    expect(await expired.text()).toBe(INVALID_SESSION);
    const renewed = await getAccessToken(org.url);
    expect(
      (await getQuery(org.url, renewed, 'SELECT Id FROM User')).status,
    ).toBe(200);
  });

  test('serves tokens for custom credentials only', async () => {
    const custom = await startLocalSalesforce({
      credentials: { clientId: 'a', clientSecret: 'b', refreshToken: 'c' },
    });
    try {
      const defaults = await postToken(custom.url, {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      });
      const own = await postToken(custom.url, {
        grant_type: 'client_credentials',
        client_id: 'a',
        client_secret: 'b',
      });

      expect(defaults.status).toBe(400);
      expect(own.status).toBe(200);
    } finally {
      await custom.close();
    }
  });
});
