import {
  createIntegrationEntity,
  Entity,
  parseTimePropertyValue,
} from '@jupiterone/integration-sdk-core';
import { Entities } from '../../constants';
import { SalesforceUser } from '../../salesforce/objects';

/**
 * The domain of an address, dot or not: Salesforce's own system users have
 * addresses such as `autoproc@00d...` whose domain is the org id.
 */
export function emailDomainOf(email: string | null): string[] | undefined {
  const domain = email?.split('@')[1]?.toLowerCase();
  return domain ? [domain] : undefined;
}

/**
 * The J1 data model validates `email` in its strict form, which needs a dot
 * in the domain. Salesforce's system users have addresses such as
 * `autoproc@00d...` that fail it; they keep their `emailDomain` and raw
 * data, and go without an `email` property rather than fail the step.
 */
const DATA_MODEL_EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function normalizedEmail(email: string | null): string | undefined {
  const lowered = email?.trim().toLowerCase();
  return lowered && DATA_MODEL_EMAIL.test(lowered) ? lowered : undefined;
}

export function createUserEntity(
  user: SalesforceUser,
  instanceUrl: string,
): Entity {
  return createIntegrationEntity({
    entityData: {
      source: user,
      assign: {
        _key: user.Id,
        _type: Entities.USER._type,
        _class: Entities.USER._class,
        id: user.Id,
        username: user.Username,
        name: user.Name ?? user.Username,
        displayName: user.Name ?? user.Username,
        firstName: user.FirstName ?? undefined,
        lastName: user.LastName ?? undefined,
        email: normalizedEmail(user.Email),
        emailDomain: emailDomainOf(user.Email),
        shortLoginId: user.Alias ?? undefined,
        active: user.IsActive === true,
        userType: user.UserType,
        profileId: user.ProfileId,
        roleId: user.UserRoleId,
        managerId: user.ManagerId,
        title: user.Title,
        department: user.Department,
        federationIdentifier: user.FederationIdentifier,
        lastLoginOn: parseTimePropertyValue(user.LastLoginDate),
        passwordChangedOn: parseTimePropertyValue(user.LastPasswordChangeDate),
        createdOn: parseTimePropertyValue(user.CreatedDate),
        updatedOn: parseTimePropertyValue(user.LastModifiedDate),
        webLink: `${instanceUrl}/${user.Id}`,
      },
    },
  });
}
