import { OrgDataset, SObjectRecord } from './dataset';
import { createPermissionSetAssignments } from './generate/assignments';
import {
  createProfilePermissionSet,
  createProfiles,
  createRegularPermissionSet,
} from './generate/access';
import { createContext, GenerationContext } from './generate/context';
import {
  createGroupMembers,
  createOrganizationGroup,
  createRegularGroups,
  createRoleGroups,
} from './generate/groups';
import { createRoles } from './generate/roles';
import { createUserLogins, createUsers } from './generate/users';
import { makeId } from './ids';
import {
  createPermissionSetGroups,
  createTwoFactorMethods,
} from './generate/permission-set-groups';

export interface OrgSize {
  users: number;
  /** Default 50. */
  roles?: number;
  /** Default 20; each also owns one permission set. */
  profiles?: number;
  /** Regular permission sets, besides the profile-owned ones. Default 100. */
  permissionSets?: number;
  /** Regular permission sets per user, besides the profile's. Default 3. */
  assignmentsPerUser?: number;
  /** Public groups, besides the role and org-wide groups. Default users/20. */
  groups?: number;
  /** Default 10. */
  membersPerGroup?: number;
  /** Permission set groups; default 10. */
  permissionSetGroups?: number;
  /** Default 1; the same size and seed always yield the same org. */
  seed?: number;
}

export function resolveOrgSize(size: OrgSize): Required<OrgSize> {
  const resolved = {
    users: size.users,
    roles: size.roles ?? 50,
    profiles: size.profiles ?? 20,
    permissionSets: size.permissionSets ?? 100,
    assignmentsPerUser: size.assignmentsPerUser ?? 3,
    groups: size.groups ?? Math.floor(size.users / 20),
    membersPerGroup: size.membersPerGroup ?? 10,
    permissionSetGroups: size.permissionSetGroups ?? 10,
    seed: size.seed ?? 1,
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`Org size ${name} must be a whole number: ${value}`);
    }
  }
  if (resolved.users < 1 || resolved.profiles < 1) {
    throw new Error('An org needs at least one user and one profile');
  }
  return resolved;
}

/**
 * A deterministic org shaped like a real one: every reference resolves,
 * and records carry the fields a client selects (other schema fields are
 * served as null).
 */
export function generateOrg(size: OrgSize): OrgDataset {
  const plan = resolveOrgSize(size);
  const context = createContext(
    plan.seed,
    makeId('Organization', 0),
    makeId('User', 0),
  );
  const roles = createRoles(plan.roles, context);
  const profiles = createProfiles(plan.profiles, context);
  const { users, profileIndexes } = createUsers(
    plan.users,
    roles,
    profiles,
    context,
  );
  const profilePermissionSets = profiles.map(createProfilePermissionSet);
  const regularPermissionSets = createRegularPermissionSets(
    plan.permissionSets,
    profiles.length,
    context,
  );
  const accessGroups = createPermissionSetGroups(
    plan.permissionSetGroups,
    regularPermissionSets,
    profilePermissionSets.length + regularPermissionSets.length,
    context,
  );
  const roleGroups = createRoleGroups(roles, context);
  const organizationGroup = createOrganizationGroup(roleGroups.length, context);
  const regularGroups = createRegularGroups(
    plan.groups,
    roleGroups.length + 1,
    context,
  );
  return {
    Organization: [createOrganization(context)],
    UserRole: roles,
    Profile: profiles,
    User: users,
    PermissionSet: [
      ...profilePermissionSets,
      ...regularPermissionSets,
      ...accessGroups.aggregates,
    ],
    PermissionSetGroup: accessGroups.groups,
    MutingPermissionSet: accessGroups.mutings,
    PermissionSetGroupComponent: accessGroups.components,
    PermissionSetAssignment: createPermissionSetAssignments(
      users,
      profileIndexes,
      profilePermissionSets,
      regularPermissionSets,
      accessGroups.aggregates,
      plan.assignmentsPerUser,
      context,
    ),
    TwoFactorMethodsInfo: createTwoFactorMethods(users, context),
    Group: [...roleGroups, organizationGroup, ...regularGroups],
    GroupMember: createGroupMembers(
      regularGroups,
      users,
      plan.membersPerGroup,
      context,
    ),
    UserLogin: createUserLogins(users, context),
  };
}

function createRegularPermissionSets(
  count: number,
  firstIndex: number,
  context: GenerationContext,
): SObjectRecord[] {
  const permissionSets: SObjectRecord[] = [];
  for (let ordinal = 0; ordinal < count; ordinal++) {
    permissionSets.push(
      createRegularPermissionSet(ordinal, firstIndex + ordinal, context),
    );
  }
  return permissionSets;
}

function createOrganization(context: GenerationContext): SObjectRecord {
  return {
    Id: context.orgId,
    Name: 'Example Co',
    Division: null,
    OrganizationType: 'Enterprise Edition',
    InstanceName: 'USA758S',
    IsSandbox: false,
    Country: 'AR',
    DefaultLocaleSidKey: 'en_US',
    LanguageLocaleKey: 'en_US',
    TimeZoneSidKey: 'America/Argentina/Buenos_Aires',
    NamespacePrefix: null,
    TrialExpirationDate: null,
    CreatedDate: context.stamp(0),
    LastModifiedDate: context.stamp(0),
    SystemModstamp: context.stamp(0),
  };
}

export { countRecords } from './dataset';
