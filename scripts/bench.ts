/* eslint-disable no-console */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import prettier from 'prettier';
import { loadDevOrg, OrgDataset } from '../local-salesforce/dataset';
import { generateOrg, OrgSize } from '../local-salesforce/generate';
import { DEV_CREDENTIALS } from '../local-salesforce/oauth';
import { startLocalSalesforce } from '../local-salesforce/server';
import {
  buildIntegration,
  createScratchProject,
  PROJECT_ROOT,
  runCollect,
} from './lib/collect';
import { expectedGraph } from './lib/expectedGraph';
import { measureLatencyFloor, minimumApiCalls } from './lib/floors';

/**
 * Collects orgs of three sizes with the real CLI against the local org,
 * with and without added latency, and compares each run with the floors
 * measured in the same run. Writes docs/benchmarks.md.
 *
 *   npm run bench                       # S, M and L at 0 and 50 ms, 3 runs each
 *   npm run bench -- --sizes S,M --latencies 0 --repeat 1
 *   npm run bench -- --compiled         # collect the build, not src/
 *   npm run bench -- --heap-limit-mb 1024
 *   npm run bench -- --heap-growing-percent 50
 *   npm run bench -- --sizes XL --repeat 1
 */
const SIZES: Record<string, OrgSize | 'dev-org'> = {
  S: 'dev-org',
  M: {
    users: 20_000,
    assignmentsPerUser: 3,
    groups: 1_000,
    membersPerGroup: 10,
  },
  L: {
    users: 100_000,
    assignmentsPerUser: 3,
    groups: 5_000,
    membersPerGroup: 10,
  },
  // The orgs the scale issue is about: millions of assignments and group
  // memberships. Minutes a run, so only when asked for (--sizes XL), on
  // its own, with a table of its own.
  XL: {
    users: 200_000,
    assignmentsPerUser: 6,
    groups: 10_000,
    membersPerGroup: 100,
  },
};

const DEFAULT_SIZES = ['S', 'M', 'L'];

interface BenchRow {
  size: string;
  latencyMs: number;
  wallSeconds: number;
  collectSeconds: number;
  floorSeconds: number;
  sdkStoreSeconds: number;
  peakRssMb: number;
  peakLiveHeapMb: number;
  apiCalls: number;
  minimumApiCalls: number;
  entities: number;
  relationships: number;
  complete: boolean;
  missing: string[];
  failedSteps: string[];
}

interface CollectSetup {
  /** Passed to collect as --max-old-space-size. */
  heapLimitMb?: number;
  /** Set in collect as V8's --heap-growing-percent (see setHeapGrowing.js). */
  heapGrowingPercent?: number;
  /** The `dist` of a build (buildIntegration) to collect with, not src/. */
  build?: string;
}

/** Collect's environment: the memory report, and V8's heap settings. */
function collectEnvironment(
  memoryFile: string,
  { heapLimitMb, heapGrowingPercent }: CollectSetup,
): Record<string, string> {
  const preload = (file: string) =>
    `--require ${path.join(__dirname, 'lib', file)}`;
  return {
    NODE_OPTIONS: [
      preload('reportPeakMemory.js'),
      ...(heapLimitMb ? [`--max-old-space-size=${heapLimitMb}`] : []),
      ...(heapGrowingPercent ? [preload('setHeapGrowing.js')] : []),
    ].join(' '),
    PEAK_MEMORY_FILE: memoryFile,
    ...(heapGrowingPercent
      ? { HEAP_GROWING_PERCENT: String(heapGrowingPercent) }
      : {}),
  };
}

async function benchOne(
  size: string,
  dataset: OrgDataset,
  latencyMs: number,
  setup: CollectSetup,
): Promise<BenchRow> {
  const org = await startLocalSalesforce({ dataset, latencyMs });
  const project = await createScratchProject(
    setup.build ? path.join(setup.build, 'src') : undefined,
  );
  const memoryFile = path.join(project, 'peak-memory.json');
  try {
    const floorMs = await measureLatencyFloor(org.url, DEV_CREDENTIALS);
    const callsBefore = org.calls.total;
    const started = Date.now();
    const result = await runCollect(
      {
        instanceUrl: org.url,
        clientId: DEV_CREDENTIALS.clientId,
        clientSecret: DEV_CREDENTIALS.clientSecret,
      },
      {
        projectPath: project,
        env: collectEnvironment(memoryFile, setup),
      },
    );
    const wallMs = Date.now() - started;
    const sdkStoreMs = await measureSdkStore(
      path.join(project, '.j1-integration', 'graph'),
    );
    const memory = JSON.parse(await fs.readFile(memoryFile, 'utf8')) as {
      peakRss: number;
      peakLiveHeap: number;
    };
    const expected = expectedGraph(dataset);
    const missing = [
      ...differences(expected.entities, result.entities),
      ...differences(expected.relationships, result.relationships),
    ];
    return {
      size,
      latencyMs,
      wallSeconds: wallMs / 1000,
      collectSeconds: collectDurationMs(result.output) / 1000,
      floorSeconds: floorMs / 1000,
      sdkStoreSeconds: sdkStoreMs / 1000,
      peakRssMb: memory.peakRss / 2 ** 20,
      peakLiveHeapMb: memory.peakLiveHeap / 2 ** 20,
      apiCalls: org.calls.total - callsBefore,
      minimumApiCalls: minimumApiCalls(dataset),
      entities: sum(result.entities),
      relationships: sum(result.relationships),
      complete: missing.length === 0,
      missing,
      failedSteps: result.steps
        .filter((step) => step.status !== 'success')
        .map((step) => step.id),
    };
  } finally {
    await org.close();
    await fs.rm(project, { recursive: true, force: true });
  }
}

