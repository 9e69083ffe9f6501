import { PageSpill } from './pageSpill';

/** An item read: in memory, or written to disk by the spill. */
type Held<T> = { item: T } | { file: string };

/**
 * Reads items of an async source in the background, ahead of whoever will
 * take them, and holds at most `limit` in memory. Beyond that the reading
 * pauses until some are taken; or, given a spill, goes on to the end, the
 * items beyond the limit written to disk. Should the disk fail, the reading
 * pauses as without a spill from then on, and `onSpillFailed` is told. A
 * failure to read is thrown to the taker once the items read before it
 * are taken. A taker that stops early stops the reading too.
 */
export class ReadAhead<T> {
  private readonly held: Held<T>[] = [];
  private inMemory = 0;
  private ended = false;
  private takerGone = false;
  private spilling: boolean;
  private failure?: { error: unknown };
  private wakeTaker: () => void = () => undefined;
  private wakeReader: () => void = () => undefined;

  constructor(
    source: AsyncIterable<T>,
    private readonly limit: number,
    private readonly spill?: PageSpill<T>,
    private readonly onSpillFailed: (err: Error) => void = () => undefined,
  ) {
    this.spilling = spill !== undefined;
    void this.read(source);
  }

  /** The items, in order: those held first, then the rest as they arrive. */
  async *take(): AsyncGenerator<T> {
    try {
      for (;;) {
        const next = this.held.shift();
        if (next !== undefined) {
          yield await this.unpack(next);
        } else if (this.ended) {
          if (this.failure) throw this.failure.error;
          return;
        } else {
          await new Promise<void>((resolve) => (this.wakeTaker = resolve));
        }
      }
    } finally {
      this.takerGone = true;
      this.wakeReader();
      if (this.ended) await this.spill?.remove();
    }
  }

  private async unpack(held: Held<T>): Promise<T> {
    if ('file' in held) return (this.spill as PageSpill<T>).read(held.file);
    this.inMemory--;
    this.wakeReader();
    return held.item;
  }

  private async read(source: AsyncIterable<T>): Promise<void> {
    try {
      for await (const item of source) {
        await this.hold(item);
        this.wakeTaker();
        while (
          !this.spilling &&
          this.inMemory >= this.limit &&
          !this.takerGone
        ) {
          await new Promise<void>((resolve) => (this.wakeReader = resolve));
        }
        if (this.takerGone) break;
      }
    } catch (error) {
      this.failure = { error };
    } finally {
      this.ended = true;
      this.wakeTaker();
      if (this.takerGone) await this.spill?.remove();
    }
  }

  private async hold(item: T): Promise<void> {
    if (this.spill && this.spilling && this.inMemory >= this.limit) {
      try {
        this.held.push({ file: await this.spill.write(item) });
        return;
      } catch (err) {
        this.spilling = false;
        this.onSpillFailed(err);
      }
    }
    this.held.push({ item });
    this.inMemory++;
  }
}
