/**
 * A component of a permission set group is one of its permission sets, or
 * the group's muting permission set; the id's key prefix says which (0QM
 * for MutingPermissionSet).
 */
export function componentKind(
  permissionSetId: string | null,
): 'permission-set' | 'muting' | null {
  if (!permissionSetId) return null;
  return permissionSetId.startsWith('0QM') ? 'muting' : 'permission-set';
}
