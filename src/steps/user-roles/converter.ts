import {
  createIntegrationEntity,
  Entity,
  parseTimePropertyValue,
} from '@jupiterone/integration-sdk-core';
import { Entities } from '../../constants';
import { SalesforceUserRole } from '../../salesforce/objects';

export function createUserRoleEntity(
  role: SalesforceUserRole,
  instanceUrl: string,
): Entity {
  return createIntegrationEntity({
    entityData: {
      source: role,
      assign: {
        _key: role.Id,
        _type: Entities.USER_ROLE._type,
        _class: Entities.USER_ROLE._class,
        id: role.Id,
        name: role.Name,
        displayName: role.Name,
        developerName: role.DeveloperName,
        parentRoleId: role.ParentRoleId,
        portalType: role.PortalType,
        rollupDescription: role.RollupDescription,
        webLink: `${instanceUrl}/${role.Id}`,
        updatedOn: parseTimePropertyValue(role.LastModifiedDate),
      },
    },
  });
}
