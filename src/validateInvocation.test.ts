import {
  IntegrationProviderAuthenticationError,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';
import { createMockExecutionContext } from '@jupiterone/integration-sdk-testing';
import { DEV_CREDENTIALS } from '../local-salesforce/oauth';
import { localInstanceConfig, useLocalOrg } from '../test/localOrg';
import { IntegrationConfig } from './config';
import { createExecutionConfigLoader } from './execution';
import { validateInvocation } from './validateInvocation';

const org = useLocalOrg();

/** The default number of tries, without their waits. */
const loadExecutionConfig = createExecutionConfigLoader({
  retry: { baseDelayMs: 1, maxDelayMs: 1 },
});

function validate(config: IntegrationConfig) {
  const context = createMockExecutionContext<IntegrationConfig>({
    instanceConfig: config,
  });
  return validateInvocation({
    ...context,
    executionConfig: loadExecutionConfig({ config }),
  });
}

async function failureOf(config: IntegrationConfig) {
  const error = await validate(config).catch((err) => err);
  expect(error).toBeInstanceOf(Error);
  return error;
}

test('authenticates with client credentials, once', async () => {
  const before = org().calls.token;
  await validate(localInstanceConfig(org()));
  expect(org().calls.token - before).toBe(1);
});

test('authenticates with a refresh token, trimmed', async () => {
  await expect(
    validate(
      localInstanceConfig(org(), {
        refreshToken: ` ${DEV_CREDENTIALS.refreshToken}\n`,
        clientSecret: `${DEV_CREDENTIALS.clientSecret} `,
      }),
    ),
  ).resolves.toBeUndefined();
});

test('names every invalid field before any request', async () => {
  const before = org().calls.total;
  const error = await failureOf({
    instanceUrl: 'http://salesforce.example',
    clientId: '',
    clientSecret: 'secret',
    userRoleFilter: 'CEO',
  });
  expect(error).toBeInstanceOf(IntegrationValidationError);
  expect(error.message).toMatch('instanceUrl "http://salesforce.example"');
  expect(error.message).toMatch('clientId is required');
  expect(error.message).toMatch('userRoleFilter value "CEO"');
  expect(org().calls.total).toBe(before);
});

test.each([
  [
    'an unknown client id',
    { clientId: 'unknown' },
    'invalid_client_id: client identifier invalid',
  ],
  [
    'a wrong client secret',
    { clientSecret: 'wrong-secret' },
    'invalid_client: invalid client credentials',
  ],
  [
    'a revoked refresh token',
    { refreshToken: 'revoked-token' },
    'invalid_grant: expired access/refresh token',
  ],
])(
  'reports %s with the OAuth error and token URL',
  async (_, overrides, oauthError) => {
    const error = await failureOf(localInstanceConfig(org(), overrides));
    expect(error).toBeInstanceOf(IntegrationProviderAuthenticationError);
    expect(error.message).toContain(
      `Provider authentication failed at ${
        org().url
      }/services/oauth2/token: 400 ${oauthError} (`,
    );
    expect(error.message).not.toMatch(/wrong-secret|revoked-token/);
  },
);

test('asks the login URL for tokens when one is given', async () => {
  const error = await failureOf(
    localInstanceConfig(org(), { loginUrl: 'http://127.0.0.1:9' }),
  );
  expect(error).toBeInstanceOf(IntegrationValidationError);
  expect(error.message).toMatch(
    'The token request to http://127.0.0.1:9/services/oauth2/token failed (gave up reading a token after 5 tries (connection failed: ECONNREFUSED)). If that URL is wrong',
  );
});

test.each([['99.0'], ['v63.0']])(
  'names an apiVersion %s the org does not offer',
  async (apiVersion) => {
    const error = await failureOf(localInstanceConfig(org(), { apiVersion }));
    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toMatch(
      `apiVersion "${apiVersion.replace(
        'v',
        '',
      )}" is not offered by this org; its newest is 62.0`,
    );
  },
);

test('says what an invalid_grant usually means', async () => {
  const error = await failureOf(
    localInstanceConfig(org(), { refreshToken: 'revoked-token' }),
  );
  expect(error.message).toMatch('the refresh token was revoked, rotated');
  expect(error.message).toMatch('loginUrl to https://test.salesforce.com');
  expect(error.message).not.toMatch('Run As');
});

test('says what an invalid_grant means for the client-credentials flow', async () => {
  org().injectFaults({ kind: 'invalid-grant', target: 'token' });
  const error = await failureOf(localInstanceConfig(org()));
  expect(error.message).toMatch('no Run As user for the client-credentials');
  expect(error.message).not.toMatch('the refresh token was');
});
