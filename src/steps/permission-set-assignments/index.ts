import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { Assignment } from '../../access';
import { IntegrationConfig } from '../../config';
import { DataKeys, Steps } from '../../constants';
import {
  PERMISSION_SET_ASSIGNMENT_FIELDS,
  SalesforcePermissionSetAssignment,
} from '../../salesforce/objects';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';
import { toAssignment } from './converter';

/**
 * Reads every assignment before the users are collected, because a user's
 * effective privileges (properties of the user entity) depend on all of
 * them. They are kept by user, compactly, and the relationships are drawn
 * from them once the users exist.
 *
 * Limitation: the assignments of the whole org are held in memory (about
 * 100 bytes each) for the length of the run.
 */
export async function fetchPermissionSetAssignments(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState } = context;
  const profileOwned = new Set(
    await jobState.getData<string[]>(DataKeys.PROFILE_OWNED_PERMISSION_SETS),
  );
  const byUser = new Map<string, Assignment[]>();
  // Thousands of permission sets, hundreds of thousands of assignments:
  // each assignment shares its target's id string instead of keeping its own.
  const targetIds = new Map<string, string>();
  const shareId = (id: string): string => {
    const shared = targetIds.get(id);
    if (shared) return shared;
    targetIds.set(id, id);
    return id;
  };
  const ledger = new StepLedger(context, 'PermissionSetAssignment');
  await collectObject<SalesforcePermissionSetAssignment>(context, ledger, {
    query: {
      object: 'PermissionSetAssignment',
      fields: PERMISSION_SET_ASSIGNMENT_FIELDS,
    },
    relationships: (row) => {
      // Every user holds their profile's own permission set; the graph says
      // so once, through user HAS profile HAS permission set.
      if (profileOwned.has(row.PermissionSetId)) {
        ledger.omit('permission set owned by the user profile');
      } else {
        const assignments = byUser.get(row.AssigneeId) ?? [];
        assignments.push(toAssignment(row, shareId));
        byUser.set(row.AssigneeId, assignments);
      }
      return [];
    },
  });
  await jobState.setData(DataKeys.ASSIGNMENTS_BY_USER, byUser);
  ledger.finish();
}

export const permissionSetAssignmentSteps: IntegrationStep<IntegrationConfig>[] =
  [
    {
      ...Steps.PERMISSION_SET_ASSIGNMENTS,
      entities: [],
      relationships: [],
      dependsOn: [Steps.PERMISSION_SETS.id],
      executionHandler: fetchPermissionSetAssignments,
    },
  ];
