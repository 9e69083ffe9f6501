/* eslint-disable no-console */
import { execFileSync } from 'child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { PROJECT_ROOT } from './lib/collect';

/**
 * Fails when the generated part of docs/jupiterone.md no longer matches the
 * steps: regenerates a copy and compares it with the committed file.
 */
const docs = path.join(PROJECT_ROOT, 'docs', 'jupiterone.md');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'j1-docs-'));
const copy = path.join(scratch, 'jupiterone.md');
try {
  copyFileSync(docs, copy);
  execFileSync(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'j1-integration'),
    ['document', '--output-file', path.relative(PROJECT_ROOT, copy)],
    { cwd: PROJECT_ROOT, stdio: 'ignore' },
  );

  if (readFileSync(copy, 'utf8') !== readFileSync(docs, 'utf8')) {
    console.error(
      'docs/jupiterone.md is stale: run `npm run document` and commit it.',
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
