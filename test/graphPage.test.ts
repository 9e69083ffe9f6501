import { execFile } from 'child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { PROJECT_ROOT } from '../scripts/lib/collect';

// The second also holds the comment that follows the data in SDK 8.41's page.
const NAMES = [
  'Eve</script><script>document.title = "ran"</script>',
  'Sec // create a network</script><script>document.title = "ran"</script>',
];

test('npm run graph writes a page in which no name can open or close a tag', async () => {
  const project = mkdtempSync(path.join(os.tmpdir(), 'graph-salesforce-page-'));
  try {
    const graph = path.join(project, '.j1-integration', 'graph');
    mkdirSync(graph, { recursive: true });
    writeFileSync(
      path.join(graph, 'users.json'),
      JSON.stringify({
        entities: NAMES.map((displayName, index) => ({
          _key: `005Do000000PVvJIA${index}`,
          _type: 'salesforce_user',
          _class: ['User'],
          displayName,
        })),
      }),
    );
    await promisify(execFile)(
      path.join(PROJECT_ROOT, 'node_modules', '.bin', 'ts-node'),
      [
        '--transpile-only',
        path.join(PROJECT_ROOT, 'scripts', 'graph.ts'),
        path.join(project, '.j1-integration'),
      ],
      { cwd: PROJECT_ROOT },
    );
    const page = readFileSync(
      path.join(project, '.j1-integration', 'index.html'),
      'utf8',
    );

    // The template's own two scripts, and nothing of the name's.
    expect(page.match(/<\/?script/gi)).toHaveLength(4);
    expect(page).toContain('Eve\\u003c/script>\\u003cscript>document.title');
    expect(page).toContain(
      'network\\u003c/script>\\u003cscript>document.title',
    );
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

test.each([
  ['no folder', (_folder: string) => undefined],
  [
    'an empty graph folder',
    (folder: string) =>
      mkdirSync(path.join(folder, 'graph'), { recursive: true }),
  ],
])('npm run graph refuses %s, and writes no page', async (_case, prepare) => {
  const folder = path.join(
    mkdtempSync(path.join(os.tmpdir(), 'graph-salesforce-none-')),
    'nope',
  );
  prepare(folder);
  try {
    const run = promisify(execFile)(
      path.join(PROJECT_ROOT, 'node_modules', '.bin', 'ts-node'),
      [
        '--transpile-only',
        path.join(PROJECT_ROOT, 'scripts', 'graph.ts'),
        folder,
      ],
      { cwd: PROJECT_ROOT },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        '(no graph folder, or an empty one): run npm start, or npm run demo, first',
      ),
    });
    expect(existsSync(path.join(folder, 'index.html'))).toBe(false);
  } finally {
    rmSync(path.dirname(folder), { recursive: true, force: true });
  }
});
