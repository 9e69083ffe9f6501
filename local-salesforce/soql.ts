import { ApiError } from './api-error';
import { ObjectSchema, resolveSchema } from './dataset';
import { malformedQuery, pointAt, Token, tokenize } from './soql-tokens';

export type SoqlValue = string | boolean | null;

export interface SoqlCondition {
  field: string;
  operator: 'IN' | '=' | '!=';
  values: SoqlValue[];
  /**
   * Set when the condition is on a record the queried one looks up
   * (`PermissionSet.IsOwnedByProfile`): `field` is then that record's.
   */
  through?: { lookupField: string; objectName: string };
}

export interface SoqlQuery {
  objectName: string;
  fields: string[];
  where: SoqlCondition[];
  orderBy?: { field: string; descending: boolean };
  limit?: number;
}

export type SchemaResolver = (objectName: string) => ObjectSchema | undefined;

/**
 * Parses the subset of SOQL this server answers:
 * `SELECT f, ... FROM Object [WHERE c [AND c]*] [ORDER BY f [ASC|DESC]]
 * [LIMIT n]` where c is `f IN (...)`, `f = v` or `f != v`, and in a
 * condition f may name a field of a record the object looks up
 * (`Lookup.Field`, through the `LookupId` field).
 * Object and field names are matched in any case and returned in the
 * schema's case. Throws ApiError worded as Salesforce words it.
 */
export function parseSoql(
  soql: string,
  resolve: SchemaResolver = resolveSchema,
): SoqlQuery {
  const parsed = new SoqlParser(soql).parse();
  return resolveNames(soql, parsed, resolve);
}

interface FieldReference {
  name: string;
  offset: number;
}

interface ParsedQuery {
  object: FieldReference;
  fields: FieldReference[];
  where: Array<Omit<SoqlCondition, 'field'> & { field: FieldReference }>;
  orderBy?: { field: FieldReference; descending: boolean };
  limit?: number;
}

const RESERVED = new Set(
  'AND ASC BY DESC FROM IN LIMIT NOT NULL OR ORDER SELECT WHERE'.split(' '),
);

const KEYWORD_VALUES: Record<string, SoqlValue> = {
  NULL: null,
  TRUE: true,
  FALSE: false,
};

class SoqlParser {
  private readonly tokens: Token[];
  private position = 0;

  constructor(private readonly soql: string) {
    this.tokens = tokenize(soql);
  }

  parse(): ParsedQuery {
    this.expectKeyword('SELECT');
    const fields = this.parseFieldList();
    this.expectKeyword('FROM');
    const query: ParsedQuery = { object: this.expectName(), fields, where: [] };
    if (this.acceptKeyword('WHERE')) {
      query.where = this.parseConditions();
    }
    if (this.acceptKeyword('ORDER')) {
      this.expectKeyword('BY');
      query.orderBy = this.parseOrdering();
    }
    if (this.acceptKeyword('LIMIT')) {
      query.limit = Number(this.expect('number').text);
    }
    this.expect('end');
    return query;
  }

  private parseFieldList(): FieldReference[] {
    const fields = [this.expectName()];
    while (this.acceptSymbol(',')) {
      fields.push(this.expectName());
    }
    return fields;
  }

  private parseConditions(): ParsedQuery['where'] {
    const conditions = [this.parseCondition()];
    while (this.acceptKeyword('AND')) {
      conditions.push(this.parseCondition());
    }
    return conditions;
  }

  private parseCondition(): ParsedQuery['where'][0] {
    const field = this.expectName();
    if (this.acceptKeyword('IN')) {
      return { field, operator: 'IN', values: this.parseValueList() };
    }
    if (this.acceptSymbol('=')) {
      return { field, operator: '=', values: [this.parseValue()] };
    }
    if (this.acceptSymbol('!=') || this.acceptSymbol('<>')) {
      return { field, operator: '!=', values: [this.parseValue()] };
    }
    throw this.unexpected();
  }

  private parseValueList(): SoqlValue[] {
    this.expectSymbol('(');
    const values = [this.parseValue()];
    while (this.acceptSymbol(',')) {
      values.push(this.parseValue());
    }
    this.expectSymbol(')');
    return values;
  }

  private parseValue(): SoqlValue {
    const token = this.peek();
    if (token.kind === 'string') {
      this.position++;
      return token.text;
    }
    const keyword = token.kind === 'word' ? token.text.toUpperCase() : '';
    if (keyword in KEYWORD_VALUES) {
      this.position++;
      return KEYWORD_VALUES[keyword];
    }
    throw this.unexpected();
  }

