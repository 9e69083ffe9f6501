import { JobState } from '@jupiterone/integration-sdk-core';
import {
  Assignment,
  EffectiveAccess,
  effectiveAccess,
  Grant,
  isExpired,
  PolicyGrant,
} from '../../access';
import { DataKeys } from '../../constants';
import { SalesforceUser } from '../../salesforce/objects';

/**
 * What the steps before the users left to decide what each user may do.
 * A source that is missing was not collected (its step failed).
 */
export interface AccessSources {
  profiles?: Record<string, Grant>;
  permissionSets?: Record<string, PolicyGrant>;
  groups?: Record<string, PolicyGrant>;
  profileOwnedPermissionSets?: string[];
}

/** A user's assignment of a permission set group: [user id, assignment]. */
export type GroupAssignment = [string, Assignment];

export async function readAccessSources(
  jobState: JobState,
): Promise<AccessSources> {
  return {
    profiles: await jobState.getData(DataKeys.PROFILE_GRANTS),
    permissionSets: await jobState.getData(DataKeys.PERMISSION_SET_GRANTS),
    groups: await jobState.getData(DataKeys.PERMISSION_SET_GROUP_GRANTS),
    profileOwnedPermissionSets: await jobState.getData(
      DataKeys.PROFILE_OWNED_PERMISSION_SETS,
    ),
  };
}

/**
 * Why the user's privileges cannot be worked out, if they cannot: their
 * profiles were not collected, or a permission set or permission set group
 * they hold (unexpired) is unknown. Such a user is left out of the run, so
 * that JupiterOne keeps what it had of them rather than store privileges
 * that are too low, or too high.
 */
export function unknownPrivileges(
  user: SalesforceUser,
  assignments: Assignment[],
  sources: AccessSources,
  now: number,
): string | undefined {
  if (user.ProfileId && !sources.profiles) {
    return 'profiles were not collected';
  }
  for (const assignment of assignments) {
    if (isExpired(assignment, now)) continue;
    if (assignment.group && !sources.groups?.[assignment.targetId]) {
      return 'holds a permission set group whose permissions are unknown';
    }
    if (!assignment.group && !sources.permissionSets?.[assignment.targetId]) {
      return 'holds a permission set that was not collected';
    }
  }
  return undefined;
}

/**
 * The user's effective privileges: their profile's, and those of every
 * permission set and group assigned to them that has not expired.
 */
export function userAccess(
  user: SalesforceUser,
  assignments: Assignment[],
  sources: AccessSources,
  now: number,
): EffectiveAccess {
  const grants: Grant[] = [];
  const profile = user.ProfileId && sources.profiles?.[user.ProfileId];
  if (profile) grants.push(profile);
  for (const assignment of assignments) {
    if (isExpired(assignment, now)) continue;
    const grant = assignment.group
      ? sources.groups?.[assignment.targetId]
      : sources.permissionSets?.[assignment.targetId];
    if (grant) grants.push(grant);
  }
  return effectiveAccess(grants);
}
