import { localInstanceConfig, useLocalOrg } from './localOrg';
import { runIntegration } from './runIntegration';

const org = useLocalOrg();

test('users outside the filters are left out without a warning', async () => {
  const run = await runIntegration(
    localInstanceConfig(org(), { userRoleFilter: '00EDo0000019yHaMAI' }),
  );

  expect(run.steps.every((step) => step.status === 'success')).toBe(true);
  expect(run.entities.salesforce_user).toBe(1);
  expect(run.relationships).toMatchObject({
    salesforce_group_has_user: 1,
    salesforce_user_assigned_permission_set: 1,
  });
  expect(run.events.filter((event) => event.level === 'warn')).toEqual([]);
  const omitted = run.logs
    .filter((record) => record.message.startsWith('Collected'))
    .map((record) => record.fields.omitted);
  expect(omitted).toEqual(
    expect.arrayContaining([
      { 'member outside the configured user filters': 2 },
      { 'assignments of users outside the configured filters': 3 },
    ]),
  );
});

test('filters that match no user fail the users step instead of emptying it', async () => {
  const run = await runIntegration(
    localInstanceConfig(org(), { userRoleFilter: '00EDo0000019yHbMAI' }),
  );
  expect(run.steps.find((step) => step.id === 'fetch-users')?.status).toBe(
    'failure',
  );
  expect(run.partialTypes).toContain('salesforce_user');
  expect(
    run.logs.some((record) =>
      JSON.stringify(record).includes('userRoleFilter matches no user'),
    ),
  ).toBe(true);
});

test('filters that match users whose privileges are unknown say so, not that they match nobody', async () => {
  org().injectFaults({ kind: 'insufficient-access', target: 'Profile' });
  const run = await runIntegration(
    localInstanceConfig(org(), { userRoleFilter: '00EDo0000019yHaMAI' }),
  );
  expect(run.entities.salesforce_user ?? 0).toBe(0);
  const failure = run.logs.find((record) =>
    record.message.includes('Step "Fetch Users" failed'),
  );
  expect(failure?.message).toMatch(
    '1 User record was left out, so that JupiterOne keeps what it had of them: 1 × privileges unknown: profiles were not collected (first: ',
  );
});

test('a member withheld by the users step is counted as such, not as outside the filters', async () => {
  org().injectFaults({
    kind: 'insufficient-access',
    target: 'PermissionSetGroup',
  });
  const run = await runIntegration(
    localInstanceConfig(org(), {
      userProfileFilter: '00eDo000000gtbKIAQ,00eDo000000gtbIIAQ',
    }),
  );
  const members = run.logs.find(
    (record) => record.message === 'Collected GroupMember records',
  );
  expect(members?.fields.omitted).toMatchObject({
    'member left out by the users step': 1,
  });
});
