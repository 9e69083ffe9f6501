import { Entity } from '@jupiterone/integration-sdk-core';
import { GroupGrant } from '../../access';
import { Entities } from '../../constants';
import { createSalesforceEntity } from '../entity';
import { SalesforcePermissionSetGroup } from '../../salesforce/objects';

function permissionSetGroupLabel(group: SalesforcePermissionSetGroup) {
  return group.MasterLabel ?? group.DeveloperName;
}

/** The group as a grant, before its permissions are worked out. */
export function emptyGroupGrant(
  group: SalesforcePermissionSetGroup,
): GroupGrant {
  return {
    path: `Permission Set Group: ${permissionSetGroupLabel(group)}`,
    mask: 0,
    activationRequired: group.HasActivationRequired === true,
    status: group.Status,
  };
}

export function createPermissionSetGroupEntity(
  group: SalesforcePermissionSetGroup,
  instanceUrl: string,
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
    },
  );
}
