import { Entity } from '@jupiterone/integration-sdk-core';
import { Entities } from '../../constants';
import { createSalesforceEntity } from '../entity';
import { SalesforceUserRole } from '../../salesforce/objects';

export function createUserRoleEntity(
  role: SalesforceUserRole,
  instanceUrl: string,
): Entity {
  return createSalesforceEntity(Entities.USER_ROLE, role, instanceUrl, {
    name: role.Name,
    displayName: role.Name,
    developerName: role.DeveloperName,
    parentRoleId: role.ParentRoleId,
    portalType: role.PortalType,
    rollupDescription: role.RollupDescription,
  });
}
