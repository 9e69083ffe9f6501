import { generateOrg } from '../local-salesforce/generate';
import { expectedGraph } from '../scripts/lib/expectedGraph';
import { minimumApiCalls, rowsServed } from '../scripts/lib/floors';
import { ASSIGNMENTS_QUERY } from '../src/steps/earlyReads';
import { localInstanceConfig, useLocalOrg } from './localOrg';
import { runIntegration } from './runIntegration';

/**
 * More than 10,000 rows in each join object (the public integration stopped
 * silently at 10,000 rows per object), and more than one 2000-record page
 * of every object that grows with the org.
 */
const dataset = generateOrg({
  users: 3_000,
  roles: 2_100,
  profiles: 30,
  permissionSets: 2_100,
  assignmentsPerUser: 4,
  groups: 1_050,
  membersPerGroup: 10,
});

const org = useLocalOrg({ dataset });

test('a generated org with over 10,000 rows per join object arrives complete, in the fewest calls plus one', async () => {
  // Rows served: the profiles' own assignments stay on the server.
  expect(rowsServed(dataset, ASSIGNMENTS_QUERY)).toBeGreaterThan(10_000);
  expect(dataset.GroupMember.length).toBeGreaterThan(10_000);
  const callsBefore = org().calls.total;

  const run = await runIntegration(localInstanceConfig(org()));

  const expected = expectedGraph(dataset);
  expect(run.steps.filter((step) => step.status !== 'success')).toEqual([]);
  expect(run.entities).toEqual(expected.entities);
  expect(run.relationships).toEqual(expected.relationships);
  // 1 token + Organization 1, UserRole 2, Profile 1, PermissionSet 2,
  // User 2, Group 3, GroupMember 6, PermissionSetAssignment 7 (12,300
  // rows of 15,300, the profiles' own left on the server), and one each
  // for PermissionSetGroup, its components, MutingPermissionSet,
  // TwoFactorMethodsInfo and UserLogin (30 frozen users): 30 at the least.
  // One call more checks that the org offers the configured API version.
  expect(minimumApiCalls(dataset)).toBe(30);
  expect(org().calls.total - callsBefore).toBe(31);
});
