import fs from 'fs';
import path from 'path';
import { IntegrationValidationError } from '@jupiterone/integration-sdk-core';
import {
  DEFAULT_API_VERSION,
  IntegrationConfig,
  parseIntegrationConfig,
} from './config';

const valid: IntegrationConfig = {
  instanceUrl: 'https://example.my.salesforce.com',
  clientId: 'client-id',
  clientSecret: 'client-secret',
};

function problemsWith(config: Partial<IntegrationConfig>): string {
  try {
    parseIntegrationConfig({ ...valid, ...config });
  } catch (err) {
    expect(err).toBeInstanceOf(IntegrationValidationError);
    return err.message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('parseIntegrationConfig', () => {
  test('defaults the login URL to the instance and the API version', () => {
    expect(parseIntegrationConfig(valid)).toEqual({
      instanceUrl: 'https://example.my.salesforce.com',
      loginUrl: 'https://example.my.salesforce.com',
      apiVersion: DEFAULT_API_VERSION,
      clientId: 'client-id',
      clientSecret: 'client-secret',
      refreshToken: undefined,
      userRoleIds: [],
      userProfileIds: [],
    });
  });

  test('trims pasted secrets and drops a trailing slash', () => {
    const settings = parseIntegrationConfig({
      instanceUrl: ' https://example.my.salesforce.com/ ',
      loginUrl: 'https://test.salesforce.com/',
      clientId: ' client-id\n',
      clientSecret: '\tclient-secret ',
      refreshToken: ' refresh-token\n',
      apiVersion: 'v58.0',
    });
    expect(settings).toMatchObject({
      instanceUrl: 'https://example.my.salesforce.com',
      loginUrl: 'https://test.salesforce.com',
      clientId: 'client-id',
      clientSecret: 'client-secret',
      refreshToken: 'refresh-token',
      apiVersion: '58.0',
    });
  });

  test('names every missing field in one error', () => {
    const message = problemsWith({
      instanceUrl: '',
      clientId: ' ',
      clientSecret: undefined,
    });
    expect(message).toMatch('instanceUrl is required');
    expect(message).toMatch('clientId is required');
    expect(message).toMatch('clientSecret is required');
  });

  test.each([
    ['http://example.my.salesforce.com'],
    ['ftp://example.my.salesforce.com'],
    ['http://10.0.0.1:8080'],
  ])('refuses %s as instanceUrl', (instanceUrl) => {
    expect(problemsWith({ instanceUrl })).toMatch(
      `instanceUrl "${instanceUrl}" must use https://`,
    );
  });

  test.each([
    ['http://127.0.0.1:4000'],
    ['http://localhost:4000'],
    ['http://[::1]:4000'],
  ])('allows http:// on the loopback host %s', (instanceUrl) => {
    expect(parseIntegrationConfig({ ...valid, instanceUrl }).instanceUrl).toBe(
      instanceUrl,
    );
  });

  test('names an instanceUrl that is not a URL, with no guess', () => {
    expect(problemsWith({ instanceUrl: 'nope' })).toMatch(
      /instanceUrl "nope" is not a URL(;|$)/,
    );
  });

  test('suggests https:// for a host pasted without it', () => {
    expect(problemsWith({ instanceUrl: 'example.my.salesforce.com' })).toMatch(
      'instanceUrl "example.my.salesforce.com" is not a URL (did you mean https://example.my.salesforce.com?)',
    );
  });

  test.each([
    ['https://acme.lightning.force.com/lightning/page/home', 'acme'],
    ['https://acme--uat.sandbox.lightning.force.com', 'acme--uat.sandbox'],
  ])('points a Lightning address, %s, to the My Domain URL', (url, name) => {
    expect(problemsWith({ instanceUrl: url })).toMatch(
      `instanceUrl "${url}" is the address of Lightning Experience pages, not of the API: use the org's My Domain URL, https://${name}.my.salesforce.com`,
    );
  });

  test.each([
    ['https://acme.my.salesforce-setup.com/lightning/setup/Home', 'acme.my'],
    [
      'https://acme--uat.sandbox.my.salesforce-setup.com',
      'acme--uat.sandbox.my',
    ],
    ['http://acme.my.salesforce-setup.com', 'acme.my'],
  ])('points a Setup address, %s, to the My Domain URL', (url, name) => {
    expect(problemsWith({ instanceUrl: url })).toMatch(
      `instanceUrl "${url}" is the address of Setup pages, not of the API: use the org's My Domain URL, https://${name}.salesforce.com`,
    );
  });

  test.each([
    ['acme.lightning.force.com', 'https://acme.my.salesforce.com'],
    [
      'acme.my.salesforce-setup.com/lightning',
      'https://acme.my.salesforce.com',
    ],
  ])(
    'points %s, pasted without https://, to the My Domain URL',
    (url, myDomain) => {
      expect(problemsWith({ instanceUrl: url })).toMatch(
        `instanceUrl "${url}" is not a URL (did you mean ${myDomain}?)`,
      );
    },
  );

  test('keeps only the origin of a URL pasted with a path', () => {
    const instanceUrl = 'https://acme.my.salesforce.com/lightning/setup/Home';
    expect(parseIntegrationConfig({ ...valid, instanceUrl }).instanceUrl).toBe(
      'https://acme.my.salesforce.com',
    );
  });

  test.each([
    ['https://acme.my.salesforce.com@attacker.example', 'attacker.example'],
    ['https://admin:hunter2@acme.my.salesforce.com', 'acme.my.salesforce.com'],
    ['https:/acme.my.salesforce.com@attacker.example', 'attacker.example'],
    ['ht\ntps://acme.my.salesforce.com@attacker.example', 'attacker.example'],
    ['https://@attacker.example', 'attacker.example'],
    ['https://acme@ATTACKER.example', 'attacker.example'],
  ])('refuses %s, whose credentials would go to %s', (instanceUrl, host) => {
    const message = problemsWith({ instanceUrl });
    expect(message).toMatch(
      `instanceUrl has an "@" before its host, which would send the credentials to ${host}: give the org's URL alone`,
    );
    expect(message).not.toMatch('hunter2');
  });

  test.each([
    ['https://attacker.example\\@acme.my.salesforce.com', 'attacker.example'],
    [
      'https://acme.my.salesforce.com/_ui/search?str=jane@acme.com',
      'acme.my.salesforce.com',
    ],
  ])('refuses %s, naming its host %s', (instanceUrl, host) => {
    expect(problemsWith({ instanceUrl })).toMatch(
      `instanceUrl has an "@" after its host, ${host}: give the org's URL alone`,
    );
  });

  test('never echoes a URL with an "@", even one that does not parse', () => {
    const message = problemsWith({
      instanceUrl: 'https://admin:hunter2@acme.my.salesforce.com:99999',
    });
    expect(message).toMatch(
      'instanceUrl has an "@": give the org\'s URL alone',
    );
    expect(message).not.toMatch('hunter2');
  });

  test('names a loginUrl that is not https', () => {
    expect(problemsWith({ loginUrl: 'http://test.salesforce.com' })).toMatch(
      'loginUrl "http://test.salesforce.com" must use https://',
    );
  });

  test('refuses the placeholder instanceUrl of .env.example', () => {
    const example = fs.readFileSync(
      path.join(__dirname, '..', '.env.example'),
      'utf8',
    );
    const placeholder = /^INSTANCE_URL=(.+)$/m.exec(example)![1];
    expect(problemsWith({ instanceUrl: placeholder })).toMatch(
      `instanceUrl "${placeholder}" is the placeholder from .env.example`,
    );
  });

  test('refuses an apiVersion older than the fields read', () => {
    expect(problemsWith({ apiVersion: '55.0' })).toMatch(
      'apiVersion "55.0" is older than 56.0, the first with every field this integration reads',
    );
    expect(
      parseIntegrationConfig({ ...valid, apiVersion: 'v56.0' }).apiVersion,
    ).toBe('56.0');
  });

  test('names a malformed apiVersion', () => {
    expect(problemsWith({ apiVersion: 'latest' })).toMatch(
      'apiVersion "latest"',
    );
  });

  test.each([
    ['00EDo0000019yHaMAI', ['00EDo0000019yHaMAI']],
    [
      '00EDo0000019yHaMAI, 00EDo0000019yHb',
      ['00EDo0000019yHaMAI', '00EDo0000019yHb'],
    ],
    ['["00EDo0000019yHaMAI"]', ['00EDo0000019yHaMAI']],
    [
      '00EDo0000019yHaMAI;00EDo0000019yHb\r\n00EDo0000019yHc\t00EDo0000019yHd',
      [
        '00EDo0000019yHaMAI',
        '00EDo0000019yHb',
        '00EDo0000019yHc',
        '00EDo0000019yHd',
      ],
    ],
  ])('reads the role filter %s', (userRoleFilter, ids) => {
    expect(
      parseIntegrationConfig({ ...valid, userRoleFilter }).userRoleIds,
    ).toEqual(ids);
  });

  test.each([
    ['userRoleFilter', "00EDo0000019yHaMAI') OR Id != ('"],
    ['userProfileFilter', 'System Administrator'],
  ])('names the bad value in %s', (field, value) => {
    expect(problemsWith({ [field]: value })).toMatch(
      `${field} value "${value}" is not a Salesforce id`,
    );
  });

  test('names a filter that is a broken JSON array', () => {
    expect(problemsWith({ userProfileFilter: '["00e' })).toMatch(
      'userProfileFilter "["00e" is not a JSON array of ids',
    );
  });

  test('never puts a secret in the error', () => {
    const message = problemsWith({
      instanceUrl: 'nope',
      clientSecret: 'very-secret-value',
      refreshToken: 'very-secret-token',
    });
    expect(message).not.toMatch('very-secret');
  });
});

test.each([
  [
    'userRoleFilter',
    '00eDo000000gtbIIAQ',
    'is a Profile id (00e…), not a UserRole id (00E…): put it in userProfileFilter',
  ],
  [
    'userProfileFilter',
    '00EDo0000019yHaMAI',
    'is a UserRole id (00E…), not a Profile id (00e…): put it in userRoleFilter',
  ],
  [
    'userRoleFilter',
    '005Do000000PVvJIAW',
    'is not a UserRole id (those start with 00E)',
  ],
  [
    'userProfileFilter',
    '00EDo0000019yHaMAI 00EDo0000019yHb',
    'is not a Salesforce id (15 or 18 letters and digits); separate ids with commas',
  ],
])('names what is wrong with %s value %s', (field, value, problem) => {
  expect(problemsWith({ [field]: value })).toMatch(
    `${field} value "${value}" ${problem}`,
  );
});

test('names a filter too long for a query', () => {
  const ids = Array.from(
    { length: 301 },
    (_, i) => `00EDo00000${String(i).padStart(5, '0')}`,
  );
  expect(problemsWith({ userRoleFilter: ids.join(',') })).toMatch(
    'userRoleFilter has 301 ids; at most 300 fit in a query',
  );
});
