import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import { DEV_CREDENTIALS } from '../local-salesforce/oauth';
import path from 'path';
import {
  buildIntegration,
  createScratchProject,
  PROJECT_ROOT,
  runCollect,
} from '../scripts/lib/collect';
import { DEV_ORG_ENTITIES, DEV_ORG_RELATIONSHIPS } from './devOrgGraph';
import { useLocalOrg } from './localOrg';

const org = useLocalOrg();
let project: string;

beforeEach(async () => {
  project = await createScratchProject();
});
afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

test('j1-integration collect gathers the whole dev org, schemas validated', async () => {
  const result = await runCollect(
    { instanceUrl: org().url, ...DEV_CREDENTIALS },
    { projectPath: project },
  );
  expect(result.exitCode).toBe(0);
  expect(result.steps.map((step) => [step.id, step.status])).toEqual(
    expect.arrayContaining([['fetch-users', 'success']]),
  );
  expect(result.steps.every((step) => step.status === 'success')).toBe(true);
  expect(result.partialTypes).toEqual([]);
  expect(result.entities).toEqual(DEV_ORG_ENTITIES);
  expect(result.relationships).toEqual(DEV_ORG_RELATIONSHIPS);
  expect(result.output).not.toContain(DEV_CREDENTIALS.clientSecret);
});

test('collect run from outside the project refuses to run src/ compiled without its tsconfig.json', async () => {
  // The scratch project's src/ links to this project's: Node names the latter.
  const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'elsewhere-'));
  await expect(
    runCollect(
      { instanceUrl: org().url, ...DEV_CREDENTIALS },
      { projectPath: project, workingDirectory: elsewhere },
    ).finally(() => rmSync(elsewhere, { recursive: true, force: true })),
  ).rejects.toThrow(
    `src/ was compiled without this project's tsconfig.json, which ts-node looks for from the working directory up: run j1-integration from ${PROJECT_ROOT}, or build it (npm run build) and collect with --project-path ${path.join(
      PROJECT_ROOT,
      'dist',
    )}`,
  );
});

test('a wrong client secret stops collect with the OAuth error and no secret', async () => {
  const result = await runCollect(
    {
      instanceUrl: org().url,
      clientId: DEV_CREDENTIALS.clientId,
      clientSecret: 'not-the-secret',
    },
    { projectPath: project },
  ).catch((err: Error) => err);

  const output = result instanceof Error ? result.message : result.output;
  expect(output).toContain('invalid_client');
  expect(output).toContain(`${org().url}/services/oauth2/token`);
  expect(output).not.toContain('not-the-secret');
});

test('npm run build compiles a fresh dist that collects the whole dev org', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'graph-salesforce-build-'));
  try {
    const leftOver = path.join(folder, 'dist', 'src', 'removed-since.js');
    mkdirSync(path.dirname(leftOver), { recursive: true });
    writeFileSync(leftOver, '');

    const dist = await buildIntegration(folder);
    const result = await runCollect(
      { instanceUrl: org().url, ...DEV_CREDENTIALS },
      { projectPath: dist },
    );

    const files = filesUnder(path.join(dist, 'src'));
    expect(files).toContain('index.js');
    expect(files).not.toContain('removed-since.js');
    expect(files.filter((file) => /\.ts$|\.test\./.test(file))).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.steps.every((step) => step.status === 'success')).toBe(true);
    expect(result.partialTypes).toEqual([]);
    expect(result.entities).toEqual(DEV_ORG_ENTITIES);
    expect(result.relationships).toEqual(DEV_ORG_RELATIONSHIPS);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(path.join(folder, entry.name))
      : [entry.name],
  );
}
