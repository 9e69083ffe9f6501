import { knownObjects, loadDataset, OrgDataset } from './dataset';
import { generateOrg, OrgSize } from './generate';
import { DEV_CREDENTIALS, startLocalSalesforce } from './server';

const USAGE = `Usage: npx ts-node --transpile-only local-salesforce/cli.ts [options]

Serves the recorded dev org, a generated org when --users is given, or the
records of a folder when --dataset is.

  --dataset FOLDER          serve FOLDER's <sObject>.json files, laid out as
                            local-salesforce/data/dev-org (copy it and edit)

  --users N                 generate an org with N users
  --roles N                 roles (default 50)
  --profiles N              profiles (default 20)
  --permission-sets N       regular permission sets (default 100)
  --permission-set-groups N permission set groups (default 10), every other one muting
  --assignments-per-user N  regular permission sets per user (default 3)
  --groups N                public groups (default users/20)
  --members-per-group N     members per public group (default 10)
  --seed N                  generator seed (default 1)
  --port P                  port on 127.0.0.1 (default: any free port)
  --page-size N             largest page served (default 2000)
  --latency-ms N            delay before each answer (default 0)
`;

const SIZE_FLAGS: Record<string, keyof OrgSize> = {
  '--users': 'users',
  '--roles': 'roles',
  '--profiles': 'profiles',
  '--permission-sets': 'permissionSets',
  '--permission-set-groups': 'permissionSetGroups',
  '--assignments-per-user': 'assignmentsPerUser',
  '--groups': 'groups',
  '--members-per-group': 'membersPerGroup',
  '--seed': 'seed',
};

interface CliOptions {
  size: Partial<OrgSize>;
  datasetFolder?: string;
  port?: number;
  pageSize?: number;
  latencyMs?: number;
}

function parseArguments(args: string[]): CliOptions {
  const options: CliOptions = { size: {} };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, text] = [args[i], args[i + 1]];
    if (flag === '--dataset') {
      if (!text) throw new Error('--dataset needs a folder');
      options.datasetFolder = text;
      continue;
    }
    const value = Number(text);
    if (text === undefined || !Number.isInteger(value) || value < 0) {
      throw new Error(`${flag} needs a whole number`);
    }
    if (flag in SIZE_FLAGS) {
      options.size[SIZE_FLAGS[flag]] = value;
    } else if (flag === '--port') {
      options.port = value;
    } else if (flag === '--page-size') {
      if (value < 1) throw new Error('--page-size needs at least 1');
      options.pageSize = value;
    } else if (flag === '--latency-ms') {
      options.latencyMs = value;
    } else {
      throw new Error(`Unknown option ${flag}`);
    }
  }
  return options;
}

function datasetFor({
  size,
  datasetFolder,
}: CliOptions): OrgDataset | undefined {
  if (datasetFolder !== undefined) {
    if (Object.keys(size).length > 0) {
      throw new Error(
        '--dataset serves a folder as it is: no --users and the like with it',
      );
    }
    return loadDataset(datasetFolder);
  }
  if (Object.keys(size).length === 0) {
    return undefined;
  }
  if (size.users === undefined) {
    throw new Error('Generating an org needs --users');
  }
  return generateOrg({ ...size, users: size.users });
}

/** Objects a folder has no file for, which are served with no rows. */
function withoutObjects(dataset: OrgDataset): string {
  const absent = knownObjects().filter((name) => !(name in dataset));
  return absent.length > 0
    ? ` (served with no rows, as if the org had none: ${absent.join(', ')})`
    : '';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const options = parseArguments(args);
  const dataset = datasetFor(options);
  const org = await startLocalSalesforce({
    dataset,
    port: options.port,
    pageSize: options.pageSize,
    latencyMs: options.latencyMs,
  });
  const source = options.datasetFolder
    ? `the records of ${options.datasetFolder}${withoutObjects(dataset!)}`
    : dataset
    ? `a generated org of ${options.size.users} users`
    : 'the recorded dev org';
  process.stdout.write(
    `Local Salesforce serving ${source} at ${org.url}\n\n` +
      `# Lines for .env, in place of a real org's settings (the SDK reads .env\n` +
      `# from the current folder, and ignores lines that start with "export")\n` +
      `INSTANCE_URL=${org.url}\n` +
      `CLIENT_ID=${DEV_CREDENTIALS.clientId}\n` +
      `CLIENT_SECRET=${DEV_CREDENTIALS.clientSecret}\n` +
      `# REFRESH_TOKEN=${DEV_CREDENTIALS.refreshToken} for the refresh_token grant\n` +
      `\nCtrl-C to stop.\n`,
  );
  const stop = () => {
    org.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n\n${USAGE}`);
  process.exit(1);
});
