import { Entity } from '@jupiterone/integration-sdk-core';
import { Grant, permissionMask } from '../../access';
import { Entities } from '../../constants';
import { createSalesforceEntity } from '../entity';
import { permissionProperties } from '../../permissionProperties';
import { SalesforceProfile } from '../../salesforce/objects';

export function profileGrant(profile: SalesforceProfile): Grant {
  return {
    // Profile names repeat (a real org had two "Authenticated Website").
    path: `Profile: ${profile.Name} (${profile.Id})`,
    mask: permissionMask(profile),
  };
}

export function createProfileEntity(
  profile: SalesforceProfile,
  instanceUrl: string,
): Entity {
  return createSalesforceEntity(Entities.PROFILE, profile, instanceUrl, {
    name: profile.Name,
    displayName: profile.Name,
    description: profile.Description ?? undefined,
    userType: profile.UserType,
    userLicenseId: profile.UserLicenseId,
    ...permissionProperties(profile),
  });
}
