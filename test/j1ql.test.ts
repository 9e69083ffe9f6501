import { Entity, Relationship } from '@jupiterone/integration-sdk-core';
import { Graph, runJ1ql } from './j1ql';

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
