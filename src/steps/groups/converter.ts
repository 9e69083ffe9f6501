import { Entity } from '@jupiterone/integration-sdk-core';
import { Entities } from '../../constants';
import { createSalesforceEntity } from '../entity';
import { SalesforceGroup } from '../../salesforce/objects';

/**
 * Groups Salesforce keeps in step with the role hierarchy. Their RelatedId
 * is the role, and their Name is null: only DeveloperName names them.
 */
const ROLE_GROUP_TYPES = new Set([
  'Role',
  'RoleAndSubordinates',
  'RoleAndSubordinatesInternal',
]);

export function roleIdOfGroup(group: SalesforceGroup): string | null {
  return ROLE_GROUP_TYPES.has(group.Type) ? group.RelatedId : null;
}

export function groupName(group: SalesforceGroup): string {
  return group.Name ?? group.DeveloperName ?? group.Id;
}

export function createGroupEntity(
  group: SalesforceGroup,
  instanceUrl: string,
): Entity {
  return createSalesforceEntity(Entities.GROUP, group, instanceUrl, {
    name: groupName(group),
    displayName: groupName(group),
    developerName: group.DeveloperName,
    type: group.Type,
    relatedId: group.RelatedId,
    email: group.Email ?? undefined,
    includesBosses: group.DoesIncludeBosses === true,
  });
}
