import { Entity, Relationship } from '@jupiterone/integration-sdk-core';
import { ChildProcessWithoutNullStreams, execFile, spawn } from 'child_process';
import { promises as fs, readdirSync } from 'fs';
import os from 'os';
import path from 'path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The collection in the folder named, from where `npm run` was typed (npm
 * runs scripts from the project; INIT_CWD is where it was typed), its
 * `graph` folder named itself will do; or the project's `.j1-integration`,
 * where `npm start` writes wherever it was typed. Throws when the folder
 * holds no graph.
 */
export function collectionFolder(named?: string): string {
  const folder = named
    ? path.resolve(process.env.INIT_CWD ?? process.cwd(), named)
    : path.join(PROJECT_ROOT, '.j1-integration');
  const collection =
    path.basename(folder) === 'graph' ? path.dirname(folder) : folder;
  if (!holdsFiles(path.join(collection, 'graph'))) {
    throw new Error(
      `no collection in ${collection} (no graph folder, or an empty one): run npm start, or npm run demo, first`,
    );
  }
  return collection;
}

function holdsFiles(folder: string): boolean {
  try {
    return readdirSync(folder).length > 0;
  } catch {
    return false; // absent, or not a folder
  }
}

export interface CollectTarget {
  instanceUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken?: string;
}

export interface CollectOptions {
  projectPath?: string;
  /** Where collect is run from; the project itself unless given. */
  workingDirectory?: string;
  /** More environment for the collect process. */
  env?: Record<string, string>;
}

export interface StepSummary {
  id: string;
  name: string;
  status: string;
}

export interface CollectResult {
  exitCode: number | null;
  output: string;
  steps: StepSummary[];
  partialTypes: string[];
  entities: Record<string, number>;
  relationships: Record<string, number>;
}

/**
 * Runs the real `j1-integration collect` against a Salesforce org, with its
 * configuration passed the way a user passes it: as environment variables.
 * The CLI exits 0 even when steps fail, so the result carries each step's
 * status from summary.json.
 *
 * The CLI always writes to `<project>/.j1-integration`; a scratch project
 * (see `createScratchProject`) keeps parallel runs and a developer's own
 * collection apart.
 */
export async function runCollect(
  target: CollectTarget,
  {
    projectPath = PROJECT_ROOT,
    workingDirectory = projectPath,
    env = {},
  }: CollectOptions = {},
): Promise<CollectResult> {
  const { exitCode, output } = await spawnCli(
    ['collect', '--project-path', projectPath],
    workingDirectory,
    { ...salesforceEnvironment(target), ...env },
  );
  const storageDirectory = path.join(projectPath, '.j1-integration');
  const summary = await readSummary(storageDirectory).catch(() => {
    throw new Error(`collect wrote no summary.json; it printed:\n${output}`);
  });
  return {
    exitCode,
    output,
    steps: summary.integrationStepResults,
    partialTypes: summary.metadata?.partialDatasets?.types ?? [],
    ...(await countGraphObjects(path.join(storageDirectory, 'graph'))),
  };
}

/**
 * The integration's configuration as a user passes it: environment
 * variables. Every field is set, empty when unused, so that a .env in the
 * project (a developer's real org) cannot fill the gaps: dotenv never
 * overrides a variable that is set.
 */
export function salesforceEnvironment(
  target: CollectTarget,
): Record<string, string> {
  return {
    INSTANCE_URL: target.instanceUrl,
    CLIENT_ID: target.clientId,
    CLIENT_SECRET: target.clientSecret,
    REFRESH_TOKEN: target.refreshToken ?? '',
    LOGIN_URL: '',
    API_VERSION: '',
    USER_ROLE_FILTER: '',
    USER_PROFILE_FILTER: '',
  };
}

/**
 * A project folder of its own that links to this project's code: collect
 * run there writes its `.j1-integration` there, and reads no `.env` of ours.
 * Its `src` is this project's, or the folder given: the compiled
 * JavaScript of a build (see `buildIntegration`).
 */
export async function createScratchProject(
  source = path.join(PROJECT_ROOT, 'src'),
): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'graph-salesforce-'));
  await fs.symlink(source, path.join(folder, 'src'));
  for (const name of ['node_modules', 'tsconfig.json', 'package.json']) {
    await fs.symlink(path.join(PROJECT_ROOT, name), path.join(folder, name));
  }
  return folder;
}

/**
 * Runs `npm run build` in a copy of this project's sources and build
 * configuration (in `folder`, a new temporary one unless given; its
 * dependencies linked), and returns the copy's `dist`: the project path a
 * deployment collects with, loading JavaScript instead of compiling `src/`
 * as it starts. The caller removes the folder.
 */
