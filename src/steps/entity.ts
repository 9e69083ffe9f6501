import {
  createIntegrationEntity,
  Entity,
  parseTimePropertyValue,
  StepEntityMetadata,
} from '@jupiterone/integration-sdk-core';

interface SalesforceRecord {
  Id: string;
  CreatedDate?: string | null;
  LastModifiedDate?: string | null;
}

/**
 * An entity for a Salesforce record: keyed by its Id, linked to it in
 * Salesforce, its selected fields kept as raw data, with the properties a
 * converter adds.
 */
export function createSalesforceEntity(
  metadata: StepEntityMetadata,
  record: SalesforceRecord,
  instanceUrl: string,
  properties: Record<string, unknown>,
): Entity {
  return createIntegrationEntity({
    entityData: {
      // The record is raw data only: passed as `source`, the SDK would
      // also look for data-model property names among its fields, which
      // Salesforce's never are (they are capitalised), at a cost per record.
      source: {},
      assign: {
        _rawData: [{ name: 'default', rawData: record }],
        _key: record.Id,
        _type: metadata._type,
        _class: metadata._class,
        id: record.Id,
        webLink: `${instanceUrl}/${record.Id}`,
        createdOn: parseTimePropertyValue(record.CreatedDate),
        updatedOn: parseTimePropertyValue(record.LastModifiedDate),
        ...properties,
      },
    },
  });
}

/**
 * A permission set's or group's API name as Salesforce qualifies it:
 * prefixed with its managed package's namespace, where names are unique.
 */
export function qualifiedName(
  name: string,
  namespacePrefix: string | null,
): string {
  return namespacePrefix ? `${namespacePrefix}__${name}` : name;
}
