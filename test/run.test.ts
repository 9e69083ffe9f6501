import { ChildProcess } from 'child_process';
import { rmSync, writeFileSync } from 'fs';
import path from 'path';
import { Fault } from '../local-salesforce/faults';
import { DEV_CREDENTIALS } from '../local-salesforce/oauth';
import { startLocalSalesforce } from '../local-salesforce/server';
import { DEV_ORG_ENTITIES, DEV_ORG_RELATIONSHIPS } from './devOrgGraph';
import { assembleImage, JupiterOneTarget, runImage } from './image';
import { LocalJupiterOne, startLocalJupiterOne } from './localJupiterOne';
import { countByType } from './localOrg';

const API_KEY = 'j1-api-key-Xv42Lq9Tn7';
const WRONG_SECRET = 'wrong-secret-Qm3Zr8';

let image: string;
let jupiterOne: LocalJupiterOne;

beforeAll(async () => {
  image = await assembleImage();
}, 180_000);
afterAll(() => {
  if (image) rmSync(path.dirname(image), { recursive: true, force: true });
});
beforeEach(async () => {
  jupiterOne = await startLocalJupiterOne();
});
afterEach(async () => {
  await jupiterOne?.close();
});

function target(apiBaseUrl = jupiterOne.url): JupiterOneTarget {
  return {
    apiBaseUrl,
    account: 'local-account',
    apiKey: API_KEY,
    integrationInstanceId: 'local-integration-instance',
  };
}

/** The image's entry point against the dev org served with these faults. */
async function runAgainstDevOrg({
  faults = [],
  clientSecret = DEV_CREDENTIALS.clientSecret,
  jupiterOneTarget = target(),
  environment = {},
  onStart,
}: {
  faults?: Fault[];
  clientSecret?: string;
  jupiterOneTarget?: JupiterOneTarget;
  environment?: Record<string, string | undefined>;
  onStart?: (entryPoint: ChildProcess) => void;
} = {}) {
  const org = await startLocalSalesforce({ faults });
  try {
    return await runImage(
      image,
      { instanceUrl: org.url, ...DEV_CREDENTIALS, clientSecret },
      jupiterOneTarget,
      environment,
      onStart,
    );
  } finally {
    await org.close();
  }
}

function keysSentTwice(objects: { _key: string }[]): string[] {
  const seen = new Set<string>();
  return objects
    .map((object) => object._key)
    .filter((key) => seen.has(key) || !seen.add(key));
}

function expectNoSecret(output: string) {
  const sent = jupiterOne.received.requests.map((request) => request.body);
  for (const text of [output, ...sent]) {
    expect(text).not.toContain(DEV_CREDENTIALS.clientSecret);
    expect(text).not.toContain(WRONG_SECRET);
    expect(text).not.toContain(API_KEY);
  }
}

