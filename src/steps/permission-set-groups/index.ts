import {
  IntegrationStep,
  IntegrationStepExecutionContext,
  JobState,
} from '@jupiterone/integration-sdk-core';
import { GroupGrant, PermissionMask, PolicyGrant } from '../../access';
import { IntegrationConfig } from '../../config';
import { DataKeys, Entities, Relationships, Steps } from '../../constants';
import { SalesforcePermissionSetGroup } from '../../salesforce/objects';
import { getAccountKey } from '../accountKey';
import { collectObject } from '../collect';
import { PERMISSION_SET_GROUPS_QUERY } from '../earlyReads';
import { defined, StepLedger } from '../ledger';
import {
  aggregateMasks,
  GroupCalculation,
  logOrphanAggregates,
} from './calculation';
import { Component, ComponentsRead, readComponents } from './components';
import { createPermissionSetGroupEntity, groupGrant } from './converter';

/**
 * The permission set groups, each with what it grants (GroupCalculation),
 * and their links to their components. The components are read first:
 * a group's entity carries what it grants, which may depend on them. A
 * group whose grants are unknown is left out, and the step fails, so that
 * JupiterOne keeps what it had of it rather than lose its permissions.
 */
export async function fetchPermissionSetGroups(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState } = context;
  const accountKey = await getAccountKey(jobState);
  const sources = await readGroupSources(jobState);
  const componentLedger = new StepLedger(
    context,
    'PermissionSetGroupComponent',
  );
  const components = await readComponents(
    context,
    componentLedger,
    sources,
  ).catch((err: Error) => err);
  const calculation = new GroupCalculation(
    aggregateMasks(sources.aggregates, sources.permissionSets),
    components instanceof Error ? undefined : components,
  );
  const ledger = new StepLedger(context, 'PermissionSetGroup');
  const groups: Record<string, GroupGrant> = {};
  await collectObject<SalesforcePermissionSetGroup>(context, ledger, {
    query: PERMISSION_SET_GROUPS_QUERY,
    withheld: (group) => calculation.unknown(group),
    toEntity: (group, instanceUrl) =>
      createPermissionSetGroupEntity(
        group,
        instanceUrl,
        calculation.maskOf(group)!,
      ),
    relationships: (group) => {
      groups[group.Id] = groupGrant(group, calculation.maskOf(group)!);
      return [
        ledger.relate(
          Relationships.ACCOUNT_HAS_PERMISSION_SET_GROUP,
          accountKey,
          group.Id,
        ),
      ];
    },
  });
  await jobState.setData(DataKeys.PERMISSION_SET_GROUP_GRANTS, groups);
  const groupsLeftOut = new Set(ledger.withheldIds);
  calculation.logGaps(context, groups);
  logOrphanAggregates(
    context,
    sources.aggregates,
    (groupId) => !!groups[groupId] || groupsLeftOut.has(groupId),
  );
  if (components instanceof Error) {
    componentLedger.logCounts();
    ledger.logCounts();
    throw components;
  }
  await linkComponents(jobState, componentLedger, components, groupsLeftOut);
  componentLedger.finish();
  ledger.finish();
}

/** The components of the groups left out are left out with them. */
async function linkComponents(
  jobState: JobState,
  ledger: StepLedger,
  components: ComponentsRead,
  groupsLeftOut: Set<string>,
) {
  const relate = ({ groupId, permissionSetId, kind }: Component) => {
    if (groupsLeftOut.has(groupId)) {
      ledger.omit('component of a group left out');
      return undefined;
    }
    return ledger.relate(
      kind === 'muting'
        ? Relationships.PERMISSION_SET_GROUP_HAS_MUTING_PERMISSION_SET
        : Relationships.PERMISSION_SET_GROUP_HAS_PERMISSION_SET,
      groupId,
      permissionSetId,
    );
  };
  await jobState.addRelationships(defined(components.rows.map(relate)));
}

/** Undefined where the step that reads it failed. */
async function readGroupSources(jobState: JobState) {
  return {
    permissionSets: await jobState.getData<Record<string, PolicyGrant>>(
      DataKeys.PERMISSION_SET_GRANTS,
    ),
    muted: await jobState.getData<Record<string, PermissionMask>>(
      DataKeys.MUTED_PERMISSIONS,
    ),
    aggregates:
      (await jobState.getData<Record<string, string>>(
        DataKeys.AGGREGATE_PERMISSION_SETS,
      )) ?? {},
  };
}

export const permissionSetGroupSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    ...Steps.PERMISSION_SET_GROUPS,
    entities: [Entities.PERMISSION_SET_GROUP],
    relationships: [
      Relationships.ACCOUNT_HAS_PERMISSION_SET_GROUP,
      Relationships.PERMISSION_SET_GROUP_HAS_PERMISSION_SET,
      Relationships.PERMISSION_SET_GROUP_HAS_MUTING_PERMISSION_SET,
    ],
    // What a group grants comes from its aggregate permission set, or from
    // its permission sets and muting permission set.
    dependsOn: [
      Steps.ACCOUNT.id,
      Steps.PERMISSION_SETS.id,
      Steps.MUTING_PERMISSION_SETS.id,
    ],
    executionHandler: fetchPermissionSetGroups,
  },
];
