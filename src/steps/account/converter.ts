import { Entity } from '@jupiterone/integration-sdk-core';
import { Entities } from '../../constants';
import { createSalesforceEntity } from '../entity';
import { SalesforceOrganization } from '../../salesforce/objects';

export function createAccountEntity(
  organization: SalesforceOrganization,
  instanceUrl: string,
): Entity {
  return createSalesforceEntity(Entities.ACCOUNT, organization, instanceUrl, {
    name: organization.Name,
    displayName: organization.Name,
    organizationType: organization.OrganizationType,
    instanceName: organization.InstanceName,
    sandbox: organization.IsSandbox === true,
    country: organization.Country,
    accessURL: instanceUrl,
    webLink: instanceUrl,
  });
}
