import { Agent } from 'http';
import fetch from 'node-fetch';
import { generateOrg } from './generate';
import { LocalSalesforce, startLocalSalesforce } from './server';
import {
  API_VERSION,
  getAccessToken,
  getPath,
  getQuery,
  queryAllPages,
} from './test-client';

const generated = generateOrg({ users: 1000, groups: 50 });

describe('the query resource over a generated org', () => {
  let org: LocalSalesforce;
  let token: string;

  beforeAll(async () => {
    org = await startLocalSalesforce({ dataset: generated });
    token = await getAccessToken(org.url);
  });

  afterAll(() => org.close());

  test('serves every record once across pages of batchSize', async () => {
    const pages = await queryAllPages(
      org.url,
      token,
      'SELECT Id, Name FROM User',
      { 'Sforce-Query-Options': 'batchSize=300' },
    );

    expect(pages.map((page) => page.records.length)).toEqual([
      300, 300, 300, 100,
    ]);
    expect(pages.every((page) => page.totalSize === 1000)).toBe(true);
    expect(pages.map((page) => page.done)).toEqual([false, false, false, true]);
    expect(pages[0].nextRecordsUrl).toMatch(
      new RegExp(`^/services/data/v${API_VERSION}/query/01gDo\\w{13}-300$`),
    );
    const ids = pages.flatMap((page) => page.records.map((r) => r.Id));
    expect(new Set(ids).size).toBe(1000);
    expect(ids).toEqual(generated.User.map((user) => user.Id));
  });

  test('clamps batchSize to Salesforce’s range of 200 to 2000', async () => {
    const small = await getQuery(org.url, token, 'SELECT Id FROM User', {
      'Sforce-Query-Options': 'batchSize=10',
    });
    const large = await getQuery(org.url, token, 'SELECT Id FROM User', {
      'Sforce-Query-Options': 'batchSize=5000',
    });

    expect((await small.json()).records).toHaveLength(200);
    expect((await large.json()).records).toHaveLength(1000);
  });

  test('filters with WHERE before paging', async () => {
    const assignees = generated.User.slice(0, 250).map((user) => user.Id);
    const soql =
      'SELECT Id, AssigneeId FROM PermissionSetAssignment ' +
      `WHERE AssigneeId IN (${assignees.map((id) => `'${id}'`).join(', ')})`;

    const pages = await queryAllPages(org.url, token, soql, {
      'Sforce-Query-Options': 'batchSize=200',
    });

    const records = pages.flatMap((page) => page.records);
    // 4 assignments each, and a permission set group for every tenth user.
    expect(pages[0].totalSize).toBe(1025);
    expect(pages).toHaveLength(6);
    expect(records).toHaveLength(1025);
    expect(new Set(records.map((r) => r.AssigneeId))).toEqual(
      new Set(assignees),
    );
  });

  test('serves schema fields a generated record lacks as null', async () => {
    const response = await getQuery(
      org.url,
      token,
      'SELECT AboutMe, Id FROM User LIMIT 1',
    );

    const [record] = (await response.json()).records;
    expect(Object.keys(record)).toEqual(['attributes', 'AboutMe', 'Id']);
    expect(record.AboutMe).toBeNull();
  });

  test('answers an unknown query locator with INVALID_QUERY_LOCATOR', async () => {
    for (const locator of ['01gDo0000AmqBxrIAA-2000', 'garbage']) {
      const response = await getPath(
        org.url,
        token,
        `/services/data/v${API_VERSION}/query/${locator}`,
      );

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual([
        {
          message: 'invalid query locator',
          errorCode: 'INVALID_QUERY_LOCATOR',
        },
      ]);
    }
  });

  test('keeps every cursor open, as Salesforce has since API 56.0', async () => {
    const firstPages = [];
    for (let i = 0; i < 11; i++) {
      const response = await getQuery(org.url, token, 'SELECT Id FROM User', {
        'Sforce-Query-Options': 'batchSize=200',
      });
      firstPages.push(await response.json());
    }

    const oldest = await getPath(org.url, token, firstPages[0].nextRecordsUrl);
    expect(oldest.status).toBe(200);
  });
});

