import {
  PermissionFlags,
  SECURITY_PERMISSIONS,
  SecurityPermission,
} from './salesforce/permissions';

/**
 * Who holds which security permission, and through what. Permissions are
 * bits of a number, so a user's effective permissions are the OR of what
 * each of their grants holds.
 */
export type PermissionMask = number;

/** JavaScript's bitwise operators work on 32 bits: `1 << 32` is 1 again. */
const MASK_BITS = 32;
if (SECURITY_PERMISSIONS.length > MASK_BITS) {
  throw new Error(
    `${SECURITY_PERMISSIONS.length} security permissions do not fit the ${MASK_BITS} bits of a PermissionMask`,
  );
}

export function permissionMask(record: PermissionFlags): PermissionMask {
  return SECURITY_PERMISSIONS.reduce(
    (mask, permission, bit) =>
      record[`Permissions${permission}`] === true ? mask | (1 << bit) : mask,
    0,
  );
}

export function permissionsIn(mask: PermissionMask): SecurityPermission[] {
  if (mask === 0) return [];
  return SECURITY_PERMISSIONS.filter((_, bit) => (mask & (1 << bit)) !== 0);
}

/** A profile, permission set or group, as a source of permissions. */
export interface Grant {
  /** How the grant path names it, e.g. `Profile: System Administrator`. */
  path: string;
  mask: PermissionMask;
}

/** A permission set or group, which may need activation in a session. */
export interface PolicyGrant extends Grant {
  activationRequired: boolean;
}

/** A group as a grant, with where Salesforce is in calculating it. */
export interface GroupGrant extends PolicyGrant {
  /** Updated, or Outdated, Updating or Failed while not recalculated. */
  status: string | null;
}

/** One row of PermissionSetAssignment, as the users step needs it. */
export interface Assignment {
  /** The permission set, or the group when `group` is true. */
  targetId: string;
  group: boolean;
  expiresOn?: number;
  active: boolean;
}

/** A user's assignment of a permission set group: [user id, assignment]. */
export type GroupAssignment = [string, Assignment];

export function isExpired(assignment: Assignment, now: number): boolean {
  return assignment.expiresOn !== undefined && assignment.expiresOn <= now;
}

/**
 * A permission set group grants what its permission sets grant, less what
 * its muting permission set mutes.
 */
export function groupMask(
  componentMasks: PermissionMask[],
  mutedMask: PermissionMask,
): PermissionMask {
  return componentMasks.reduce((mask, part) => mask | part, 0) & ~mutedMask;
}

export interface EffectiveAccess {
  permissions: SecurityPermission[];
  /** For each permission held, the grants that give it. */
  grantedBy: Partial<Record<SecurityPermission, string[]>>;
  admin: boolean;
  privileged: boolean;
}

/**
 * Permissions common among ordinary users (the Standard User profile has
 * API Enabled, and many users may export reports or view setup): listed and
 * traced like the others, but holding them does not make a user privileged.
 */
const COMMON_PERMISSIONS: SecurityPermission[] = [
  'ApiEnabled',
  'ViewSetup',
  'ExportReport',
  'ViewAllUsers',
  'PasswordNeverExpires',
];

export function isPrivileged(permissions: SecurityPermission[]): boolean {
  return permissions.some((p) => !COMMON_PERMISSIONS.includes(p));
}

/** Each grant's permissions, worked out once however many hold it. */
const grantPermissions = new WeakMap<Grant, SecurityPermission[]>();

function permissionsOf(grant: Grant): SecurityPermission[] {
  let permissions = grantPermissions.get(grant);
  if (!permissions) {
    permissions = permissionsIn(grant.mask);
    grantPermissions.set(grant, permissions);
  }
  return permissions;
}

export function effectiveAccess(grants: Grant[]): EffectiveAccess {
  const grantedBy: EffectiveAccess['grantedBy'] = {};
  let held = 0;
  for (const grant of grants) {
    held |= grant.mask;
    for (const permission of permissionsOf(grant)) {
      (grantedBy[permission] ??= []).push(grant.path);
    }
  }
  const permissions = permissionsIn(held);
  return {
    permissions,
    grantedBy,
    admin: isAdmin(permissions),
    privileged: isPrivileged(permissions),
  };
}

/**
 * An admin can change anything in the org: Modify All Data alone allows
 * it, and Manage Users with Customize Application lets a user give
 * themselves any permission.
 */
export function isAdmin(permissions: SecurityPermission[]): boolean {
  const holds = (permission: SecurityPermission) =>
    permissions.includes(permission);
  return (
    holds('ModifyAllData') ||
    (holds('ManageUsers') && holds('CustomizeApplication'))
  );
}
