import { SObjectRecord } from '../dataset';
import { makeId } from '../ids';
import { GenerationContext } from './context';

/**
 * Like a real org, every user holds the permission set owned by their
 * profile, plus `perUser` distinct regular permission sets.
 */
export function createPermissionSetAssignments(
  users: SObjectRecord[],
  profileIndexes: Int32Array,
  profilePermissionSets: SObjectRecord[],
  regularPermissionSets: SObjectRecord[],
  perUser: number,
  context: GenerationContext,
): SObjectRecord[] {
  const assignments: SObjectRecord[] = [];
  const extra = Math.min(perUser, regularPermissionSets.length);
  const assign = (user: SObjectRecord, permissionSet: SObjectRecord) =>
    assignments.push({
      Id: makeId('PermissionSetAssignment', assignments.length),
      PermissionSetId: permissionSet.Id,
      PermissionSetGroupId: null,
      AssigneeId: user.Id,
      SystemModstamp: user.CreatedDate,
    });
  users.forEach((user, index) => {
    assign(user, profilePermissionSets[profileIndexes[index]]);
    for (const chosen of context.random.distinctInts(
      extra,
      regularPermissionSets.length,
    )) {
      assign(user, regularPermissionSets[chosen]);
    }
  });
  return assignments;
}