describe('the query resource over the dev org', () => {
  let org: LocalSalesforce;
  let token: string;

  beforeAll(async () => {
    org = await startLocalSalesforce({ pageSize: 3 });
    token = await getAccessToken(org.url);
  });

  afterAll(() => org.close());

  test('pages by the server page size', async () => {
    const pages = await queryAllPages(
      org.url,
      token,
      'SELECT Id, Username, UserType FROM User',
    );

    expect(pages.map((page) => page.records.length)).toEqual([3, 3, 1]);
    expect(pages[2].records[0]).toEqual({
      attributes: {
        type: 'User',
        url: `/services/data/v${API_VERSION}/sobjects/User/005Do000001WSt6IAG`,
      },
      Id: '005Do000001WSt6IAG',
      Username: 'insightssecurity@00ddo000000rrybmaq.com',
      UserType: 'Standard',
    });
  });

  test('answers a single page without a locator', async () => {
    const response = await getQuery(
      org.url,
      token,
      'SELECT Id, Name FROM Organization',
    );

    expect(await response.json()).toEqual({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: {
            type: 'Organization',
            url: `/services/data/v${API_VERSION}/sobjects/Organization/00DDo000000rryBMAQ`,
          },
          Id: '00DDo000000rryBMAQ',
          Name: 'Example Co',
        },
      ],
    });
  });

  test('answers parse errors with status 400', async () => {
    const response = await getQuery(org.url, token, 'SELECT Id, Foo FROM User');

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual([
      {
        message: expect.stringContaining("No such column 'Foo'"),
        errorCode: 'INVALID_FIELD',
      },
    ]);
  });

  test('asks for a query string', async () => {
    const response = await getPath(
      org.url,
      token,
      `/services/data/v${API_VERSION}/query`,
    );

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual([
      {
        message: 'A query string has to be specified',
        errorCode: 'MALFORMED_QUERY',
      },
    ]);
  });

  test('answers other paths with 404', async () => {
    const response = await getPath(
      org.url,
      token,
      `/services/data/v${API_VERSION}/sobjects/User`,
    );

    expect(response.status).toBe(404);
    expect(await response.text()).toBe(
      '[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]',
    );
  });
});

describe('counters and headers', () => {
  test('count every call and report API usage', async () => {
    const org = await startLocalSalesforce({ pageSize: 5 });
    try {
      const token = await getAccessToken(org.url);
      await queryAllPages(org.url, token, 'SELECT Id FROM User');
      await getQuery(org.url, token, 'SELECT Id FROM Profile');
      const last = await getQuery(org.url, token, 'SELECT Id FROM Nope');
      await getPath(org.url, token, '/elsewhere');

      expect(last.headers.get('sforce-limit-info')).toBe('api-usage=4/15000');
      expect(org.calls).toEqual({
        total: 6,
        token: 1,
        query: 4,
        byObject: { User: 2, Profile: 1 },
      });
    } finally {
      await org.close();
    }
  });

  test('delay answers by latencyMs', async () => {
    const org = await startLocalSalesforce({ latencyMs: 150 });
    try {
      const started = Date.now();
      await getAccessToken(org.url);

      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await org.close();
    }
  });

  test('close ends idle keep-alive connections', async () => {
    const org = await startLocalSalesforce();
    const agent = new Agent({ keepAlive: true });
    try {
      const response = await fetch(`${org.url}/`, { agent });
      await response.text();
      expect(response.headers.get('connection')).toBe('keep-alive');
    } finally {
      await org.close();
      agent.destroy();
    }
  });
});

describe('a 100,000-user org', () => {
  test('pages through every user', async () => {
    const org = await startLocalSalesforce({
      dataset: generateOrg({ users: 100_000, groups: 0 }),
    });
    try {
      const token = await getAccessToken(org.url);
      const pages = await queryAllPages(
        org.url,
        token,
        'SELECT Id, Name, Email, ProfileId, UserRoleId, IsActive FROM User',
      );

      expect(pages).toHaveLength(50);
      const ids = new Set(pages.flatMap((p) => p.records.map((r) => r.Id)));
      expect(ids.size).toBe(100_000);
    } finally {
      await org.close();
    }
  });
});
