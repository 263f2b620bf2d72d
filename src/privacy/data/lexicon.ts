import { FNV_OFFSET, FNV_PRIME, KeyTable } from './key-table.js';

export { KeyTable, hashKey } from './key-table.js';

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

/** CLASS and FOLD in one lookup: class << 16 | folded code unit. */
const TABLE = new Uint32Array(0x10000);
for (let c = 0; c < 0x10000; c++) TABLE[c] = (CLASS[c]! << 16) | FOLD[c]!;

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

/**
 * How many leading characters of the Arabic word text[s, e) are proclitics: a conjunction (و ف), then "لل" or a
 * preposition (ب ل ك) and the article (ال), keeping at least three letters: "وبالسكري" → 4, "للسجن" → 2.
 */
export function procliticLength(folded: string): number {
  const codes = new Uint16Array(Math.min(folded.length, 6));
  for (let i = 0; i < codes.length; i++) codes[i] = folded.charCodeAt(i);
  return proclitics(codes, 0, folded.length);
}

/** procliticLength on code units text[s, e). */
function proclitics(codes: Uint16Array, s: number, e: number): number {
  const n = e - s;
  const c0 = FOLD[codes[s]!]!;
  let p = 0;
  if ((c0 === WAW || c0 === FA) && n - 1 >= 3) p = 1;
  const c = p < n ? FOLD[codes[s + p]!]! : 0;
  const c1 = p + 1 < n ? FOLD[codes[s + p + 1]!]! : 0;
  if (c === LAM && c1 === LAM && n - p - 2 >= 3) return p + 2;
  let q = p;
  if ((c === BA || c === LAM || c === KAF) && n - q - 1 >= 3) q++;
  const a0 = q < n ? FOLD[codes[s + q]!]! : 0;
  const a1 = q + 1 < n ? FOLD[codes[s + q + 1]!]! : 0;
  if (a0 === ALEF && a1 === LAM && n - q - 2 >= 3) q += 2;
  return q;
}

let units = new Uint16Array(4096);

/**
 * The UTF-16 code units of a text, in a reused typed array (valid until the next call). The word loop then reads
 * one kind of array whatever the string's internal form (flat, sliced or concatenated), which keeps it fast.
 */
function codeUnits(text: string): Uint16Array {
  const n = text.length;
  if (units.length < n) units = new Uint16Array(Math.max(n, units.length * 2));
  for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
  return units;
}

/** A folded Arabic word without its article, keeping three letters: "العلوي" → "علوي"; others unchanged. */
export const withoutArticle = (folded: string) =>
  folded.length >= 5 && folded.startsWith('ال') ? folded.slice(2) : folded;

/** The word without its Arabic proclitics (see procliticLength); other words unchanged. */
export const bareKey = (folded: string) => folded.slice(procliticLength(folded));

// Results of scanWord (module state: one word at a time, no allocation).
let wordHash = 0;
let wordSeen = 0;
let wordLetters = 0;
let wordUpper = 0;

/** Reads the word starting at text[i] (a letter or digit): its folded hash and classes. Returns its end. */
function scanWord(codes: Uint16Array, i: number, len: number): number {
  let h = FNV_OFFSET;
  let seen = 0; // one bit per character class
  let letters = 0;
  let upper = 0;
  let c = codes[i]!;
  let entry = TABLE[c]!;
  do {
    const cls = entry >>> 16;
    seen |= 1 << cls;
    if (cls !== 3) letters++;
    if (cls === 2) upper++;
    const f = entry & 0xffff;
    if (f !== 0xffff) h = Math.imul(h ^ f, FNV_PRIME);
    else h = hashMulti(h, c);
    i++;
    c = i < len ? codes[i]! : 0x20;
    entry = TABLE[c]!;
  } while (entry >>> 16 !== 0);
  wordHash = h;
  wordSeen = seen;
  wordLetters = letters;
  wordUpper = upper;
  return i;
}

function hashMulti(h: number, c: number): number {
  const m = MULTI.get(c)!;
  for (let k = 0; k < m.length; k++) h = Math.imul(h ^ m.charCodeAt(k), FNV_PRIME);
  return h;
}

