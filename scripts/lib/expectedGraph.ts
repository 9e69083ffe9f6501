import { OrgDataset, SObjectRecord } from '../../local-salesforce/dataset';

const ROLE_GROUP_TYPES = [
  'Role',
  'RoleAndSubordinates',
  'RoleAndSubordinatesInternal',
];

/**
 * What a complete collection of a served org must hold, per `_type`,
 * counted straight from the server's rows: the yardstick of completeness.
 */
export function expectedGraph(dataset: OrgDataset) {
  const rows = (object: string) => dataset[object] ?? [];
  const ids = (object: string) => new Set(rows(object).map((row) => row.Id));
  const [users, roles, profiles, permissionSets, groups] = [
    'User',
    'UserRole',
    'Profile',
    'PermissionSet',
    'Group',
  ].map(ids);
  const profileOwned = new Set(
    rows('PermissionSet')
      .filter((ps) => ps.IsOwnedByProfile && profiles.has(String(ps.ProfileId)))
      .map((ps) => ps.Id),
  );
  const count = (object: string, predicate: (row: SObjectRecord) => boolean) =>
    rows(object).filter(predicate).length;
  const has = (set: Set<string>, value: unknown) => set.has(String(value));

  const groupSets = ids('PermissionSetGroup');
  const mutings = ids('MutingPermissionSet');
  const components = (predicate: (member: string) => boolean) =>
    count(
      'PermissionSetGroupComponent',
      (c) =>
        has(groupSets, c.PermissionSetGroupId) &&
        predicate(String(c.PermissionSetId)),
    );
  const entities = {
    salesforce_account: rows('Organization').length,
    salesforce_user: users.size,
    salesforce_user_role: roles.size,
    salesforce_profile: profiles.size,
    salesforce_permission_set: permissionSets.size,
    salesforce_group: groups.size,
    salesforce_permission_set_group: groupSets.size,
    salesforce_muting_permission_set: mutings.size,
  };
  const relationships = {
    salesforce_account_has_user: users.size,
    salesforce_account_has_user_role: roles.size,
    salesforce_account_has_profile: profiles.size,
    salesforce_account_has_permission_set: permissionSets.size,
    salesforce_account_has_group: groups.size,
    salesforce_user_assigned_user_role: count('User', (u) =>
      has(roles, u.UserRoleId),
    ),
    salesforce_user_has_profile: count('User', (u) =>
      has(profiles, u.ProfileId),
    ),
    salesforce_user_role_contains_user_role: count('UserRole', (r) =>
      has(roles, r.ParentRoleId),
    ),
    salesforce_profile_has_permission_set: profileOwned.size,
    salesforce_group_assigned_user_role: count(
      'Group',
      (g) =>
        ROLE_GROUP_TYPES.includes(String(g.Type)) && has(roles, g.RelatedId),
    ),
    salesforce_group_has_user: count(
      'GroupMember',
      (m) => has(groups, m.GroupId) && has(users, m.UserOrGroupId),
    ),
    salesforce_group_has_group: count(
      'GroupMember',
      (m) => has(groups, m.GroupId) && has(groups, m.UserOrGroupId),
    ),
    salesforce_user_assigned_permission_set: count(
      'PermissionSetAssignment',
      (a) =>
        !a.PermissionSetGroupId &&
        has(users, a.AssigneeId) &&
        has(permissionSets, a.PermissionSetId) &&
        !profileOwned.has(String(a.PermissionSetId)),
    ),
    salesforce_user_assigned_permission_set_group: count(
      'PermissionSetAssignment',
      (a) => has(users, a.AssigneeId) && has(groupSets, a.PermissionSetGroupId),
    ),
    salesforce_account_has_permission_set_group: groupSets.size,
    salesforce_permission_set_group_has_permission_set: components((m) =>
      permissionSets.has(m),
    ),
    salesforce_permission_set_group_has_muting_permission_set: components((m) =>
      mutings.has(m),
    ),
    salesforce_user_is_person: rows('User').filter(isPerson).length,
  };
  return { entities: nonZero(entities), relationships: nonZero(relationships) };
}

/**
 * Who is a person, written apart from the integration's own rule so that
 * the yardstick can disagree with it: a licence whose holders' addresses
 * the org vouches for (not a portal or self-service user's), and an
 * address with a dotted domain that is not a no-reply mailbox.
 */
const PERSON_USER_TYPES = ['Standard', 'CsnOnly'];
const NO_REPLY_MAILBOXES = [
  'noreply',
  'no-reply',
  'donotreply',
  'do-not-reply',
];

function isPerson(user: SObjectRecord): boolean {
  const [mailbox, domain = ''] = String(user.Email ?? '')
    .trim()
    .toLowerCase()
    .replace(/\.invalid$/, '') // a sandbox's copy of the address
    .split('@');
  return (
    PERSON_USER_TYPES.includes(String(user.UserType)) &&
    domain.includes('.') &&
    !NO_REPLY_MAILBOXES.includes(mailbox)
  );
}

/** A type with nothing in it does not appear in the graph. */
function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}
