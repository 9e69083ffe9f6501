const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let digit = 0; digit < BASE62.length; digit++) {
  DIGIT_OF[BASE62.charCodeAt(digit)] = digit;
}

/** Five base-62 characters fit in 32 bits (62^5 < 2^32). */
const CHARS_PER_WORD = 5;
const WORDS = 3;
const INITIAL_SLOTS = 1024;
const MAX_LOAD = 0.75;

/**
 * A set of Salesforce record ids that takes 16 to 32 bytes an id,
 * outside the JavaScript heap: a query remembers every id it yielded (to
 * yield each record once), and join objects run to millions of rows. A
 * string Set costs about 60 bytes an id, all of it for the garbage
 * collector to trace. An id is kept as the three 32-bit words of its
 * 15-character form: the 18-character form only adds a checksum of the
 * case, which is not compared. Anything else is kept as a string.
 */
export class IdSet {
  private words = new Uint32Array(INITIAL_SLOTS * WORDS);
  private slots = INITIAL_SLOTS;
  private used = 0;
  private readonly others = new Set<string>();
  private readonly key = new Uint32Array(WORDS);

  get size(): number {
    return this.used + this.others.size;
  }

  has(id: string): boolean {
    if (!this.encode(id)) return this.others.has(id);
    return this.words[this.slotOf(this.key) * WORDS] !== 0;
  }

  add(id: string): void {
    if (!this.encode(id)) {
      this.others.add(id);
      return;
    }
    const slot = this.slotOf(this.key);
    if (this.words[slot * WORDS] !== 0) return;
    this.words.set(this.key, slot * WORDS);
    this.used++;
    if (this.used > this.slots * MAX_LOAD) this.grow();
  }

  /**
   * Puts the id's words in `key`, the first one plus one so that a zero
   * word marks an empty slot; false when the id is not a record id.
   */
  private encode(id: string): boolean {
    if (id.length !== 15 && id.length !== 18) return false;
    for (let word = 0; word < WORDS; word++) {
      let value = 0;
      for (let char = 0; char < CHARS_PER_WORD; char++) {
        const code = id.charCodeAt(word * CHARS_PER_WORD + char);
        const digit = code < 128 ? DIGIT_OF[code] : -1;
        if (digit < 0) return false;
        value = value * 62 + digit;
      }
      this.key[word] = word === 0 ? value + 1 : value;
    }
    return true;
  }

  /** The slot holding `key`, or the empty one where it belongs. */
  private slotOf(key: Uint32Array): number {
    const mask = this.slots - 1;
    let slot =
      Math.imul(
        key[0] ^ Math.imul(key[1], 0x9e3779b1) ^ Math.imul(key[2], 0x85ebca6b),
        0xc2b2ae35,
      ) & mask;
    for (;;) {
      const at = slot * WORDS;
      const first = this.words[at];
      if (
        first === 0 ||
        (first === key[0] &&
          this.words[at + 1] === key[1] &&
          this.words[at + 2] === key[2])
      ) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.words;
    this.slots *= 2;
    this.words = new Uint32Array(this.slots * WORDS);
    for (let at = 0; at < old.length; at += WORDS) {
      if (old[at] !== 0) {
        const entry = old.subarray(at, at + WORDS);
        this.words.set(entry, this.slotOf(entry) * WORDS);
      }
    }
  }
}
