import { execFile } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { PROJECT_ROOT } from '../scripts/lib/collect';

const ADA = {
  _key: '005Do000000PVvJIAW',
  _type: 'salesforce_user',
  _class: ['User'],
  displayName: 'Ada Admin',
  username: 'ada@example.com',
  active: true,
  privileged: true,
  privileges: ['ModifyAllData'],
  lastLoginOn: Date.UTC(2020, 0, 2),
};

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'graph-salesforce-q-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function writeCollection(users: object[], summary?: object): void {
  mkdirSync(path.join(folder, 'graph'));
  writeFileSync(
    path.join(folder, 'graph', 'users.json'),
    JSON.stringify({ entities: users }),
  );
  if (summary) {
    writeFileSync(path.join(folder, 'summary.json'), JSON.stringify(summary));
  }
}

/** `npm run questions -- <folder>`, as a user types it anywhere. */
function runQuestions(
  target = folder,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(PROJECT_ROOT, 'node_modules', '.bin', 'ts-node'),
      [
        '--transpile-only',
        path.join(PROJECT_ROOT, 'scripts', 'questions.ts'),
        target,
      ],
      { cwd: PROJECT_ROOT },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

const COMPLETE = {
  integrationStepResults: [{ id: 'fetch-users', status: 'success' }],
  metadata: { partialDatasets: { types: [] } },
};

test('prints what each managed query finds, rows sorted, dates as dates', async () => {
  writeCollection([{ ...ADA, frozen: false, mfaEnabled: true }], COMPLETE);
  const { code, stdout } = await runQuestions();
  expect(code).toBe(0);
  expect(stdout).toContain('A preview of the managed questions');
  expect(stdout).not.toContain('Warning:');
  expect(stdout).toContain('Users who can modify all data (INFORMATIVE): 1');
  expect(stdout).toContain(
    'Ada Admin | ada@example.com | 2020-01-02T00:00:00.000Z | ModifyAllData',
  );
  expect(stdout).toContain('Inactive privileged users (BAD): 0');
});

test('warns of a partial collection, and of properties no user has', async () => {
  writeCollection([ADA], {
    integrationStepResults: [{ id: 'fetch-users', status: 'failure' }],
    metadata: { partialDatasets: { types: ['salesforce_user'] } },
  });
  const { stdout } = await runQuestions();
  expect(stdout).toContain(
    'Warning: the collection is partial: steps fetch-users (failure); types salesforce_user.',
  );
  expect(stdout).toContain('Warning: no user has `frozen`');
  expect(stdout).toContain('Warning: no user has `mfaEnabled`');
});

test('refuses a folder with no collection, saying what to run', async () => {
  const { code, stderr } = await runQuestions();
  expect(code).toBe(1);
  expect(stderr).toContain(
    '(no graph folder, or an empty one): run npm start, or npm run demo, first',
  );
});

test('names a graph file that is not one, and an option it does not know', async () => {
  writeCollection([ADA], COMPLETE);
  writeFileSync(path.join(folder, 'graph', 'broken.json'), 'null');
  const broken = await runQuestions();
  expect(broken.code).toBe(1);
  expect(broken.stderr).toContain(
    `${path.join(folder, 'graph', 'broken.json')} is not a graph file`,
  );
  const unknown = await runQuestions('--help');
  expect(unknown.stderr).toContain(
    '--help? Usage: npm run questions [-- <folder holding graph/>] [--all]',
  );
});
