import {
  IntegrationStep,
  IntegrationStepExecutionContext,
  JobState,
} from '@jupiterone/integration-sdk-core';
import {
  aggregateMasks,
  GroupGrant,
  groupMask,
  PermissionMask,
  permissionsIn,
  PolicyGrant,
} from '../../access';
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
 * group grants. Salesforce calculates that itself, into the group's
 * aggregate permission set (Type Group): it is what the group's assignments
 * point at, so what its users hold, even while a recalculation is pending.
 * Where the run did not collect it, the group grants what its permission
 * sets grant, less what its muting permission set mutes; a group with a
 * component the run did not collect either is left out of the grants, so
 * that the users holding it are withheld rather than read as less, or
 * more, privileged than they are.
 */
export async function fetchPermissionSetGroupComponents(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const sources = await readGroupSources(context.jobState);
  const components = new ComponentsRead(sources);
  const ledger = new StepLedger(context, 'PermissionSetGroupComponent');
  let componentsRead = false;
  try {
    await collectObject<SalesforcePermissionSetGroupComponent>(
      context,
      ledger,
      {
        query: {
          object: 'PermissionSetGroupComponent',
          fields: PERMISSION_SET_GROUP_COMPONENT_FIELDS,
        },
        relationships: ({ PermissionSetGroupId: group, PermissionSetId }) => {
          const kind = componentKind(PermissionSetId);
          if (!kind) {
            ledger.omit('component without a permission set');
            return [];
          }
          components.add(group, PermissionSetId!, kind);
          return [
            ledger.relate(
              kind === 'muting'
                ? Relationships.PERMISSION_SET_GROUP_HAS_MUTING_PERMISSION_SET
                : Relationships.PERMISSION_SET_GROUP_HAS_PERMISSION_SET,
              group,
              PermissionSetId,
            ),
          ];
        },
      },
    );
    componentsRead = true;
  } finally {
    // Even when the components could not be read: the groups whose
    // aggregate permission set was collected are known all the same.
    await storeGroupGrants(
      context,
      sources,
      componentsRead ? components : undefined,
    );
  }
  logOrphanAggregates(context, sources);
  ledger.finish();
}

/** What the components the run read say each group grants. */
class ComponentsRead {
  readonly granted: Record<string, PermissionMask[]> = {};
  readonly muted: Record<string, PermissionMask> = {};
  /** Group → a component of it the run did not collect. */
  readonly missing = new Map<string, string>();

  constructor(private readonly sources: GroupSources) {}

  add(group: string, member: string, kind: 'muting' | 'permission-set') {
    const mask =
      kind === 'muting'
        ? this.sources.muted?.[member]
        : this.sources.permissionSets?.[member]?.mask;
    if (mask === undefined) {
      this.missing.set(group, member);
    } else if (kind === 'muting') {
      this.muted[group] = (this.muted[group] ?? 0) | mask;
    } else {
      (this.granted[group] ??= []).push(mask);
    }
  }
}

async function storeGroupGrants(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  sources: GroupSources,
  components: ComponentsRead | undefined,
) {
  if (!sources.groups) {
    context.logger.warn(
      'What permission set groups grant is unknown: PermissionSetGroup was not collected',
    );
    return;
  }
  const masks = {
    aggregated: aggregateMasks(sources.aggregates, sources.permissionSets),
    fromComponents: components
      ? componentMasks(sources.groups, components)
      : new Map<string, PermissionMask>(),
  };
  const grants = groupGrants(sources.groups, masks);
  await context.jobState.setData(DataKeys.PERMISSION_SET_GROUP_GRANTS, grants);
  logRecalculationGaps(context, sources.groups, masks);
  const unknown = Object.keys(sources.groups).filter((id) => !grants[id]);
  warnOfUnknownGroups(context, sources, unknown, components);
}

