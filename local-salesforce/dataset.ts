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
  return loadDataset(DEV_ORG_DIRECTORY);
}

/**
 * An org from a folder laid out as the dev org's: one `<sObject>.json` per
 * object, a query response (`{ "records": [...] }`). A copy of the dev org's
 * folder, edited, serves an org of one's own making. An object or field the
 * dev org does not record is refused, naming it: a misspelt one would
 * otherwise be served as no rows, or as null, without a word.
 */
export function loadDataset(folder: string): OrgDataset {
  const dataset: OrgDataset = {};
  for (const objectName of objectNamesIn(folder)) {
    const records = readRecordedRecords(folder, objectName).map(
      withoutAttributes,
    );
    checkAgainstSchema(join(folder, `${objectName}.json`), objectName, records);
    dataset[objectName] = records;
  }
  return dataset;
}

/** The objects the local org knows: those the dev org records. */
export function knownObjects(): string[] {
  return [...loadedSchemas().keys()];
}

function checkAgainstSchema(
  file: string,
  objectName: string,
  records: SObjectRecord[],
): void {
  const fields = schemaOf(objectName);
  if (!fields) {
    throw new Error(
      `${file}: the local org knows no ${objectName}; its objects are ${knownObjects().join(
        ', ',
      )}`,
    );
  }
  for (const record of records) {
    const unknown = Object.keys(record).find(
      (field) => !fields.includes(field),
    );
    if (unknown) {
      throw new Error(
        `${file}: record ${record.Id} has ${unknown}, which ${objectName} does not have in the local org (its fields are those of local-salesforce/data/dev-org/${objectName}.json)`,
      );
    }
  }
}

function objectNamesIn(folder: string): string[] {
  const names = readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
  if (names.length === 0) {
    throw new Error(`${folder} holds no <sObject>.json file`);
  }
  return names;
}

function readRecordedRecords(folder: string, objectName: string) {
  const file = join(folder, `${objectName}.json`);
  let response: Partial<RecordedQueryResponse>;
  try {
    response = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file} is not JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(response?.records)) {
    throw new Error(
      `${file} has no "records" list: lay it out as a query response, like local-salesforce/data/dev-org`,
    );
  }
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
  for (const objectName of objectNamesIn(DEV_ORG_DIRECTORY)) {
    const fields = new Set<string>();
    for (const record of readRecordedRecords(DEV_ORG_DIRECTORY, objectName)) {
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
