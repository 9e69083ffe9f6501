import { ChildProcess, execFile, spawn } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import {
  buildIntegration,
  CollectTarget,
  outcomeOf,
  ProcessOutcome,
  PROJECT_ROOT,
  salesforceEnvironment,
} from '../scripts/lib/collect';

export interface JupiterOneTarget {
  apiBaseUrl: string;
  account: string;
  apiKey: string;
  integrationInstanceId: string;
}

/**
 * The Docker image's folder as the Dockerfile lays it out, without Docker
 * (no engine runs where this project is developed): the build's `dist/`
 * beside the production dependencies alone, installed from the lockfile
 * with the image's command. A package the integration loads that is only a
 * development dependency is missing here as it would be in the image. The
 * caller removes the folder's parent.
 */
export async function assembleImage(): Promise<string> {
  const root = await fs.mkdtemp(
    path.join(os.tmpdir(), 'graph-salesforce-image-'),
  );
  try {
    return await assembleImageIn(root);
  } catch (err) {
    await fs.rm(root, { recursive: true, force: true });
    throw err;
  }
}

async function assembleImageIn(root: string): Promise<string> {
  const dist = await buildIntegration(path.join(root, 'build'));
  const image = path.join(root, 'image');
  await fs.mkdir(image);
  for (const name of ['package.json', 'package-lock.json']) {
    await fs.copyFile(path.join(PROJECT_ROOT, name), path.join(image, name));
  }
  await installProductionDependencies(image);
  await fs.rename(dist, path.join(image, 'dist'));
  return image;
}

function installProductionDependencies(folder: string): Promise<void> {
  const args = [
    'ci',
    '--omit=dev',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
  ];
  return new Promise((resolve, reject) =>
    execFile(
      'npm',
      args,
      { cwd: folder, env: { ...process.env, NODE_ENV: 'production' } },
      (err, stdout, stderr) =>
        err
          ? reject(
              new Error(`npm ${args.join(' ')} failed:\n${stdout}${stderr}`),
            )
          : resolve(),
    ),
  );
}

/**
 * Runs the image's entry point in its folder, with only the environment a
 * container would have: the settings given, no developer's variables.
 */
export function runImage(
  image: string,
  salesforce: CollectTarget,
  jupiterOne: JupiterOneTarget,
  environment: Record<string, string | undefined> = {},
  onStart: (entryPoint: ChildProcess) => void = () => undefined,
): Promise<ProcessOutcome> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: image,
    NODE_ENV: 'production',
    ...salesforceEnvironment(salesforce),
    JUPITERONE_API_KEY: jupiterOne.apiKey,
    JUPITERONE_ACCOUNT: jupiterOne.account,
    INTEGRATION_INSTANCE_ID: jupiterOne.integrationInstanceId,
    ...environment,
  };
  const child = spawn(
    process.execPath,
    ['dist/deploy/run.js', 'dist', '--api-base-url', jupiterOne.apiBaseUrl],
    { cwd: image, env: definedOnly(env) },
  );
  onStart(child);
  return outcomeOf(child);
}

function definedOnly(
  env: Record<string, string | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}
