import { rmSync } from 'fs';
import { Fault } from '../local-salesforce/faults';
import { DEV_CREDENTIALS } from '../local-salesforce/oauth';
import { startLocalSalesforce } from '../local-salesforce/server';
import {
  createScratchProject,
  JupiterOneTarget,
  runAndUpload,
} from '../scripts/lib/collect';
import { DEV_ORG_ENTITIES, DEV_ORG_RELATIONSHIPS } from './devOrgGraph';
import { LocalJupiterOne, startLocalJupiterOne } from './localJupiterOne';
import { countByType } from './localOrg';

const API_KEY = 'j1-api-key-Xv42Lq9Tn7';
const ACCOUNT = 'local-account';
const INSTANCE_ID = 'local-integration-instance';

let project: string;
let jupiterOne: LocalJupiterOne;

beforeEach(async () => {
  project = await createScratchProject();
  jupiterOne = await startLocalJupiterOne();
});
afterEach(async () => {
  await jupiterOne.close();
  rmSync(project, { recursive: true, force: true });
});

/** `j1-integration run` against the dev org served with these faults. */
async function runAgainstDevOrg(faults: Fault[] = []) {
  const org = await startLocalSalesforce({ faults });
  try {
    const target: JupiterOneTarget = {
      apiBaseUrl: jupiterOne.url,
      account: ACCOUNT,
      apiKey: API_KEY,
      integrationInstanceId: INSTANCE_ID,
    };
    return await runAndUpload(
      { instanceUrl: org.url, ...DEV_CREDENTIALS },
      target,
      { projectPath: project },
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

test('j1-integration run uploads the whole dev org once and finalizes it as complete', async () => {
  const { exitCode, output } = await runAgainstDevOrg();

  const { received } = jupiterOne;
  expect(exitCode).toBe(0);
  expect(received.jobs).toEqual([
    expect.objectContaining({
      source: 'integration-managed',
      integrationInstanceId: INSTANCE_ID,
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
    expect(headers['lifeomic-account']).toBe(ACCOUNT);
  }
  const bodies = received.requests.map((request) => request.body).join('\n');
  expect(bodies).not.toContain(DEV_CREDENTIALS.clientSecret);
  expect(output).not.toContain(DEV_CREDENTIALS.clientSecret);
  expect(output).not.toContain(API_KEY);
});

test('a step that fails makes run tell JupiterOne its types are partial, with the warning an admin sees', async () => {
  await runAgainstDevOrg([{ kind: 'insufficient-access', target: 'Group' }]);

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
});
