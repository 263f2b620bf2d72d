/**
 * Word-level machinery for the gazetteer and lexicon recognizers (PERSON, ADDRESS, SENSITIVE_*). The text is split
 * into words once per scan (every recognizer of a scan reads the same tokens), and each word is hashed while it is
 * read, in its folded form (lower case, no accents, Arabic letter variants unified): data lists are looked up by
 * hash in open-addressing tables, so most words are never turned into strings. A hash hit that matters is confirmed
 * on the folded string (see KeyTable.confirm).
 */

/** Token kinds, as bits. */
export const LATIN = 1;
export const ARABIC = 2;
export const DIGITS = 4;
/** The first character is an upper-case letter. */
export const CAPITALIZED = 8;
/** Two letters or more, all upper case. */
export const ALL_CAPS = 16;

/**
 * Character classes: 0 separator, 1 lower-case Latin, 2 upper-case Latin, 3 digit, 4 Arabic letter, 5 other letter.
 * FOLD gives each letter's folded code unit (0xFFFF: several, see MULTI).
 */
const CLASS = new Uint8Array(0x10000);
const FOLD = new Uint16Array(0x10000);
const MULTI = new Map<number, string>();
for (let c = 0; c < 0x0600; c++) {
  const ch = String.fromCharCode(c);
  if (c >= 0x30 && c <= 0x39) CLASS[c] = 3;
  else if (!/\p{L}/u.test(ch)) continue;
  else if (c >= 0x0370) CLASS[c] = 5;
  else CLASS[c] = /\p{Lu}/u.test(ch) ? 2 : 1;
  const f = ch
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace('œ', 'oe')
    .replace('æ', 'ae');
  if (f.length === 1) FOLD[c] = f.charCodeAt(0);
  else {
    FOLD[c] = 0xffff;
    MULTI.set(c, f);
  }
}
for (const [from, to] of [
  [0x0621, 0x064a],
  [0x066e, 0x06d3],
  [0x06fa, 0x06ff],
  [0x0750, 0x077f],
] as const) {
  for (let c = from; c <= to; c++) {
    CLASS[c] = 4;
    FOLD[c] = c;
  }
}
for (const [variants, base] of [
  ['أإآٱ', 'ا'],
  ['ؤ', 'و'],
  ['ئ', 'ي'],
  ['ةۀہ', 'ه'],
  ['ىی', 'ي'],
  ['کگڭ', 'ك'],
  ['ڤ', 'ف'],
  ['پ', 'ب'],
]) {
  for (const v of variants!) FOLD[v.charCodeAt(0)] = base!.charCodeAt(0);
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const ALEF = 0x627;
const LAM = 0x644;
const WAW = 0x648;
const FA = 0x641;
const BA = 0x628;
const KAF = 0x643;

/**
 * The folded form of a word: lower case, Latin accents removed (œ → oe), Arabic letter variants unified (hamza
 * seats, ta marbuta, alef maqsura, the Maghrebi and Persian letters of Darija). Characters that are not letters or
 * digits are kept as they are.
 */
export function foldWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const f = FOLD[c]!;
    out += f === 0 ? word[i] : f === 0xffff ? MULTI.get(c)! : String.fromCharCode(f);
  }
  return out;
}

