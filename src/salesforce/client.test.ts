import { IntegrationProviderAPIError } from '@jupiterone/integration-sdk-core';
import { Headers } from 'node-fetch';
import { generateOrg } from '../../local-salesforce/generate';
import { localInstanceConfig, useLocalOrg } from '../../test/localOrg';
import { parseIntegrationConfig } from '../config';
import { ClientOptions, SalesforceClient } from './client';
import { HttpRequest, HttpResponse, HttpSend } from './http';

const dataset = generateOrg({ users: 2_500 });
const org = useLocalOrg({ dataset, pageSize: 500 });

function clientFor(options?: ClientOptions) {
  return new SalesforceClient(
    parseIntegrationConfig(localInstanceConfig(org())),
    options,
  );
}

/**
 * Waits until the org has served `count` more queries than `before` (a
 * loaded machine may take a while), then a little longer, so that a
 * request too many would be counted too.
 */
async function queryCallsSettle(before: number, count: number) {
  const deadline = Date.now() + 10_000;
  while (org().calls.query - before < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  return org().calls.query - before;
}

async function collectIds(client: SalesforceClient, object: string) {
  const ids: string[] = [];
  for await (const page of client.query({ object, fields: ['Id'] })) {
    ids.push(...page.map((record) => record.Id));
  }
  return ids;
}

test('follows nextRecordsUrl until done, each record once', async () => {
  const before = org().calls.query;
  const ids = await collectIds(clientFor(), 'User');
  expect(ids).toHaveLength(dataset.User.length);
  expect(new Set(ids).size).toBe(dataset.User.length);
  expect(org().calls.query - before).toBe(Math.ceil(2_500 / 500));
});

test("records come without Salesforce's attributes, so raw data holds the selected fields", async () => {
  const pages = clientFor().query({ object: 'User', fields: ['Id', 'Name'] });
  const { value: records } = await pages.next();
  await pages.return(undefined);
  expect(JSON.parse(JSON.stringify(records[0]))).toEqual({
    Id: records[0].Id,
    Name: records[0].Name,
  });
});

test('a query started early is read ahead, then taken without asking again', async () => {
  const client = clientFor();
  await client.authenticate();
  const before = org().calls.query;
  client.startEarly({ object: 'User', fields: ['Id'] });
  const pages = Math.ceil(2_500 / 500);
  expect(await queryCallsSettle(before, pages)).toBe(pages);
  const ids = await collectIds(client, 'User');
  expect(new Set(ids).size).toBe(dataset.User.length);
  expect(org().calls.query - before).toBe(pages);
});

test('a query started early requests ten pages at most until it is taken', async () => {
  const client = clientFor();
  await client.authenticate();
  const before = org().calls.query;
  const query = { object: 'PermissionSetAssignment', fields: ['Id'] };
  client.startEarly(query);
  expect(await queryCallsSettle(before, 10)).toBe(10);
  const ids: string[] = [];
  for await (const page of client.query(query)) {
    ids.push(...page.map((record) => record.Id));
  }
  expect(ids).toHaveLength(dataset.PermissionSetAssignment.length);
  expect(org().calls.query - before).toBe(
    Math.ceil(dataset.PermissionSetAssignment.length / 500),
  );
});

test('a query started early with fewer pages stays that far ahead of its taker', async () => {
  const client = clientFor();
  await client.authenticate();
  const before = org().calls.query;
  const query = { object: 'PermissionSetAssignment', fields: ['Id'] };
  client.startEarly(query, undefined, { pages: 2 });
  expect(await queryCallsSettle(before, 2)).toBe(2);
  const pages = client.query(query);
  await pages.next();
  expect(await queryCallsSettle(before, 3)).toBe(3);
  let rest = 0;
  for await (const page of pages) rest += page.length;
  expect(rest).toBe(dataset.PermissionSetAssignment.length - 500);
});

test('renews an expired session once, mid-paging, and carries on', async () => {
  const client = clientFor();
  const tokensBefore = org().calls.token;
  const ids: string[] = [];
  for await (const page of client.query({ object: 'User', fields: ['Id'] })) {
    ids.push(...page.map((record) => record.Id));
    if (ids.length === 500) org().expireSessions();
  }
  expect(ids).toHaveLength(dataset.User.length);
  expect(org().calls.token - tokensBefore).toBe(2);
});

test('concurrent requests share one renewal', async () => {
  const client = clientFor();
  await client.authenticate();
  const tokensBefore = org().calls.token;
  org().expireSessions();
  const results = await Promise.all(
    ['User', 'Profile', 'UserRole', 'Group'].map((object) =>
      collectIds(client, object),
    ),
  );
  expect(results.map((ids) => ids.length)).toEqual([
    dataset.User.length,
    dataset.Profile.length,
    dataset.UserRole.length,
    dataset.Group.length,
  ]);
  expect(org().calls.token - tokensBefore).toBe(1);
});

test("reports Salesforce's error code, status and endpoint", async () => {
  const client = clientFor();
  const error = await (async () => {
    for await (const _ of client.query({ object: 'User', fields: ['Nope'] })) {
      // nothing arrives
    }
  })().catch((err) => err);
  expect(error).toBeInstanceOf(IntegrationProviderAPIError);
  expect(error.status).toBe(400);
  expect(error.statusText).toMatch(/^INVALID_FIELD: /);
  // The endpoint without its query string, which can be a long SOQL query.
  expect(error.endpoint).toBe(`${org().url}/services/data/v59.0/query`);
});

test('records the API usage Salesforce reports', async () => {
  const client = clientFor();
  await collectIds(client, 'Profile');
  expect(client.apiUsage).toEqual({ used: expect.any(Number), limit: 15000 });
});

describe('with a Salesforce that misbehaves', () => {
  function json(status: number, body: unknown): HttpResponse {
    return { status, headers: new Headers(), json: body, excerpt: '' };
  }

  function scripted(page: unknown) {
    const urls: string[] = [];
    const send: HttpSend = (request) => {
      urls.push(request.url);
      return Promise.resolve(
        request.url.endsWith('/services/oauth2/token')
          ? json(200, { access_token: 'token' })
          : json(200, page),
      );
    };
    return { send, urls };
  }

  const TOKEN = '00D000000000001!ARsecret/+=';

  /** A client whose queries are answered by `answer`. */
  function answeredBy(answer: (request: HttpRequest) => HttpResponse) {
    const send: HttpSend = (request) =>
      Promise.resolve(
        request.url.endsWith('/services/oauth2/token')
          ? json(200, { access_token: TOKEN })
          : answer(request),
      );
    return clientFor({
      send,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
  }

  /** A text answer, its excerpt redacted as httpSend redacts it (http.test.ts). */
  function textAnswer(status: number, text: string, request: HttpRequest) {
    return {
      status,
      headers: new Headers(),
      json: undefined,
      excerpt: request.redact?.(text) ?? text,
    };
  }

  const bearer = (request: HttpRequest) => request.headers.Authorization;

  test.each<[string, (request: HttpRequest) => HttpResponse]>([
    [
      'an HTML page',
      (request) =>
        textAnswer(502, `Gateway refused: ${bearer(request)}`, request),
    ],
    [
      'an HTML page that escapes the !',
      (request) =>
        textAnswer(
          403,
          `Gateway refused: ${bearer(request).replace('!', '&#33;')}`,
          request,
        ),
    ],
    [
      'a JSON error',
      (request) =>
        json(400, [
          {
            errorCode: 'BAD_REQUEST',
            message: `Gateway refused: ${bearer(request)}`,
          },
        ]),
    ],
    [
      'a redirect',
      (request) => ({
        status: 302,
        headers: new Headers({
          Location: `https://gateway.example/login?auth=${encodeURIComponent(
            bearer(request),
          )}`,
        }),
        json: undefined,
        excerpt: '',
      }),
    ],
  ])(
    'cuts the access token out of %s that echoes the request',
    async (_, answer) => {
      const error = await collectIds(answeredBy(answer), 'User').catch(
        (err) => err,
      );
      expect(error.message).toMatch(/Gateway refused|gateway\.example/);
      expect(error.message).not.toMatch('ARsecret');
    },
  );

  test('refuses a nextRecordsUrl on another origin before sending anything', async () => {
    const { send, urls } = scripted({
      totalSize: 2,
      done: false,
      nextRecordsUrl:
        'https://attacker.example/services/data/v59.0/query/01g-1',
      records: [{ Id: '005000000000001AAA' }],
    });
    const error = await collectIds(clientFor({ send }), 'User').catch(
      (err) => err,
    );
    expect(error.message).toMatch('Refusing to follow a Salesforce URL');
    expect(urls.some((url) => url.includes('attacker.example'))).toBe(false);
  });

  test('names a redirect and what to set, and does not follow it', async () => {
    const urls: string[] = [];
    const send: HttpSend = (request) => {
      urls.push(request.url);
      if (request.url.endsWith('/services/oauth2/token')) {
        return Promise.resolve(json(200, { access_token: 'token' }));
      }
      return Promise.resolve({
        status: 302,
        headers: new Headers({ Location: 'https://moved.example/query' }),
        json: undefined,
        excerpt: '',
      });
    };
    const error = await collectIds(clientFor({ send }), 'User').catch(
      (err) => err,
    );
    expect(error.statusText).toBe(
      'HTTP 302: Salesforce redirects to https://moved.example/query, which is not followed; if the org moved, set instanceUrl to its My Domain URL',
    );
    expect(urls.some((url) => url.includes('moved.example'))).toBe(false);
  });

  test('fails when a page is not done but has no nextRecordsUrl', async () => {
    const { send } = scripted({
      totalSize: 5,
      done: false,
      records: [{ Id: '005000000000001AAA' }],
    });
    await expect(collectIds(clientFor({ send }), 'User')).rejects.toThrow(
      'not done but sent no nextRecordsUrl after 1 of 5',
    );
  });

  test('stops at an empty page that says more follow', async () => {
    const { send, urls } = scripted({
      totalSize: 5,
      done: false,
      nextRecordsUrl: '/services/data/v59.0/query/01gDo00000abcdeAAA-2000',
      records: [],
    });
    await expect(collectIds(clientFor({ send }), 'User')).rejects.toThrow(
      'empty User page that says more follow',
    );
    expect(urls.filter((url) => url.includes('/query'))).toHaveLength(1);
  });

  test.each([
    ['a proxy status', { status: 'ok' }],
    ['null', null],
    ['no records', { totalSize: 5, done: true }],
    ['records null', { totalSize: 5, done: true, records: null }],
  ])(
    'a success that is not a page (%s) fails, naming the query',
    async (_, body) => {
      const { send } = scripted(body);
      await expect(collectIds(clientFor({ send }), 'User')).rejects.toThrow(
        'the answer to the User query is not a page of records',
      );
    },
  );

  test('an API version list that is not a list fails, saying so', async () => {
    const { send } = scripted({ status: 'ok' });
    await expect(clientFor({ send }).apiVersions()).rejects.toThrow(
      'the answer listing the REST API versions is not a list',
    );
  });

  test('fails when fewer records arrive than Salesforce counted', async () => {
    const { send } = scripted({
      totalSize: 3,
      done: true,
      records: [{ Id: '005000000000001AAA' }, { Id: '005000000000002AAA' }],
    });
    await expect(collectIds(clientFor({ send }), 'User')).rejects.toThrow(
      'received 2 distinct User records of the 3 Salesforce counted',
    );
  });
});

/**
 * A client for instanceUrl `configured` whose token endpoint names the
 * instances given, one a token, and a log to watch.
 */
function clientNamingInstances(configured: string, instances: string[]) {
  const send: HttpSend = () =>
    Promise.resolve({
      status: 200,
      headers: new Headers(),
      json: { access_token: 'token', instance_url: instances.shift() },
      excerpt: '',
    });
  const client = new SalesforceClient(
    parseIntegrationConfig({
      instanceUrl: configured,
      clientId: 'client-id',
      clientSecret: 'client-secret',
    }),
    { send },
  );
  const log = { info: jest.fn(), warn: jest.fn(), alert: jest.fn() };
  return { client, log };
}

test('a token for another instance is followed with a warning naming instanceUrl; back to it, without one', async () => {
  const configured = 'https://acme.my.salesforce.com';
  const other = 'https://other.my.salesforce.com';
  const { client, log } = clientNamingInstances(configured, [
    other,
    configured,
    'not a URL',
  ]);
  await client.authenticate(log);
  expect(client.instanceUrl).toBe(other);
  expect(log.alert).toHaveBeenCalledWith(
    { from: configured, to: other },
    `The access token is for the org at ${other}, not at instanceUrl ${configured}: collecting ${other}. Set instanceUrl to it, or correct loginUrl if that is not the org meant`,
  );
  await client.authenticate(log);
  expect(client.instanceUrl).toBe(configured);
  await client.authenticate(log);
  expect(client.instanceUrl).toBe(configured);
  expect(log.alert).toHaveBeenCalledTimes(1);
});

test('an instance URL that is not https is ignored, and the operator told once, not at every renewal', async () => {
  const configured = 'https://acme.my.salesforce.com';
  const { client, log } = clientNamingInstances(
    configured,
    Array(3).fill('http://acme.my.salesforce.com'),
  );
  for (let renewal = 0; renewal < 3; renewal++) {
    await client.authenticate(log);
  }
  expect(client.instanceUrl).toBe(configured);
  expect(log.alert).toHaveBeenCalledTimes(1);
  expect(log.alert).toHaveBeenCalledWith(
    { instanceUrl: 'http://acme.my.salesforce.com' },
    `The token endpoint named http://acme.my.salesforce.com as the org's instance, which is not https: ignored, queries go to ${configured}. Check loginUrl if this persists`,
  );
  expect(log.warn).toHaveBeenCalledTimes(2);
});
