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
import { hasHiddenProfile } from './converter';

/**
 * What the steps before the users left to decide what each user may do.
 * A source that is missing was not collected (its step failed).
 */
export interface AccessSources {
  profiles?: Record<string, Grant>;
  permissionSets?: Record<string, PolicyGrant>;
  groups?: Record<string, PolicyGrant>;
}

export async function readAccessSources(
  jobState: JobState,
): Promise<AccessSources> {
  return {
    profiles: await jobState.getData(DataKeys.PROFILE_GRANTS),
    permissionSets: await jobState.getData(DataKeys.PERMISSION_SET_GRANTS),
    groups: await jobState.getData(DataKeys.PERMISSION_SET_GROUP_GRANTS),
  };
}

/** Why a user's privileges cannot be worked out, and what is missing. */
export interface UnknownPrivileges {
  reason: string;
  /**
   * The profile, permission sets or permission set groups not known, each
   * named with its kind (`permission set 0PS…`): a user may lack several.
   */
  missing?: string[];
}

/**
 * Why the user's privileges cannot be worked out, if they cannot: their
 * profile, or an unexpired permission set or permission set group they
 * hold, is unknown. Such a user is left out of the run, so that JupiterOne
 * keeps what it had of them rather than store privileges that are too
 * low, or too high. Salesforce hides the profiles of some of its own
 * users from the Profile query (hasHiddenProfile): such a user is not held
 * back for their profile, and their privileges include it only where the
 * run collected it.
 */
export function unknownPrivileges(
  user: SalesforceUser,
  assignments: Assignment[],
  sources: AccessSources,
  now: number,
): UnknownPrivileges | undefined {
  // The first reason names the user's case; every id missing is listed, so
  // that one run names all an administrator has to look at. Nothing is
  // allocated for the users whose privileges are known, nearly all.
  let found = unknownProfile(user, sources);
  for (const assignment of assignments) {
    if (isExpired(assignment, now)) continue;
    const unknown = unknownAssignment(assignment, sources);
    if (!unknown) continue;
    found = found
      ? {
          reason: found.reason,
          missing: [...(found.missing ?? []), ...(unknown.missing ?? [])],
        }
      : unknown;
  }
  return found;
}

function unknownProfile(
  user: SalesforceUser,
  sources: AccessSources,
): UnknownPrivileges | undefined {
  if (hasHiddenProfile(user)) return undefined;
  if (!user.ProfileId) {
    return { reason: 'Salesforce gave them no profile' };
  }
  if (!sources.profiles) {
    return { reason: 'profiles were not collected' };
  }
  if (!sources.profiles[user.ProfileId]) {
    return {
      reason:
        'their profile was not collected (created during the run, and there next time; or hidden from the integration user, who needs View Setup and Configuration)',
      missing: [`profile ${user.ProfileId}`],
    };
  }
  return undefined;
}

function unknownAssignment(
  assignment: Assignment,
  sources: AccessSources,
): UnknownPrivileges | undefined {
  if (grantOf(assignment, sources)) return undefined;
  if (assignment.group) {
    return {
      reason: 'they hold a permission set group whose permissions are unknown',
      missing: [`permission set group ${assignment.targetId}`],
    };
  }
  if (!sources.permissionSets) {
    return { reason: 'permission sets were not collected' };
  }
  return {
    reason:
      'they hold a permission set that was not collected (created or deleted while the run read them, which the next run will see as it is; or hidden from the integration user, who needs View Setup and Configuration)',
    missing: [`permission set ${assignment.targetId}`],
  };
}

/** The assignments that count: those not expired. */
function inForce(assignments: Assignment[], now: number): Assignment[] {
  return assignments.filter((assignment) => !isExpired(assignment, now));
}

function grantOf(
  { group, targetId }: Assignment,
  sources: AccessSources,
): PolicyGrant | undefined {
  return group
    ? sources.groups?.[targetId]
    : sources.permissionSets?.[targetId];
}

/**
 * The user's effective privileges: their profile's, and those of every
 * permission set and group assigned to them that has not expired.
 *
 * The assigned grants are put in order of their path: Salesforce returns a
 * user's assignments in no set order, and the `GrantedBy` lists would
 * otherwise change from run to run in an unchanged org.
 */
export function userAccess(
  user: SalesforceUser,
  assignments: Assignment[],
  sources: AccessSources,
  now: number,
): EffectiveAccess {
  const assigned: Grant[] = [];
  for (const assignment of inForce(assignments, now)) {
    const grant = grantOf(assignment, sources);
    if (grant) assigned.push(grant);
  }
  assigned.sort(byPath);
  const profile = user.ProfileId && sources.profiles?.[user.ProfileId];
  return effectiveAccess(profile ? [profile, ...assigned] : assigned);
}

function byPath(a: Grant, b: Grant): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
