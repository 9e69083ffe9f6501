import { PermissionMask, permissionsIn } from './access';
import {
  PermissionFlags,
  SECURITY_PERMISSIONS,
  SecurityPermission,
} from './salesforce/permissions';

/** `ModifyAllData` → `modifyAllData`, the entity property for the flag. */
export function permissionProperty(permission: SecurityPermission): string {
  return permission.charAt(0).toLowerCase() + permission.slice(1);
}

const GRANTED_BY_PROPERTY = Object.fromEntries(
  SECURITY_PERMISSIONS.map((permission) => [
    permission,
    `${permissionProperty(permission)}GrantedBy`,
  ]),
) as Record<SecurityPermission, string>;

/**
 * `ModifyAllData` → `modifyAllDataGrantedBy`, what gives a user the flag;
 * worked out once, since every user's properties are named by it.
 */
export function grantedByProperty(permission: SecurityPermission): string {
  return GRANTED_BY_PROPERTY[permission];
}

export const grantedByPropertySchema = Object.fromEntries(
  SECURITY_PERMISSIONS.map((permission) => [
    grantedByProperty(permission),
    { type: 'array', items: { type: 'string' } },
  ]),
);

export const permissionPropertySchema = Object.fromEntries(
  SECURITY_PERMISSIONS.map((permission) => [
    permissionProperty(permission),
    { type: 'boolean' },
  ]),
);

/**
 * The security permissions a profile or permission set record grants, as
 * entity properties: a flag that is not `true` (null included) is false.
 */
export function permissionProperties(
  record: PermissionFlags,
): Record<string, boolean> {
  return propertiesOf(
    (permission) => record[`Permissions${permission}`] === true,
  );
}

/** The security permissions of a mask, as entity properties. */
export function maskProperties(mask: PermissionMask): Record<string, boolean> {
  const granted = new Set(permissionsIn(mask));
  return propertiesOf((permission) => granted.has(permission));
}

function propertiesOf(
  granted: (permission: SecurityPermission) => boolean,
): Record<string, boolean> {
  return Object.fromEntries(
    SECURITY_PERMISSIONS.map((permission) => [
      permissionProperty(permission),
      granted(permission),
    ]),
  );
}
