import { IntegrationStepExecutionContext } from '@jupiterone/integration-sdk-core';
import {
  GroupGrant,
  PermissionMask,
  permissionsIn,
  PolicyGrant,
} from '../../access';
import { IntegrationConfig } from '../../config';
import { Withheld } from '../collect';
import { SalesforcePermissionSetGroup } from '../../salesforce/objects';
import { ComponentsRead } from './components';
import { firstFew, warnOperator } from '../operatorLog';

/**
 * Each group's permissions as Salesforce last calculated them, muting
 * applied: its aggregate permission set's (Type Group), by group id, for
 * the groups whose aggregate the run collected.
 */
export function aggregateMasks(
  aggregates: Record<string, string>,
  permissionSets: Record<string, PolicyGrant> | undefined,
): Map<string, PermissionMask> {
  const masks = new Map<string, PermissionMask>();
  for (const [permissionSetId, groupId] of Object.entries(aggregates)) {
    const grant = permissionSets?.[permissionSetId];
    if (grant) masks.set(groupId, grant.mask);
  }
  return masks;
}

/**
 * What each group grants. Salesforce calculates it itself, into the
 * group's aggregate permission set (Type Group): it is what the group's
 * assignments point at, so what its users hold, even while a
 * recalculation is pending. Where the run did not collect it, the group
 * grants what its permission sets grant, less what its muting permission
 * set mutes; a group with a component the run did not collect either is
 * unknown, and left out with its users rather than read as less, or more,
 * privileged than it is.
 */
export class GroupCalculation {
  constructor(
    /** As Salesforce last calculated them, by group id. */
    private readonly aggregated: Map<string, PermissionMask>,
    /** Undefined when the components could not be read. */
    private readonly components: ComponentsRead | undefined,
  ) {}

  /**
   * The components stand in for the aggregate only for a group Salesforce
   * reports Updated: while a recalculation is pending or failed, its
   * users hold the last calculation, which the components may not match.
   */
  maskOf({
    Id,
    Status,
  }: SalesforcePermissionSetGroup): PermissionMask | undefined {
    const calculated = this.aggregated.get(Id);
    if (calculated !== undefined || Status !== 'Updated') return calculated;
    return this.components?.maskOf(Id);
  }

  /** Why a group must be left out of the run, if it must. */
  unknown(group: SalesforcePermissionSetGroup): Withheld | undefined {
    if (this.maskOf(group) !== undefined) return undefined;
    if (group.Status !== 'Updated') {
      return {
        reason: `what it grants is unknown: the run did not collect its aggregate permission set, and Salesforce has not recalculated it (status ${group.Status}), so its components may not be what its users hold`,
        details: { missing: 'its aggregate permission set' },
      };
    }
    return {
      reason: `what it grants is unknown: the run collected neither its aggregate permission set nor ${
        this.components ? 'every component' : 'its components'
      }`,
      details: {
        missing:
          this.components?.missing.get(group.Id) ??
          'PermissionSetGroupComponent',
      },
    };
  }

  /**
   * A group whose components grant other permissions than Salesforce last
   * calculated for it: expected while it waits to be recalculated
   * (Salesforce recalculates groups of its standard permission sets
   * daily), or when a recalculation failed; worth a warning then, since
   * its users will gain or lose those permissions when it succeeds. An
   * Updated group that differs is only logged: what Salesforce calculated
   * is what its users hold.
   */
  logGaps(
    context: IntegrationStepExecutionContext<IntegrationConfig>,
    groups: Record<string, GroupGrant>,
  ): void {
    const gaps = Object.entries(groups).flatMap(([id, { path, status }]) => {
      const calculated = this.aggregated.get(id);
      const components = this.components?.maskOf(id);
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
      warnOperator(
        context.logger,
        { groups: pending.slice(0, 20) },
        `${countOf(
          pending.length,
        )} not recalculated (status Outdated, Updating or Failed) whose components grant other permissions: their users are given what Salesforce last calculated, until a recalculation succeeds (${namesOf(
          pending,
        )})`,
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
}

function countOf(groups: number): string {
  return `${groups} permission set ${groups === 1 ? 'group' : 'groups'}`;
}

/** The first few groups and their status, for a line the job log shows. */
function namesOf(gaps: { group: string; status: string | null }[]): string {
  return firstFew(
    gaps.map(({ group, status }) => `${group} is ${status}`),
    '; ',
  );
}

/**
 * Salesforce keeps an aggregate permission set (Type Group) per group; one
 * whose group row is missing (deleted, or hidden from the user) grants
 * nothing the graph can name, and is only counted.
 */
export function logOrphanAggregates(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  aggregates: Record<string, string>,
  wasRead: (groupId: string) => boolean,
): void {
  const orphans = Object.entries(aggregates)
    .filter(([, groupId]) => !wasRead(groupId))
    .map(([permissionSetId]) => permissionSetId);
  if (orphans.length > 0) {
    context.logger.info(
      { count: orphans.length, permissionSetIds: orphans.slice(0, 20) },
      'Permission set groups not collected (deleted, or hidden from the integration user) whose aggregate permission sets were: nothing to do unless the users step withholds users who hold them',
    );
  }
}
