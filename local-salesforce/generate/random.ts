/**
 * A seeded pseudo-random source (mulberry32), so that one size always
 * yields the same org.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, bound). */
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /**
   * `count` distinct integers in [0, bound), by Floyd's algorithm: exactly
   * `count` draws however close `count` is to `bound`.
   */
  distinctInts(count: number, bound: number): number[] {
    if (count > bound) {
      throw new Error(`Cannot draw ${count} distinct integers below ${bound}`);
    }
    const chosen = new Set<number>();
    for (let candidate = bound - count; candidate < bound; candidate++) {
      const drawn = this.int(candidate + 1);
      chosen.add(chosen.has(drawn) ? candidate : drawn);
    }
    return [...chosen];
  }
}
