import { Entity, Relationship } from '@jupiterone/integration-sdk-core';

/**
 * Runs the J1QL of the managed questions over a collected graph, so that
 * tests can check what each question finds. It reads only the subset of J1QL
 * the questions use and throws on anything else: a question written with more
 * fails its test instead of being read wrongly. How it reads that subset is
 * this project's reading of JupiterOne's documentation, not JupiterOne's
 * engine: `THAT` follows a relationship either way unless `>>` (from the
 * step before) or `<<` (to it) follows the verb; `property = 'x'` is true
 * of a list holding 'x'; `= undefined` is true of an absent property; dates
 * are compared as epoch milliseconds.
 */

type GraphObject = Record<string, unknown>;

export interface Graph {
  entities: Entity[];
  relationships: Relationship[];
}

type Value = string | number | boolean | undefined | { anyOf: Value[] };

interface Comparison {
  /** `undefined` in a WITH clause: the property of that step's entity. */
  alias?: string;
  property: string;
  operator: '=' | '!=' | '<' | '>';
  value: Value;
}

/** Comparisons joined by OR, each a list joined by AND. */
type Condition = Comparison[][];

interface Step {
  /** How this step is reached from the one before: a relationship class. */
  verb?: string;
  /** `>>`: from the step before to this one; `<<`: back; neither: either. */
  direction?: '>>' | '<<';
  relationshipAlias?: string;
  selectors: string[];
  filter?: Condition;
  alias?: string;
}

interface Query {
  steps: Step[];
  where?: Condition;
  returns: { alias: string; property: string }[];
}

const TOKEN = /'[^']*'|!=|>>|<<|[=<>+\-(),|]|[A-Za-z_][\w.]*|\d+/g;
const DAY_MS = 24 * 60 * 60 * 1000;

class Parser {
  private position = 0;
  private readonly tokens: string[];

  constructor(private readonly text: string) {
    this.tokens = text.match(TOKEN) ?? [];
    const unread = text.replace(TOKEN, '').trim();
    if (unread) throw this.error(`characters not understood: ${unread}`);
  }

  parse(): Query {
    this.expect('FIND');
    const steps = [this.step()];
    while (this.accept('THAT')) {
      const verb = this.next();
      const direction = this.accept('>>')
        ? '>>'
        : this.accept('<<')
        ? '<<'
        : undefined;
      const relationshipAlias = this.accept('AS') ? this.next() : undefined;
      steps.push({ ...this.step(), verb, direction, relationshipAlias });
    }
    const where = this.accept('WHERE') ? this.condition(true) : undefined;
    this.expect('RETURN');
    const returns = [this.reference()];
    while (this.accept(',')) returns.push(this.reference());
    if (this.position < this.tokens.length)
      throw this.error('text after RETURN');
    this.checkAliases(steps, [...(where?.flat() ?? []), ...returns]);
    return { steps, where, returns };
  }

  /** Every alias a WHERE or RETURN names must be one a step defines. */
  private checkAliases(steps: Step[], uses: { alias?: string }[]): void {
    const defined = new Set(
      steps.flatMap(({ alias, relationshipAlias }) => [
        alias,
        relationshipAlias,
      ]),
    );
    const unknown = uses.find(({ alias }) => !defined.has(alias));
    if (unknown) throw this.error(`no step is named ${unknown.alias}`);
  }

  private step(): Step {
    const selectors: string[] = [];
    if (this.accept('(')) {
      do selectors.push(this.next());
      while (this.accept('|'));
      this.expect(')');
    } else {
      selectors.push(this.next());
    }
    const filter = this.accept('WITH') ? this.condition(false) : undefined;
    const alias = this.accept('AS') ? this.next() : undefined;
    return { selectors, filter, alias };
  }

  private condition(qualified: boolean): Condition {
    const alternatives: Condition = [this.conjunction(qualified)];
    while (this.accept('OR')) alternatives.push(this.conjunction(qualified));
    return alternatives;
  }

