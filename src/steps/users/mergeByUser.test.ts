import { MergeByUser, READ_AHEAD } from './mergeByUser';
import { IdOrder } from './idOrder';

interface Row {
  AssigneeId: string;
  PermissionSetId: string;
}

/** A 15-character user id from a serial of up to 12 characters. */
const user = (serial: string) => `005${serial.padStart(12, '0')}`;

/** Pages arrive one event-loop turn apart, as responses would. */
const arrival = () => new Promise((resolve) => setImmediate(resolve));

async function* pagesOf(rows: Row[], pageSize: number): AsyncGenerator<Row[]> {
  for (let i = 0; i < rows.length; i += pageSize) {
    await arrival();
    yield rows.slice(i, i + pageSize);
  }
}

/**
 * Pages of 1000 rows, one per user, users numbered on from `firstUser`;
 * `onPage` is called as each page is read.
 */
async function* oneRowPerUser(
  pages: number,
  firstUser: number,
  onPage: () => void = () => undefined,
): AsyncGenerator<Row[]> {
  for (let page = 0; page < pages; page++) {
    await arrival();
    onPage();
    yield Array.from({ length: 1000 }, (_, i) => ({
      AssigneeId: user(String(firstUser + page * 1000 + i)),
      PermissionSetId: 'ps',
    }));
  }
}

function merge(
  rows: AsyncIterable<Row[]>,
  tolerates?: (err: unknown) => boolean,
) {
  const unmatched: number[] = [];
  const merged = new MergeByUser(rows, new IdOrder(), {
    object: 'PermissionSetAssignment',
    userIdOf: (row: Row) => row.AssigneeId,
    valueOf: (row: Row) => row.PermissionSetId,
    onUnmatched: (count) => unmatched.push(count),
    tolerates,
  });
  return { merged, unmatched };
}

describe('IdOrder', () => {
  test('ids sorted without regard to case rule out case-sensitive order', () => {
    const order = new IdOrder();
    expect(order.isPast(user('b'), user('B'))).toBe(false);
    order.observe(user('a'), user('B'), 'User');
    // Only the case-insensitive order is left: b and B are equal in it.
    expect(order.isPast(user('b'), user('B'))).toBe(false);
    expect(order.isPast(user('c'), user('B'))).toBe(true);
  });

  test('ids sorted by case rule out case-insensitive order', () => {
    const order = new IdOrder();
    order.observe(user('Z'), user('a'), 'User');
    expect(order.isPast(user('a'), user('Z'))).toBe(true);
  });

  test('ids in neither order fail, naming the object and the ids', () => {
    const order = new IdOrder();
    order.observe(user('a'), user('B'), 'User');
    expect(() =>
      order.observe(user('c'), user('b'), 'PermissionSetAssignment'),
    ).toThrow(
      `Salesforce returned PermissionSetAssignment records out of id order (${user(
        'c',
      )} before ${user('b')})`,
    );
  });

  test('two objects sorted in different orders fail, naming both', () => {
    const order = new IdOrder();
    // Users sorted by case, assignments without regard to it.
    order.observe(user('Z'), user('a'), 'User');
    const mixed = () =>
      order.observe(user('a'), user('B'), 'PermissionSetAssignment');
    expect(mixed).toThrow(
      `Salesforce sorted PermissionSetAssignment records by id without regard to case (${user(
        'a',
      )} before ${user('B')}) and User records with regard to it (${user(
        'Z',
      )} before ${user('a')})`,
    );
    // Every later observation fails the same way, whoever makes it.
    expect(() => order.observe(user('c'), user('d'), 'User')).toThrow(
      'Salesforce sorted PermissionSetAssignment records',
    );
  });

  test('one object out of both orders, pair by pair, is named alone', () => {
    const order = new IdOrder();
    order.observe(user('Z'), user('a'), 'User');
    expect(() => order.observe(user('a'), user('B'), 'User')).toThrow(
      `Salesforce returned User records out of id order (${user(
        'a',
      )} before ${user('B')})`,
    );
  });

  test('the 18-character suffix does not count', () => {
    const order = new IdOrder();
    expect(order.isPast(`${user('1')}ZZZ`, `${user('1')}AAA`)).toBe(false);
  });
});