test('the image uploads the whole dev org once, finalizes it as complete and exits 0', async () => {
  const { exitCode, output } = await runAgainstDevOrg();

  const { received } = jupiterOne;
  expect(received.jobs).toEqual([
    expect.objectContaining({
      source: 'integration-managed',
      integrationInstanceId: 'local-integration-instance',
    }),
  ]);
  expect(countByType(received.entities)).toEqual(DEV_ORG_ENTITIES);
  expect(countByType(received.relationships)).toEqual(DEV_ORG_RELATIONSHIPS);
  expect(
    keysSentTwice([...received.entities, ...received.relationships]),
  ).toEqual([]);
  expect(received.finalized).toEqual({ partialDatasets: { types: [] } });
  expect(received.aborted).toBeUndefined();
  for (const { headers } of received.requests) {
    expect(headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(headers['lifeomic-account']).toBe('local-account');
  }
  expectNoSecret(output);
  expect(output).toContain(
    'graph-salesforce: every step succeeded; a step may still leave out records or properties it could not read, and says which in a warning',
  );
  expect(exitCode).toBe(0);
});

test('a failed step reaches JupiterOne as partial types with its warning, and the image exits 1', async () => {
  const { exitCode, output } = await runAgainstDevOrg({
    faults: [{ kind: 'insufficient-access', target: 'Group' }],
  });

  const { received } = jupiterOne;
  const partial = received.finalized?.partialDatasets?.types;
  expect(partial).toEqual(
    expect.arrayContaining(['salesforce_group', 'salesforce_group_has_user']),
  );
  expect(partial).not.toContain('salesforce_user');
  expect(countByType(received.entities).salesforce_user).toBe(
    DEV_ORG_ENTITIES.salesforce_user,
  );
  expect(received.aborted).toBeUndefined();
  // `collect` drops published events; `run` is where an admin sees them.
  expect(received.events).toEqual(
    expect.arrayContaining([
      {
        name: 'warn_missing_permission',
        description: expect.stringContaining('cannot read Group'),
      },
    ]),
  );
  expectNoSecret(output);
  expect(output).toMatch(
    /graph-salesforce: steps failed: fetch-groups.*keeps what it had of them: .*salesforce_group_has_user/,
  );
  expect(exitCode).toBe(1);
});

test('a run Salesforce refuses is aborted, and the image exits 1 without the secret', async () => {
  const { exitCode, output } = await runAgainstDevOrg({
    clientSecret: WRONG_SECRET,
  });

  expect(jupiterOne.received.aborted?.reason).toContain('invalid_client');
  expect(jupiterOne.received.finalized).toBeUndefined();
  expectNoSecret(output);
  expect(output).toContain(
    'graph-salesforce: the synchronization job was not finalized (its status: ABORTED)',
  );
  expect(exitCode).toBe(1);
});

test('an unreachable JupiterOne API fails the image without printing the API key', async () => {
  const closed = await startLocalJupiterOne();
  await closed.close();

  const { exitCode, output } = await runAgainstDevOrg({
    jupiterOneTarget: target(closed.url),
  });

  expect(output).toContain('ECONNREFUSED');
  expect(output).toContain('[REDACTED]');
  expectNoSecret(output);
  expect(exitCode).not.toBe(0);
});

test('an API key written in .env, not in the environment, is redacted too', async () => {
  const closed = await startLocalJupiterOne();
  await closed.close();
  const dotenvFile = path.join(image, '.env');
  writeFileSync(dotenvFile, `JUPITERONE_API_KEY=${API_KEY}\n`);
  try {
    const { exitCode, output } = await runAgainstDevOrg({
      jupiterOneTarget: target(closed.url),
      environment: { JUPITERONE_API_KEY: undefined },
    });
    expect(output).toContain('[REDACTED]');
    expectNoSecret(output);
    expect(exitCode).not.toBe(0);
  } finally {
    rmSync(dotenvFile, { force: true });
  }
});

test('a JupiterOne that never answers is given up on at RUN_TIMEOUT_MINUTES', async () => {
  const silent = await startLocalJupiterOne({ unanswered: 'finalize' });
  try {
    const { exitCode, output } = await runAgainstDevOrg({
      jupiterOneTarget: target(silent.url),
      environment: { RUN_TIMEOUT_MINUTES: '0.05' },
    });
    expect(output).toContain(
      'graph-salesforce: j1-integration run took longer than 0.05 minutes (RUN_TIMEOUT_MINUTES): stopping it',
    );
    expect(output).toContain(
      'graph-salesforce: stopped by its deadline before the run finished',
    );
    expect(exitCode).not.toBe(0);
  } finally {
    await silent.close();
  }
});

test('uploads JupiterOne refuses are named as the cause of the failed steps', async () => {
  const refusing = await startLocalJupiterOne({ refused: 'entities' });
  try {
    const { exitCode, output } = await runAgainstDevOrg({
      jupiterOneTarget: target(refusing.url),
    });
    expect(output).toContain(
      'graph-salesforce: JupiterOne refused uploads (UPLOAD_ERROR above), and steps failed:',
    );
    expect(output).toContain(
      'may hold data of steps reported successful (the SDK books it under whichever step flushed it): run again once JupiterOne accepts uploads',
    );
    expect(exitCode).toBe(1);
  } finally {
    await refusing.close();
  }
});

test('without INTEGRATION_INSTANCE_ID the image says what to set and sends nothing', async () => {
  const { exitCode, output } = await runAgainstDevOrg({
    environment: { INTEGRATION_INSTANCE_ID: ' ' },
  });

  expect(output).toContain(
    'graph-salesforce: set INTEGRATION_INSTANCE_ID to the id of the integration instance in JupiterOne',
  );
  expect(jupiterOne.received.requests).toEqual([]);
  expectNoSecret(output);
  expect(exitCode).toBe(2);
});

test('SIGTERM, as docker stop sends it, stops the run and says so', async () => {
  let entryPoint: ChildProcess | undefined;
  const run = runAgainstDevOrg({
    faults: [{ kind: 'hang', target: 'User', times: Infinity }],
    onStart: (child) => (entryPoint = child),
  });
  // Until the job exists, or 20 s; a run that never starts one is ended too.
  for (let waited = 0; waited < 20_000; waited += 20) {
    if (jupiterOne.received.jobs.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  entryPoint?.kill('SIGTERM');
  expect(jupiterOne.received.jobs).toHaveLength(1);

  const { exitCode, output } = await run;
  expect(output).toContain('graph-salesforce: stopped by SIGTERM');
  expectNoSecret(output);
  expect(exitCode).toBe(143);
});
