import { isSalesforceId } from '../config';

export interface IdFilter {
  field: string;
  ids: readonly string[];
}

/**
 * Builds SOQL only from a fixed field list and validated ids: nothing a user
 * typed reaches the query unless it is a Salesforce id.
 */
export function buildSelect(
  object: string,
  fields: readonly string[],
  filters: readonly IdFilter[] = [],
  orderBy?: string,
): string {
  const conditions = filters
    .filter((filter) => filter.ids.length > 0)
    .map(inCondition);
  const where =
    conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const order = orderBy ? ` ORDER BY ${orderBy}` : '';
  return `SELECT ${fields.join(', ')} FROM ${object}${where}${order}`;
}

function inCondition({ field, ids }: IdFilter): string {
  for (const id of ids) {
    if (!isSalesforceId(id)) {
      throw new Error(`Refusing to put "${id}" in SOQL: not a Salesforce id`);
    }
  }
  return `${field} IN (${ids.map((id) => `'${id}'`).join(', ')})`;
}
