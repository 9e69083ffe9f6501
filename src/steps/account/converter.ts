import {
  createIntegrationEntity,
  Entity,
  parseTimePropertyValue,
} from '@jupiterone/integration-sdk-core';
import { Entities } from '../../constants';
import { SalesforceOrganization } from '../../salesforce/objects';

export function createAccountEntity(
  organization: SalesforceOrganization,
  instanceUrl: string,
): Entity {
  return createIntegrationEntity({
    entityData: {
      source: organization,
      assign: {
        _key: organization.Id,
        _type: Entities.ACCOUNT._type,
        _class: Entities.ACCOUNT._class,
        id: organization.Id,
        name: organization.Name,
        displayName: organization.Name,
        organizationType: organization.OrganizationType,
        instanceName: organization.InstanceName,
        sandbox: organization.IsSandbox === true,
        country: organization.Country,
        accessURL: instanceUrl,
        webLink: instanceUrl,
        createdOn: parseTimePropertyValue(organization.CreatedDate),
        updatedOn: parseTimePropertyValue(organization.LastModifiedDate),
      },
    },
  });
}
