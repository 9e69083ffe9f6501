import {
  IntegrationStep,
  IntegrationStepExecutionContext,
  JobState,
} from '@jupiterone/integration-sdk-core';
import { groupMask, PermissionMask, PolicyGrant } from '../../access';
import { IntegrationConfig } from '../../config';
import { DataKeys, Relationships, Steps } from '../../constants';
import {
  PERMISSION_SET_GROUP_COMPONENT_FIELDS,
  SalesforcePermissionSetGroupComponent,
} from '../../salesforce/objects';
import { collectObject } from '../collect';
import { StepLedger } from '../ledger';
import { componentKind } from './converter';

export async function fetchPermissionSetGroupComponents(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState } = context;
  const grants = await readGrants(jobState);
  const granted: Record<string, PermissionMask[]> = {};
  const muted: Record<string, PermissionMask> = {};
  let mutingSeen = false;
  const ledger = new StepLedger(context, 'PermissionSetGroupComponent');
  await collectObject<SalesforcePermissionSetGroupComponent>(context, ledger, {
    query: {
      object: 'PermissionSetGroupComponent',
      fields: PERMISSION_SET_GROUP_COMPONENT_FIELDS,
    },
    relationships: ({
      PermissionSetGroupId: group,
      PermissionSetId: member,
    }) => {
      switch (componentKind(member)) {
        case 'muting':
          mutingSeen = true;
          muted[group] = (muted[group] ?? 0) | (grants.muted?.[member!] ?? 0);
          return [
            ledger.relate(
              Relationships.PERMISSION_SET_GROUP_HAS_MUTING_PERMISSION_SET,
              group,
              member,
            ),
          ];
        case 'permission-set':
          (granted[group] ??= []).push(
            grants.permissionSets?.[member!]?.mask ?? 0,
          );
          return [
            ledger.relate(
              Relationships.PERMISSION_SET_GROUP_HAS_PERMISSION_SET,
              group,
              member,
            ),
          ];
        default:
          ledger.omit('component without a permission set');
          return [];
      }
    },
  });
  const missing = missingObjects(grants, mutingSeen);
  if (grants.groups && missing.length === 0) {
    await jobState.setData(
      DataKeys.PERMISSION_SET_GROUP_GRANTS,
      groupGrants(grants.groups, granted, muted),
    );
  } else {
    context.logger.warn(
      { missing },
      `What permission set groups grant is unknown: ${missing.join(
        ', ',
      )} could not be collected`,
    );
  }
  logOrphanAggregates(context, grants);
  ledger.finish();
}

/** Undefined where the step that reads it failed. */
async function readGrants(jobState: JobState) {
  return {
    groups: await jobState.getData<Record<string, PolicyGrant>>(
      DataKeys.PERMISSION_SET_GROUPS,
    ),
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

/**
 * The objects without which a group's permissions would be wrong: its
 * permission sets would count for nothing, or what it mutes would count
 * as granted. Users holding the group then fail rather than read as less,
 * or more, privileged than they are.
 */
function missingObjects(
  grants: Awaited<ReturnType<typeof readGrants>>,
  mutingSeen: boolean,
): string[] {
  return [
    grants.groups ? undefined : 'PermissionSetGroup',
    grants.permissionSets ? undefined : 'PermissionSet',
    grants.muted || !mutingSeen ? undefined : 'MutingPermissionSet',
  ].filter((name): name is string => name !== undefined);
}

function groupGrants(
  groups: Record<string, PolicyGrant>,
  granted: Record<string, PermissionMask[]>,
  muted: Record<string, PermissionMask>,
): Record<string, PolicyGrant> {
  return Object.fromEntries(
    Object.entries(groups).map(([id, grant]) => [
      id,
      { ...grant, mask: groupMask(granted[id] ?? [], muted[id] ?? 0) },
    ]),
  );
}

/**
 * Salesforce keeps an aggregate permission set (Type Group) per group; one
 * whose group row is missing (deleted, or hidden from the user) grants
 * nothing the graph can name, and is only counted.
 */
function logOrphanAggregates(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  grants: Awaited<ReturnType<typeof readGrants>>,
) {
  const { groups } = grants;
  if (!groups) return;
  const orphans = Object.entries(grants.aggregates)
    .filter(([, groupId]) => !groups[groupId])
    .map(([permissionSetId]) => permissionSetId);
  if (orphans.length > 0) {
    context.logger.info(
      { count: orphans.length, permissionSetIds: orphans.slice(0, 20) },
      'Aggregate permission sets without a permission set group row',
    );
  }
}

export const permissionSetGroupComponentSteps: IntegrationStep<IntegrationConfig>[] =
  [
    {
      ...Steps.PERMISSION_SET_GROUP_COMPONENTS,
      entities: [],
      relationships: [
        Relationships.PERMISSION_SET_GROUP_HAS_PERMISSION_SET,
        Relationships.PERMISSION_SET_GROUP_HAS_MUTING_PERMISSION_SET,
      ],
      dependsOn: [
        Steps.PERMISSION_SET_GROUPS.id,
        Steps.PERMISSION_SETS.id,
        Steps.MUTING_PERMISSION_SETS.id,
      ],
      executionHandler: fetchPermissionSetGroupComponents,
    },
  ];
