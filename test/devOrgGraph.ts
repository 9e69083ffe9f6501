/**
 * What the graph of the recorded dev org must hold, counted by hand from
 * local-salesforce/data/dev-org:
 * - 7 users, 19 roles, 39 profiles, 75 permission sets, 41 groups (19 Role,
 *   19 RoleAndSubordinates, 1 Organization, 2 Regular), 1 Organization.
 * - Only Morgan Lee has a role. 4 users have a profile the Profile query
 *   returns: the profiles of the AutomatedProcess (2 users) and
 *   CloudIntegrationUser users are hidden from it.
 * - 18 roles have a parent (CEO is the root).
 * - 39 permission sets are owned by a profile, each by a profile present.
 * - The 38 role groups each point at a role.
 * - GroupMember: group1 holds 3 users; groupHasGroup holds group1.
 * - Of 5 assignments, 4 are of profile-owned permission sets (carried by
 *   user HAS profile) and 1 of Experience Profile Manager.
 */
export const DEV_ORG_ENTITIES = {
  salesforce_account: 1,
  salesforce_user: 7,
  salesforce_user_role: 19,
  salesforce_profile: 39,
  salesforce_permission_set: 75,
  salesforce_group: 41,
};

export const DEV_ORG_RELATIONSHIPS = {
  salesforce_account_has_user: 7,
  salesforce_account_has_user_role: 19,
  salesforce_account_has_profile: 39,
  salesforce_account_has_permission_set: 75,
  salesforce_account_has_group: 41,
  salesforce_user_assigned_user_role: 1,
  salesforce_user_has_profile: 4,
  salesforce_user_role_contains_user_role: 18,
  salesforce_profile_has_permission_set: 39,
  salesforce_group_assigned_user_role: 38,
  salesforce_group_has_user: 3,
  salesforce_group_has_group: 1,
  salesforce_user_assigned_permission_set: 1,
};
