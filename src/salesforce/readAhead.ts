/**
 * Reads items of an async source in the background, ahead of whoever will
 * take them, and holds at most `limit` at a time: the reading pauses until
 * some are taken. A failure to read is thrown to the taker once the items
 * read before it are taken.
 */
export class ReadAhead<T> {
  private readonly held: T[] = [];
  private ended = false;
  private failure?: { error: unknown };
  private wakeTaker: () => void = () => undefined;
  private wakeReader: () => void = () => undefined;

  constructor(source: AsyncIterable<T>, private readonly limit: number) {
    void this.read(source);
  }

  /** The items, in order: those held first, then the rest as they arrive. */
  async *take(): AsyncGenerator<T> {
    for (;;) {
      const item = this.held.shift();
      if (item !== undefined) {
        this.wakeReader();
        yield item;
      } else if (this.ended) {
        if (this.failure) throw this.failure.error;
        return;
      } else {
        await new Promise<void>((resolve) => (this.wakeTaker = resolve));
      }
    }
  }

  private async read(source: AsyncIterable<T>): Promise<void> {
    try {
      for await (const item of source) {
        this.held.push(item);
        this.wakeTaker();
        while (this.held.length >= this.limit) {
          await new Promise<void>((resolve) => (this.wakeReader = resolve));
        }
      }
    } catch (error) {
      this.failure = { error };
    } finally {
      this.ended = true;
      this.wakeTaker();
    }
  }
}
