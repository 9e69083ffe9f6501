import os from 'os';
import path from 'path';
import { loadDevOrg, OrgDataset } from '../local-salesforce/dataset';
import { Fault } from '../local-salesforce/faults';
import { generateOrg } from '../local-salesforce/generate';
import { DEV_CREDENTIALS } from '../local-salesforce/oauth';
import {
  LocalSalesforce,
  startLocalSalesforce,
} from '../local-salesforce/server';
import { IntegrationConfig } from '../src/config';
import { expectedGraph } from '../scripts/lib/expectedGraph';
import { PageSpill } from '../src/salesforce/pageSpill';
import { devOrgWithDataAdminGroupAggregateUnlinked } from './devOrg';
import { DEV_ORG_ENTITIES, DEV_ORG_RELATIONSHIPS } from './devOrgGraph';
import { localInstanceConfig } from './localOrg';
import { IntegrationRun, runIntegration } from './runIntegration';

/** Fast retries, so that the matrix runs in seconds. */
const clientOptions = {
  retry: {
    maxAttempts: 3,
    baseDelayMs: 5,
    maxDelayMs: 20,
    requestTimeoutMs: 500,
  },
};

/**
 * The dev org (unless another dataset is given) in pages of 20, so that
 * Profile, PermissionSet and Group each take several pages and faults can
 * strike mid-query.
 */
async function runWithFaults(
  faults: Fault[],
  config: Partial<IntegrationConfig> = {},
  pageSize = 20,
  dataset?: OrgDataset,
): Promise<{ run: IntegrationRun; org: LocalSalesforce }> {
  const org = await startLocalSalesforce({ dataset, pageSize, faults });
  try {
    const run = await runIntegration(
      localInstanceConfig(org, config),
      clientOptions,
    );
    return { run, org };
  } finally {
    await org.close();
  }
}

/** Every permission set group assignment expired in January 2024. */
function expireGroupAssignments(dataset: OrgDataset): void {
  dataset.PermissionSetAssignment = dataset.PermissionSetAssignment.map((row) =>
    row.PermissionSetGroupId
      ? { ...row, ExpirationDate: '2024-01-31T00:00:00.000+0000' }
      : row,
  );
}

function expectComplete(run: IntegrationRun) {
  expect(run.steps.filter((step) => step.status !== 'success')).toEqual([]);
  expect(run.partialTypes).toEqual([]);
  expect(run.entities).toEqual(DEV_ORG_ENTITIES);
  expect(run.relationships).toEqual(DEV_ORG_RELATIONSHIPS);
}

function failureMessages(run: IntegrationRun): string {
  return run.logs
    .filter((record) => record.level === 'error' || record.level === 'warn')
    .map(
      (record) =>
        `${record.message} ${JSON.stringify(record.fields.err ?? '')}`,
    )
    .join('\n');
}

const MUTING_UNREADABLE: Fault = {
  kind: 'insufficient-access',
  target: 'MutingPermissionSet',
  times: Infinity,
};

/** The warnings `run` would post to the job's log in JupiterOne. */
function postedWarnings(run: IntegrationRun): string[] {
  return run.events
    .filter((event) => event.level === 'warn')
    .map((event) => event.description);
}

function statusOf(run: IntegrationRun, stepId: string) {
  return run.steps.find((step) => step.id === stepId)?.status;
}

