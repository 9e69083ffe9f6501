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

/**
 * Links permission set groups to their components, and works out what each
 * group grants: what its permission sets grant, less what its muting
 * permission set mutes. A group with a component the run did not collect
 * is left out of the grants, so that the users holding it are withheld
 * rather than read as less, or more, privileged than they are.
 */
export async function fetchPermissionSetGroupComponents(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { jobState } = context;
  const grants = await readGrants(jobState);
  const granted: Record<string, PermissionMask[]> = {};
  const muted: Record<string, PermissionMask> = {};
  const unknown = new Set<string>();
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
        case 'muting': {
          const mask = grants.muted?.[member!];
          if (mask === undefined) unknown.add(group);
          else muted[group] = (muted[group] ?? 0) | mask;
          return [
            ledger.relate(
              Relationships.PERMISSION_SET_GROUP_HAS_MUTING_PERMISSION_SET,
              group,
              member,
            ),
          ];
        }
        case 'permission-set': {
          const grant = grants.permissionSets?.[member!];
          if (grant === undefined) unknown.add(group);
          else (granted[group] ??= []).push(grant.mask);
          return [
            ledger.relate(
              Relationships.PERMISSION_SET_GROUP_HAS_PERMISSION_SET,
              group,
              member,
            ),
          ];
        }
        default:
          ledger.omit('component without a permission set');
          return [];
      }
    },
  });
  if (grants.groups) {
    await jobState.setData(
      DataKeys.PERMISSION_SET_GROUP_GRANTS,
      groupGrants(grants.groups, granted, muted, unknown),
    );
  }
  warnOfUnknownGroups(context, grants, unknown);
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

function groupGrants(
  groups: Record<string, PolicyGrant>,
  granted: Record<string, PermissionMask[]>,
  muted: Record<string, PermissionMask>,
  unknown: Set<string>,
): Record<string, PolicyGrant> {
  return Object.fromEntries(
    Object.entries(groups)
      .filter(([id]) => !unknown.has(id))
      .map(([id, grant]) => [
        id,
        { ...grant, mask: groupMask(granted[id] ?? [], muted[id] ?? 0) },
      ]),
  );
}

function warnOfUnknownGroups(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  grants: Awaited<ReturnType<typeof readGrants>>,
  unknown: Set<string>,
) {
  if (!grants.groups) {
    context.logger.warn(
      'What permission set groups grant is unknown: PermissionSetGroup was not collected',
    );
    return;
  }
  if (unknown.size === 0) return;
  const notCollected = [
    grants.permissionSets ? undefined : 'PermissionSet',
    grants.muted ? undefined : 'MutingPermissionSet',
  ].filter(Boolean);
  const cause =
    notCollected.length > 0
      ? `${notCollected.join(' and ')} not collected`
      : 'components Salesforce did not return';
  context.logger.warn(
    { groupIds: [...unknown].slice(0, 20) },
    `What ${unknown.size} permission set ${
      unknown.size === 1 ? 'group grants' : 'groups grant'
    } is unknown: ${cause}`,
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
