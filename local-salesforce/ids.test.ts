import { loadDevOrg } from './dataset';
import {
  caseSafeSuffix,
  isCaseSafeId,
  KEY_PREFIXES,
  makeId,
  toCaseSafeId,
} from './ids';

describe('caseSafeSuffix', () => {
  test('matches the suffix of a dev org user id', () => {
    expect(caseSafeSuffix('005Do000000PVvJ')).toBe('IAW');
  });

  test('matches the suffix of every id in the dev org', () => {
    const ids = Object.values(loadDevOrg()).flatMap((records) =>
      records.map((record) => record.Id),
    );

    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) {
      expect(toCaseSafeId(id.slice(0, 15))).toBe(id);
    }
  });

  test('maps all-uppercase chunks to the last letters of its alphabet', () => {
    expect(caseSafeSuffix('ABCDEABCDEABCDE')).toBe('555');
    expect(caseSafeSuffix('abcde01234fghij')).toBe('AAA');
  });

  test('refuses an id that is not 15 characters long', () => {
    expect(() => caseSafeSuffix('005Do000000PVvJIAW')).toThrow(/15-character/);
  });
});

describe('makeId', () => {
  test('makes case-safe ids with the object key prefix', () => {
    const id = makeId('PermissionSetAssignment', 12345);

    expect(id).toHaveLength(18);
    expect(id.startsWith(KEY_PREFIXES.PermissionSetAssignment)).toBe(true);
    expect(isCaseSafeId(id)).toBe(true);
  });

  test('makes distinct ids for distinct serials', () => {
    const ids = new Set(
      Array.from({ length: 10000 }, (_, i) => makeId('User', i)),
    );

    expect(ids.size).toBe(10000);
  });
});

describe('isCaseSafeId', () => {
  test('rejects a wrong suffix', () => {
    expect(isCaseSafeId('005Do000000PVvJIAW')).toBe(true);
    expect(isCaseSafeId('005Do000000PVvJIAA')).toBe(false);
  });
});
