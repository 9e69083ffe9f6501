import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';
import { filtersUsers, IntegrationConfig } from '../../config';
import { DataKeys, Relationships, Steps, USERS_GRAPH } from '../../constants';
import { getSalesforceClient } from '../../execution';
import { SalesforceGroupMember } from '../../salesforce/objects';
import { collectObject } from '../collect';
import { GROUP_MEMBERS_QUERY } from '../earlyReads';
import { StepLedger } from '../ledger';
import { memberKind } from './converter';
import { incompleteStepError } from '../incomplete';

export async function fetchGroupMembers(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  if (!(await context.jobState.getData<boolean>(DataKeys.GROUPS_COLLECTED))) {
    throw incompleteStepError('Groups were not collected (see fetch-groups)');
  }
  const ledger = new StepLedger(context, 'GroupMember');
  const usersFiltered = filtersUsers(getSalesforceClient(context).settings);
  const withheldUsers = new Set(
    await context.jobState.getData<string[]>(DataKeys.WITHHELD_USERS),
  );
  const usersRead = await context.jobState.getData<boolean>(
    DataKeys.USERS_READ,
  );
  /**
   * Why a member user is not in the graph, where the reason is known and
   * reported elsewhere (the users step failed for them, or a filter left
   * them out): counted, not warned about again.
   */
  const userLeftOut = (userId: string): string | undefined => {
    if (withheldUsers.has(userId)) return 'member left out by the users step';
    if (ledger.has(userId)) return undefined;
    if (!usersRead) return 'member the failed users step did not reach';
    if (usersFiltered) return 'member outside the configured user filters';
    return undefined;
  };
  await collectObject<SalesforceGroupMember>(context, ledger, {
    query: GROUP_MEMBERS_QUERY,
    relationships: (member) => {
      switch (memberKind(member.UserOrGroupId)) {
        case 'user': {
          const leftOut = userLeftOut(member.UserOrGroupId);
          if (leftOut) {
            ledger.omit(leftOut);
            return [];
          }
          return [
            ledger.relate(
              Relationships.GROUP_HAS_USER,
              member.GroupId,
              member.UserOrGroupId,
            ),
          ];
        }
        case 'group':
          return [
            ledger.relate(
              Relationships.GROUP_HAS_GROUP,
              member.GroupId,
              member.UserOrGroupId,
            ),
          ];
        default:
          ledger.skip('member is neither a user nor a group', member.Id, {
            userOrGroupId: member.UserOrGroupId,
          });
          return [];
      }
    },
  });
  ledger.finish();
}

export const groupMemberSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.GROUP_MEMBERS,
    entities: [],
    relationships: [
      Relationships.GROUP_HAS_USER,
      Relationships.GROUP_HAS_GROUP,
    ],
    // Groups are collected in the first graph, before any user.
    dependsOn: [Steps.USERS.id],
    dependencyGraphId: USERS_GRAPH,
    executionHandler: fetchGroupMembers,
  },
];
