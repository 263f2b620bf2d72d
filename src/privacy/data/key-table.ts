/**
 * Lookup tables keyed by the hash of folded words (see lexicon.ts): the tokenizer hashes each word while reading it,
 * so a table answers without a string; a hit that matters is confirmed on the folded string.
 */

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** The hash of a folded word (FNV-1a over its code units), as the tokenizer computes it. */
export function hashKey(folded: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < folded.length; i++) h = Math.imul(h ^ folded.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Folded lookup keys → bits, by hash (open addressing). Keys that share a hash share their bits. */
export class KeyTable {
  private size = 0;
  private mask = 1023;
  private hashes = new Int32Array(1024);
  private used = new Uint8Array(1024);
  private values = new Int32Array(1024);
  private keys: string[][] = [];

  /** Adds bits to a folded key (multi-word keys: words joined by one space). */
  add(key: string, bits: number): void {
    if (this.size * 2 >= this.mask) this.rehash();
    const h = hashKey(key);
    const slot = this.slot(h);
    if (!this.used[slot]) {
      this.used[slot] = 1;
      this.hashes[slot] = h;
      this.keys[slot] = [key];
      this.size++;
    } else if (!this.keys[slot]!.includes(key)) this.keys[slot]!.push(key);
    this.values[slot]! |= bits;
  }

  /** Bits of a hash (0 when absent); unconfirmed: another word may share the hash (see confirm). */
  get(hash: number): number {
    const slot = this.slot(hash);
    return this.used[slot] ? this.values[slot]! : 0;
  }

  /** Bits of a folded key, confirmed. */
  of(key: string): number {
    const slot = this.slot(hashKey(key));
    return this.used[slot] && this.keys[slot]!.includes(key) ? this.values[slot]! : 0;
  }

  /** Whether a hash hit is the key itself, not another word with the same hash. */
  confirm(hash: number, key: string): boolean {
    const slot = this.slot(hash);
    return this.used[slot] === 1 && this.keys[slot]!.includes(key);
  }

  private slot(hash: number): number {
    let s = (hash ^ (hash >>> 15)) & this.mask;
    while (this.used[s] && this.hashes[s] !== hash) s = (s + 1) & this.mask;
    return s;
  }

  private rehash(): void {
    const old = { hashes: this.hashes, used: this.used, values: this.values, keys: this.keys };
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.values = new Int32Array(size);
    this.keys = [];
    for (let s = 0; s < old.used.length; s++) {
      if (!old.used[s]) continue;
      const slot = this.slot(old.hashes[s]!);
      this.used[slot] = 1;
      this.hashes[slot] = old.hashes[s]!;
      this.values[slot] = old.values[s]!;
      this.keys[slot] = old.keys[s]!;
    }
  }
}