/** The hash of a folded word (FNV-1a over its code units), as the tokenizer computes it. */
export function hashKey(folded: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < folded.length; i++) h = Math.imul(h ^ folded.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * How many leading characters of the Arabic word text[s, e) are proclitics: a conjunction (و ف), then "لل" or a
 * preposition (ب ل ك) and the article (ال), keeping at least three letters: "وبالسكري" → 4, "للسجن" → 2.
 */
export function procliticLength(text: string, s = 0, e = text.length): number {
  const n = e - s;
  const c0 = FOLD[text.charCodeAt(s)]!;
  let p = 0;
  if ((c0 === WAW || c0 === FA) && n - 1 >= 3) p = 1;
  const c = p < n ? FOLD[text.charCodeAt(s + p)]! : 0;
  const c1 = p + 1 < n ? FOLD[text.charCodeAt(s + p + 1)]! : 0;
  if (c === LAM && c1 === LAM && n - p - 2 >= 3) return p + 2;
  let q = p;
  if ((c === BA || c === LAM || c === KAF) && n - q - 1 >= 3) q++;
  const a0 = q < n ? FOLD[text.charCodeAt(s + q)]! : 0;
  const a1 = q + 1 < n ? FOLD[text.charCodeAt(s + q + 1)]! : 0;
  if (a0 === ALEF && a1 === LAM && n - q - 2 >= 3) q += 2;
  return q;
}

/** A folded Arabic word without its article, keeping three letters: "العلوي" → "علوي"; others unchanged. */
export const withoutArticle = (folded: string) =>
  folded.length >= 5 && folded.startsWith('ال') ? folded.slice(2) : folded;

/** The word without its Arabic proclitics (see procliticLength); other words unchanged. */
export const bareKey = (folded: string) => folded.slice(procliticLength(folded));

/** The words of a text: letter or digit runs (hyphens and apostrophes separate words). Reused between texts. */
export class Tokens {
  text = '';
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  kind = new Uint8Array(256);
  /** Hash of the folded word. */
  hash = new Int32Array(256);
  /** Arabic words: hash without the proclitics (see procliticLength), and their length; others: as hash, 0. */
  bare = new Int32Array(256);
  bareSkip = new Uint8Array(256);
  private keys: (string | undefined)[] = [];

  /** Splits `text`, replacing what the object held. */
  read(text: string): this {
    this.text = text;
    this.keys.length = 0;
    let n = 0;
    const len = text.length;
    let i = 0;
    while (i < len) {
      let c = text.charCodeAt(i);
      let cls = CLASS[c]!;
      if (cls === 0) {
        i++;
        continue;
      }
      const s = i;
      const first = cls;
      let seen = 0; // bit per class
      let letters = 0;
      let upper = 0;
      let h = FNV_OFFSET;
      do {
        seen |= 1 << cls;
        if (cls !== 3) letters++;
        if (cls === 2) upper++;
        const f = FOLD[c]!;
        if (f === 0xffff) {
          const m = MULTI.get(c)!;
          for (let k = 0; k < m.length; k++) h = Math.imul(h ^ m.charCodeAt(k), FNV_PRIME);
        } else h = Math.imul(h ^ f, FNV_PRIME);
        i++;
        c = i < len ? text.charCodeAt(i) : 0x20;
        cls = CLASS[c]!;
      } while (cls !== 0);
      if (n === this.start.length) this.grow();
      this.start[n] = s;
      this.end[n] = i;
      this.hash[n] = h;
      const arabic = (seen & 0b10000) !== 0;
      this.kind[n] =
        (seen & 0b110 ? LATIN : 0) |
        (arabic ? ARABIC : 0) |
        (letters === 0 ? DIGITS : 0) |
        (first === 2 ? CAPITALIZED : 0) |
        (upper >= 2 && upper === letters ? ALL_CAPS : 0);
      const skip = arabic && i - s > 3 ? procliticLength(text, s, i) : 0;
      this.bareSkip[n] = skip;
      if (skip === 0) this.bare[n] = h;
      else {
        let b = FNV_OFFSET;
        for (let k = s + skip; k < i; k++) b = Math.imul(b ^ FOLD[text.charCodeAt(k)]!, FNV_PRIME);
        this.bare[n] = b;
      }
      n++;
    }
    this.count = n;
    return this;
  }

  private grow(): void {
    const size = this.start.length * 2;
    this.start = copyInto(this.start, new Int32Array(size));
    this.end = copyInto(this.end, new Int32Array(size));
    this.kind = copyInto(this.kind, new Uint8Array(size));
    this.hash = copyInto(this.hash, new Int32Array(size));
    this.bare = copyInto(this.bare, new Int32Array(size));
    this.bareSkip = copyInto(this.bareSkip, new Uint8Array(size));
  }

  word(i: number): string {
    return this.text.slice(this.start[i]!, this.end[i]!);
  }

  /** The folded word, cached. */
  key(i: number): string {
    return (this.keys[i] ??= foldWord(this.word(i)));
  }

  /** The characters between token i - 1 and token i (from the text's start for i = 0). */
  gapBefore(i: number): string {
    return this.text.slice(i > 0 ? this.end[i - 1]! : 0, this.start[i]!);
  }

  /** Length of the gap before token i. */
  gapLength(i: number): number {
    return this.start[i]! - (i > 0 ? this.end[i - 1]! : 0);
  }

  is(i: number, bits: number): boolean {
    return (this.kind[i]! & bits) !== 0;
  }
}

function copyInto<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

const shared = new Tokens();
const scratch = new Tokens();

/**
 * The tokens of a normalized text. One object is reused: the result is valid until the next call with another
 * text, which is how a scan uses it (recognizers run one after the other on the same text).
 */
export function tokenize(text: string): Tokens {
  return shared.text === text && text.length > 0 ? shared : shared.read(text);
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

/** The folded words of a phrase, split as the tokenizer splits text ("Ben-Jelloun" → ["ben", "jelloun"]). */
export function phraseKeys(phrase: string): string[] {
  const t = scratch.read(phrase);
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) out.push(t.key(i));
  return out;
}

/** Folded keys of a list ("Ben Jelloun" → "ben jelloun"), for single- and multi-word lookups. */
export function keysOf(words: Iterable<string>): string[] {
  const out: string[] = [];
  for (const w of words) {
    const k = phraseKeys(w).join(' ');
    if (k.length > 0) out.push(k);
  }
  return out;
}

/**
 * Expands a compact lexicon entry: each "(a|b|)" group is one choice ("diabétique(|s)" → diabétique, diabétiques;
 * "séropositi(f|ve)" → séropositif, séropositive). Groups do not nest.
 */
export function expand(entry: string): string[] {
  const open = entry.indexOf('(');
  if (open < 0) return [entry];
  const close = entry.indexOf(')', open);
  if (close < 0) throw new Error(`unbalanced lexicon entry: ${entry}`);
  const head = entry.slice(0, open);
  const rest = expand(entry.slice(close + 1));
  const out: string[] = [];
  for (const choice of entry.slice(open + 1, close).split('|'))
    for (const r of rest) out.push(head + choice + r);
  return out;
}
