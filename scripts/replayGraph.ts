/**
 * Adds a collected graph to the SDK again, with nothing else: the files of
 * a `.j1-integration/graph` directory read back and handed to `addEntities`
 * and `addRelationships` in one step of the real runtime, which tracks
 * their keys, counts them and writes them to disk as in any collection.
 * Prints, as JSON, the milliseconds spent in those calls (storeMs) and in
 * reading the files (readMs), kept apart.
 *
 * Usage: ts-node --transpile-only scripts/replayGraph.ts <graph directory>
 */
import {
  Entity,
  IntegrationInvocationConfig,
  JobState,
  Relationship,
} from '@jupiterone/integration-sdk-core';
import {
  createIntegrationLogger,
  executeIntegrationInstance,
  LOCAL_INTEGRATION_INSTANCE,
} from '@jupiterone/integration-sdk-runtime';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { listJsonFiles } from './lib/collect';

interface GraphFile {
  entities?: Entity[];
  relationships?: Relationship[];
}

interface Timings {
  storeMs: number;
  readMs: number;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

/**
 * Entities first, as a collection adds them before what links them. The
 * SDK writes each kind to a folder of its own (`<step>/entities/…`), so
 * each file is read once, in its kind's turn.
 */
async function replay(
  files: string[],
  jobState: JobState,
  timings: Timings,
): Promise<void> {
  for (const kind of ['entities', 'relationships'] as const) {
    const ofKind = files.filter(
      (file) => path.basename(path.dirname(file)) === kind,
    );
    for (const file of ofKind) {
      const [content, readMs] = await timed(
        async () => JSON.parse(await fs.readFile(file, 'utf8')) as GraphFile,
      );
      timings.readMs += readMs;
      const objects = content[kind] ?? [];
      if (objects.length === 0) continue;
      const [, storeMs] = await timed(async () => {
        if (kind === 'entities') {
          await jobState.addEntities(objects as Entity[]);
        } else {
          await jobState.addRelationships(objects as Relationship[]);
        }
      });
      timings.storeMs += storeMs;
    }
  }
}

async function main(graphDirectory: string): Promise<void> {
  const files = await listJsonFiles(graphDirectory);
  const storage = await fs.mkdtemp(path.join(os.tmpdir(), 'replay-graph-'));
  process.env.JUPITERONE_INTEGRATION_STORAGE_DIRECTORY = storage;
  const timings: Timings = { storeMs: 0, readMs: 0 };
  const config: IntegrationInvocationConfig = {
    integrationSteps: [
      {
        id: 'replay-graph',
        name: 'Replay graph',
        entities: [],
        relationships: [],
        executionHandler: ({ jobState }) => replay(files, jobState, timings),
      },
    ],
  };
  try {
    await executeIntegrationInstance(
      createIntegrationLogger({ name: 'replay', pretty: true }),
      { ...LOCAL_INTEGRATION_INSTANCE, config: {} },
      config,
      { current: { startedOn: Date.now() } },
    );
  } finally {
    await fs.rm(storage, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(timings)}\n`);
}

main(process.argv[2]).catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
