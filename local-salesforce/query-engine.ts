import { SObjectRecord } from './dataset';
import { SoqlCondition, SoqlQuery, SoqlValue } from './soql';

/** The records of another object, for conditions through a lookup. */
export type RecordsOf = (objectName: string) => SObjectRecord[];

/** The records a query matches, in its order and within its limit. */
export function selectRecords(
  records: SObjectRecord[],
  query: SoqlQuery,
  recordsOf: RecordsOf = () => [],
): SObjectRecord[] {
  const predicates = query.where.map((condition) =>
    condition.through
      ? throughLookup(condition, recordsOf)
      : toPredicate(condition),
  );
  let selected = records.filter((record) =>
    predicates.every((matches) => matches(record)),
  );
  if (query.orderBy) {
    selected = sortRecords(selected, query.orderBy);
  }
  return query.limit === undefined ? selected : selected.slice(0, query.limit);
}

type Predicate = (record: SObjectRecord) => boolean;

function toPredicate(condition: SoqlCondition): Predicate {
  const normalize = isIdField(condition.field) ? normalizeId : normalizeText;
  const wanted = new Set(condition.values.map(normalize));
  // SOQL: "null matches FALSE values" of a boolean.
  if (wanted.has(false)) wanted.add(null);
  const field = condition.field;
  const included: Predicate = (record) => wanted.has(normalize(record[field]));
  return condition.operator === '!=' ? (record) => !included(record) : included;
}

/**
 * The condition, tested on the record each one looks up. Where there is
 * none, its fields are null, as Salesforce reads them ("the record is
 * returned even if the parent does not exist" for `Parent.Field = null`).
 */
function throughLookup(
  { through, ...condition }: SoqlCondition,
  recordsOf: RecordsOf,
): Predicate {
  const byId = new Map(
    recordsOf(through!.objectName).map((record) => [
      normalizeId(record.Id),
      record,
    ]),
  );
  const matches = toPredicate(condition);
  // Every field null, its Id too.
  const noParent = { Id: null } as unknown as SObjectRecord;
  return (record) =>
    matches(byId.get(normalizeId(record[through!.lookupField])) ?? noParent);
}

function isIdField(field: string): boolean {
  return field.endsWith('Id');
}

/** Id filters accept the 15-character form and compare case-sensitively. */
function normalizeId(value: unknown): SoqlValue {
  if (typeof value === 'string') {
    return value.length === 18 ? value.slice(0, 15) : value;
  }
  return normalizeText(value);
}

/** SOQL compares text case-insensitively. */
function normalizeText(value: unknown): SoqlValue {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === 'string') {
    return value.toLowerCase();
  }
  return typeof value === 'boolean' ? value : String(value);
}

/** Salesforce puts nulls first when ascending and last when descending. */
function sortRecords(
  records: SObjectRecord[],
  order: NonNullable<SoqlQuery['orderBy']>,
): SObjectRecord[] {
  const direction = order.descending ? -1 : 1;
  const key = (record: SObjectRecord) => normalizeText(record[order.field]);
  return [...records].sort((a, b) => {
    const left = key(a);
    const right = key(b);
    if (left === right) {
      return 0;
    }
    if (left === null || right === null) {
      return (left === null ? -1 : 1) * direction;
    }
    return (left < right ? -1 : 1) * direction;
  });
}

/**
 * A record as the REST API returns it: `attributes` first, then the
 * selected fields in the order selected, absent ones as null.
 */
export function toApiRecord(
  record: SObjectRecord,
  objectName: string,
  fields: string[],
  apiVersion: string,
): Record<string, unknown> {
  const result: Record<string, unknown> = {
    attributes: {
      type: objectName,
      url: `/services/data/v${apiVersion}/sobjects/${objectName}/${record.Id}`,
    },
  };
  for (const field of fields) {
    result[field] = record[field] ?? null;
  }
  return result;
}
