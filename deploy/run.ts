/**
 * The Docker image's entry point: `j1-integration run` on the compiled
 * integration, with what the CLI leaves out for a container:
 * - no secret in its output: the CLI prints a request to JupiterOne that
 *   could not be sent whole, its Authorization header included;
 * - an exit status that says whether the run did its job: the CLI exits 0
 *   when steps fail and when the synchronization job is not finalized;
 * - a stop when the container is stopped: Node as process 1 ignores SIGTERM;
 * - a deadline: the CLI's JupiterOne client sets no timeout, so an upload
 *   that is never answered would hold the run open for ever.
 *
 * Usage: node dist/deploy/run.js <project path> [more `run` arguments]
 */
import { ChildProcess, spawn } from 'child_process';
import dotenv from 'dotenv';
import { promises as fs, readFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { Readable } from 'stream';
import { redactor } from '../src/redact';

/** The settings whose values must never be printed. */
const SECRET_VARIABLES = [
  'JUPITERONE_API_KEY',
  'CLIENT_SECRET',
  'REFRESH_TOKEN',
];

/** The statuses the CLI prints for a job it finalized. */
const FINALIZED_STATUSES = [
  'FINALIZE_PENDING',
  'FINALIZING_ENTITIES',
  'FINALIZING_RELATIONSHIPS',
  'FINISHED',
];

/** The secrets of a run: the settings above and an `--api-key` argument. */
export function secretsOf(env: NodeJS.ProcessEnv, args: string[]): string[] {
  const given = SECRET_VARIABLES.map((name) => env[name]);
  args.forEach((arg, index) => {
    if (arg === '--api-key') given.push(args[index + 1]);
    if (arg.startsWith('--api-key='))
      given.push(arg.slice('--api-key='.length));
  });
  return given
    .map((value) => value?.trim())
    .filter((value): value is string => !!value);
}

/**
 * The environment the CLI will see: it also reads `.env` from the current
 * folder (as dotenv does, without overriding what is set), so secrets
 * written there must be redacted too.
 */
export function environmentWithDotenv(
  folder: string,
  env: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  let text: string;
  try {
    text = readFileSync(path.join(folder, '.env'), 'utf8');
  } catch {
    return env;
  }
  return { ...dotenv.parse(text), ...env };
}

/** How long a run may take unless RUN_TIMEOUT_MINUTES says otherwise. */
export const DEFAULT_RUN_TIMEOUT_MINUTES = 360;

/** setTimeout fires at once for a delay past 2^31 - 1 ms (about 24 days). */
const LONGEST_TIMEOUT_MINUTES = Math.floor((2 ** 31 - 1) / 60_000);

/** The run's deadline in milliseconds, or why the setting is wrong. */
export function runTimeoutMs(env: NodeJS.ProcessEnv): number | string {
  const text = env.RUN_TIMEOUT_MINUTES?.trim();
  if (!text) return DEFAULT_RUN_TIMEOUT_MINUTES * 60_000;
  const minutes = Number(text);
  if (
    !Number.isFinite(minutes) ||
    minutes <= 0 ||
    minutes > LONGEST_TIMEOUT_MINUTES
  ) {
    return `RUN_TIMEOUT_MINUTES "${text}" must be a number of minutes above 0 and at most ${LONGEST_TIMEOUT_MINUTES}`;
  }
  return minutes * 60_000;
}

/** Cuts a stream's text into whole lines, holding back an unfinished one. */
export class LineSplitter {
  private pending = '';

  push(chunk: string): string {
    const end = chunk.lastIndexOf('\n');
    if (end < 0) {
      this.pending += chunk;
      return '';
    }
    const lines = this.pending + chunk.slice(0, end + 1);
    this.pending = chunk.slice(end + 1);
    return lines;
  }

  end(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }
}

export interface RunReport {
  exitCode: number;
  message: string;
}

interface Summary {
  integrationStepResults: { id: string; status: string }[];
  metadata?: { partialDatasets?: { types?: string[] } };
}

/** What a finished `j1-integration run` did, from its exit and its files. */
export async function reportRun(
  projectPath: string,
  cliExitCode: number,
  jobStatus: string | undefined,
  uploadFailed = false,
): Promise<RunReport> {
  if (cliExitCode !== 0) {
    return {
      exitCode: cliExitCode,
      message: `j1-integration run failed (exit ${cliExitCode}); its error is above`,
    };
  }
  if (!jobStatus || !FINALIZED_STATUSES.includes(jobStatus)) {
    return {
      exitCode: 1,
      message: `the synchronization job was not finalized (its status: ${
        jobStatus ?? 'none printed'
      }); the error is above`,
    };
  }
  const summary = await readSummary(projectPath);
  if (!summary) {
    return {
      exitCode: 1,
      message: `no .j1-integration/summary.json under ${projectPath}: the collection did not finish`,
    };
  }
  const failed = summary.integrationStepResults
    .filter((step) => step.status !== 'success')
    .map((step) => step.id);
  if (failed.length > 0) {
    const partial = summary.metadata?.partialDatasets?.types ?? [];
    // A step also fails when JupiterOne refuses its uploads.
    const cause = uploadFailed
      ? 'JupiterOne refused uploads (UPLOAD_ERROR above), and '
      : '';
    // Limitation: SDK 8.41 uploads the graph objects of several steps
    // together, booked under whichever step flushed them, so a refused
    // upload can fail one step for another's data and leave that one
    // reported successful.
    const caution = uploadFailed
      ? '. A refused upload may hold data of steps reported successful (the SDK books it under whichever step flushed it): run again once JupiterOne accepts uploads'
      : '';
    return {
      exitCode: 1,
      message:
        `${cause}steps failed: ${failed.join(', ')}; JupiterOne was told ` +
        `these types are partial and keeps what it had of them: ${partial.join(
          ', ',
        )}${caution}`,
    };
  }
  return {
    exitCode: 0,
    message:
      'every step succeeded; a step may still leave out records or properties it could not read, and says which in a warning',
  };
}

function summaryFile(projectPath: string): string {
  return path.join(projectPath, '.j1-integration', 'summary.json');
}

async function readSummary(projectPath: string): Promise<Summary | undefined> {
  try {
    return JSON.parse(
      await fs.readFile(summaryFile(projectPath), 'utf8'),
    ) as Summary;
  } catch {
    return undefined;
  }
}

/**
 * The job status in a line the CLI prints ("Synchronization job status:
 * FINALIZE_PENDING"), the status perhaps wrapped in a colour code.
 */
export function jobStatusIn(line: string): string | undefined {
  return /Synchronization job status: (?:\W+\d+m)?(\w+)/.exec(line)?.[1];
}

/** Whether a line is the SDK's report of an upload JupiterOne refused. */
export function isUploadError(line: string): boolean {
  return line.includes('UPLOAD_ERROR');
}

function say(message: string): void {
  process.stderr.write(`graph-salesforce: ${message}\n`);
}

function startRun(
  projectPath: string,
  instanceId: string,
  runArguments: string[],
): ChildProcess & { stdout: Readable; stderr: Readable } {
  const cli = require.resolve(
    '@jupiterone/integration-sdk-cli/bin/j1-integration',
  );
  return spawn(
    process.execPath,
    [
      cli,
      'run',
      '--project-path',
      projectPath,
      '--integrationInstanceId',
      instanceId,
      ...runArguments,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/**
 * Copies the CLI's output with its secrets redacted, calling `onLine` with
 * each line as the CLI printed it. Output is redacted line by line, so a
 * secret with a line break in it is found only in its escaped forms.
 */
function relay(
  from: Readable,
  to: NodeJS.WritableStream,
  redact: (text: string) => string,
  onLine: (line: string) => void,
): Promise<void> {
  const lines = new LineSplitter();
  const write = (text: string) => {
    text.split('\n').forEach(onLine);
    to.write(redact(text));
  };
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => write(lines.push(chunk)));
  return new Promise((resolve) =>
    from.on('end', () => {
      write(lines.end());
      resolve();
    }),
  );
}

interface Invocation {
  projectPath: string;
  instanceId: string;
  runArguments: string[];
}

/** What to run, or why not. */
export function readInvocation(
  args: string[],
  env: NodeJS.ProcessEnv,
): Invocation | string {
  const [projectPath, ...runArguments] = args;
  const instanceId = env.INTEGRATION_INSTANCE_ID?.trim();
  if (!projectPath) {
    return 'usage: node dist/deploy/run.js <project path> [run arguments]';
  }
  if (!instanceId) {
    return 'set INTEGRATION_INSTANCE_ID to the id of the integration instance in JupiterOne';
  }
  if (runArguments.includes('--skip-finalize')) {
    return '--skip-finalize leaves the job open: run the CLI itself for that';
  }
  if (env.NODE_DEBUG?.trim()) {
    // The access token is obtained during the run: no redactor knows it.
    return "unset NODE_DEBUG: Node's debug output prints request headers, the Salesforce access token among them";
  }
  const missing = JUPITERONE_SETTINGS.filter(
    ({ variable, flag }) =>
      !env[variable]?.trim() &&
      !runArguments.some(
        (argument) => argument === flag || argument.startsWith(`${flag}=`),
      ),
  );
  if (missing.length > 0) {
    return `set ${missing
      .map(({ variable, flag }) => `${variable} (or pass ${flag})`)
      .join(' and ')}: the run cannot reach JupiterOne without it`;
  }
  return { projectPath, instanceId, runArguments };
}

/** What the CLI needs to reach JupiterOne, checked before it starts. */
const JUPITERONE_SETTINGS = [
  { variable: 'JUPITERONE_API_KEY', flag: '--api-key' },
  { variable: 'JUPITERONE_ACCOUNT', flag: '--account' },
];

function exitCodeFor(signal: NodeJS.Signals): number {
  return 128 + os.constants.signals[signal];
}

async function main(): Promise<number> {
  const running: { child?: ChildProcess } = {};
  // Installed first: a signal before the CLI starts must stop us too.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (running.child) {
        running.child.kill(signal);
        return;
      }
      say(`stopped by ${signal} before j1-integration run started`);
      process.exit(exitCodeFor(signal));
    });
  }
  // The CLI reads a .env in the folder it runs from: what it holds is
  // checked and redacted too.
  const environment = environmentWithDotenv(process.cwd(), process.env);
  const invocation = readInvocation(process.argv.slice(2), environment);
  if (typeof invocation === 'string') {
    say(invocation);
    return 2;
  }
  const { projectPath, instanceId, runArguments } = invocation;
  const timeoutMs = runTimeoutMs(process.env);
  if (typeof timeoutMs === 'string') {
    say(timeoutMs);
    return 2;
  }
  const redact = redactor(secretsOf(environment, runArguments));
  // An earlier run's summary must not speak for this one, which may fail
  // before the CLI clears its folder.
  await fs.rm(summaryFile(projectPath), { force: true });
  const started = startRun(projectPath, instanceId, runArguments);
  running.child = started;
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    say(
      `j1-integration run took longer than ${
        timeoutMs / 60_000
      } minutes (RUN_TIMEOUT_MINUTES): stopping it`,
    );
    started.kill('SIGTERM');
  }, timeoutMs);
  let jobStatus: string | undefined;
  let uploadFailed = false;
  const noteStatus = (line: string) => {
    jobStatus = jobStatusIn(line) ?? jobStatus;
    uploadFailed ||= isUploadError(line);
  };
  const [exit] = await Promise.all([
    new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolve) =>
        started.on('close', (code, signal) => resolve({ code, signal })),
    ),
    relay(started.stdout, process.stdout, redact, noteStatus),
    relay(started.stderr, process.stderr, redact, noteStatus),
  ]);
  clearTimeout(deadline);
  if (exit.signal) {
    say(
      `stopped by ${
        timedOut ? 'its deadline' : exit.signal
      } before the run finished; JupiterOne shows what became of any synchronization job it had started`,
    );
    return exitCodeFor(exit.signal);
  }
  const report = await reportRun(
    projectPath,
    exit.code ?? 1,
    jobStatus,
    uploadFailed,
  );
  say(report.message);
  return report.exitCode;
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
