import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

export type SObjectRecord = Record<string, unknown> & { Id: string };

/** Records by sObject name, e.g. `dataset.User`. */
export type OrgDataset = Record<string, SObjectRecord[]>;

interface RecordedQueryResponse {
  records: Array<SObjectRecord & { attributes?: unknown }>;
}

const DEV_ORG_DIRECTORY = join(__dirname, 'data', 'dev-org');

export function loadDevOrg(): OrgDataset {
  const dataset: OrgDataset = {};
  for (const objectName of devOrgObjectNames()) {
    dataset[objectName] =
      readRecordedRecords(objectName).map(withoutAttributes);
  }
  return dataset;
}

function devOrgObjectNames(): string[] {
  return readdirSync(DEV_ORG_DIRECTORY)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

function readRecordedRecords(objectName: string) {
  const file = join(DEV_ORG_DIRECTORY, `${objectName}.json`);
  const response = JSON.parse(
    readFileSync(file, 'utf8'),
  ) as RecordedQueryResponse;
  return response.records;
}

function withoutAttributes(recorded: RecordedQueryResponse['records'][0]) {
  const { attributes, ...record } = recorded;
  return record as SObjectRecord;
}

let schemas: Map<string, string[]> | undefined;

/**
 * The fields of an object as the dev org reports them, in canonical case;
 * undefined for an object the dev org has no records of. Generated orgs use
 * the same schema, so a field they omit is still a valid field (served as
 * null).
 */
export function schemaOf(objectName: string): string[] | undefined {
  return loadedSchemas().get(objectName);
}

function loadedSchemas(): Map<string, string[]> {
  if (!schemas) {
    schemas = recordedSchemas();
  }
  return schemas;
}

function recordedSchemas(): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const objectName of devOrgObjectNames()) {
    const fields = new Set<string>();
    for (const record of readRecordedRecords(objectName)) {
      Object.keys(record)
        .filter((field) => field !== 'attributes')
        .forEach((field) => fields.add(field));
    }
    result.set(objectName, [...fields]);
  }
  return result;
}

export interface ObjectSchema {
  name: string;
  fields: string[];
}

/** Finds an object's schema by name in any case, as SOQL does. */
export function resolveSchema(objectName: string): ObjectSchema | undefined {
  const wanted = objectName.toLowerCase();
  for (const [name, fields] of loadedSchemas()) {
    if (name.toLowerCase() === wanted) {
      return { name, fields };
    }
  }
  return undefined;
}

export function countRecords(dataset: OrgDataset): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [objectName, records] of Object.entries(dataset)) {
    counts[objectName] = records.length;
  }
  return counts;
}
