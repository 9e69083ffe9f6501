import { Entity } from '@jupiterone/integration-sdk-core';
import { permissionMask, PolicyGrant } from '../../access';
import { Entities } from '../../constants';
import { createSalesforceEntity, qualifiedName } from '../entity';
import { permissionProperties } from '../../permissionProperties';
import { SalesforcePermissionSet } from '../../salesforce/objects';

/**
 * Every profile has a permission set of its own that carries the profile's
 * permissions (IsOwnedByProfile). Users get it through their profile, so it
 * hangs off the profile rather than off each user.
 */
export function owningProfileId(
  permissionSet: SalesforcePermissionSet,
): string | null {
  return permissionSet.IsOwnedByProfile ? permissionSet.ProfileId : null;
}

export function permissionSetGrant(
  permissionSet: SalesforcePermissionSet,
): PolicyGrant {
  return {
    // Labels repeat; the qualified API name tells two permission sets apart.
    path: `Permission Set: ${
      permissionSet.Label ?? permissionSet.Name
    } (${qualifiedName(permissionSet.Name, permissionSet.NamespacePrefix)})`,
    mask: permissionMask(permissionSet),
    activationRequired: permissionSet.HasActivationRequired === true,
  };
}

export function createPermissionSetEntity(
  permissionSet: SalesforcePermissionSet,
  instanceUrl: string,
): Entity {
  return createSalesforceEntity(
    Entities.PERMISSION_SET,
    permissionSet,
    instanceUrl,
    {
      name: permissionSet.Name,
      displayName: permissionSet.Label ?? permissionSet.Name,
      label: permissionSet.Label,
      description: permissionSet.Description ?? undefined,
      type: permissionSet.Type,
      ownedByProfile: permissionSet.IsOwnedByProfile === true,
      profileId: permissionSet.ProfileId,
      custom: permissionSet.IsCustom === true,
      namespacePrefix: permissionSet.NamespacePrefix,
      licenseId: permissionSet.LicenseId,
      activationRequired: permissionSet.HasActivationRequired === true,
      permissionSetGroupId: permissionSet.PermissionSetGroupId,
      ...permissionProperties(permissionSet),
    },
  );
}
