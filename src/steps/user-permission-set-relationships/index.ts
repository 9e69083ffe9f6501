import {
  IntegrationStep,
  IntegrationStepExecutionContext,
  Relationship,
} from '@jupiterone/integration-sdk-core';
import { Assignment, PolicyGrant } from '../../access';
import { filtersUsers, IntegrationConfig } from '../../config';
import { DataKeys, Relationships, Steps, USERS_GRAPH } from '../../constants';
import { getSalesforceClient } from '../../execution';
import { defined, StepLedger } from '../ledger';
import { assignmentProperties } from './converter';
import { incompleteStepError } from '../incomplete';

/** Relationships are added in batches of about one query page. */
const BATCH_SIZE = 2000;

/**
 * Links users to the permission sets and groups assigned to them, from the
 * assignments read before the users, and then lets those go.
 */
export async function buildUserPermissionSetRelationships(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState } = context;
  const assignments = await jobState.getData<Map<string, Assignment[]>>(
    DataKeys.ASSIGNMENTS_BY_USER,
  );
  const permissionSets = await jobState.getData<Record<string, PolicyGrant>>(
    DataKeys.PERMISSION_SET_GRANTS,
  );
  if (!assignments || !permissionSets) {
    throw incompleteStepError(
      'Permission sets or their assignments were not collected (see the failed steps)',
    );
  }
  const grants = {
    permissionSets,
    groups: await jobState.getData<Record<string, PolicyGrant>>(
      DataKeys.PERMISSION_SET_GROUP_GRANTS,
    ),
  };
  const ledger = new StepLedger(context, 'PermissionSetAssignment');
  const usersFiltered = filtersUsers(getSalesforceClient(context).settings);
  const now = Date.now();
  let batch: (Relationship | undefined)[] = [];
  for (const [userId, userAssignments] of assignments) {
    if (usersFiltered && !ledger.has(userId)) {
      userAssignments.forEach(() =>
        ledger.omit('assignee outside the configured user filters'),
      );
      continue;
    }
    for (const assignment of userAssignments) {
      const grant = assignment.group
        ? grants.groups?.[assignment.targetId]
        : grants.permissionSets[assignment.targetId];
      batch.push(
        ledger.relate(
          assignment.group
            ? Relationships.USER_ASSIGNED_PERMISSION_SET_GROUP
            : Relationships.USER_ASSIGNED_PERMISSION_SET,
          userId,
          assignment.targetId,
          assignmentProperties(assignment, grant, now),
        ),
      );
    }
    if (batch.length >= BATCH_SIZE) {
      await jobState.addRelationships(defined(batch));
      batch = [];
    }
  }
  await jobState.addRelationships(defined(batch));
  await jobState.setData(DataKeys.ASSIGNMENTS_BY_USER, new Map());
  ledger.finish();
  if (!grants.groups && hasGroupAssignments(assignments)) {
    throw incompleteStepError(
      'Permission set groups were not collected: assignments of groups could not be linked',
    );
  }
}

function hasGroupAssignments(assignments: Map<string, Assignment[]>): boolean {
  for (const list of assignments.values()) {
    if (list.some((assignment) => assignment.group)) return true;
  }
  return false;
}

export const userPermissionSetRelationshipSteps: IntegrationStep<IntegrationConfig>[] =
  [
    {
      ...Steps.USER_PERMISSION_SET_RELATIONSHIPS,
      entities: [],
      relationships: [
        Relationships.USER_ASSIGNED_PERMISSION_SET,
        Relationships.USER_ASSIGNED_PERMISSION_SET_GROUP,
      ],
      dependsOn: [Steps.USERS.id],
      dependencyGraphId: USERS_GRAPH,
      executionHandler: buildUserPermissionSetRelationships,
    },
  ];