  private parseOrdering(): ParsedQuery['orderBy'] {
    const field = this.expectName();
    const descending = this.acceptKeyword('DESC');
    if (!descending) {
      this.acceptKeyword('ASC');
    }
    return { field, descending };
  }

  private peek(): Token {
    return this.tokens[this.position];
  }

  private expect(kind: Token['kind']): Token {
    const token = this.peek();
    if (token.kind !== kind) {
      throw this.unexpected();
    }
    this.position++;
    return token;
  }

  private expectName(): FieldReference {
    const token = this.expect('word');
    if (RESERVED.has(token.text.toUpperCase())) {
      this.position--;
      throw this.unexpected();
    }
    return { name: token.text, offset: token.offset };
  }

  private acceptKeyword(keyword: string): boolean {
    const token = this.peek();
    const matches =
      token.kind === 'word' && token.text.toUpperCase() === keyword;
    if (matches) {
      this.position++;
    }
    return matches;
  }

  private expectKeyword(keyword: string): void {
    if (!this.acceptKeyword(keyword)) {
      throw this.unexpected();
    }
  }

  private acceptSymbol(symbol: string): boolean {
    const token = this.peek();
    const matches = token.kind === 'symbol' && token.text === symbol;
    if (matches) {
      this.position++;
    }
    return matches;
  }

  private expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) {
      throw this.unexpected();
    }
  }

  private unexpected(): ApiError {
    const token = this.peek();
    return malformedQuery(this.soql, token.offset, token.text);
  }
}

function resolveNames(
  soql: string,
  parsed: ParsedQuery,
  resolve: SchemaResolver,
): SoqlQuery {
  const schema = resolve(parsed.object.name);
  if (!schema) {
    throw invalidType(soql, parsed.object);
  }
  const canonical = canonicalFieldNames(schema);
  const field = (reference: FieldReference): string => {
    const name = canonical.get(reference.name.toLowerCase());
    if (!name) {
      throw invalidField(soql, reference, schema.name);
    }
    return name;
  };
  return {
    objectName: schema.name,
    fields: parsed.fields.map(field),
    where: parsed.where.map((c) =>
      c.field.name.includes('.')
        ? {
            ...c,
            ...lookupCondition(soql, c.field, canonical, schema, resolve),
          }
        : { ...c, field: field(c.field) },
    ),
    orderBy: parsed.orderBy && {
      field: field(parsed.orderBy.field),
      descending: parsed.orderBy.descending,
    },
    limit: parsed.limit,
  };
}

/**
 * `Lookup.Field`: the object must have `LookupId`, and the object of that
 * name `Field`. Deeper paths, and lookups whose object is named otherwise
 * (Owner, polymorphic ones), are not served.
 */
function lookupCondition(
  soql: string,
  reference: FieldReference,
  canonical: Map<string, string>,
  schema: ObjectSchema,
  resolve: SchemaResolver,
): Pick<SoqlCondition, 'field' | 'through'> {
  const [lookup, name, ...deeper] = reference.name.split('.');
  const lookupField = canonical.get(`${lookup}id`.toLowerCase());
  const target = resolve(lookup);
  const field = target && canonicalFieldNames(target).get(name.toLowerCase());
  if (deeper.length > 0 || !lookupField || !target || !field) {
    throw invalidField(soql, reference, schema.name);
  }
  return { field, through: { lookupField, objectName: target.name } };
}

function canonicalFieldNames(schema: ObjectSchema): Map<string, string> {
  return new Map(schema.fields.map((name) => [name.toLowerCase(), name]));
}

function invalidType(soql: string, object: FieldReference): ApiError {
  return new ApiError(
    400,
    'INVALID_TYPE',
    pointAt(
      soql,
      object.offset,
      `sObject type '${object.name}' is not supported. If you are ` +
        `attempting to use a custom object, be sure to append the '__c' ` +
        `after the entity name. Please reference your WSDL or the describe ` +
        `call for the appropriate names.`,
    ),
  );
}

function invalidField(
  soql: string,
  field: FieldReference,
  objectName: string,
): ApiError {
  return new ApiError(
    400,
    'INVALID_FIELD',
    pointAt(
      soql,
      field.offset,
      `No such column '${field.name}' on entity '${objectName}'. If you are ` +
        `attempting to use a custom field, be sure to append the '__c' ` +
        `after the custom field name. Please reference your WSDL or the ` +
        `describe call for the appropriate names.`,
    ),
  );
}
