import { isSalesforceId } from '../config';

export interface IdFilter {
  field: string;
  ids: readonly string[];
}

/** A SELECT of one object's fields, as the integration sends them. */
export interface Query {
  object: string;
  fields: readonly string[];
  /** Written in the code, never from configuration. */
  conditions?: readonly string[];
  filters?: readonly IdFilter[];
  /** A field of `fields` to sort by, ascending. */
  orderBy?: string;
}

/**
 * Builds SOQL only from fixed fields and conditions and validated ids:
 * nothing a user typed reaches the query unless it is a Salesforce id.
 */
export function buildSelect({
  object,
  fields,
  conditions = [],
  filters = [],
  orderBy,
}: Query): string {
  const where = [
    ...conditions,
    ...filters.filter((filter) => filter.ids.length > 0).map(inCondition),
  ];
  const whereClause = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  const order = orderBy ? ` ORDER BY ${orderBy}` : '';
  return `SELECT ${fields.join(', ')} FROM ${object}${whereClause}${order}`;
}

function inCondition({ field, ids }: IdFilter): string {
  for (const id of ids) {
    if (!isSalesforceId(id)) {
      throw new Error(`Refusing to put "${id}" in SOQL: not a Salesforce id`);
    }
  }
  return `${field} IN (${ids.map((id) => `'${id}'`).join(', ')})`;
}