/** Undefined where the step that reads it failed. */
async function readGroupSources(jobState: JobState) {
  return {
    groups: await jobState.getData<Record<string, GroupGrant>>(
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

type GroupSources = Awaited<ReturnType<typeof readGroupSources>>;

/** Each group's permissions two ways, where the run can tell them. */
interface GroupMasks {
  /** As Salesforce last calculated them: the aggregate permission set's. */
  aggregated: Map<string, PermissionMask>;
  /** As the group's components give them. */
  fromComponents: Map<string, PermissionMask>;
}

function componentMasks(
  groups: Record<string, GroupGrant>,
  { granted, muted, missing }: ComponentsRead,
): Map<string, PermissionMask> {
  return new Map(
    Object.keys(groups)
      .filter((id) => !missing.has(id))
      .map((id) => [id, groupMask(granted[id] ?? [], muted[id] ?? 0)]),
  );
}

/** Salesforce's calculation where collected, else the components'. */
function groupGrants(
  groups: Record<string, GroupGrant>,
  { aggregated, fromComponents }: GroupMasks,
): Record<string, GroupGrant> {
  return Object.fromEntries(
    Object.entries(groups).flatMap(([id, grant]) => {
      const mask = aggregated.get(id) ?? fromComponents.get(id);
      return mask === undefined ? [] : [[id, { ...grant, mask }]];
    }),
  );
}

/**
 * A group whose components grant other permissions than Salesforce last
 * calculated for it: expected while it waits to be recalculated (Salesforce
 * recalculates groups of its standard permission sets daily), or when a
 * recalculation failed; worth a warning then, since its users will gain or
 * lose those permissions when it succeeds. An Updated group that differs
 * is only logged: what Salesforce calculated is what its users hold.
 */
function logRecalculationGaps(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  groups: Record<string, GroupGrant>,
  { aggregated, fromComponents }: GroupMasks,
) {
  const gaps = Object.entries(groups).flatMap(([id, { path, status }]) => {
    const calculated = aggregated.get(id);
    const components = fromComponents.get(id);
    if (calculated === undefined || components === undefined) return [];
    if (calculated === components) return [];
    return [
      {
        groupId: id,
        group: path,
        status,
        componentsAlsoGrant: permissionsIn(components & ~calculated),
        componentsDoNotGrant: permissionsIn(calculated & ~components),
      },
    ];
  });
  const pending = gaps.filter((gap) => gap.status !== 'Updated');
  if (pending.length > 0) {
    context.logger.warn(
      { groups: pending.slice(0, 20) },
      `${countOf(
        pending.length,
      )} not recalculated (status Outdated, Updating or Failed) whose components grant other permissions: their users are given what Salesforce last calculated, until a recalculation succeeds`,
    );
  }
  const updated = gaps.filter((gap) => gap.status === 'Updated');
  if (updated.length > 0) {
    context.logger.info(
      { groups: updated.slice(0, 20) },
      `${countOf(
        updated.length,
      )} whose components grant other permissions than Salesforce calculated: their users are given what Salesforce calculated`,
    );
  }
}

function countOf(groups: number): string {
  return `${groups} permission set ${groups === 1 ? 'group' : 'groups'}`;
}

function warnOfUnknownGroups(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  sources: GroupSources,
  unknown: string[],
  components: ComponentsRead | undefined,
) {
  if (unknown.length === 0) return;
  const notCollected = [
    sources.permissionSets ? undefined : 'PermissionSet',
    sources.muted ? undefined : 'MutingPermissionSet',
    components ? undefined : 'PermissionSetGroupComponent',
  ].filter(Boolean);
  context.logger.warn(
    {
      groups: unknown.slice(0, 20).map((groupId) => ({
        groupId,
        missing: components?.missing.get(groupId),
      })),
      notCollected,
    },
    `What ${unknown.length} permission set ${
      unknown.length === 1 ? 'group grants' : 'groups grant'
    } is unknown: the run collected neither the aggregate permission set nor ${
      components ? 'every component' : 'the components'
    }`,
  );
}

/**
 * Salesforce keeps an aggregate permission set (Type Group) per group; one
 * whose group row is missing (deleted, or hidden from the user) grants
 * nothing the graph can name, and is only counted.
 */
function logOrphanAggregates(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  sources: GroupSources,
) {
  const { groups } = sources;
  if (!groups) return;
  const orphans = Object.entries(sources.aggregates)
    .filter(([, groupId]) => !groups[groupId])
    .map(([permissionSetId]) => permissionSetId);
  if (orphans.length > 0) {
    context.logger.info(
      { count: orphans.length, permissionSetIds: orphans.slice(0, 20) },
      'Permission set groups not collected (deleted, or hidden from the integration user) whose aggregate permission sets were: nothing to do unless the users step withholds users who hold them',
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