describe('faults to survive: the graph is complete afterwards', () => {
  test.each<[string, Fault[]]>([
    [
      '429 with Retry-After',
      [{ kind: '429', target: 'User', retryAfterSeconds: 0 }],
    ],
    ['500', [{ kind: '500', target: 'PermissionSet', page: 2 }]],
    ['502 from a proxy', [{ kind: '502', target: 'Group', page: 3 }]],
    [
      '503 maintenance page',
      [{ kind: 'html', target: 'Profile', page: 2, times: 2 }],
    ],
    ['504', [{ kind: '504', target: 'UserRole' }]],
    [
      'too many concurrent long requests in the org',
      [{ kind: 'concurrent-limit', target: 'Group', page: 2, times: 2 }],
    ],
    [
      'a connection reset',
      [{ kind: 'reset', target: 'PermissionSet', page: 3 }],
    ],
    ['a socket timeout', [{ kind: 'hang', target: 'GroupMember' }]],
    ['a truncated body', [{ kind: 'truncated', target: 'Group', page: 2 }]],
    [
      'an expired query locator',
      [{ kind: 'invalid-locator', target: 'PermissionSet', page: 3 }],
    ],
    ['a query timeout', [{ kind: 'query-timeout', target: 'Group', page: 1 }]],
    [
      'a sorted query timing out before its first page',
      [{ kind: 'query-timeout', target: 'PermissionSetAssignment', page: 1 }],
    ],
    [
      'a record delivered twice',
      [{ kind: 'duplicate-record', target: 'PermissionSet', page: 2 }],
    ],
    ['a failing token endpoint', [{ kind: '503', target: 'token' }]],
  ])('%s', async (_, faults) => {
    const { run, org } = await runWithFaults(faults);
    expectComplete(run);
    expect(org.injected).toHaveLength(
      faults.reduce((n, f) => n + (f.times ?? 1), 0),
    );
  });

  test('a query started over counts the records it reads again, one line a page', async () => {
    // 78 permission sets, 10 to a page: the restart reads pages 1 and 2 again.
    const { run } = await runWithFaults(
      [{ kind: 'invalid-locator', target: 'PermissionSet', page: 3 }],
      {},
      10,
    );
    expectComplete(run);
    const repeats = run.logs.filter((record) =>
      record.message.includes('records of this page were read before'),
    );
    expect(repeats.map((record) => record.fields.repeated)).toEqual([10, 10]);
  });

  test('pages of three records, and steps interleaving at every page', async () => {
    // Many small pages make steps flush the graph while others read it.
    const { run } = await runWithFaults([], {}, 3);
    expectComplete(run);
  });

  test('each retry is logged with its reason; the HTML is never logged', async () => {
    const { run } = await runWithFaults([
      { kind: 'html', target: 'Profile', page: 2 },
    ]);
    const retries = run.logs.filter(
      (record) => record.message === 'Salesforce request failed; trying again',
    );
    expect(retries).toHaveLength(1);
    expect(retries[0].fields.reason).toBe(
      "503 service unavailable: Maintenance Salesforce is down for maintenance We're performing scheduled maintenance and will be back shortly.",
    );
    expect(run.transcript).not.toMatch(/<html|<h1|body\{/i);
  });

  test('sessions expiring mid-paging cost one shared token request', async () => {
    const { run, org } = await runWithFaults([
      { kind: 'expire-sessions', target: 'PermissionSet', page: 2 },
    ]);
    expectComplete(run);
    expect(org.calls.token).toBe(2);
  });

  test('a rotated refresh token is adopted for the next renewal', async () => {
    const { run, org } = await runWithFaults(
      [
        { kind: 'rotate-refresh-token', target: 'token' },
        { kind: 'expire-sessions', target: 'Group', page: 2 },
      ],
      { refreshToken: DEV_CREDENTIALS.refreshToken },
    );
    expectComplete(run);
    expect(org.calls.token).toBe(2);
    // The configured token is revoked: the next run would fail without it.
    const warnings = run.logs.filter((record) =>
      record.message.startsWith('Salesforce rotated the refresh token'),
    );
    expect(warnings).toHaveLength(1);
    // `run` posts it to the job's log, where the operator looks.
    expect(postedWarnings(run)).toEqual([warnings[0].message]);
  });

  test('API usage past 90% of the allowance is warned about once', async () => {
    const { run } = await runWithFaults([
      { kind: 'near-limit', target: 'PermissionSet', page: 2 },
      { kind: 'near-limit', target: 'Group', page: 2 },
    ]);
    expectComplete(run);
    const warnings = run.logs.filter((record) =>
      record.message.includes('daily API requests, over 90%'),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0].fields.apiUsage).toEqual({ used: 13800, limit: 15000 });
    expect(postedWarnings(run)).toEqual([warnings[0].message]);
    // Every step's summary reports the org's API usage.
    const summaries = run.logs.filter((record) => record.fields.object);
    expect(summaries.length).toBeGreaterThan(10);
    expect(summaries.every((record) => record.fields.apiUsage)).toBe(true);
  });

  test('an instance URL named by the token endpoint is adopted, with a warning', async () => {
    const { run } = await runWithFaults([
      { kind: 'new-instance-url', target: 'token' },
    ]);
    expectComplete(run);
    const moved = run.logs.find((record) =>
      record.message.startsWith('The access token is for the org at'),
    );
    expect(moved?.level).toBe('warn');
    expect(String(moved?.fields.to)).toMatch(/^http:\/\/localhost:\d+$/);
    expect(moved?.message).toMatch(
      'Set instanceUrl to it, or correct loginUrl if that is not the org meant',
    );
  });
});

