import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { LineRedactor, reportRun } from './run';

describe('LineRedactor', () => {
  test('redacts a secret that arrives split across chunks', () => {
    const redactor = new LineRedactor(['s3cret-key']);
    const out = [
      redactor.push('Authorization: Bearer s3c'),
      redactor.push('ret-key\nnext line, s3cret-key again\npartial s3cr'),
      redactor.push('et-key'),
      redactor.end(),
    ].join('');
    expect(out).toBe(
      'Authorization: Bearer [REDACTED]\nnext line, [REDACTED] again\npartial [REDACTED]',
    );
  });

  test('holds back only the unfinished line', () => {
    const redactor = new LineRedactor(['x1']);
    expect(redactor.push('a\nb')).toBe('a\n');
    expect(redactor.end()).toBe('b');
  });
});

describe('reportRun', () => {
  let project: string;
  beforeEach(() => {
    project = mkdtempSync(path.join(os.tmpdir(), 'report-run-'));
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  function writeSummary(steps: [string, string][], partialTypes: string[]) {
    mkdirSync(path.join(project, '.j1-integration'));
    writeFileSync(
      path.join(project, '.j1-integration', 'summary.json'),
      JSON.stringify({
        integrationStepResults: steps.map(([id, status]) => ({ id, status })),
        metadata: { partialDatasets: { types: partialTypes } },
      }),
    );
  }

  test('every step succeeded: exit 0', async () => {
    writeSummary([['fetch-users', 'success']], []);
    expect(await reportRun(project, 0, 'FINALIZE_PENDING')).toEqual({
      exitCode: 0,
      message: 'every step succeeded',
    });
  });

  test('failed steps: exit 1, naming them and the types sent as partial', async () => {
    writeSummary(
      [
        ['fetch-groups', 'failure'],
        ['fetch-users', 'success'],
      ],
      ['salesforce_group'],
    );
    expect(await reportRun(project, 0, 'FINALIZE_PENDING')).toEqual({
      exitCode: 1,
      message:
        'steps failed: fetch-groups; JupiterOne was told these types are partial and keeps what it had of them: salesforce_group',
    });
  });

  test('an aborted job: exit 1 even when the steps that ran succeeded', async () => {
    writeSummary([['fetch-users', 'success']], []);
    expect(await reportRun(project, 0, 'ABORTED')).toMatchObject({
      exitCode: 1,
      message: expect.stringContaining('aborted'),
    });
  });

  test('no summary: the collection did not finish', async () => {
    expect(await reportRun(project, 0, undefined)).toMatchObject({
      exitCode: 1,
      message: expect.stringContaining('the collection did not finish'),
    });
  });

  test("the CLI's own failure keeps its exit status", async () => {
    expect(await reportRun(project, 3, undefined)).toMatchObject({
      exitCode: 3,
    });
  });
});
