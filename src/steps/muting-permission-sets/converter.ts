import {
  createIntegrationEntity,
  Entity,
  parseTimePropertyValue,
} from '@jupiterone/integration-sdk-core';
import { Entities } from '../../constants';
import { permissionProperties } from '../../permissionProperties';
import { SalesforceMutingPermissionSet } from '../../salesforce/objects';

/** A true permission property here means the group mutes it. */
export function createMutingPermissionSetEntity(
  muting: SalesforceMutingPermissionSet,
  instanceUrl: string,
): Entity {
  return createIntegrationEntity({
    entityData: {
      source: muting,
      assign: {
        _key: muting.Id,
        _type: Entities.MUTING_PERMISSION_SET._type,
        _class: Entities.MUTING_PERMISSION_SET._class,
        id: muting.Id,
        name: muting.DeveloperName,
        displayName: muting.MasterLabel ?? muting.DeveloperName,
        developerName: muting.DeveloperName,
        ...permissionProperties(muting),
        webLink: `${instanceUrl}/${muting.Id}`,
        createdOn: parseTimePropertyValue(muting.CreatedDate),
        updatedOn: parseTimePropertyValue(muting.LastModifiedDate),
      },
    },
  });
}