export async function buildIntegration(folder?: string): Promise<string> {
  const root =
    folder ??
    (await fs.mkdtemp(path.join(os.tmpdir(), 'graph-salesforce-build-')));
  for (const sources of ['src', 'deploy']) {
    await copyFolder(
      path.join(PROJECT_ROOT, sources),
      path.join(root, sources),
    );
  }
  for (const name of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) {
    await fs.copyFile(path.join(PROJECT_ROOT, name), path.join(root, name));
  }
  await fs.symlink(
    path.join(PROJECT_ROOT, 'node_modules'),
    path.join(root, 'node_modules'),
  );
  await new Promise<void>((resolve, reject) =>
    execFile('npm', ['run', 'build'], { cwd: root }, (err, stdout, stderr) =>
      err
        ? reject(new Error(`npm run build failed:\n${stdout}${stderr}`))
        : resolve(),
    ),
  );
  return path.join(root, 'dist');
}

async function copyFolder(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const [source, target] = [
      path.join(from, entry.name),
      path.join(to, entry.name),
    ];
    if (entry.isDirectory()) await copyFolder(source, target);
    else await fs.copyFile(source, target);
  }
}

function spawnCli(
  args: string[],
  workingDirectory: string,
  env: Record<string, string>,
): Promise<ProcessOutcome> {
  const cli = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'j1-integration');
  return outcomeOf(
    spawn(cli, args, {
      cwd: workingDirectory,
      env: { ...process.env, ...env },
    }),
  );
}

export interface ProcessOutcome {
  exitCode: number | null;
  output: string;
}

/** A spawned process's exit status and all it printed, both streams. */
export function outcomeOf(
  child: ChildProcessWithoutNullStreams,
): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (exitCode) =>
      resolve({ exitCode, output: Buffer.concat(chunks).toString('utf8') }),
    );
  });
}

export interface Summary {
  integrationStepResults: StepSummary[];
  metadata?: { partialDatasets?: { types?: string[] } };
}

export async function readSummary(storageDirectory: string): Promise<Summary> {
  const file = path.join(storageDirectory, 'summary.json');
  return JSON.parse(await fs.readFile(file, 'utf8')) as Summary;
}

/** The entities of one `_type` that a collection wrote. */
export async function readEntities(
  projectPath: string,
  type: string,
): Promise<Record<string, unknown>[]> {
  const graph = path.join(projectPath, '.j1-integration', 'graph');
  const found: Record<string, unknown>[] = [];
  for (const file of await listJsonFiles(graph)) {
    const { entities = [] } = JSON.parse(await fs.readFile(file, 'utf8')) as {
      entities?: Record<string, unknown>[];
    };
    found.push(...entities.filter((entity) => entity._type === type));
  }
  return found;
}

interface GraphFile {
  entities?: Entity[];
  relationships?: Relationship[];
}

async function forEachGraphFile(
  graphDirectory: string,
  visit: (content: GraphFile) => void,
): Promise<void> {
  for (const file of await listJsonFiles(graphDirectory)) {
    let content: GraphFile;
    try {
      content = JSON.parse(await fs.readFile(file, 'utf8')) as GraphFile;
    } catch (err) {
      throw new Error(`${file} is not JSON: ${(err as Error).message}`);
    }
    if (!isGraphFile(content)) {
      throw new Error(
        `${file} is not a graph file: an object whose "entities" and "relationships" are lists of objects with a _key`,
      );
    }
    visit(content);
  }
}

function isGraphFile(content: unknown): content is GraphFile {
  if (typeof content !== 'object' || content === null) return false;
  if (Array.isArray(content)) return false;
  const { entities = [], relationships = [] } = content as {
    entities?: unknown;
    relationships?: unknown;
  };
  return [entities, relationships].every(
    (list) =>
      Array.isArray(list) &&
      list.every(
        (object: unknown) =>
          typeof object === 'object' &&
          object !== null &&
          typeof (object as { _key?: unknown })._key === 'string',
      ),
  );
}

/** Every entity and relationship a collection wrote to a graph folder. */
export async function readGraph(graphDirectory: string) {
  const entities: Entity[] = [];
  const relationships: Relationship[] = [];
  await forEachGraphFile(graphDirectory, (content) => {
    entities.push(...(content.entities ?? []));
    relationships.push(...(content.relationships ?? []));
  });
  return { entities, relationships };
}

export async function countGraphObjects(graphDirectory: string) {
  const entities: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  await forEachGraphFile(graphDirectory, (content) => {
    countTypes(content.entities ?? [], entities);
    countTypes(content.relationships ?? [], relationships);
  });
  return { entities, relationships };
}

function countTypes(
  objects: { _type: string }[],
  counts: Record<string, number>,
) {
  for (const { _type } of objects) {
    counts[_type] = (counts[_type] ?? 0) + 1;
  }
}

/** Every JSON file under a folder, which must exist. */
export async function listJsonFiles(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return listJsonFiles(full);
      return Promise.resolve(entry.name.endsWith('.json') ? [full] : []);
    }),
  );
  return files.flat();
}
