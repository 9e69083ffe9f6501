import {
  createIntegrationEntity,
  Entity,
  parseTimePropertyValue,
} from '@jupiterone/integration-sdk-core';
import { Entities } from '../../constants';
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
  return createIntegrationEntity({
    entityData: {
      source: group,
      assign: {
        _key: group.Id,
        _type: Entities.GROUP._type,
        _class: Entities.GROUP._class,
        id: group.Id,
        name: groupName(group),
        displayName: groupName(group),
        developerName: group.DeveloperName,
        type: group.Type,
        relatedId: group.RelatedId,
        email: group.Email ?? undefined,
        includesBosses: group.DoesIncludeBosses === true,
        webLink: `${instanceUrl}/${group.Id}`,
        createdOn: parseTimePropertyValue(group.CreatedDate),
        updatedOn: parseTimePropertyValue(group.LastModifiedDate),
      },
    },
  });
}
