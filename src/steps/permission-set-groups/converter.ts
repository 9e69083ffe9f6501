import { Entity } from '@jupiterone/integration-sdk-core';
import { GroupGrant, PermissionMask } from '../../access';
import { Entities } from '../../constants';
import { createSalesforceEntity, qualifiedName } from '../entity';
import { maskProperties } from '../../permissionProperties';
import { SalesforcePermissionSetGroup } from '../../salesforce/objects';

function permissionSetGroupLabel(group: SalesforcePermissionSetGroup) {
  return group.MasterLabel ?? group.DeveloperName;
}

/** The group as a grant of what it was worked out to grant. */
export function groupGrant(
  group: SalesforcePermissionSetGroup,
  mask: PermissionMask,
): GroupGrant {
  return {
    // Labels repeat; the qualified developer name tells two groups apart.
    path: `Permission Set Group: ${permissionSetGroupLabel(
      group,
    )} (${qualifiedName(group.DeveloperName, group.NamespacePrefix)})`,
    mask,
    activationRequired: group.HasActivationRequired === true,
    status: group.Status,
  };
}

/**
 * A group carries what it grants (GroupCalculation), so that one query
 * finds a permission through a profile, a permission set or a group.
 */
export function createPermissionSetGroupEntity(
  group: SalesforcePermissionSetGroup,
  instanceUrl: string,
  grants: PermissionMask,
): Entity {
  return createSalesforceEntity(
    Entities.PERMISSION_SET_GROUP,
    group,
    instanceUrl,
    {
      name: group.DeveloperName,
      displayName: permissionSetGroupLabel(group),
      developerName: group.DeveloperName,
      description: group.Description ?? undefined,
      status: group.Status,
      activationRequired: group.HasActivationRequired === true,
      namespacePrefix: group.NamespacePrefix,
      ...maskProperties(grants),
    },
  );
}
