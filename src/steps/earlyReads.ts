import { IntegrationStepExecutionContext } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig, SalesforceSettings } from '../config';
import { DataKeys } from '../constants';
import { getSalesforceClient } from '../execution';
import { Query } from '../salesforce/client';
import {
  GROUP_MEMBER_FIELDS,
  PERMISSION_SET_ASSIGNMENT_FIELDS,
  PERMISSION_SET_GROUP_COMPONENT_FIELDS,
  PERMISSION_SET_GROUP_FIELDS,
  TWO_FACTOR_METHODS_INFO_FIELDS,
  USER_FIELDS,
  USER_LOGIN_FIELDS,
} from '../salesforce/objects';
import { clientLog } from './operatorLog';

/*
 * The queries a step before theirs starts reading (SalesforceClient.
 * startEarly), so that their own step starts with pages in hand instead of
 * waiting for Salesforce. They live here rather than in their steps'
 * folders so that no step folder imports another.
 */

/** The configured role and profile filters both apply. */
export function usersQuery(settings: SalesforceSettings): Query {
  return {
    object: 'User',
    fields: USER_FIELDS,
    filters: [
      { field: 'UserRoleId', ids: settings.userRoleIds },
      { field: 'ProfileId', ids: settings.userProfileIds },
    ],
    orderBy: 'Id',
  };
}

/**
 * Every user holds their profile's own permission set, and the graph says
 * so once, through user HAS profile HAS permission set: those rows, one per
 * user, are left on the server. (Those of the users whose profiles
 * Salesforce hides would otherwise name a permission set the run cannot
 * see, and withhold them.)
 */
export const ASSIGNMENTS_QUERY: Query = {
  object: 'PermissionSetAssignment',
  fields: PERMISSION_SET_ASSIGNMENT_FIELDS,
  conditions: ['PermissionSet.IsOwnedByProfile = false'],
  orderBy: 'AssigneeId',
};

/** UserId may be null, in Salesforce's words: such a row describes no user. */
export const SECOND_FACTORS_QUERY: Query = {
  object: 'TwoFactorMethodsInfo',
  fields: TWO_FACTOR_METHODS_INFO_FIELDS,
  conditions: ['UserId != null'],
  orderBy: 'UserId',
};

/**
 * A frozen user cannot log in but is still active. Only their rows are
 * read: few in any org, where every user has one. UserId may be null, in
 * Salesforce's words; such a row describes no user. (IsPasswordLocked is
 * left out: a lockout after failed logins ends by itself, often within
 * the hour, and would change the graph from run to run.)
 */
export const FROZEN_USERS_QUERY: Query = {
  object: 'UserLogin',
  fields: USER_LOGIN_FIELDS,
  conditions: ['IsFrozen = true', 'UserId != null'],
  orderBy: 'UserId',
};

export const PERMISSION_SET_GROUPS_QUERY: Query = {
  object: 'PermissionSetGroup',
  fields: PERMISSION_SET_GROUP_FIELDS,
};

export const PERMISSION_SET_GROUP_COMPONENTS_QUERY: Query = {
  object: 'PermissionSetGroupComponent',
  fields: PERMISSION_SET_GROUP_COMPONENT_FIELDS,
};

export const GROUP_MEMBERS_QUERY: Query = {
  object: 'GroupMember',
  fields: GROUP_MEMBER_FIELDS,
};

/**
 * What a permission set group grants comes from the permission sets and
 * the muting permission sets, so the groups' step follows theirs; its two
 * queries need nothing from them, and the profiles step starts them, so
 * that the groups' step has them in hand.
 */
export function startReadingPermissionSetGroups(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): void {
  const client = getSalesforceClient(context);
  client.startEarly(PERMISSION_SET_GROUPS_QUERY, clientLog(context.logger));
  client.startEarly(
    PERMISSION_SET_GROUP_COMPONENTS_QUERY,
    clientLog(context.logger),
  );
}

/**
 * The users, their permission set assignments, their second factors and
 * which of them are frozen need nothing from the steps before the users
 * step, which needs them all at once: the permission sets step starts
 * reading them, a bounded number of pages each. A run without the users
 * step (`--step fetch-permission-sets`) still spends those few calls: a
 * step cannot tell which others will run.
 *
 * Limitation: the first step could start them, one or two round trips
 * sooner (0.1 s at 20,000 users with 50 ms of latency, within the
 * benchmark machine's noise). That was held back while Salesforce let a
 * user keep ten cursors open, the oldest released first; it has not
 * limited them since API 56.0, but the benchmark's latency floor reads
 * them in this order, and moving them means redefining it too.
 */
export function startReadingUsers(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): void {
  const client = getSalesforceClient(context);
  const log = clientLog(context.logger);
  // A page of users takes far longer to convert than to fetch, and needs
  // about a page of second factors but four or more of assignments.
  client.startEarly(usersQuery(client.settings), log, { pages: 2 });
  client.startEarly(SECOND_FACTORS_QUERY, log, { pages: 2 });
  client.startEarly(FROZEN_USERS_QUERY, log, { pages: 2 });
  client.startEarly(ASSIGNMENTS_QUERY, log);
}

/**
 * Group members are linked once the users are in the graph, but their
 * pages need not wait: the users step starts reading them, all of them,
 * while it runs, and the group members step takes those pages first. The
 * pages beyond the first ten wait on disk, so that memory stays the same
 * whatever the number of members. Nothing is read when the groups were not
 * collected: the step would not use it. A run of the users step without
 * the group members step (`--step fetch-users`) still reads them all.
 */
export async function startReadingGroupMembers(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  if (await context.jobState.getData<boolean>(DataKeys.GROUPS_COLLECTED)) {
    getSalesforceClient(context).startEarly(
      GROUP_MEMBERS_QUERY,
      clientLog(context.logger),
      { toTheEnd: true },
    );
  }
}
