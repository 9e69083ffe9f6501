import {
  IntegrationStepExecutionContext,
  parseTimePropertyValue,
} from '@jupiterone/integration-sdk-core';
import { Assignment } from '../../access';
import { IntegrationConfig } from '../../config';
import { SalesforcePermissionSetAssignment } from '../../salesforce/objects';
import { queryObject } from '../collect';
import { ASSIGNMENTS_QUERY } from '../earlyReads';
import { StepLedger } from '../ledger';
import { MergeByUser } from './mergeByUser';
import { IdOrder } from './idOrder';
import { unmatchedRowCounter } from './unmatchedRows';

/**
 * An assignment of a permission set group names both the group and the
 * group's aggregate permission set (Type Group); the group is what the
 * user was given, so the assignment is to the group.
 */
export function toAssignment(
  row: SalesforcePermissionSetAssignment,
): Assignment {
  const group = row.PermissionSetGroupId;
  return {
    targetId: group ?? row.PermissionSetId,
    group: group !== null,
    expiresOn: parseTimePropertyValue(row.ExpirationDate),
    active: row.IsActive !== false,
  };
}

/**
 * Starts reading every permission set assignment, sorted by assignee, to
 * be matched with the users as they arrive (see MergeByUser).
 */
export function readAssignments(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  ledger: StepLedger,
  order: IdOrder,
): MergeByUser<SalesforcePermissionSetAssignment, Assignment> {
  const rows = queryObject<SalesforcePermissionSetAssignment>(context, {
    query: ASSIGNMENTS_QUERY,
  });
  return new MergeByUser(ledger.countingFetched(rows), order, {
    object: 'PermissionSetAssignment',
    userIdOf: (row) => row.AssigneeId,
    valueOf: toAssignment,
    onUnmatched: unmatchedRowCounter(context, ledger, 'assignments'),
  });
}
