import { memberKind } from './converter';

test.each([
  ['005Do000000PVvJIAW', 'user'],
  ['00GDo000000JMyqMAG', 'group'],
  ['00EDo0000019yHaMAI', null],
])('memberKind(%s)', (id, kind) => {
  expect(memberKind(id)).toBe(kind);
});
