import { readFileSync } from 'fs';
import path from 'path';
import { loadDevOrg, OrgDataset } from '../local-salesforce/dataset';

const DEV_ORG = path.join(
  __dirname,
  '..',
  'local-salesforce',
  'data',
  'dev-org',
);

/**
 * The dev org's recorded records of one object, cut to the fields the
 * integration selects, as the query endpoint would return them.
 */
export function devOrgRecords<T>(object: string, fields: string[]): T[] {
  const file = path.join(DEV_ORG, `${object}.json`);
  const { records } = JSON.parse(readFileSync(file, 'utf8')) as {
    records: Record<string, unknown>[];
  };
  return records.map(
    (record) =>
      Object.fromEntries(
        fields.map((field) => [field, record[field] ?? null]),
      ) as T,
  );
}

/**
 * The dev org with Data Admin Group's aggregate permission set not linked
 * to the group, so that what the group grants rests on its components
 * alone.
 */
export function devOrgWithDataAdminGroupAggregateUnlinked(): OrgDataset {
  const dataset = loadDevOrg();
  dataset.PermissionSet = dataset.PermissionSet.map((permissionSet) =>
    permissionSet.Id === '0PSDoDG00000001ODA'
      ? { ...permissionSet, PermissionSetGroupId: null }
      : permissionSet,
  );
  return dataset;
}
