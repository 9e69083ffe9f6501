import { promises as fs } from 'fs';
import path from 'path';
import { Fault } from '../local-salesforce/faults';
import { startLocalSalesforce } from '../local-salesforce/server';
import { createScratchProject, runCollect } from '../scripts/lib/collect';

/** Secrets no log line, error or collected file may ever contain. */
const credentials = {
  clientId: 'graph-salesforce-test-client',
  clientSecret: 'cs-7Hq2vXbN9pLm4Kd8Rw1T',
  refreshToken: 'rt-5Zy8Qa3Uj6Vn2Pe9Gs4W',
};

const SURVIVABLE: Fault[] = [
  { kind: '429', target: 'User', retryAfterSeconds: 0 },
  { kind: '500', target: 'PermissionSet', page: 2 },
  { kind: 'html', target: 'Profile' },
  { kind: 'reset', target: 'GroupMember' },
  { kind: 'truncated', target: 'UserRole' },
  { kind: 'invalid-locator', target: 'PermissionSet', page: 3 },
  { kind: 'duplicate-record', target: 'Group', page: 2 },
  { kind: 'rotate-refresh-token', target: 'token' },
  { kind: 'expire-sessions', target: 'Group', page: 3 },
];

async function readTree(directory: string): Promise<string> {
  const entries = await fs.readdir(directory, { withFileTypes: true });
  const texts = await Promise.all(
    entries.map((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return readTree(full);
      return fs.readFile(full, 'utf8').catch(() => '');
    }),
  );
  return texts.join('\n');
}

test.each<[string, Fault[]]>([
  [
    'faults survived, an object unreadable, a count short',
    [
      ...SURVIVABLE,
      { kind: 'insufficient-access', target: 'PermissionSetAssignment' },
      { kind: 'short-total', target: 'UserRole' },
    ],
  ],
  [
    'a refresh token revoked mid-run',
    [
      { kind: 'expire-sessions', target: 'Group', page: 2 },
      { kind: 'invalid-grant', target: 'token', after: 1 },
    ],
  ],
  ['the daily API limit spent', [{ kind: 'limit-exceeded', target: 'Group' }]],
])('no secret leaks from collect: %s', async (_, faults) => {
  const org = await startLocalSalesforce({ credentials, pageSize: 20, faults });
  const project = await createScratchProject();
  try {
    const result = await runCollect(
      { instanceUrl: org.url, ...credentials },
      { projectPath: project },
    );
    expect(result.steps.some((step) => step.status !== 'success')).toBe(true);
    expect(result.output).toContain('failed to complete due to error');
    expect(org.injected.length).toBeGreaterThan(0);

    const files = await readTree(path.join(project, '.j1-integration'));
    const secrets = [
      credentials.clientSecret,
      credentials.refreshToken,
      ...org.issuedTokens,
    ];
    for (const secret of secrets) {
      expect(result.output).not.toContain(secret);
      expect(files).not.toContain(secret);
    }
  } finally {
    await org.close();
    await fs.rm(project, { recursive: true, force: true });
  }
});