describe('faults to report: the step fails, its types are partial', () => {
  test('the daily API limit stops collection at once', async () => {
    const { run, org } = await runWithFaults([
      { kind: 'limit-exceeded', target: 'User' },
    ]);
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    expect(run.partialTypes).toEqual(
      expect.arrayContaining([
        'salesforce_user',
        'salesforce_account_has_user',
      ]),
    );
    expect(failureMessages(run)).toMatch(
      "the org's daily API request allowance is spent (15000 of 15000 calls used, per Sforce-Limit-Info)",
    );
    expect(org.calls.token).toBe(1);
    const retries = run.logs.filter((r) => r.message.includes('trying again'));
    expect(retries).toEqual([]);
  });

  test('a sorted query dropped midway is not started over', async () => {
    // The dev org's 8 assignments, 3 to a page.
    const { run } = await runWithFaults(
      [{ kind: 'invalid-locator', target: 'PermissionSetAssignment', page: 2 }],
      {},
      3,
    );
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    expect(statusOf(run, 'fetch-groups')).toBe('success');
    expect(run.partialTypes).toEqual(
      expect.arrayContaining([
        'salesforce_user',
        'salesforce_user_assigned_permission_set',
      ]),
    );
    const messages = failureMessages(run);
    expect(messages).toMatch('INVALID_QUERY_LOCATOR');
    expect(messages).toMatch(
      'Salesforce no longer has the query’s results, which it keeps for two days after the query starts: run again',
    );
  });

  test.each<[string, Fault, string]>([
    [
      'a query that keeps timing out fails after its restarts, saying to run again',
      { kind: 'query-timeout', target: 'Group', times: Infinity },
      'the query ran too long in Salesforce, which happens when the org is busy: run again',
    ],
    [
      'a session refused right after it was granted says what to check',
      { kind: 'expire-sessions', target: 'Group', page: 2, times: Infinity },
      'INVALID_SESSION_ID: Session expired or invalid (a session granted just now was refused. Check that loginUrl grants tokens for the org at instanceUrl (production refuses a sandbox’s), the app’s session policies',
    ],
    [
      'a success that is not a page of records fails, naming the query',
      { kind: 'not-a-page', target: 'Group', page: 2 },
      'the answer to the Group query is not a page of records',
    ],
  ])('%s', async (_, fault, message) => {
    const { run } = await runWithFaults([fault]);
    expect(statusOf(run, 'fetch-groups')).toBe('failure');
    expect(run.partialTypes).toContain('salesforce_group');
    expect(failureMessages(run)).toMatch(message);
  });

  test('frozen logins that fail midway fail the users step: frozen is never half known', async () => {
    const dataset = loadDevOrg();
    dataset.UserLogin.forEach((login) => (login.IsFrozen = true));
    const { run } = await runWithFaults(
      [{ kind: '503', target: 'UserLogin', page: 2, times: Infinity }],
      {},
      2,
      dataset,
    );
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    expect(run.partialTypes).toContain('salesforce_user');
    expect(failureMessages(run)).toMatch(
      'gave up reading UserLogin after 3 tries (503 service unavailable',
    );
  });

  test('a frozen login or second factor that names no user is not read', async () => {
    const dataset = loadDevOrg();
    dataset.UserLogin.push({
      Id: '060DoMF00000009IDA',
      UserId: null,
      IsFrozen: true,
      IsPasswordLocked: false,
    });
    dataset.TwoFactorMethodsInfo.push({
      ...dataset.TwoFactorMethodsInfo[0],
      Id: '0KxDoMF00000009KDA',
      UserId: null,
    });
    const { run } = await runWithFaults([], {}, 20, dataset);
    expectComplete(run);
  });

  test('a User query that returns no user fails the users step rather than delete every user', async () => {
    const dataset = loadDevOrg();
    dataset.User = [];
    const { run } = await runWithFaults([], {}, 20, dataset);
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    expect(run.partialTypes).toContain('salesforce_user');
    expect(failureMessages(run)).toMatch(
      'the User query returned no user, though every org has at least the integration user',
    );
  });

  test('a fault that persists after the retries', async () => {
    const { run } = await runWithFaults([
      { kind: '503', target: 'PermissionSet', page: 2, times: Infinity },
    ]);
    expect(statusOf(run, 'fetch-permission-sets')).toBe('failure');
    expect(statusOf(run, 'fetch-groups')).toBe('success');
    expect(run.partialTypes).toEqual(
      expect.arrayContaining([
        'salesforce_permission_set',
        'salesforce_user_assigned_permission_set',
      ]),
    );
    const messages = failureMessages(run);
    expect(messages).toMatch(
      'gave up reading PermissionSet after 3 tries (503 service unavailable',
    );
    // How far the failed step got: the first page of 20.
    expect(run.logs).toContainEqual(
      expect.objectContaining({
        message: 'Collected PermissionSet records',
        fields: expect.objectContaining({
          stepId: 'fetch-permission-sets',
          fetched: 20,
        }),
      }),
    );
    // The users who hold a permission set, or a group made of them, are
    // left out rather than written with too few privileges; the users
    // step fails. Those holding only their profile's are written.
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    expect(run.entities.salesforce_user).toBe(4);
    // What the groups grant is unknown too: none is written without it, so
    // JupiterOne keeps the groups and their permissions as it had them.
    expect(run.entities.salesforce_permission_set_group).toBeUndefined();
    expect(run.partialTypes).toContain('salesforce_permission_set_group');
    expect(messages).toMatch(
      '3 User records were left out, so that JupiterOne keeps what it had of them: 2 × privileges unknown: permission sets were not collected (first: ',
    );
  });

  test('unreadable MutingPermissionSet: users holding a group that mutes get what Salesforce calculated for it', async () => {
    const { run } = await runWithFaults([MUTING_UNREADABLE]);
    expect(statusOf(run, 'fetch-users')).toBe('success');
    expect(run.partialTypes).toContain('salesforce_muting_permission_set');
    expect(run.partialTypes).not.toContain('salesforce_user');
    expect(failureMessages(run)).not.toMatch('left out');
    expect(run.entities.salesforce_user).toBe(7);
  });

  test('unreadable MutingPermissionSet, the group aggregate permission set not returned: its holders left out', async () => {
    const dataset = devOrgWithDataAdminGroupAggregateUnlinked();
    const { run } = await runWithFaults([MUTING_UNREADABLE], {}, 20, dataset);
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    expect(run.partialTypes).toEqual(
      expect.arrayContaining([
        'salesforce_muting_permission_set',
        'salesforce_user',
      ]),
    );
    const messages = failureMessages(run);
    expect(messages).toMatch(
      '1 PermissionSetGroup record was left out, so that JupiterOne keeps what it had of them: 1 × what it grants is unknown: the run collected neither its aggregate permission set nor every component (first: 0PGDoDG00000001ODA, missing 0QMDoMM00000001ODA)',
    );
    expect(messages).toMatch(
      '1 User record was left out, so that JupiterOne keeps what it had of them: 1 × privileges unknown: they hold a permission set group whose permissions are unknown (first: 005Do000001WSt0IAG, missing permission set group 0PGDoDG00000001ODA)',
    );
    expect(run.entities.salesforce_user).toBe(6);
  });

  test('unreadable MutingPermissionSet, the group left out: an expired assignment of it fails its step, so that JupiterOne keeps it', async () => {
    const dataset = devOrgWithDataAdminGroupAggregateUnlinked();
    expireGroupAssignments(dataset);
    const { run } = await runWithFaults([MUTING_UNREADABLE], {}, 20, dataset);
    // Integration User's privileges do not depend on the expired group.
    expect(statusOf(run, 'fetch-users')).toBe('success');
    expect(statusOf(run, 'build-user-permission-set-group-relationships')).toBe(
      'failure',
    );
    expect(run.partialTypes).toContain(
      'salesforce_user_assigned_permission_set_group',
    );
    expect(failureMessages(run)).toMatch(
      '1 salesforce_user_assigned_permission_set_group relationship was left out, an end of each not collected in this run',
    );
  });

  test('unreadable MutingPermissionSet while the groups users hold mute nothing: users are whole', async () => {
    const dataset = loadDevOrg();
    // The one group assignment moves to a group without a muting component.
    dataset.PermissionSetAssignment = dataset.PermissionSetAssignment.map(
      (row) =>
        row.PermissionSetGroupId
          ? {
              ...row,
              PermissionSetGroupId: '0PGDo000000GurrOAC',
              PermissionSetId: '0PSDo000000PukjOAC',
            }
          : row,
    );
    const { run } = await runWithFaults([MUTING_UNREADABLE], {}, 20, dataset);
    expect(statusOf(run, 'fetch-users')).toBe('success');
    expect(run.partialTypes).not.toContain('salesforce_user');
  });

  test.each<[string, (dataset: OrgDataset) => void]>([
    [
      'a muting permission set Salesforce did not return, nor the aggregate permission set',
      (dataset) => {
        Object.assign(dataset, devOrgWithDataAdminGroupAggregateUnlinked());
        dataset.MutingPermissionSet = [];
      },
    ],
    [
      'a permission set group Salesforce did not return',
      (dataset) => {
        dataset.PermissionSetGroup = dataset.PermissionSetGroup.filter(
          (group) => group.Id !== '0PGDoDG00000001ODA',
        );
      },
    ],
  ])(
    'a user holding %s is left out, and the users step fails',
    async (_, change) => {
      const dataset = loadDevOrg();
      change(dataset);
      const { run } = await runWithFaults([], {}, 20, dataset);
      expect(statusOf(run, 'fetch-users')).toBe('failure');
      expect(run.partialTypes).toContain('salesforce_user');
      expect(run.entities.salesforce_user).toBe(6);
      expect(failureMessages(run)).toMatch(
        '1 User record was left out, so that JupiterOne keeps what it had of them: 1 × privileges unknown: they hold a permission set group whose permissions are unknown (first: ',
      );
    },
  );

  test('unreadable UserRole: users written, their data kept as JupiterOne had it', async () => {
    const { run } = await runWithFaults([
      { kind: 'query-timeout', target: 'UserRole', times: Infinity },
    ]);
    expect(statusOf(run, 'fetch-user-roles')).toBe('failure');
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    // Partial: the step's types, users and their other links included.
    expect(run.partialTypes).toEqual(
      expect.arrayContaining([
        'salesforce_user_role',
        'salesforce_user',
        'salesforce_user_assigned_user_role',
        'salesforce_user_has_profile',
      ]),
    );
    expect(run.entities.salesforce_user).toBe(DEV_ORG_ENTITIES.salesforce_user);
    expect(
      run.relationships.salesforce_user_assigned_user_role,
    ).toBeUndefined();
    expect(failureMessages(run)).toMatch(
      'User roles were not collected (see fetch-user-roles), so the users',
    );
  });

  test('unreadable UserRole and PermissionSet: the users step names both', async () => {
    const { run } = await runWithFaults([
      { kind: 'query-timeout', target: 'UserRole', times: Infinity },
      { kind: 'insufficient-access', target: 'PermissionSet', times: Infinity },
    ]);
    expect(failureMessages(run)).toMatch(
      /User records were left out, so that JupiterOne keeps what it had of them: .*User roles were not collected/,
    );
  });

  test('unreadable Profile: people are left out, platform users (whose profiles Salesforce hides anyway) written', async () => {
    const { run } = await runWithFaults([
      { kind: 'insufficient-access', target: 'Profile', times: Infinity },
    ]);
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    expect(run.entities.salesforce_user).toBe(3);
    expect(failureMessages(run)).toMatch(
      '4 User records were left out, so that JupiterOne keeps what it had of them: 4 × privileges unknown: profiles were not collected (first: ',
    );
  });

  test('a record the data model rejects is left out and its step fails, the rest written', async () => {
    const dataset = loadDevOrg();
    const group1 = dataset.Group.find(
      (group) => group.Id === '00GDo000000JMyqMAG',
    )!;
    // A Name the data model refuses (it wants a string): `collect`
    // validates every entity, as this run does.
    group1.Name = 42;
    process.env.ENABLE_GRAPH_OBJECT_SCHEMA_VALIDATION = 'true';
    const { run } = await runWithFaults([], {}, 20, dataset).finally(() => {
      delete process.env.ENABLE_GRAPH_OBJECT_SCHEMA_VALIDATION;
    });
    expect(statusOf(run, 'fetch-groups')).toBe('failure');
    expect(run.partialTypes).toEqual(
      expect.arrayContaining(['salesforce_group', 'salesforce_group_has_user']),
    );
    expect(run.entities.salesforce_group).toBe(
      DEV_ORG_ENTITIES.salesforce_group - 1,
    );
    expect(failureMessages(run)).toMatch(
      "1 Group record was left out, so that JupiterOne keeps what it had of them: 1 × Group could not be converted (first: 00GDo000000JMyqMAG: Entity fails to validate as class 'Group'",
    );
    // Its relationships are not drawn, so not skipped a second time.
    const skippedGroup = run.logs.filter(
      (record) =>
        record.message === 'Skipped record' &&
        record.fields.id === '00GDo000000JMyqMAG',
    );
    expect(skippedGroup.map((record) => record.fields.reason)).toEqual([
      'Group could not be converted',
    ]);
  });

  test('an expired assignment to a permission set left out fails the users step, so that JupiterOne keeps it', async () => {
    const dataset = loadDevOrg();
    // Security User's one assignment to User Manager expired in 2024.
    dataset.PermissionSet.find(
      (permissionSet) => permissionSet.Id === '0PSDoUM00000001ODA',
    )!.Label = 42;
    process.env.ENABLE_GRAPH_OBJECT_SCHEMA_VALIDATION = 'true';
    const { run } = await runWithFaults([], {}, 20, dataset).finally(() => {
      delete process.env.ENABLE_GRAPH_OBJECT_SCHEMA_VALIDATION;
    });
    expect(statusOf(run, 'fetch-permission-sets')).toBe('failure');
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    expect(run.partialTypes).toContain(
      'salesforce_user_assigned_permission_set',
    );
    expect(failureMessages(run)).toMatch(
      '1 salesforce_user_assigned_permission_set relationship was left out, an end of each not collected in this run: failing so that JupiterOne keeps them',
    );
    // Security User's privileges do not depend on it: written all the same.
    expect(run.entities.salesforce_user).toBe(DEV_ORG_ENTITIES.salesforce_user);
  });

  test('a user whose profile Salesforce did not return is left out, its id logged', async () => {
    const dataset = loadDevOrg();
    dataset.Profile = dataset.Profile.filter(
      (profile) => profile.Id !== '00eDo000000gtbIIAQ',
    );
    const { run } = await runWithFaults([], {}, 20, dataset);
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    expect(run.partialTypes).toContain('salesforce_user');
    expect(failureMessages(run)).toMatch(
      '1 User record was left out, so that JupiterOne keeps what it had of them: 1 × privileges unknown: their profile was not collected (created during the run, and there next time; or hidden from the integration user, who needs View Setup and Configuration) (first: 005Do000000PVvJIAW, missing profile 00eDo000000gtbIIAQ). The first 20 of each reason are logged as skipped records',
    );
    const skipped = run.logs.filter(
      (record) => record.message === 'Skipped record',
    );
    expect(skipped.map((record) => record.fields)).toContainEqual(
      expect.objectContaining({
        id: '005Do000000PVvJIAW',
        missing: ['profile 00eDo000000gtbIIAQ'],
      }),
    );
  });

  test('a user holding a permission set Salesforce did not return is left out, the set being perhaps created or deleted while the run read them', async () => {
    const dataset = loadDevOrg();
    const experienceProfileManager = '0PSDo000000HgJJOA0'; // Morgan Lee's
    dataset.PermissionSet = dataset.PermissionSet.filter(
      ({ Id }) => Id !== experienceProfileManager,
    );
    const { run } = await runWithFaults([], {}, 20, dataset);
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    expect(failureMessages(run)).toMatch(
      `1 × privileges unknown: they hold a permission set that was not collected (created or deleted while the run read them, which the next run will see as it is; or hidden from the integration user, who needs View Setup and Configuration) (first: 005Do000000PVvJIAW, missing permission set ${experienceProfileManager})`,
    );
  });

  test('the step fails naming each profile its users miss, not only the first', async () => {
    const dataset = loadDevOrg();
    const missing = ['00eDo000000gtbIIAQ', '00eDo000000gtbKIAQ'];
    dataset.Profile = dataset.Profile.filter(
      (profile) => !missing.includes(profile.Id),
    );
    const { run } = await runWithFaults([], {}, 20, dataset);
    expect(failureMessages(run)).toMatch(
      `2 × privileges unknown: their profile was not collected (created during the run, and there next time; or hidden from the integration user, who needs View Setup and Configuration) (first: 005Do000000PVvJIAW, missing profile ${missing.join(
        ', profile ',
      )})`,
    );
  });

  test('a user missing their profile and a permission set is withheld naming both', async () => {
    const dataset = loadDevOrg();
    // Morgan Lee's profile, and Experience Profile Manager, which Morgan holds.
    const missing = ['00eDo000000gtbIIAQ', '0PSDo000000HgJJOA0'];
    dataset.Profile = dataset.Profile.filter(({ Id }) => !missing.includes(Id));
    dataset.PermissionSet = dataset.PermissionSet.filter(
      ({ Id }) => !missing.includes(Id),
    );
    const { run } = await runWithFaults([], {}, 20, dataset);
    expect(failureMessages(run)).toMatch(
      `(first: 005Do000000PVvJIAW, missing profile ${missing[0]}, permission set ${missing[1]})`,
    );
  });

  test.each<[string, (dataset: OrgDataset) => void, string]>([
    [
      'a guest whose profile Salesforce did not return',
      (dataset) => {
        dataset.User = dataset.User.map((user) =>
          user.Id === '005Do000000PVvJIAW'
            ? { ...user, UserType: 'Guest' }
            : user,
        );
        dataset.Profile = dataset.Profile.filter(
          (profile) => profile.Id !== '00eDo000000gtbIIAQ',
        );
      },
      'their profile was not collected (created during the run, and there next time; or hidden from the integration user, who needs View Setup and Configuration)',
    ],
    [
      'a user Salesforce gave no profile',
      (dataset) => {
        dataset.User = dataset.User.map((user) =>
          user.Id === '005Do000000PVvJIAW'
            ? { ...user, ProfileId: null }
            : user,
        );
      },
      'Salesforce gave them no profile',
    ],
  ])('%s is left out', async (_, change, reason) => {
    const dataset = loadDevOrg();
    change(dataset);
    const { run } = await runWithFaults([], {}, 20, dataset);
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    expect(run.entities.salesforce_user).toBe(6);
    expect(failureMessages(run)).toMatch(
      `1 × privileges unknown: ${reason} (first: 005Do000000PVvJIAW`,
    );
  });

  test('rows naming a user the User query hid are warned about, with what to grant', async () => {
    const dataset = loadDevOrg();
    dataset.User = dataset.User.filter(
      (user) => user.Id !== '005Do000000PVvJIAW',
    );
    const { run } = await runWithFaults([], {}, 20, dataset);
    expect(run.entities.salesforce_user).toBe(6);
    expect(failureMessages(run)).toMatch(
      /Skipped PermissionSetAssignment data: \d+ × assignments of users the User query did not return \(created during the run, or hidden from the integration user: grant it View All Users\)/,
    );
  });

  test('a users step that fails midway still tells the group members step whom it left out, or did not reach', async () => {
    // One user a page: the second, who holds a group, is withheld; the
    // third page fails for good.
    const { run } = await runWithFaults(
      [
        {
          kind: 'insufficient-access',
          target: 'PermissionSetGroup',
          times: Infinity,
        },
        { kind: '500', target: 'User', page: 3, times: Infinity },
      ],
      {},
      1,
    );
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    const members = run.logs.find(
      (record) => record.message === 'Collected GroupMember records',
    );
    expect(members?.fields.omitted).toEqual({
      'member left out by the users step': 1,
      'member the failed users step did not reach': 1,
    });
    // Their users' absence is the users step's failure, not warned again.
    expect(members?.fields.skipped).toEqual({});
  });

  test('unreadable PermissionSetGroup while every group assignment has expired: users are whole', async () => {
    const dataset = loadDevOrg();
    expireGroupAssignments(dataset);
    const { run } = await runWithFaults(
      [
        {
          kind: 'insufficient-access',
          target: 'PermissionSetGroup',
          times: Infinity,
        },
      ],
      {},
      20,
      dataset,
    );
    expect(statusOf(run, 'fetch-permission-set-groups')).toBe('failure');
    expect(statusOf(run, 'fetch-users')).toBe('success');
    expect(run.partialTypes).not.toContain('salesforce_user');
  });

  test('invalid_grant on a renewal is a configuration problem, asked once', async () => {
    const { run, org } = await runWithFaults(
      [
        { kind: 'expire-sessions', target: 'Group', page: 2 },
        { kind: 'invalid-grant', target: 'token', after: 1 },
      ],
      { refreshToken: DEV_CREDENTIALS.refreshToken },
    );
    expect(statusOf(run, 'fetch-groups')).toBe('failure');
    expect(run.partialTypes).toContain('salesforce_group');
    const messages = failureMessages(run);
    expect(messages).toMatch('invalid_grant');
    expect(messages).toMatch(`${org.url}/services/oauth2/token`);
    expect(messages).toMatch('loginUrl');
    expect(org.calls.token).toBe(2);
  });

  test.each<[string, Fault['kind']]>([
    ['may not read', 'insufficient-access'],
    ['lacks', 'invalid-type'],
  ])(
    'an object the user %s: a missing-permission warning, other steps go on',
    async (_, kind) => {
      const { run } = await runWithFaults([{ kind, target: 'Group' }]);
      expect(statusOf(run, 'fetch-groups')).toBe('failure');
      expect(statusOf(run, 'fetch-users')).toBe('success');
      expect(
        statusOf(run, 'build-user-permission-set-group-relationships'),
      ).toBe('success');
      expect(run.partialTypes).toEqual(
        expect.arrayContaining([
          'salesforce_group',
          'salesforce_group_has_user',
        ]),
      );
      expect(run.partialTypes).not.toContain('salesforce_user');
      const warnings = run.events.filter(
        (event) => event.name === 'warn_missing_permission',
      );
      expect(warnings).toEqual([
        expect.objectContaining({
          name: 'warn_missing_permission',
          description: expect.stringContaining('cannot read Group'),
        }),
      ]);
    },
  );

  test('a page that is not done but has no nextRecordsUrl', async () => {
    const { run } = await runWithFaults([
      { kind: 'missing-next-url', target: 'PermissionSet', page: 2 },
    ]);
    expect(statusOf(run, 'fetch-permission-sets')).toBe('failure');
    expect(run.partialTypes).toContain('salesforce_permission_set');
    expect(failureMessages(run)).toMatch(
      'not done but sent no nextRecordsUrl after 20 of 78 records',
    );
  });

  test('fewer records than totalSize', async () => {
    const { run } = await runWithFaults([
      { kind: 'short-total', target: 'Profile', page: 2 },
    ]);
    expect(statusOf(run, 'fetch-profiles')).toBe('failure');
    expect(run.partialTypes).toContain('salesforce_profile');
    expect(failureMessages(run)).toMatch(
      'received 39 distinct Profile records of the 40 Salesforce counted',
    );
  });

  test('a nextRecordsUrl to another host is refused, never followed', async () => {
    const { run } = await runWithFaults([
      { kind: 'foreign-next-url', target: 'PermissionSet', page: 1 },
    ]);
    expect(statusOf(run, 'fetch-permission-sets')).toBe('failure');
    expect(failureMessages(run)).toMatch('Refusing to follow a Salesforce URL');
  });
});

