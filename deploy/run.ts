/**
 * The Docker image's entry point: `j1-integration run` on the compiled
 * integration, with what the CLI leaves out for a container:
 * - no secret in its output: the CLI prints a request to JupiterOne that
 *   could not be sent whole, its Authorization header included;
 * - an exit status that says whether the run did its job: the CLI exits 0
 *   when steps fail and when it aborts the synchronization job;
 * - a stop when the container is stopped: Node as process 1 ignores SIGTERM.
 *
 * Usage: node dist/deploy/run.js <project path> [more `run` arguments]
 */
import { ChildProcessByStdio, spawn } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { Readable } from 'stream';

/** The settings whose values must never be printed. */
const SECRET_VARIABLES = [
  'JUPITERONE_API_KEY',
  'CLIENT_SECRET',
  'REFRESH_TOKEN',
];

/** Replaces every secret in complete lines, holding back a partial one. */
export class LineRedactor {
  private pending = '';

  constructor(private readonly secrets: string[]) {}

  push(chunk: string): string {
    const text = this.pending + chunk;
    const end = text.lastIndexOf('\n') + 1;
    this.pending = text.slice(end);
    return this.redact(text.slice(0, end));
  }

  end(): string {
    const rest = this.redact(this.pending);
    this.pending = '';
    return rest;
  }

  private redact(text: string): string {
    return this.secrets.reduce(
      (redacted, secret) => redacted.split(secret).join('[REDACTED]'),
      text,
    );
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
): Promise<RunReport> {
  if (cliExitCode !== 0) {
    return {
      exitCode: cliExitCode,
      message: `j1-integration run failed (exit ${cliExitCode}); its error is above`,
    };
  }
  if (jobStatus === 'ABORTED') {
    return {
      exitCode: 1,
      message: 'the synchronization job was aborted; the error is above',
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
    return {
      exitCode: 1,
      message:
        `steps failed: ${failed.join(', ')}; JupiterOne was told these ` +
        `types are partial and keeps what it had of them: ${partial.join(
          ', ',
        )}`,
    };
  }
  return { exitCode: 0, message: 'every step succeeded' };
}

async function readSummary(projectPath: string): Promise<Summary | undefined> {
  const file = path.join(projectPath, '.j1-integration', 'summary.json');
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Summary;
  } catch {
    return undefined;
  }
}

/**
 * The job status in a line the CLI prints ("Synchronization job status:
 * ABORTED"), the status perhaps wrapped in a colour code.
 */
function jobStatusIn(line: string): string | undefined {
  return /Synchronization job status: (?:\W+\d+m)?([A-Z_]+)/.exec(line)?.[1];
}

function say(message: string): void {
  process.stderr.write(`graph-salesforce: ${message}\n`);
}

function secretValues(): string[] {
  return SECRET_VARIABLES.map((name) => process.env[name]?.trim()).filter(
    (value): value is string => !!value,
  );
}

function startRun(
  projectPath: string,
  instanceId: string,
  runArguments: string[],
): ChildProcessByStdio<null, Readable, Readable> {
  const cli = require.resolve(
    '@jupiterone/integration-sdk-cli/bin/j1-integration',
  );
  const child = spawn(
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
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  return child;
}

/**
 * Copies the CLI's output with its secrets redacted, calling `onLine` with
 * each line as copied.
 */
function relay(
  from: Readable,
  to: NodeJS.WritableStream,
  secrets: string[],
  onLine: (line: string) => void,
): Promise<void> {
  const redactor = new LineRedactor(secrets);
  const write = (text: string) => {
    text.split('\n').forEach(onLine);
    to.write(text);
  };
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => write(redactor.push(chunk)));
  return new Promise((resolve) =>
    from.on('end', () => {
      write(redactor.end());
      resolve();
    }),
  );
}

async function main(): Promise<number> {
  const [projectPath, ...runArguments] = process.argv.slice(2);
  const instanceId = process.env.INTEGRATION_INSTANCE_ID?.trim();
  if (!projectPath) {
    say('usage: node dist/deploy/run.js <project path> [run arguments]');
    return 2;
  }
  if (!instanceId) {
    say(
      'set INTEGRATION_INSTANCE_ID to the id of the integration instance in JupiterOne',
    );
    return 2;
  }
  const secrets = secretValues();
  const child = startRun(projectPath, instanceId, runArguments);
  let jobStatus: string | undefined;
  const noteStatus = (line: string) => {
    jobStatus = jobStatusIn(line) ?? jobStatus;
  };
  const [exit] = await Promise.all([
    new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolve) =>
        child.on('close', (code, signal) => resolve({ code, signal })),
    ),
    relay(child.stdout, process.stdout, secrets, noteStatus),
    relay(child.stderr, process.stderr, secrets, noteStatus),
  ]);
  if (exit.signal) {
    say(
      `stopped by ${exit.signal}; the synchronization job it started is left open, neither finalized nor aborted`,
    );
    return 128 + os.constants.signals[exit.signal];
  }
  const report = await reportRun(projectPath, exit.code ?? 1, jobStatus);
  say(report.message);
  return report.exitCode;
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
