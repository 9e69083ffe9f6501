import {
  IntegrationStep,
  IntegrationStepExecutionContext,
  Relationship,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';
import { Assignment, PolicyGrant } from '../../access';
import { filtersUsers, IntegrationConfig } from '../../config';
import { DataKeys, Relationships, Steps, USERS_GRAPH } from '../../constants';
import { getSalesforceClient } from '../../execution';
import { incompleteStepError } from '../incomplete';
import { defined, StepLedger } from '../ledger';
import { assignmentProperties } from './converter';

/** Relationships are added in batches of about one query page. */
const BATCH_SIZE = 2000;

interface AssignmentTargets {
  /** Assignments of groups, or of permission sets. */
  groups: boolean;
  /** Where the step before left the permission sets or groups. */
  dataKey: string;
  relationship: StepRelationshipMetadata;
}

/**
 * Links users to what was assigned to them, from the assignments read
 * before the users. Permission sets and groups are linked by separate
 * steps, so that groups the user may not read leave only their own
 * relationships partial.
 */
function buildAssignmentRelationships(targets: AssignmentTargets) {
  return async (
    context: IntegrationStepExecutionContext<IntegrationConfig>,
  ): Promise<void> => {
    const { jobState } = context;
    const assignments = await jobState.getData<Map<string, Assignment[]>>(
      DataKeys.ASSIGNMENTS_BY_USER,
    );
    const granted = await jobState.getData<Record<string, PolicyGrant>>(
      targets.dataKey,
    );
    if (!assignments || !granted) {
      throw incompleteStepError(
        `${targets.relationship._type} relationships cannot be built: what they link was not collected (see the failed steps)`,
      );
    }
    const ledger = new StepLedger(context, 'PermissionSetAssignment');
    const usersFiltered = filtersUsers(getSalesforceClient(context).settings);
    const now = Date.now();
    let batch: (Relationship | undefined)[] = [];
    for (const [userId, userAssignments] of assignments) {
      for (const assignment of userAssignments) {
        if (assignment.group !== targets.groups) continue;
        if (usersFiltered && !ledger.has(userId)) {
          ledger.omit('assignee outside the configured user filters');
          continue;
        }
        batch.push(
          ledger.relate(
            targets.relationship,
            userId,
            assignment.targetId,
            assignmentProperties(assignment, granted[assignment.targetId], now),
          ),
        );
      }
      if (batch.length >= BATCH_SIZE) {
        await jobState.addRelationships(defined(batch));
        batch = [];
      }
    }
    await jobState.addRelationships(defined(batch));
    ledger.finish();
  };
}

export const userPermissionSetRelationshipSteps: IntegrationStep<IntegrationConfig>[] =
  [
    {
      ...Steps.USER_PERMISSION_SET_RELATIONSHIPS,
      entities: [],
      relationships: [Relationships.USER_ASSIGNED_PERMISSION_SET],
      dependsOn: [Steps.USERS.id],
      dependencyGraphId: USERS_GRAPH,
      executionHandler: buildAssignmentRelationships({
        groups: false,
        dataKey: DataKeys.PERMISSION_SET_GRANTS,
        relationship: Relationships.USER_ASSIGNED_PERMISSION_SET,
      }),
    },
    {
      ...Steps.USER_PERMISSION_SET_GROUP_RELATIONSHIPS,
      entities: [],
      relationships: [Relationships.USER_ASSIGNED_PERMISSION_SET_GROUP],
      dependsOn: [Steps.USERS.id],
      dependencyGraphId: USERS_GRAPH,
      executionHandler: buildAssignmentRelationships({
        groups: true,
        dataKey: DataKeys.PERMISSION_SET_GROUPS,
        relationship: Relationships.USER_ASSIGNED_PERMISSION_SET_GROUP,
      }),
    },
  ];