/**
 * The time the SDK alone takes to track and write the graph a collection
 * produced (scripts/replayGraph.ts), in a process of its own.
 */
function measureSdkStore(graphDirectory: string): Promise<number> {
  const tsNode = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'ts-node');
  const script = path.join(__dirname, 'replayGraph.ts');
  return new Promise((resolve, reject) => {
    execFile(
      tsNode,
      ['--transpile-only', script, graphDirectory],
      { env: { ...process.env, LOG_LEVEL: 'error' }, maxBuffer: 2 ** 26 },
      (err, stdout) => {
        const timings = /\{"storeMs":([\d.]+)/.exec(stdout);
        if (err || !timings) {
          reject(err ?? new Error(`replayGraph printed no timings: ${stdout}`));
        } else {
          resolve(Number(timings[1]));
        }
      },
    );
  });
}

/**
 * The SDK's own measure of the collection, from validation to the last
 * step: the process's wall time less the CLI's fixed start-up cost.
 */
function collectDurationMs(output: string): number {
  const metric =
    /"name": "duration-collect",\s*"unit": "Milliseconds",\s*"value": (\d+)/.exec(
      output,
    );
  return metric ? Number(metric[1]) : NaN;
}

/**
 * The run whose collect / floor ratio is the median: these machines are
 * shared, and one run can take twice as long as the next.
 */
function medianRun(runs: BenchRow[]): BenchRow {
  const byRatio = [...runs].sort(
    (a, b) =>
      a.collectSeconds / a.floorSeconds - b.collectSeconds / b.floorSeconds,
  );
  const median = byRatio[Math.floor((byRatio.length - 1) / 2)];
  const incomplete = runs.find((run) => !run.complete);
  const failed = runs.find((run) => run.failedSteps.length > 0);
  return incomplete ?? failed ?? median;
}

function differences(
  expected: Record<string, number>,
  collected: Record<string, number>,
): string[] {
  return Object.entries(expected)
    .filter(([type, count]) => (collected[type] ?? 0) !== count)
    .map(([type, count]) => `${type} ${collected[type] ?? 0}/${count}`);
}

const sum = (counts: Record<string, number>) =>
  Object.values(counts).reduce((total, count) => total + count, 0);

/** A refusal of the command line: printed without a stack trace. */
class UsageError extends Error {}

function parseList(flag: string, fallback: string[]): string[] {
  const index = process.argv.indexOf(flag);
  if (index < 0) return fallback;
  const value = process.argv[index + 1];
  if (value === undefined || value.startsWith('--')) {
    throw new UsageError(`${flag} needs a value`);
  }
  return value.split(',');
}

