import { IntegrationProviderAPIError } from '@jupiterone/integration-sdk-core';
import { Response } from 'node-fetch';
import { generateOrg } from '../../local-salesforce/generate';
import { localInstanceConfig, useLocalOrg } from '../../test/localOrg';
import { parseIntegrationConfig } from '../config';
import { SalesforceClient } from './client';
import { HttpFetch } from './http';

const dataset = generateOrg({ users: 2_500 });
const org = useLocalOrg({ dataset, pageSize: 500 });

function clientFor(fetch?: HttpFetch) {
  return new SalesforceClient(
    parseIntegrationConfig(localInstanceConfig(org())),
    fetch,
  );
}

async function collectIds(client: SalesforceClient, soql: string) {
  const ids: string[] = [];
  for await (const page of client.queryPages<{ Id: string }>(soql)) {
    ids.push(...page.map((record) => record.Id));
  }
  return ids;
}

test('follows nextRecordsUrl until done, each record once', async () => {
  const before = org().calls.query;
  const ids = await collectIds(clientFor(), 'SELECT Id FROM User');
  expect(ids).toHaveLength(dataset.User.length);
  expect(new Set(ids).size).toBe(dataset.User.length);
  expect(org().calls.query - before).toBe(Math.ceil(2_500 / 500));
});

test('renews an expired session once, mid-paging, and carries on', async () => {
  const client = clientFor();
  const tokensBefore = org().calls.token;
  const ids: string[] = [];
  for await (const page of client.queryPages<{ Id: string }>(
    'SELECT Id FROM User',
  )) {
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
      collectIds(client, `SELECT Id FROM ${object}`),
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
  const error = await collectIds(
    clientFor(),
    'SELECT Id, Nope FROM User',
  ).catch((err) => err);
  expect(error).toBeInstanceOf(IntegrationProviderAPIError);
  expect(error.status).toBe(400);
  expect(error.statusText).toMatch(/^INVALID_FIELD: /);
  expect(error.endpoint).toBe(
    `${
      org().url
    }/services/data/v59.0/query?q=SELECT%20Id%2C%20Nope%20FROM%20User`,
  );
});

test('records the API usage Salesforce reports', async () => {
  const client = clientFor();
  await collectIds(client, 'SELECT Id FROM Profile');
  expect(client.apiUsage).toEqual({
    used: expect.any(Number),
    limit: 15000,
  });
});

describe('with a Salesforce that misbehaves', () => {
  const tokenResponse = () =>
    new Response(JSON.stringify({ access_token: 'token' }), { status: 200 });
  const pageResponse = (page: object) =>
    new Response(JSON.stringify(page), { status: 200 });

  function scriptedFetch(page: object) {
    const calls: string[] = [];
    const fetch: HttpFetch = (url) => {
      calls.push(url);
      return Promise.resolve(
        url.endsWith('/services/oauth2/token')
          ? tokenResponse()
          : pageResponse(page),
      );
    };
    return { fetch, calls };
  }

  test('refuses a nextRecordsUrl on another origin before sending anything', async () => {
    const { fetch, calls } = scriptedFetch({
      totalSize: 2,
      done: false,
      nextRecordsUrl:
        'https://attacker.example/services/data/v59.0/query/01g-1',
      records: [{ Id: '005000000000001AAA' }],
    });
    const error = await collectIds(
      clientFor(fetch),
      'SELECT Id FROM User',
    ).catch((err) => err);
    expect(error.message).toMatch('Refusing to follow a Salesforce URL');
    expect(calls.some((url) => url.includes('attacker.example'))).toBe(false);
  });

  test('fails when a page is not done but has no nextRecordsUrl', async () => {
    const { fetch } = scriptedFetch({
      totalSize: 5,
      done: false,
      records: [{ Id: '005000000000001AAA' }],
    });
    await expect(
      collectIds(clientFor(fetch), 'SELECT Id FROM User'),
    ).rejects.toThrow('not done but sent no nextRecordsUrl after 1 of 5');
  });
});
