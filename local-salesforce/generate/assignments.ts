import { SObjectRecord } from '../dataset';
import { makeId } from '../ids';
import { GenerationContext } from './context';

/** Every tenth user also holds a permission set group. */
const GROUP_EVERY = 10;
/** Every seventh regular assignment expires, on one of these dates. */
const EXPIRING_EVERY = 7;
const EXPIRED = '2024-01-31T00:00:00.000+0000';
const EXPIRES_LATER = '2031-06-30T00:00:00.000+0000';

/**
 * Like a real org, every user holds the permission set owned by their
 * profile, plus `perUser` distinct regular permission sets; some hold a
 * permission set group (named with its aggregate permission set, as
 * Salesforce records it), and some assignments expire.
 */
export function createPermissionSetAssignments(
  users: SObjectRecord[],
  profileIndexes: Int32Array,
  profilePermissionSets: SObjectRecord[],
  regularPermissionSets: SObjectRecord[],
  groupAggregates: SObjectRecord[],
  perUser: number,
  context: GenerationContext,
): SObjectRecord[] {
  const assignments: SObjectRecord[] = [];
  const extra = Math.min(perUser, regularPermissionSets.length);
  const assign = (
    user: SObjectRecord,
    permissionSet: SObjectRecord,
    expirationDate: string | null = null,
  ) =>
    assignments.push({
      Id: makeId('PermissionSetAssignment', assignments.length),
      PermissionSetId: permissionSet.Id,
      PermissionSetGroupId: permissionSet.PermissionSetGroupId ?? null,
      AssigneeId: user.Id,
      ExpirationDate: expirationDate,
      IsActive: true,
      SystemModstamp: user.CreatedDate,
    });
  users.forEach((user, index) => {
    assign(user, profilePermissionSets[profileIndexes[index]]);
    for (const chosen of context.random.distinctInts(
      extra,
      regularPermissionSets.length,
    )) {
      const expiring = assignments.length % EXPIRING_EVERY === 0;
      const expirationDate = context.random.chance(0.5)
        ? EXPIRED
        : EXPIRES_LATER;
      assign(
        user,
        regularPermissionSets[chosen],
        expiring ? expirationDate : null,
      );
    }
    if (index % GROUP_EVERY === 0 && groupAggregates.length > 0) {
      assign(user, context.random.pick(groupAggregates));
    }
  });
  return assignments;
}