function table(rows: BenchRow[]): string {
  const header =
    '| size | latency | process wall s | collect s | latency floor s | collect / floor | SDK store s | peak RSS MB | peak live heap MB | API calls | minimum calls | entities | relationships | complete |';
  const rule = `|${header
    .split('|')
    .slice(1, -1)
    .map(() => ' --- ')
    .join('|')}|`;
  const lines = rows.map((row) =>
    [
      row.size,
      `${row.latencyMs} ms`,
      row.wallSeconds.toFixed(1),
      row.collectSeconds.toFixed(1),
      row.floorSeconds.toFixed(1),
      (row.collectSeconds / row.floorSeconds).toFixed(2),
      row.sdkStoreSeconds.toFixed(1),
      row.peakRssMb.toFixed(0),
      row.peakLiveHeapMb.toFixed(0),
      row.apiCalls,
      row.minimumApiCalls,
      row.entities,
      row.relationships,
      row.complete ? 'yes' : `NO: ${row.missing.join(', ')}`,
    ].join(' | '),
  );
  return [header, rule, ...lines.map((line) => `| ${line} |`)].join('\n');
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(
    os.totalmem() /
    2 ** 30
  ).toFixed(0)} GiB, Node.js ${
    process.version
  }, ${os.platform()} ${os.release()}`;
}

async function main() {
  const sizes = parseList('--sizes', DEFAULT_SIZES);
  const compiled = process.argv.includes('--compiled');
  const block = resultsBlock(sizes, compiled);
  const latencies = parseList('--latencies', ['0', '50']).map((text) =>
    wholeNumberOf('--latencies', 'milliseconds', text, 0),
  );
  const repeat = wholeNumber('--repeat', 'runs') ?? 3;
  const heapLimitMb = wholeNumber('--heap-limit-mb', 'megabytes');
  const heapGrowingPercent = wholeNumber('--heap-growing-percent', 'percent');
  const heapOptions = [
    ...(heapLimitMb ? [`--heap-limit-mb ${heapLimitMb}`] : []),
    ...(heapGrowingPercent
      ? [`--heap-growing-percent ${heapGrowingPercent}`]
      : []),
  ];
  const setup: CollectSetup = {
    heapLimitMb,
    heapGrowingPercent,
    build: compiled ? await buildIntegration() : undefined,
  };
  const rows: BenchRow[] = [];
  console.log(table([]));
  try {
    for (const size of sizes) {
      const spec = SIZES[size];
      const dataset = spec === 'dev-org' ? loadDevOrg() : generateOrg(spec);
      for (const latencyMs of latencies) {
        const runs: BenchRow[] = [];
        for (let run = 0; run < repeat; run++) {
          runs.push(await benchOne(size, dataset, latencyMs, setup));
          console.log(table(runs.slice(-1)).split('\n').pop());
        }
        rows.push(medianRun(runs));
      }
    }
  } finally {
    if (setup.build) {
      await fs.rm(path.dirname(setup.build), { recursive: true, force: true });
    }
  }
  const report = [
    `Measured ${new Date().toISOString()} on ${machine()}.`,
    '',
    `Command: \`npm run bench -- --sizes ${sizes.join(
      ',',
    )} --latencies ${latencies.join(',')} --repeat ${repeat}${heapOptions
      .map((option) => ` ${option}`)
      .join('')}${compiled ? ' --compiled' : ''}\``,
    '',
    compiled
      ? 'Collect ran the compiled build (`npm run build`), as a deployment runs it.'
      : 'Collect ran `src/`, compiled by ts-node as the CLI starts, as `npm start` runs it.',
    '',
    repeat === 1
      ? 'One run per row.'
      : `Each row is the run with the median collect / floor of ${repeat}, every run with its own floors.`,
    '',
    table(rows),
  ].join('\n');
  console.log(`\n${report}`);
  if (heapOptions.length > 0) {
    console.log(
      '\nNot written to docs/benchmarks.md: its tables hold runs with V8 as it is set by default.',
    );
  } else {
    await writeReport(report, block);
  }
  if (rows.some((row) => !row.complete || row.failedSteps.length > 0)) {
    process.exitCode = 1;
  }
}

/**
 * The block of docs/benchmarks.md a run's table replaces: XL's own, the
 * compiled build's, or the default run's. Checked before anything runs.
 */
function resultsBlock(sizes: string[], compiled: boolean): string {
  const unknown = sizes.filter((size) => !(size in SIZES));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown size ${unknown.join(', ')}: the sizes are ${Object.keys(
        SIZES,
      ).join(', ')}`,
    );
  }
  if (sizes.includes('XL')) {
    if (sizes.length > 1) {
      throw new UsageError(
        'XL runs on its own (--sizes XL): it has its own table',
      );
    }
    return 'XL RESULTS';
  }
  return compiled ? 'COMPILED RESULTS' : 'BENCHMARK RESULTS';
}

/** The positive whole number given after flag, if it is given. */
function wholeNumber(flag: string, unit: string): number | undefined {
  const [text] = parseList(flag, []);
  return text === undefined ? undefined : wholeNumberOf(flag, unit, text, 1);
}

function wholeNumberOf(
  flag: string,
  unit: string,
  text: string,
  least: number,
): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < least) {
    throw new UsageError(
      `${flag} needs a whole number of ${unit}${
        least > 0 ? '' : ' (0 or more)'
      }, not ${text}`,
    );
  }
  return value;
}

/**
 * Replaces the block between `<!-- ${block} START -->` and its END in
 * docs/benchmarks.md (see resultsBlock).
 */
async function writeReport(report: string, block: string) {
  const file = path.join(PROJECT_ROOT, 'docs', 'benchmarks.md');
  const template = await fs.readFile(file, 'utf8');
  const start = `<!-- ${block} START -->`;
  const end = `<!-- ${block} END -->`;
  if (!template.includes(start) || !template.includes(end)) {
    throw new Error(`${file} lacks the markers ${start} and ${end}`);
  }
  const before = template.slice(0, template.indexOf(start) + start.length);
  const after = template.slice(template.indexOf(end));
  const options = await prettier.resolveConfig(file);
  await fs.writeFile(
    file,
    prettier.format(`${before}\n\n${report}\n\n${after}`, {
      ...options,
      filepath: file,
    }),
  );
}

main().catch((err) => {
  console.error(err instanceof UsageError ? err.message : err);
  process.exitCode = 1;
});
