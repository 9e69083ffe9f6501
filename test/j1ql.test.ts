import { Entity, Relationship } from '@jupiterone/integration-sdk-core';
import { Graph, runJ1ql } from '../scripts/lib/j1ql';

const entity = (_key: string, _type: string): Entity =>
  ({ _key, _type, _class: ['Group'], displayName: _key } as Entity);

// parent HAS child
const GRAPH: Graph = {
  entities: [entity('parent', 'group'), entity('child', 'group')],
  relationships: [
    {
      _key: 'parent|has|child',
      _type: 'group_has_group',
      _class: 'HAS',
      _fromEntityKey: 'parent',
      _toEntityKey: 'child',
    } as Relationship,
  ],
};

test('THAT follows a relationship either way, >> and << one way each', () => {
  const holders = (verb: string) =>
    runJ1ql(
      `FIND group AS g THAT ${verb} group AS n RETURN g.displayName`,
      GRAPH,
    )
      .map((row) => row['g.displayName'])
      .sort();
  expect(holders('HAS')).toEqual(['child', 'parent']);
  expect(holders('HAS >>')).toEqual(['parent']);
  expect(holders('HAS <<')).toEqual(['child']);
});

test.each([
  [
    'an alias no step defines',
    'FIND group AS g WHERE h.x = true RETURN g.displayName',
  ],
  [
    'J1QL outside the subset',
    'FIND group AS g WITH x <= 1 RETURN g.displayName',
  ],
  ['lower-case keywords', 'find group as g return g.displayName'],
])('refuses %s rather than guess', (_, query) => {
  expect(() => runJ1ql(query, GRAPH)).toThrow('J1QL subset');
});

describe('the rules the header documents', () => {
  const DAY_MS = 24 * 60 * 60 * 1000;
  const user = (name: string, properties: object): Entity =>
    ({
      _key: name,
      _type: 'user',
      _class: ['User'],
      displayName: name,
      ...properties,
    } as Entity);
  const isPerson = (from: string): Relationship =>
    ({
      _key: `${from}|is|person`,
      _type: 'user_is_person',
      _class: 'IS',
      _mapping: {
        sourceEntityKey: from,
        targetEntity: { _class: 'Person', email: 'a@example.com' },
      },
    } as unknown as Relationship);
  const graph: Graph = {
    entities: [
      user('ann', { privileges: ['A', 'B'], lastLoginOn: Date.now() }),
      user('bob', { privileges: ['C'] }),
      user('cy', { lastLoginOn: Date.now() - 100 * DAY_MS }),
    ],
    relationships: [isPerson('ann'), isPerson('bob')],
  };
  const names = (where: string) =>
    runJ1ql(`FIND user WITH ${where} AS u RETURN u.displayName`, graph)
      .map((row) => row['u.displayName'])
      .sort();

  test("prop = 'x' holds of a list with x; ('x' OR 'y') of one with either", () => {
    expect(names("privileges = 'B'")).toEqual(['ann']);
    expect(names("privileges = ('B' OR 'C')")).toEqual(['ann', 'bob']);
  });

  test('= undefined holds of an absent property, != of it too', () => {
    expect(names('lastLoginOn = undefined')).toEqual(['bob']);
    expect(names("privileges != 'C'")).toEqual(['ann', 'cy']);
  });

  test('date.now - N days compares epoch milliseconds', () => {
    expect(names('lastLoginOn < date.now - 90 days')).toEqual(['cy']);
  });

  test('two users mapped to one Person meet one Person entity', () => {
    expect(
      runJ1ql(
        'FIND Person AS p THAT IS user AS u RETURN u.displayName',
        graph,
      ).map((row) => row['u.displayName']),
    ).toEqual(['ann', 'bob']);
  });
});

test('an error names the token the reader stopped at', () => {
  expect(() => runJ1ql('FIND group AS g RETURNS g.displayName', GRAPH)).toThrow(
    'J1QL subset: expected RETURN, at "RETURNS"',
  );
});

test('a graph grown after a query is read as it is now', () => {
  const graph: Graph = {
    entities: [entity('a', 'group')],
    relationships: [],
  };
  const count = () =>
    runJ1ql('FIND group AS g RETURN g.displayName', graph).length;
  expect(count()).toBe(1);
  graph.entities.push(entity('b', 'group'));
  expect(count()).toBe(2);
});
