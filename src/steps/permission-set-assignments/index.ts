import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { filtersUsers, IntegrationConfig } from '../../config';
import { DataKeys, Relationships, Steps } from '../../constants';
import { getSalesforceClient } from '../../execution';
import {
  PERMISSION_SET_ASSIGNMENT_FIELDS,
  SalesforcePermissionSetAssignment,
} from '../../salesforce/objects';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';

export async function fetchPermissionSetAssignments(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState } = context;
  const profileOwned = new Set(
    await jobState.getData<string[]>(DataKeys.PROFILE_OWNED_PERMISSION_SETS),
  );
  const ledger = new StepLedger(context, 'PermissionSetAssignment');
  const usersFiltered = filtersUsers(getSalesforceClient(context).settings);
  await collectObject<SalesforcePermissionSetAssignment>(context, ledger, {
    query: {
      object: 'PermissionSetAssignment',
      fields: PERMISSION_SET_ASSIGNMENT_FIELDS,
    },
    relationships: (assignment) => {
      // Every user holds their profile's own permission set; the graph says
      // so once, through user HAS profile HAS permission set.
      if (profileOwned.has(assignment.PermissionSetId)) {
        ledger.omit('permission set owned by the user profile');
        return [];
      }
      if (usersFiltered && !ledger.has(assignment.AssigneeId)) {
        ledger.omit('assignee outside the configured user filters');
        return [];
      }
      return [
        ledger.relate(
          Relationships.USER_ASSIGNED_PERMISSION_SET,
          assignment.AssigneeId,
          assignment.PermissionSetId,
        ),
      ];
    },
  });
  ledger.finish();
}

export const permissionSetAssignmentSteps: IntegrationStep<IntegrationConfig>[] =
  [
    {
      ...Steps.PERMISSION_SET_ASSIGNMENTS,
      entities: [],
      relationships: [Relationships.USER_ASSIGNED_PERMISSION_SET],
      dependsOn: [Steps.USERS.id, Steps.PERMISSION_SETS.id],
      executionHandler: fetchPermissionSetAssignments,
    },
  ];
