import { Entity } from '@jupiterone/integration-sdk-core';
import { Entities } from '../../constants';
import { createSalesforceEntity } from '../entity';
import { permissionProperties } from '../../permissionProperties';
import { SalesforceMutingPermissionSet } from '../../salesforce/objects';

/** A true permission property here means the group mutes it. */
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
      ...permissionProperties(muting),
    },
  );
}