test('group members are read to the end while the users are, pages beyond ten held on disk', async () => {
  // 30 pages of group members: the twentieth, read while the users step
  // runs, is retried under it; the pages after the tenth wait on disk. The
  // last page of users hangs twice (a second or more), so that the users
  // step outlasts the reading of every member page, however busy the
  // machine.
  const dataset = generateOrg({ users: 60, groups: 30, membersPerGroup: 10 });
  const spilled = jest.spyOn(PageSpill.prototype, 'write');
  const { run } = await runWithFaults(
    [
      { kind: '500', target: 'GroupMember', page: 20 },
      { kind: 'hang', target: 'User', page: 6, times: 2 },
    ],
    {},
    10,
    dataset,
  );
  const pagesOnDisk = spilled.mock.calls.length;
  spilled.mockRestore();
  expect(run.steps.filter((step) => step.status !== 'success')).toEqual([]);
  const retries = run.logs.filter(
    (record) =>
      record.message === 'Salesforce request failed; trying again' &&
      record.fields.object === 'GroupMember',
  );
  expect(retries.map(({ fields }) => fields.stepId)).toEqual(['fetch-users']);
  expect(pagesOnDisk).toBeGreaterThanOrEqual(10);
  expect(run.relationships).toEqual(expectedGraph(dataset).relationships);
});

