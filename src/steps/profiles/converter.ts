import {
  createIntegrationEntity,
  Entity,
  parseTimePropertyValue,
} from '@jupiterone/integration-sdk-core';
import { Grant, permissionMask } from '../../access';
import { Entities } from '../../constants';
import { permissionProperties } from '../../permissionProperties';
import { SalesforceProfile } from '../../salesforce/objects';

export function profileGrant(profile: SalesforceProfile): Grant {
  return { path: `Profile: ${profile.Name}`, mask: permissionMask(profile) };
}

export function createProfileEntity(
  profile: SalesforceProfile,
  instanceUrl: string,
): Entity {
  return createIntegrationEntity({
    entityData: {
      source: profile,
      assign: {
        _key: profile.Id,
        _type: Entities.PROFILE._type,
        _class: Entities.PROFILE._class,
        id: profile.Id,
        name: profile.Name,
        displayName: profile.Name,
        description: profile.Description ?? undefined,
        userType: profile.UserType,
        userLicenseId: profile.UserLicenseId,
        ...permissionProperties(profile),
        webLink: `${instanceUrl}/${profile.Id}`,
        createdOn: parseTimePropertyValue(profile.CreatedDate),
        updatedOn: parseTimePropertyValue(profile.LastModifiedDate),
      },
    },
  });
}
