import { Entity } from '@jupiterone/integration-sdk-core';
import { Entities } from '../../constants';
import { createSalesforceEntity } from '../entity';
import { permissionMask, permissionsIn } from '../../access';
import { SalesforceMutingPermissionSet } from '../../salesforce/objects';

/**
 * What the set mutes is a list, not the permission flags profiles and
 * permission sets carry: a query for who grants a permission must not
 * find the set that takes it away.
 */
export function createMutingPermissionSetEntity(
  muting: SalesforceMutingPermissionSet,
  instanceUrl: string,
): Entity {
  return createSalesforceEntity(
    Entities.MUTING_PERMISSION_SET,
    muting,
    instanceUrl,
    {
      name: muting.DeveloperName,
      displayName: muting.MasterLabel ?? muting.DeveloperName,
      developerName: muting.DeveloperName,
      mutedPermissions: permissionsIn(permissionMask(muting)),
    },
  );
}
