/**
 * What the graph of the built-in dev org must hold, counted by hand from
 * local-salesforce/data/dev-org (see its README for the rows added to the
 * recording):
 * - 7 users, 19 roles, 39 profiles, 78 permission sets (75 recorded, 3
 *   added), 11 permission set groups, 1 muting permission set, 41 groups
 *   (19 Role, 19 RoleAndSubordinates, 1 Organization, 2 Regular), 1
 *   Organization.
 * - Only Morgan Lee has a role. 4 users have a profile the Profile query
 *   returns: the profiles of the AutomatedProcess (2 users) and
 *   CloudIntegrationUser users are hidden from it.
 * - 18 roles have a parent (CEO is the root).
 * - 39 permission sets are owned by a profile, each by a profile present.
 * - The 38 role groups each point at a role.
 * - GroupMember: group1 holds 3 users; groupHasGroup holds group1.
 * - Of 8 assignments, 4 are of profile-owned permission sets (carried by
 *   user HAS profile), 3 of permission sets (Experience Profile Manager,
 *   User Manager, Data Admin) and 1 of a group (Data Admin Group).
 * - 13 group components: 11 permission sets, 1 muting permission set, 1
 *   without a permission set.
 * - Only Morgan Lee is a person (the others are system users or have a
 *   no-reply address).
 */
export const DEV_ORG_ENTITIES = {
  salesforce_account: 1,
  salesforce_user: 7,
  salesforce_user_role: 19,
  salesforce_profile: 39,
  salesforce_permission_set: 78,
  salesforce_permission_set_group: 11,
  salesforce_muting_permission_set: 1,
  salesforce_group: 41,
};

export const DEV_ORG_RELATIONSHIPS = {
  salesforce_account_has_user: 7,
  salesforce_account_has_user_role: 19,
  salesforce_account_has_profile: 39,
  salesforce_account_has_permission_set: 78,
  salesforce_account_has_permission_set_group: 11,
  salesforce_account_has_group: 41,
  salesforce_user_assigned_user_role: 1,
  salesforce_user_has_profile: 4,
  salesforce_user_role_contains_user_role: 18,
  salesforce_profile_has_permission_set: 39,
  salesforce_permission_set_group_has_permission_set: 11,
  salesforce_permission_set_group_has_muting_permission_set: 1,
  salesforce_group_assigned_user_role: 38,
  salesforce_group_has_user: 3,
  salesforce_group_has_group: 1,
  salesforce_user_assigned_permission_set: 3,
  salesforce_user_assigned_permission_set_group: 1,
  salesforce_user_is_person: 1,
};
