import { ReadAhead } from './readAhead';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

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
