import { readFileSync } from 'fs';
import path from 'path';

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