  private conjunction(qualified: boolean): Comparison[] {
    const comparisons = [this.comparison(qualified)];
    while (this.accept('AND')) comparisons.push(this.comparison(qualified));
    return comparisons;
  }

  private comparison(qualified: boolean): Comparison {
    const { alias, property } = qualified
      ? this.reference()
      : { alias: undefined, property: this.next() };
    const operator = this.next();
    if (!['=', '!=', '<', '>'].includes(operator)) {
      throw this.error(`operator ${operator}`);
    }
    return {
      alias,
      property,
      operator: operator as Comparison['operator'],
      value: this.value(),
    };
  }

  private value(): Value {
    const token = this.next();
    if (token === '(') {
      const anyOf = [this.value()];
      while (this.accept('OR')) anyOf.push(this.value());
      this.expect(')');
      return { anyOf };
    }
    if (token.startsWith("'")) return token.slice(1, -1);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'undefined') return undefined;
    if (token === 'date.now') return Date.now() + this.dateOffset();
    if (/^\d+$/.test(token)) return Number(token);
    throw this.error(`value ${token}`);
  }

  private dateOffset(): number {
    const sign = this.accept('+') ? 1 : this.accept('-') ? -1 : 0;
    if (!sign) return 0;
    const amount = Number(this.next());
    this.expect('days');
    return sign * amount * DAY_MS;
  }

  private reference(): { alias: string; property: string } {
    const token = this.next();
    const [alias, property, ...rest] = token.split('.');
    if (!property || rest.length) {
      throw this.error(`expected alias.property, not ${token}`);
    }
    return { alias, property };
  }

  private accept(token: string): boolean {
    if (this.tokens[this.position] !== token) return false;
    this.position++;
    return true;
  }

  private expect(token: string): void {
    if (!this.accept(token)) throw this.error(`expected ${token}`);
  }

  private next(): string {
    const token = this.tokens[this.position++];
    if (token === undefined) throw this.error('unexpected end');
    return token;
  }

  private error(problem: string): Error {
    return new Error(
      `J1QL subset: ${problem}, at ${
        this.position < this.tokens.length
          ? `"${this.tokens[this.position]}"`
          : 'the end'
      } in:\n${this.text}`,
    );
  }
}

function equals(actual: unknown, expected: Value): boolean {
  if (typeof expected === 'object') {
    return expected.anyOf.some((option) => equals(actual, option));
  }
  if (expected === undefined) return actual === undefined || actual === null;
  if (Array.isArray(actual)) return actual.includes(expected);
  return actual === expected;
}

function holds(actual: unknown, { operator, value }: Comparison): boolean {
  switch (operator) {
    case '=':
      return equals(actual, value);
    case '!=':
      return !equals(actual, value);
    case '<':
    case '>':
      if (typeof actual !== 'number' || typeof value !== 'number') return false;
      return operator === '<' ? actual < value : actual > value;
  }
}

function satisfies(
  condition: Condition,
  read: (comparison: Comparison) => unknown,
): boolean {
  return condition.some((all) =>
    all.every((comparison) => holds(read(comparison), comparison)),
  );
}

function matchesSelector(entity: Entity, selectors: string[]): boolean {
  const classes = ([] as string[]).concat(entity._class);
  return selectors.some(
    (selector) => entity._type === selector || classes.includes(selector),
  );
}

/**
 * The graph as JupiterOne would hold it: a mapped relationship (user IS
 * Person) joins the entity its target describes, taken to exist, one
 * entity however many relationships map to it.
 */
function withMappedTargets(graph: Graph): Graph {
  const entities = [...graph.entities];
  const targets = new Set<string>();
  const relationships: Relationship[] = [];
  for (const relationship of graph.relationships) {
    const mapping = relationship._mapping as
      | { sourceEntityKey: string; targetEntity: GraphObject }
      | undefined;
    if (!mapping) {
      relationships.push(relationship);
      continue;
    }
    const targetKey = `mapped:${JSON.stringify(mapping.targetEntity)}`;
    if (!targets.has(targetKey)) {
      targets.add(targetKey);
      entities.push({
        ...mapping.targetEntity,
        _key: targetKey,
        _type: 'mapped_target',
      } as Entity);
    }
    relationships.push({
      ...relationship,
      _fromEntityKey: mapping.sourceEntityKey,
      _toEntityKey: targetKey,
    } as Relationship);
  }
  return { entities, relationships };
}

