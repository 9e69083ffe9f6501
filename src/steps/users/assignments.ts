import { parseTimePropertyValue } from '@jupiterone/integration-sdk-core';
import { Assignment } from '../../access';
import { SalesforcePermissionSetAssignment } from '../../salesforce/objects';

/**
 * An assignment of a permission set group names both the group and the
 * group's aggregate permission set (Type Group); the group is what the
 * user was given, so the assignment is to the group.
 */
export function toAssignment(
  row: SalesforcePermissionSetAssignment,
  shareId: (id: string) => string = (id) => id,
): Assignment {
  const group = row.PermissionSetGroupId;
  return {
    targetId: shareId(group ?? row.PermissionSetId),
    group: group !== null,
    expiresOn: parseTimePropertyValue(row.ExpirationDate),
    active: row.IsActive !== false,
  };
}
