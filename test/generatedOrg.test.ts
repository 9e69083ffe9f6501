import { generateOrg } from '../local-salesforce/generate';
import { countByType, localInstanceConfig, useLocalOrg } from './localOrg';
import { runAllSteps } from './runAllSteps';

/**
 * An org of more than one page (2000 records) of every object that grows
 * with the org (all but Organization and Profile), with more
 * than 10,000 permission set assignments: the public integration stopped
 * silently at 10,000 rows.
 */
const dataset = generateOrg({
  users: 3_000,
  roles: 2_100,
  profiles: 30,
  permissionSets: 2_100,
  assignmentsPerUser: 3,
  groups: 300,
  membersPerGroup: 10,
});

const org = useLocalOrg({ dataset });

function profileOwnedIds() {
  return new Set(
    dataset.PermissionSet.filter((ps) => ps.IsOwnedByProfile).map(
      (ps) => ps.Id,
    ),
  );
}

test('a generated org of several pages per object arrives complete', async () => {
  expect(dataset.PermissionSetAssignment.length).toBeGreaterThan(10_000);
  expect(dataset.GroupMember.length).toBeGreaterThan(2_000);

  const jobState = await runAllSteps(localInstanceConfig(org()));

  const profileOwned = profileOwnedIds();
  const membersOfType = (prefix: string) =>
    dataset.GroupMember.filter((member) =>
      String(member.UserOrGroupId).startsWith(prefix),
    ).length;
  expect(countByType(jobState.collectedEntities)).toEqual({
    salesforce_account: 1,
    salesforce_user: dataset.User.length,
    salesforce_user_role: dataset.UserRole.length,
    salesforce_profile: dataset.Profile.length,
    salesforce_permission_set: dataset.PermissionSet.length,
    salesforce_group: dataset.Group.length,
  });
  expect(countByType(jobState.collectedRelationships)).toMatchObject({
    salesforce_account_has_user: dataset.User.length,
    salesforce_user_assigned_permission_set:
      dataset.PermissionSetAssignment.filter(
        (assignment) => !profileOwned.has(String(assignment.PermissionSetId)),
      ).length,
    salesforce_group_has_user: membersOfType('005'),
    salesforce_group_has_group: membersOfType('00G'),
    salesforce_user_has_profile: dataset.User.length,
    salesforce_profile_has_permission_set: profileOwned.size,
    salesforce_user_role_contains_user_role: dataset.UserRole.filter(
      (role) => role.ParentRoleId,
    ).length,
  });
});
