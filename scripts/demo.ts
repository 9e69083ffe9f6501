/* eslint-disable no-console */
import { DEV_CREDENTIALS } from '../local-salesforce/oauth';
import { permissionProperty } from '../src/permissionProperties';
import { SecurityPermission } from '../src/salesforce/permissions';
import { startLocalSalesforce } from '../local-salesforce/server';
import {
  CollectResult,
  PROJECT_ROOT,
  readEntities,
  runCollect,
} from './lib/collect';

/**
 * Collects the built-in dev org with the real CLI, as a user would collect
 * their own org, and prints what landed in `.j1-integration/`.
 */
async function main() {
  const org = await startLocalSalesforce();
  console.log(`Local Salesforce org (recorded dev org) at ${org.url}`);
  let result: CollectResult;
  try {
    // The client-credentials flow, the one the README recommends.
    const { clientId, clientSecret } = DEV_CREDENTIALS;
    result = await runCollect({ instanceUrl: org.url, clientId, clientSecret });
  } finally {
    await org.close();
  }
  printSummary(result, org.calls.total);
  printPrivilegedUsers(await readEntities(PROJECT_ROOT, 'salesforce_user'));
  const failed = result.steps.filter((step) => step.status !== 'success');
  if (result.exitCode !== 0 || failed.length > 0) {
    console.error(result.output);
    console.error(
      `Collect did not succeed: ${failed.map((step) => step.id).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

function printSummary(result: CollectResult, apiCalls: number) {
  console.log('\nSteps');
  for (const step of result.steps) {
    console.log(`  ${step.status.padEnd(8)} ${step.id}`);
  }
  printCounts('Entities', result.entities);
  printCounts('Relationships', result.relationships);
  console.log(`\nAPI calls served by the local org: ${apiCalls}`);
  if (result.partialTypes.length > 0) {
    console.log(`Partial types: ${result.partialTypes.join(', ')}`);
  }
  console.log('Graph written to .j1-integration/ (npm run graph to view it)');
}

/** Who can do the most in the org, and which grants let them. */
function printPrivilegedUsers(users: Record<string, unknown>[]) {
  console.log('\nPrivileged users, and through what');
  const privileged = users.filter((user) => user.privileged === true);
  for (const user of privileged) {
    const flags = [
      user.admin ? 'admin' : undefined,
      user.active ? undefined : 'inactive',
      user.frozen ? 'frozen' : undefined,
      mfaLabel(user.mfaEnabled),
    ].filter(Boolean);
    console.log(`  ${user.displayName} (${flags.join(', ')})`);
    for (const permission of user.privileges as SecurityPermission[]) {
      const property = `${permissionProperty(permission)}GrantedBy`;
      const grants = (user[property] as string[]).join('; ');
      console.log(`      ${permission.padEnd(30)} ${grants}`);
    }
  }
  if (privileged.length === 0) console.log('  none');
}

function mfaLabel(mfaEnabled: unknown): string {
  if (mfaEnabled === undefined) return 'MFA unknown';
  return mfaEnabled ? 'MFA' : 'no MFA';
}

function printCounts(title: string, counts: Record<string, number>) {
  console.log(`\n${title}`);
  for (const [type, count] of Object.entries(counts).sort()) {
    console.log(`  ${String(count).padStart(6)} ${type}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