describe('MergeByUser', () => {
  const rows: Row[] = [
    { AssigneeId: user('01'), PermissionSetId: 'gone' }, // no such user
    { AssigneeId: user('02'), PermissionSetId: 'ps-a' },
    { AssigneeId: user('02'), PermissionSetId: 'ps-b' },
    { AssigneeId: user('04'), PermissionSetId: 'ps-a' },
    { AssigneeId: user('05'), PermissionSetId: 'filtered' }, // no such user
    { AssigneeId: user('06'), PermissionSetId: 'ps-c' },
    { AssigneeId: user('09'), PermissionSetId: 'ps-d' }, // after the last
  ];

  test('gives each page of users exactly their assignments', async () => {
    const { merged, unmatched } = merge(pagesOf(rows, 3));
    const first = await merged.forUsers([{ Id: user('02') }]);
    expect(Object.fromEntries(first)).toEqual({
      [user('02')]: ['ps-a', 'ps-b'],
    });
    const second = await merged.forUsers([
      { Id: user('03') },
      { Id: user('04') },
      { Id: user('06') },
    ]);
    expect(Object.fromEntries(second)).toEqual({
      [user('04')]: ['ps-a'],
      [user('06')]: ['ps-c'],
    });
    await merged.finish();
    await merged.stop();
    // 01 before the first user, 05 between users, 09 after the last.
    expect(unmatched).toEqual([1, 1, 1]);
  });

  test('a failure reading assignments fails the users waiting for them', async () => {
    async function* failing(): AsyncGenerator<Row[]> {
      await arrival();
      yield rows.slice(0, 2);
      await arrival();
      throw new Error('INVALID_SESSION_ID');
    }
    const { merged } = merge(failing());
    await expect(merged.forUsers([{ Id: user('06') }])).rejects.toThrow(
      'INVALID_SESSION_ID',
    );
    await merged.stop();
  });

  test('a failure it tolerates leaves the rows unknown instead', async () => {
    const refused: AsyncIterable<Row[]> = {
      [Symbol.asyncIterator]: () => ({
        next: () => Promise.reject(new Error('INSUFFICIENT_ACCESS')),
      }),
    };
    const { merged } = merge(refused, () => true);
    expect(merged.readable).toBe(true);
    const page = await merged.forUsers([{ Id: user('02') }]);
    expect(page.size).toBe(0);
    expect(merged.readable).toBe(false);
    await merged.finish();
    await merged.stop();
  });

  test('users far apart do not make it hold every row between them', async () => {
    const { merged, unmatched } = merge(oneRowPerUser(50, 1));
    // Two users left by a filter, the second near the end.
    const page = await merged.forUsers([
      { Id: user('1') },
      { Id: user('49000') },
    ]);
    expect(page.get(user('49000'))).toEqual(['ps']);
    expect(merged.peakHeld).toBeLessThanOrEqual(READ_AHEAD + 1000);
    await merged.finish();
    await merged.stop();
    expect(unmatched.reduce((sum, n) => sum + n, 0)).toBe(50_000 - 2);
  });

  test('rows after the last user are counted as they come, not held', async () => {
    const { merged, unmatched } = merge(oneRowPerUser(50, 2));
    // The only user a filter left, before every row.
    await merged.forUsers([{ Id: user('1') }]);
    await merged.finish();
    await merged.stop();
    expect(merged.peakHeld).toBeLessThanOrEqual(READ_AHEAD + 1000);
    expect(unmatched.reduce((sum, n) => sum + n, 0)).toBe(50_000);
  });

  test('reads only a bounded number of assignments ahead of the users', async () => {
    let pagesRead = 0;
    const { merged } = merge(oneRowPerUser(100, 1, () => pagesRead++));
    await merged.forUsers([{ Id: user('1') }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The pages holding READ_AHEAD assignments, and the one that passed it.
    expect(pagesRead).toBeLessThanOrEqual(READ_AHEAD / 1000 + 1);
    // Users further on are still served, the reader catching up.
    const later = await merged.forUsers([{ Id: user('50000') }]);
    expect(later.get(user('50000'))).toEqual(['ps']);
    await merged.stop();
    expect(pagesRead).toBeLessThan(100);
  });
});
