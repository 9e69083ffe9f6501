import { mkdtempSync, readdirSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { PageSpill } from './pageSpill';
import { ReadAhead } from './readAhead';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

/**
 * Waits for what the disk makes take longer under load than a settle
 * allows: a test that waits only 10 ms for five writes failed on a busy
 * machine.
 */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}`);
    await settle();
  }
}

async function* counting(count: number, pulled = { count: 0 }) {
  for (let item = 1; item <= count; item++) {
    await Promise.resolve();
    pulled.count++;
    yield item;
  }
}

async function* failingAfter(count: number) {
  yield* counting(count);
  throw new Error('cursor lost');
}

async function takeAll<T>(items: AsyncIterable<T>): Promise<T[]> {
  const taken: T[] = [];
  for await (const item of items) taken.push(item);
  return taken;
}

test('reads ahead up to its limit before anything is taken, then the rest', async () => {
  const pulled = { count: 0 };
  const ahead = new ReadAhead(counting(8, pulled), 3);
  await settle();
  expect(pulled.count).toBe(3);
  expect(await takeAll(ahead.take())).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(pulled.count).toBe(8);
});

test('a failure reaches the taker after the items read before it', async () => {
  const ahead = new ReadAhead(failingAfter(2), 5);
  await settle();
  const taken: number[] = [];
  await expect(async () => {
    for await (const item of ahead.take()) taken.push(item);
  }).rejects.toThrow('cursor lost');
  expect(taken).toEqual([1, 2]);
});

test('a failure while no one takes is not an unhandled rejection', async () => {
  const unhandled = jest.fn();
  process.on('unhandledRejection', unhandled);
  new ReadAhead(failingAfter(0), 5);
  await settle();
  process.off('unhandledRejection', unhandled);
  expect(unhandled).not.toHaveBeenCalled();
});

describe('with a spill', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'read-ahead-test-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));
  const spillFolders = () => readdirSync(tmp);

  test('reads to the end before anything is taken, beyond its limit on disk', async () => {
    const pulled = { count: 0 };
    const spill = new PageSpill<number>('Test', tmp);
    const written = jest.spyOn(spill, 'write');
    const ahead = new ReadAhead(counting(8, pulled), 3, spill);
    await until(() => pulled.count === 8, 'all 8 items to be read');
    await settle();
    expect(pulled.count).toBe(8);
    expect(written).toHaveBeenCalledTimes(5);
    expect(await takeAll(ahead.take())).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(spillFolders()).toEqual([]);
  });

  test('a taker that stops early stops the reading, and the disk is cleared', async () => {
    const pulled = { count: 0 };
    const ahead = new ReadAhead(
      slow(counting(100, pulled)),
      2,
      new PageSpill<number>('Test', tmp),
    );
    for await (const item of ahead.take()) {
      if (item === 3) break;
    }
    await until(() => spillFolders().length === 0, 'the disk to be cleared');
    const stoppedAt = pulled.count;
    await settle();
    expect(pulled.count).toBe(stoppedAt);
    expect(stoppedAt).toBeLessThan(100);
  });

  test('a disk that fails: reading holds to the limit from then on, told once', async () => {
    const pulled = { count: 0 };
    const spill = new PageSpill<number>('Test', path.join(tmp, 'missing'));
    const told = jest.fn();
    const ahead = new ReadAhead(counting(8, pulled), 3, spill, told);
    await until(() => told.mock.calls.length > 0, 'the disk failure');
    await settle();
    expect(pulled.count).toBe(4);
    expect(told).toHaveBeenCalledTimes(1);
    expect(told.mock.calls[0][0].message).toMatch(
      'Could not hold Test pages read ahead on disk',
    );
    expect(await takeAll(ahead.take())).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(told).toHaveBeenCalledTimes(1);
  });

  test('a failure reaches the taker after the items on disk', async () => {
    const ahead = new ReadAhead(
      failingAfter(4),
      1,
      new PageSpill<number>('Test', tmp),
    );
    await settle();
    const taken: number[] = [];
    await expect(async () => {
      for await (const item of ahead.take()) taken.push(item);
    }).rejects.toThrow('cursor lost');
    expect(taken).toEqual([1, 2, 3, 4]);
    expect(spillFolders()).toEqual([]);
  });
});

/** Items at least a few milliseconds apart, as pages from Salesforce are. */
async function* slow<T>(items: AsyncIterable<T>) {
  for await (const item of items) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    yield item;
  }
}
