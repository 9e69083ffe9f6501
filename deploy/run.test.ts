import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import {
  DEFAULT_RUN_TIMEOUT_MINUTES,
  environmentWithDotenv,
  jobStatusIn,
  LineSplitter,
  readInvocation,
  reportRun,
  runTimeoutMs,
  secretsOf,
} from './run';

describe('secretsOf', () => {
  test('the secret settings and an --api-key argument, trimmed', () => {
    const env = {
      JUPITERONE_API_KEY: ' key-1 ',
      CLIENT_SECRET: 'secret-2',
      REFRESH_TOKEN: 'token-3',
      CLIENT_ID: 'not-a-secret',
    };
    expect(
      secretsOf(env, ['--api-key', 'key-4', '--api-key=key-5']).sort(),
    ).toEqual(['key-1', 'key-4', 'key-5', 'secret-2', 'token-3']);
  });
});

describe('environmentWithDotenv', () => {
  test(".env's values where the environment has none, as the CLI reads them", () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'dotenv-'));
    try {
      writeFileSync(
        path.join(folder, '.env'),
        'CLIENT_SECRET="from-dotenv"\nREFRESH_TOKEN=dotenv-token\n',
      );
      const env = environmentWithDotenv(folder, { REFRESH_TOKEN: 'set' });
      expect(env.CLIENT_SECRET).toBe('from-dotenv');
      expect(env.REFRESH_TOKEN).toBe('set');
      expect(
        environmentWithDotenv(path.join(folder, 'none'), { A: 'b' }),
      ).toEqual({
        A: 'b',
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('runTimeoutMs', () => {
  test.each<[string | undefined, number | string]>([
    [undefined, DEFAULT_RUN_TIMEOUT_MINUTES * 60_000],
    [' 90 ', 90 * 60_000],
    ['0.5', 30_000],
    [
      '0',
      'RUN_TIMEOUT_MINUTES "0" must be a number of minutes above 0 and at most 35791',
    ],
    [
      'soon',
      'RUN_TIMEOUT_MINUTES "soon" must be a number of minutes above 0 and at most 35791',
    ],
    [
      '100000',
      'RUN_TIMEOUT_MINUTES "100000" must be a number of minutes above 0 and at most 35791',
    ],
  ])('%s', (value, expected) => {
    expect(runTimeoutMs({ RUN_TIMEOUT_MINUTES: value })).toBe(expected);
  });
});

describe('LineSplitter', () => {
  test('gives whole lines only, the unfinished one at the end', () => {
    const lines = new LineSplitter();
    expect(lines.push('Bearer s3c')).toBe('');
    expect(lines.push('ret\nnext ')).toBe('Bearer s3cret\n');
    expect(lines.push('line\nlast')).toBe('next line\n');
    expect(lines.end()).toBe('last');
  });
});

describe('jobStatusIn', () => {
  test.each([
    ['Synchronization job status: FINALIZE_PENDING', 'FINALIZE_PENDING'],
    ['Synchronization job status: \u001b[36mABORTED\u001b[39m', 'ABORTED'],
    ['Synchronization job status: undefined', 'undefined'],
    ['Entities uploaded: 197', undefined],
  ])('%j', (line, status) => {
    expect(jobStatusIn(line)).toBe(status);
  });
});

describe('readInvocation', () => {
  const JUPITERONE = { JUPITERONE_API_KEY: 'k', JUPITERONE_ACCOUNT: 'a' };

  test('needs the JupiterOne API key and account, from the environment or flags', () => {
    expect(readInvocation(['dist'], { INTEGRATION_INSTANCE_ID: 'i' })).toMatch(
      'set JUPITERONE_API_KEY (or pass --api-key) and JUPITERONE_ACCOUNT (or pass --account)',
    );
    expect(
      readInvocation(['dist', '--account', 'a'], {
        INTEGRATION_INSTANCE_ID: 'i',
        JUPITERONE_API_KEY: 'k',
      }),
    ).toEqual(expect.objectContaining({ instanceId: 'i' }));
    expect(
      readInvocation(['dist', '--api-key=k', '--account=a'], {
        INTEGRATION_INSTANCE_ID: 'i',
      }),
    ).toEqual(expect.objectContaining({ instanceId: 'i' }));
  });

  test('needs an instance id that is not blank', () => {
    expect(readInvocation(['dist'], { INTEGRATION_INSTANCE_ID: ' ' })).toMatch(
      'set INTEGRATION_INSTANCE_ID',
    );
  });

  test('refuses --skip-finalize, which would leave the job open', () => {
    expect(
      readInvocation(['dist', '--skip-finalize'], {
        ...JUPITERONE,
        INTEGRATION_INSTANCE_ID: 'i',
      }),
    ).toMatch('--skip-finalize');
  });

  test('refuses NODE_DEBUG, whose output would print the access token', () => {
    expect(
      readInvocation(['dist'], {
        ...JUPITERONE,
        INTEGRATION_INSTANCE_ID: 'i',
        NODE_DEBUG: 'http',
      }),
    ).toMatch('unset NODE_DEBUG');
  });

  test('passes the other arguments on', () => {
    expect(
      readInvocation(['dist', '--api-base-url', 'u'], {
        ...JUPITERONE,
        INTEGRATION_INSTANCE_ID: ' i ',
      }),
    ).toEqual({
      projectPath: 'dist',
      instanceId: 'i',
      runArguments: ['--api-base-url', 'u'],
    });
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
      message:
        'every step succeeded; a step may still leave out records or properties it could not read, and says which in a warning',
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

  test.each([['ABORTED'], ['ERROR_BAD_DATA'], ['undefined'], [undefined]])(
    'a job not finalized (status %s): exit 1 even when every step succeeded',
    async (status) => {
      writeSummary([['fetch-users', 'success']], []);
      expect(await reportRun(project, 0, status)).toMatchObject({
        exitCode: 1,
        message: expect.stringContaining(
          `the synchronization job was not finalized (its status: ${
            status ?? 'none printed'
          })`,
        ),
      });
    },
  );

  test('no summary: the collection did not finish', async () => {
    expect(await reportRun(project, 0, 'FINALIZE_PENDING')).toMatchObject({
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
