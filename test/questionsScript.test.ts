import { execFile } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { PROJECT_ROOT } from '../scripts/lib/collect';

test('npm run questions prints what each managed query finds in a collection', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'graph-salesforce-q-'));
  try {
    mkdirSync(path.join(folder, 'graph'));
    writeFileSync(
      path.join(folder, 'graph', 'users.json'),
      JSON.stringify({
        entities: [
          {
            _key: '005Do000000PVvJIAW',
            _type: 'salesforce_user',
            _class: ['User'],
            displayName: 'Ada Admin',
            username: 'ada@example.com',
            active: true,
            privileged: true,
            privileges: ['ModifyAllData'],
            lastLoginOn: Date.UTC(2020, 0, 2),
          },
        ],
      }),
    );
    const { stdout } = await promisify(execFile)(
      path.join(PROJECT_ROOT, 'node_modules', '.bin', 'ts-node'),
      [
        '--transpile-only',
        path.join(PROJECT_ROOT, 'scripts', 'questions.ts'),
        folder,
      ],
      { cwd: PROJECT_ROOT },
    );
    expect(stdout).toContain('Users who can modify all data (INFORMATIVE): 1');
    expect(stdout).toContain(
      'Ada Admin | ada@example.com | 2020-01-02T00:00:00.000Z | ModifyAllData',
    );
    expect(stdout).toContain('Inactive privileged users (BAD): 0');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