/**
 * Continues a folded hash over the token range [from, to) of a text, the words joined by `joiner` (0 for none, or a
 * code unit such as 0x20): the hash of "ben jelloun" or "عبدالله" without building the string.
 */
export function joinedHash(t: Tokens, from: number, to: number, joiner: number): number {
  let h = FNV_OFFSET;
  for (let k = from; k < to; k++) {
    if (k > from && joiner !== 0) h = Math.imul(h ^ joiner, FNV_PRIME);
    for (let i = t.start[k]!; i < t.end[k]!; i++) {
      const c = t.text.charCodeAt(i);
      const f = FOLD[c]!;
      h = f !== 0xffff ? Math.imul(h ^ f, FNV_PRIME) : hashMulti(h, c);
    }
  }
  return h;
}

/** The folded hash of text[s, e). */
function hashRange(codes: Uint16Array, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let k = s; k < e; k++) {
    const c = codes[k]!;
    const f = FOLD[c]!;
    h = f !== 0xffff ? Math.imul(h ^ f, FNV_PRIME) : hashMulti(h, c);
  }
  return h;
}

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
  /** Which recognizers watch the word (see watchWords): unconfirmed hash hits, a cheap filter. */
  interest = new Uint8Array(256);
  private keys: (string | undefined)[] = [];

  /** Splits `text`, replacing what the object held. */
  read(text: string): this {
    this.text = text;
    this.keys.length = 0;
    let n = 0;
    const len = text.length;
    const codes = codeUnits(text);
    let i = 0;
    while (i < len) {
      if (CLASS[codes[i]!] === 0) {
        i++;
        continue;
      }
      const s = i;
      i = scanWord(codes, i, len);
      if (n === this.start.length) this.grow();
      this.record(n++, codes, s, i);
    }
    this.count = n;
    return this;
  }

  /** Records token n, text[s, e), from the scanWord results. */
  private record(n: number, codes: Uint16Array, s: number, e: number): void {
    const seen = wordSeen;
    const h = wordHash;
    this.start[n] = s;
    this.end[n] = e;
    this.hash[n] = h;
    const arabic = (seen & 0b10000) !== 0;
    this.kind[n] =
      (seen & 0b110 ? LATIN : 0) |
      (arabic ? ARABIC : 0) |
      (wordLetters === 0 ? DIGITS : 0) |
      (CLASS[codes[s]!] === 2 ? CAPITALIZED : 0) |
      (wordUpper >= 2 && wordUpper === wordLetters ? ALL_CAPS : 0);
    const skip = arabic && e - s > 3 ? proclitics(codes, s, e) : 0;
    this.bareSkip[n] = skip;
    let watched = WATCHED.get(h);
    if (skip === 0) this.bare[n] = h;
    else {
      const b = hashRange(codes, s + skip, e);
      this.bare[n] = b;
      watched |= WATCHED.get(b);
    }
    this.interest[n] = watched;
  }

  private grow(): void {
    const size = this.start.length * 2;
    this.start = copyInto(this.start, new Int32Array(size));
    this.end = copyInto(this.end, new Int32Array(size));
    this.kind = copyInto(this.kind, new Uint8Array(size));
    this.hash = copyInto(this.hash, new Int32Array(size));
    this.bare = copyInto(this.bare, new Int32Array(size));
    this.bareSkip = copyInto(this.bareSkip, new Uint8Array(size));
    this.interest = copyInto(this.interest, new Uint8Array(size));
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

/** Recognizers that watch words, as bits of Tokens.interest. */
export const WATCH_PERSON = 1;
export const WATCH_ADDRESS = 2;
export const WATCH_SENSITIVE = 4;

/**
 * Registers folded words a recognizer looks for: the tokenizer looks every word up once (and an Arabic word once
 * more without its proclitics), so a recognizer only visits the words it watches.
 */
export function watchWords(keys: Iterable<string>, bit: number): void {
  for (const k of keys) WATCHED.add(k, bit);
  shared.text = ''; // a text tokenized before this registration is read again
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

const WATCHED = new KeyTable();

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