test('a temporary folder that cannot hold the group members: read ten pages at a time instead, complete, with a warning', async () => {
  const missing = path.join(os.tmpdir(), 'no-such-folder', 'below');
  const dataset = generateOrg({ users: 60, groups: 30, membersPerGroup: 10 });
  // The run's own storage is made first, where it always is.
  const tmpdir = jest
    .spyOn(os, 'tmpdir')
    .mockReturnValueOnce(os.tmpdir())
    .mockReturnValue(missing);
  // The last page of users hangs twice, so that more than ten pages of
  // members arrive before the group members step takes them.
  const { run } = await runWithFaults(
    [{ kind: 'hang', target: 'User', page: 6, times: 2 }],
    {},
    10,
    dataset,
  ).finally(() => tmpdir.mockRestore());
  expect(run.steps.filter((step) => step.status !== 'success')).toEqual([]);
  expect(run.relationships).toEqual(expectedGraph(dataset).relationships);
  const diskWarnings = run.logs.filter(
    (record) => record.level === 'warn' && /on disk/.test(record.message),
  );
  expect(diskWarnings.map((record) => record.message)).toEqual([
    `Could not hold GroupMember pages read ahead on disk, under ${missing} (set TMPDIR to use another folder): ENOENT: no such file or directory, mkdtemp '${missing}/graph-salesforce-pages-XXXXXX'; reading 10 pages ahead at most from now on, slower but complete`,
  ]);
});

