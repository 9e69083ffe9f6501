import { IdSet } from './idSet';

/** Distinct 18-character ids in the shape Salesforce gives them. */
function recordIds(count: number, prefix = '0Pa'): string[] {
  return Array.from(
    { length: count },
    (_, n) => `${prefix}Do${n.toString(36).padStart(10, '0')}AAA`,
  );
}

test('holds each id once, through many growths', () => {
  const ids = recordIds(50_000);
  const set = new IdSet();
  for (const id of ids) set.add(id);
  for (const id of ids) set.add(id);
  expect(set.size).toBe(ids.length);
  expect(ids.every((id) => set.has(id))).toBe(true);
  expect(recordIds(10, '005').some((id) => set.has(id))).toBe(false);
});

test('ids differing only in case are different records', () => {
  const set = new IdSet();
  set.add('005Do000000PVvJIAW');
  expect(set.has('005Do000000PVvjIAW')).toBe(false);
  expect(set.has('005DO000000PVvJIAW')).toBe(false);
});

test('the 15- and 18-character forms of an id are one record', () => {
  const set = new IdSet();
  set.add('005Do000000PVvJIAW');
  expect(set.has('005Do000000PVvJ')).toBe(true);
  set.add('005Do000000PVvJ');
  expect(set.size).toBe(1);
});

test('keeps what is not a record id as it is', () => {
  const set = new IdSet();
  for (const id of ['a-b-c', '', '005Do000000PVv!IAW', 'é'.repeat(15)]) {
    set.add(id);
    expect(set.has(id)).toBe(true);
  }
  expect(set.has('005Do000000PVv_IAW')).toBe(false);
  expect(set.size).toBe(4);
});
