import {
  PermissionFlags,
  SECURITY_PERMISSIONS,
  SecurityPermission,
} from './salesforce/permissions';

/** `ModifyAllData` → `modifyAllData`, the entity property for the flag. */
export function permissionProperty(permission: SecurityPermission): string {
  return permission.charAt(0).toLowerCase() + permission.slice(1);
}

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
  return Object.fromEntries(
    SECURITY_PERMISSIONS.map((permission) => [
      permissionProperty(permission),
      record[`Permissions${permission}`] === true,
    ]),
  );
}
