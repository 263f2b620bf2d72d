/**
 * Features of the language identifier: hashed character n-grams of each word (with its boundaries) and the
 * word itself. Training and identification share this file, so the model always sees the features it was
 * trained on. Everything runs over a precomputed table of the Basic Multilingual Plane: no regex per character.
 */

/** Not part of a word. */
const SEPARATOR = 0;
/** Inside a word but carries no signal: Arabic diacritics, tatweel, combining marks. */
const SKIP = 1;
const BOUNDARY = 0x20;
const MAX_WORD_UNITS = 40;

let foldTable: Uint16Array | undefined;

/**
 * Maps each BMP code unit to what the identifier sees: letters lowercased, Arabic alef and yeh variants and
 * Persian look-alikes unified (spelling habits, not languages), Arabic-Indic digits to ASCII digits
 * (Arabizi uses digits as letters), everything else a separator. Built once, in a few milliseconds.
 */
function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const digit = /\p{Nd}/u;
  const unify: Record<string, string> = {
    أ: 'ا',
    إ: 'ا',
    آ: 'ا',
    ٱ: 'ا',
    ى: 'ي',
    ی: 'ي',
    ک: 'ك',
  };
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (c === 0x0640 || mark.test(ch)) table[c] = SKIP;
    else if (letter.test(ch)) {
      const folded = unify[ch] ?? ch.toLowerCase();
      table[c] = folded.length === 1 ? folded.charCodeAt(0) : c;
    } else if (digit.test(ch)) {
      const value = Number.parseInt(ch.normalize('NFKD'), 10);
      table[c] = Number.isNaN(value) ? digitValue(c) : 0x30 + value;
    }
  }
  return table;
}

/** Arabic-Indic (U+0660) and extended Arabic-Indic (U+06F0) digits do not NFKD-decompose to ASCII. */
function digitValue(c: number): number {
  for (const zero of [0x0660, 0x06f0, 0x07c0, 0x0966]) if (c >= zero && c <= zero + 9) return 0x30 + c - zero;
  return 0x30;
}

export function fold(): Uint16Array {
  foldTable ??= buildFoldTable();
  return foldTable;
}

const isDigit = (unit: number) => unit >= 0x30 && unit <= 0x39;

/** The writing system of a word, from its first letter. The identifier only compares languages of that script. */
export const enum WordScript {
  Latin = 0,
  Arabic = 1,
  Tifinagh = 2,
  /** Cyrillic, Han, Devanagari…: letters of languages the platform does not serve. */
  Other = 3,
}

/** Amazigh Latin orthography uses IPA letters (ɣ ɛ, below U+0300) and, in some hands, Greek γ and ε. */
export function scriptOfUnit(unit: number): WordScript {
  if (unit < 0x300 || (unit >= 0x1e00 && unit <= 0x1eff) || unit === 0x3b3 || unit === 0x3b5) {
    return WordScript.Latin;
  }
  if (
    (unit >= 0x0600 && unit <= 0x06ff) ||
    (unit >= 0x0750 && unit <= 0x077f) ||
    (unit >= 0x08a0 && unit <= 0x08ff) ||
    (unit >= 0xfb50 && unit <= 0xfeff)
  ) {
    return WordScript.Arabic;
  }
  return unit >= 0x2d30 && unit <= 0x2d7f ? WordScript.Tifinagh : WordScript.Other;
}

/** One word as the identifier sees it: folded units in a reused buffer, its script and its place in the text. */
export interface Word {
  start: number;
  end: number;
  units: Uint16Array;
  length: number;
  script: WordScript;
  /** Letters (not digits) in the word. */
  letters: number;
}

/**
 * Calls `visit` for each word of `text[from, to)` that contains a letter. Numbers alone ("1993") say nothing
 * about the language; digits inside letters ("3lach", "b7al") are Arabizi letters and stay.
 */
export function forEachWord(text: string, from: number, to: number, visit: (word: Word) => void): void {
  const table = fold();
  const units = new Uint16Array(MAX_WORD_UNITS);
  const word: Word = { start: 0, end: 0, units, length: 0, script: WordScript.Latin, letters: 0 };
  let inWord = false;
  for (let i = from; i <= to; i++) {
    const mapped = i < to ? table[text.charCodeAt(i)]! : SEPARATOR;
    if (mapped === SEPARATOR) {
      if (inWord && word.letters > 0) {
        word.end = i;
        visit(word);
      }
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      word.start = i;
      word.length = 0;
      word.letters = 0;
    }
    if (mapped === SKIP) continue;
    if (!isDigit(mapped)) {
      if (word.letters++ === 0) word.script = scriptOfUnit(mapped);
    }
    if (word.length < MAX_WORD_UNITS) units[word.length++] = mapped;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const WORD_OFFSET = 0x5bd1e995;
const FNV_PRIME = 16777619;

/** The most features one word can have, for sizing the buffer `wordFeatures` writes into. */
export const maxFeatures = (maxOrder: number) => (MAX_WORD_UNITS + 2) * maxOrder + 1;

/**
 * The hashed features of one word: character n-grams of length 1..maxOrder over the word padded with a
 * boundary on each side (so prefixes and suffixes count, as in "-ch" negation or "al-" articles), then the
 * whole word. Writes 32-bit hashes into `out` and returns how many; the model folds them into its buckets.
 */
export function wordFeatures(word: Word, maxOrder: number, out: Int32Array): number {
  const { units, length } = word;
  const padded = length + 2;
  let count = 0;
  for (let i = 0; i < padded; i++) {
    let hash = FNV_OFFSET;
    for (let k = 0; k < maxOrder && i + k < padded; k++) {
      const at = i + k;
      const unit = at === 0 || at === padded - 1 ? BOUNDARY : units[at - 1]!;
      hash = Math.imul(hash ^ unit, FNV_PRIME);
      if (k === 0 && unit === BOUNDARY) continue;
      out[count++] = hash ^ (hash >>> 15);
    }
  }
  let hash = WORD_OFFSET;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ units[i]!, FNV_PRIME);
  out[count++] = hash ^ (hash >>> 13);
  return count;
}
