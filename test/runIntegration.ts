import {
  IntegrationEvent,
  IntegrationInvocationConfig,
} from '@jupiterone/integration-sdk-core';
import {
  executeIntegrationInstance,
  IntegrationLogger,
  LOCAL_INTEGRATION_INSTANCE,
} from '@jupiterone/integration-sdk-runtime';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { countGraphObjects, readGraph } from '../scripts/lib/collect';
import { IntegrationConfig } from '../src/config';
import { createExecutionConfigLoader } from '../src/execution';
import { invocationConfig } from '../src/index';
import { ClientOptions } from '../src/salesforce/client';
import { Graph } from '../scripts/lib/j1ql';

export interface LogRecord {
  level: string;
  fields: Record<string, unknown>;
  message: string;
}

/**
 * Stands in for the bunyan logger under the SDK's IntegrationLogger,
 * keeping every record it is given (child loggers share them).
 */
class CapturingLogger {
  constructor(
    readonly records: LogRecord[],
    private readonly fields: Record<string, unknown> = {},
  ) {}

  child(fields: Record<string, unknown>) {
    return new CapturingLogger(this.records, { ...this.fields, ...fields });
  }

  trace = this.recorder('trace');
  debug = this.recorder('debug');
  info = this.recorder('info');
  warn = this.recorder('warn');
  error = this.recorder('error');
  fatal = this.recorder('fatal');

  private recorder(level: string) {
    return (...args: unknown[]) => {
      const [first, ...rest] = args;
      const fields = typeof first === 'object' && first !== null ? first : {};
      const message = (typeof first === 'string' ? args : rest).join(' ');
      this.records.push({
        level,
        fields: { ...this.fields, ...fields },
        message,
      });
      return true;
    };
  }
}

export interface IntegrationRun {
  steps: { id: string; status: string }[];
  partialTypes: string[];
  entities: Record<string, number>;
  relationships: Record<string, number>;
  logs: LogRecord[];
  events: IntegrationEvent[];
  /** Every log record and event, as JSON: what a secret must never be in. */
  transcript: string;
  /** What the run wrote, read back only when asked for (`keepGraph`). */
  graph?: Graph;
}

/**
 * Runs the real integration in this process with the SDK's own runtime
 * (validation, step graph, partial datasets, schema validation), with a
 * client tuned by `clientOptions` (fast retries for tests).
 */
export async function runIntegration(
  instanceConfig: IntegrationConfig,
  clientOptions: ClientOptions = {},
  { keepGraph = false } = {},
): Promise<IntegrationRun> {
  const storage = mkdtempSync(path.join(os.tmpdir(), 'graph-salesforce-run-'));
  // The runtime empties and writes this directory: never the project's own.
  process.env.JUPITERONE_INTEGRATION_STORAGE_DIRECTORY = storage;
  const logs: LogRecord[] = [];
  const events: IntegrationEvent[] = [];
  const logger = new IntegrationLogger({
    logger: new CapturingLogger(logs) as never,
    errorSet: new Set(),
  });
  logger.on('event', (event: IntegrationEvent) => events.push(event));
  try {
    const result = await executeIntegrationInstance(
      logger,
      { ...LOCAL_INTEGRATION_INSTANCE, config: instanceConfig },
      withClientOptions(clientOptions),
      { current: { startedOn: Date.now() } },
      { enableSchemaValidation: true },
    );
    const graphDirectory = path.join(storage, 'graph');
    return {
      steps: result.integrationStepResults,
      partialTypes: result.metadata.partialDatasets.types,
      ...(await countGraphObjects(graphDirectory)),
      logs,
      events,
      transcript: JSON.stringify({ logs, events }),
      graph: keepGraph ? await readGraph(graphDirectory) : undefined,
    };
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
}

function withClientOptions(
  options: ClientOptions,
): IntegrationInvocationConfig {
  return {
    ...(invocationConfig as unknown as IntegrationInvocationConfig),
    loadExecutionConfig: createExecutionConfigLoader(options),
  };
}
