import { IntegrationStepExecutionContext } from '@jupiterone/integration-sdk-core';
import { groupMask, PermissionMask, PolicyGrant } from '../../access';
import { IntegrationConfig } from '../../config';
import { SalesforcePermissionSetGroupComponent } from '../../salesforce/objects';
import { queryObject } from '../collect';
import { PERMISSION_SET_GROUP_COMPONENTS_QUERY } from '../earlyReads';
import { StepLedger } from '../ledger';

export type ComponentKind = 'permission-set' | 'muting';

/**
 * A component of a permission set group is one of its permission sets, or
 * the group's muting permission set; the id's key prefix says which (0QM
 * for MutingPermissionSet).
 */
export function componentKind(
  permissionSetId: string | null,
): ComponentKind | null {
  if (!permissionSetId) return null;
  return permissionSetId.startsWith('0QM') ? 'muting' : 'permission-set';
}

export interface Component {
  groupId: string;
  permissionSetId: string;
  kind: ComponentKind;
}

/** What the collected permission sets and muting permission sets grant. */
export interface ComponentSources {
  permissionSets?: Record<string, PolicyGrant>;
  muted?: Record<string, PermissionMask>;
}

/** The components the run read, and what they say each group grants. */
export class ComponentsRead {
  readonly rows: Component[] = [];
  private readonly granted: Record<string, PermissionMask[]> = {};
  private readonly muted: Record<string, PermissionMask> = {};
  /** Group → a component of it the run did not collect. */
  readonly missing = new Map<string, string>();

  constructor(private readonly sources: ComponentSources) {}

  add(component: Component): void {
    const { groupId, permissionSetId, kind } = component;
    this.rows.push(component);
    const mask =
      kind === 'muting'
        ? this.sources.muted?.[permissionSetId]
        : this.sources.permissionSets?.[permissionSetId]?.mask;
    if (mask === undefined) {
      this.missing.set(groupId, permissionSetId);
    } else if (kind === 'muting') {
      this.muted[groupId] = (this.muted[groupId] ?? 0) | mask;
    } else {
      (this.granted[groupId] ??= []).push(mask);
    }
  }

  /** What the group's permission sets grant less what it mutes, if known. */
  maskOf(groupId: string): PermissionMask | undefined {
    if (this.missing.has(groupId)) return undefined;
    return groupMask(this.granted[groupId] ?? [], this.muted[groupId] ?? 0);
  }
}

/**
 * Reads every component before the groups are converted, since what a
 * group grants may depend on them. A component with no permission set is
 * counted, not linked.
 */
export async function readComponents(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  ledger: StepLedger,
  sources: ComponentSources,
): Promise<ComponentsRead> {
  const components = new ComponentsRead(sources);
  const pages = queryObject<SalesforcePermissionSetGroupComponent>(context, {
    query: PERMISSION_SET_GROUP_COMPONENTS_QUERY,
  });
  for await (const page of ledger.countingFetched(pages)) {
    for (const { PermissionSetGroupId, PermissionSetId } of page) {
      const kind = componentKind(PermissionSetId);
      if (kind) {
        components.add({
          groupId: PermissionSetGroupId,
          permissionSetId: PermissionSetId!,
          kind,
        });
      } else {
        ledger.omit('component without a permission set');
      }
    }
  }
  return components;
}
