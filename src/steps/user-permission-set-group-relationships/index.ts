import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { GroupAssignment, GroupGrant } from '../../access';
import { IntegrationConfig } from '../../config';
import { DataKeys, Relationships, Steps, USERS_GRAPH } from '../../constants';
import { incompleteStepError } from '../incomplete';
import { defined, StepLedger } from '../ledger';
import { assignmentProperties } from '../assignmentProperties';

/**
 * Links users to the permission set groups assigned to them, from the
 * assignments the users step read. A step of its own, so that groups the
 * integration user may not read leave only these relationships partial.
 */
export async function buildUserPermissionSetGroupRelationships(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState } = context;
  const assignments = await jobState.getData<GroupAssignment[]>(
    DataKeys.GROUP_ASSIGNMENTS,
  );
  const groups = await jobState.getData<Record<string, GroupGrant>>(
    DataKeys.PERMISSION_SET_GROUP_GRANTS,
  );
  // An assignment that expires during the run is expired on its
  // relationship exactly when the user's privileges leave it out.
  const judgedAt = await jobState.getData<number>(
    DataKeys.ASSIGNMENTS_JUDGED_AT,
  );
  if (!assignments || !groups || judgedAt === undefined) {
    throw incompleteStepError(
      `${Relationships.USER_ASSIGNED_PERMISSION_SET_GROUP._type} relationships cannot be built: what they link was not collected (see the failed steps)`,
    );
  }
  const ledger = new StepLedger(context, 'PermissionSetAssignment');
  // Read by the users step; counted here so the summary says what was linked.
  ledger.countFetched(assignments);
  await jobState.addRelationships(
    defined(
      assignments.map(([userId, assignment]) =>
        ledger.relate(
          Relationships.USER_ASSIGNED_PERMISSION_SET_GROUP,
          userId,
          assignment.targetId,
          assignmentProperties(
            assignment,
            groups[assignment.targetId],
            judgedAt,
          ),
        ),
      ),
    ),
  );
  // Expired assignments: a user holding an unexpired one to a group not
  // collected is withheld by the users step.
  ledger.finish(
    ledger.unlinkedProblem(Relationships.USER_ASSIGNED_PERMISSION_SET_GROUP),
  );
}

export const userPermissionSetGroupRelationshipSteps: IntegrationStep<IntegrationConfig>[] =
  [
    {
      ...Steps.USER_PERMISSION_SET_GROUP_RELATIONSHIPS,
      entities: [],
      relationships: [Relationships.USER_ASSIGNED_PERMISSION_SET_GROUP],
      dependsOn: [Steps.USERS.id],
      dependencyGraphId: USERS_GRAPH,
      executionHandler: buildUserPermissionSetGroupRelationships,
    },
  ];