type Bindings = Record<string, GraphObject>;

/** The key at the far end of a relationship from an entity, if it leads on. */
function otherEnd(
  relationship: Relationship,
  from: Entity,
  direction: Step['direction'],
): string | undefined {
  const forward = relationship._fromEntityKey === from._key;
  const backward = relationship._toEntityKey === from._key;
  if (forward && direction !== '<<') return relationship._toEntityKey as string;
  if (backward && direction !== '>>')
    return relationship._fromEntityKey as string;
  return undefined;
}

/** A graph ready to query: its entities by key, relationships by end. */
interface Indexed {
  graph: Graph;
  byKey: Map<string, Entity>;
  touching: Map<string, Relationship[]>;
  /** The sizes indexed: a graph grown since is indexed again. */
  sizes: string;
}

/** Indexed once a graph, however many queries run over it. */
const indexes = new WeakMap<Graph, Indexed>();

function indexed(collected: Graph): Indexed {
  const sizes = `${collected.entities.length}/${collected.relationships.length}`;
  let index = indexes.get(collected);
  if (!index || index.sizes !== sizes) {
    const graph = withMappedTargets(collected);
    const touching = new Map<string, Relationship[]>();
    for (const relationship of graph.relationships) {
      const ends = new Set([
        relationship._fromEntityKey as string,
        relationship._toEntityKey as string,
      ]);
      for (const key of ends) {
        const list = touching.get(key);
        if (list) list.push(relationship);
        else touching.set(key, [relationship]);
      }
    }
    index = {
      graph,
      byKey: new Map(graph.entities.map((entity) => [entity._key, entity])),
      touching,
      sizes,
    };
    indexes.set(collected, index);
  }
  return index;
}

/** One row per path the query matches: `alias.property` to its value. */
export function runJ1ql(text: string, collected: Graph): GraphObject[] {
  const query = new Parser(text).parse();
  const { graph, byKey, touching } = indexed(collected);
  const candidates = query.steps.map(
    (step) =>
      new Set(
        graph.entities.filter(
          (entity) =>
            matchesSelector(entity, step.selectors) &&
            (!step.filter ||
              satisfies(step.filter, ({ property }) => entity[property])),
        ),
      ),
  );

  const paths: Bindings[] = [];
  const extend = (at: number, entity: Entity, bindings: Bindings) => {
    const step = query.steps[at];
    const bound = step.alias ? { ...bindings, [step.alias]: entity } : bindings;
    if (at === query.steps.length - 1) {
      paths.push(bound);
      return;
    }
    const nextStep = query.steps[at + 1];
    for (const relationship of touching.get(entity._key) ?? []) {
      if (relationship._class !== nextStep.verb) continue;
      const otherKey = otherEnd(relationship, entity, nextStep.direction);
      const other =
        otherKey === undefined ? undefined : byKey.get(otherKey as string);
      if (!other || !candidates[at + 1].has(other)) continue;
      extend(at + 1, other, {
        ...bound,
        ...(nextStep.relationshipAlias && {
          [nextStep.relationshipAlias]: relationship,
        }),
      });
    }
  };
  for (const entity of candidates[0]) extend(0, entity, {});

  const where = query.where;
  return paths
    .filter(
      (bindings) =>
        !where ||
        satisfies(where, ({ alias, property }) => bindings[alias!]?.[property]),
    )
    .map((bindings) =>
      Object.fromEntries(
        query.returns.map(({ alias, property }) => [
          `${alias}.${property}`,
          bindings[alias][property],
        ]),
      ),
    );
}
