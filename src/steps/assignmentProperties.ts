import { Assignment, isExpired, PolicyGrant } from '../access';

/**
 * What an assignment says about a grant, as relationship properties: when
 * it ends, whether it is active, and whether the user must activate the
 * permission set or group in a session before it applies.
 */
export function assignmentProperties(
  assignment: Assignment,
  grant: PolicyGrant | undefined,
  now: number,
) {
  return {
    expirationDate: assignment.expiresOn,
    expired: isExpired(assignment, now),
    active: assignment.active,
    activationRequired: grant?.activationRequired === true,
  };
}