test('retries of the pages the permission sets step reads early for the users are logged under it', async () => {
  const { run } = await runWithFaults([
    { kind: '500', target: 'PermissionSetAssignment', page: 1 },
  ]);
  expect(run.steps.filter((step) => step.status !== 'success')).toEqual([]);
  const retries = run.logs.filter(
    (record) => record.message === 'Salesforce request failed; trying again',
  );
  expect(retries.map(({ fields }) => [fields.stepId, fields.object])).toEqual([
    ['fetch-permission-sets', 'PermissionSetAssignment'],
  ]);
});

test('an org whose setup objects all span several pages is collected whole', async () => {
  const { run } = await runWithFaults(
    [],
    {},
    20,
    generateOrg({
      users: 300,
      roles: 100,
      profiles: 30,
      permissionSets: 100,
      permissionSetGroups: 60,
      groups: 30,
    }),
  );
  expect(run.steps.filter((step) => step.status !== 'success')).toEqual([]);
});

describe('fields the org does not offer the integration user', () => {
  async function runWithout(missingFields: Record<string, string[]>) {
    const org = await startLocalSalesforce({ missingFields });
    try {
      const run = await runIntegration(localInstanceConfig(org), clientOptions);
      return { run, org };
    } finally {
      await org.close();
    }
  }

  test('a permission the edition lacks and a User field that security hides: read without them, each warned about once', async () => {
    const lacked = ['PermissionsManageEncryptionKeys'];
    const { run, org } = await runWithout({
      Profile: lacked,
      PermissionSet: lacked,
      MutingPermissionSet: lacked,
      User: ['Title'],
    });
    expectComplete(run);
    const warnings = run.logs
      .filter((record) => record.message.startsWith('Salesforce has no '))
      .map((record) => record.message.split(' for the integration user')[0]);
    expect(warnings.sort()).toEqual([
      'Salesforce has no MutingPermissionSet.PermissionsManageEncryptionKeys',
      'Salesforce has no PermissionSet.PermissionsManageEncryptionKeys',
      'Salesforce has no Profile.PermissionsManageEncryptionKeys',
      'Salesforce has no User.Title',
    ]);
    // Posted once a field: the permission's three objects lack it alike.
    expect(postedWarnings(run)).toHaveLength(2);
    expect(postedWarnings(run)).toContain(
      'Salesforce has no User.Title for the integration user: field-level security hides it, or the org lacks it. Reading User without it: the property is left unset on every record, and JupiterOne drops the values it held; give the integration user read access to the field to have it',
    );
    // The dev org's 13 queries, and a refused first page for each of four.
    expect(org.calls.query).toBe(17);
  });

  test('a field the integration needs fails its step, saying what to grant', async () => {
    const { run } = await runWithout({ User: ['ProfileId'] });
    expect(statusOf(run, 'fetch-users')).toBe('failure');
    expect(run.partialTypes).toContain('salesforce_user');
    expect(failureMessages(run)).toMatch(
      "No such column 'ProfileId' on entity 'User'",
    );
    expect(failureMessages(run)).toMatch(
      'field-level security hides it; give the integration user read access to it',
    );
  });
});
