/**
 * Features of the guard classifier, shared by training (scripts/guard) and inference so that the model always
 * sees the features it was trained on: hashed character 1- to 5-grams over the folded text, and its words and
 * word pairs. Folding makes the features script-robust: what an attacker changes to slip past a keyword filter
 * (case, accents, Cyrillic look-alikes, invisible characters, Arabic spelling variants, Tifinagh letters for
 * Latin ones, a few leetspeak digits) reads as the plain text. Everything runs over a table of the Basic
 * Multilingual Plane built once, and over buffers reused from call to call.
 */
import { foldLatin, normalizeArabic } from '../../language/normalize/index.js';
import { tifinaghToLatin } from '../../language/transliterate/index.js';
import { foldHomoglyphs } from '../normalize/index.js';

export const MAX_ORDER = 5;
/**
 * Features are recorded per block of this many folded units, so that a long text can be read in windows (an
 * instruction hidden at the end of a long passage is not drowned by the rest).
 */
export const BLOCK_UNITS = 128;

/** Table entries below this are codes, not characters. */
const DROP = 0;
const SPACE = 1;
const EXPAND = 2;
const FIRST_UNIT = 3;
const SPACE_UNIT = 0x20;
/** What an astral character the table cannot fold (an emoji, a rare CJK ideogram) reads as. */
const OTHER_UNIT = 0xfffd;

/** Many Tamazight writers type Greek γ and ε for ɣ and ɛ. */
const AMAZIGH_GREEK: Readonly<Record<string, string>> = { γ: 'ɣ', ε: 'ɛ' };

/** Leetspeak digits and signs read as the letter they stand for, when they touch a Latin letter. */
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '4': 'a', '@': 'a', $: 's', '€': 'e' };

interface FoldTables {
  /** Per BMP code unit: DROP, SPACE, EXPAND or the folded unit. */
  units: Uint16Array;
  /** Folded text of the EXPAND units (ⵖ → gh, œ → oe, ﻻ → لا). */
  expansions: Map<number, string>;
  /** 1 where a folded unit is part of a word (a letter or a digit). */
  wordUnits: Uint8Array;
  /** The letter a leetspeak unit stands for, 0 elsewhere. */
  leet: Uint16Array;
}

let tables: FoldTables | undefined;

const MARK_OR_FORMAT = /^[\p{M}\p{Cf}]$/u;
const CONTROL = /^\p{Cc}$/u;
const MARKS = /[\p{M}\p{Cf}]/gu;
const WHITESPACE = /^\s$/u;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const TIFINAGH = /^[\u2d30-\u2d7f]$/u;

/** The folded text of one character, before the table encodes it. */
function foldCharacter(ch: string): string {
  const greek = AMAZIGH_GREEK[ch.toLowerCase()];
  if (greek !== undefined) return greek;
  if (TIFINAGH.test(ch)) return tifinaghToLatin(ch, { ascii: true });
  return foldLatin(normalizeArabic(foldHomoglyphs(ch)))
    .replace(MARKS, '')
    .trim();
}

/**
 * CJK ideographs and Hangul syllables: letters that no folding changes. Skipping the per-character normalization
 * for them halves the time to build the tables.
 */
const UNCHANGED_LETTERS: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
];
const isUnchangedLetter = (c: number) => UNCHANGED_LETTERS.some(([from, to]) => c >= from && c <= to);

function buildTables(): FoldTables {
  const units = new Uint16Array(0x10000);
  const expansions = new Map<number, string>();
  const wordUnits = new Uint8Array(0x10000);
  const leet = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (isUnchangedLetter(c)) {
      units[c] = c;
      wordUnits[c] = 1;
      continue;
    }
    const ch = String.fromCharCode(c);
    // Format characters first: JavaScript's \s counts the byte-order mark, an invisible character inside words.
    if (MARK_OR_FORMAT.test(ch) || c === 0x0640) units[c] = DROP;
    else if (WHITESPACE.test(ch)) units[c] = SPACE;
    else if (CONTROL.test(ch)) units[c] = DROP;
    else {
      const folded = foldCharacter(ch);
      if (folded.length === 0) units[c] = DROP;
      else if (folded.length === 1 && folded.charCodeAt(0) >= FIRST_UNIT) units[c] = folded.charCodeAt(0);
      else {
        units[c] = EXPAND;
        expansions.set(c, folded);
      }
    }
    if (WORD_CHARACTER.test(ch)) wordUnits[c] = 1;
  }
  for (const [from, to] of Object.entries(LEET)) leet[from.charCodeAt(0)] = to.charCodeAt(0);
  return { units, expansions, wordUnits, leet };
}

function foldTables(): FoldTables {
  tables ??= buildTables();
  return tables;
}

const isLatinLetter = (unit: number) => unit >= 0x61 && unit <= 0x7a;

/**
 * Reusable output of `extractFeatures`: the 32-bit hashes of every feature occurrence, and where each block of
 * `BLOCK_UNITS` folded units ends in that list. The sign bit of a hash is the feature's sign (hashing with signs
 * keeps bucket collisions from adding up in one direction); its low bits pick the bucket.
 */
export class FeatureBuffer {
  hashes = new Int32Array(4096);
  count = 0;
  /** `blockEnds[b]`: number of hashes in blocks 0..b. */
  blockEnds = new Int32Array(64);
  blocks = 0;
  /** The folded text, padded with a space at each end. */
  units = new Uint16Array(1024);
  length = 0;
}

/** Folds `text` into `buffer.units`: whitespace runs become one space, leetspeak inside Latin words reads as letters. */
function foldText(text: string, buffer: FeatureBuffer): void {
  const { units: table, expansions, leet } = foldTables();
  // Every code unit folds to at most three units (ⵞ → tch); two for the padding.
  if (buffer.units.length < text.length * 3 + 2) buffer.units = new Uint16Array(text.length * 3 + 2);
  const out = buffer.units;
  let n = 0;
  out[n++] = SPACE_UNIT;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    let folded = table[code]!;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // Astral characters (mathematical bold letters 𝐢𝐠𝐧𝐨𝐫𝐞, emoji) are rare: fold them the slow way. Unicode
      // tags and supplementary variation selectors (U+E0000–E0FFF) render as nothing, like zero-width characters.
      const point = text.codePointAt(i)!;
      i++;
      if (point >= 0xe0000 && point <= 0xe0fff) continue;
      const astral = String.fromCodePoint(point).normalize('NFKC');
      code = astral.charCodeAt(0);
      folded = astral.length === 1 ? table[code]! : OTHER_UNIT;
    }
    if (folded === DROP) continue;
    if (folded === SPACE) {
      if (out[n - 1] !== SPACE_UNIT) out[n++] = SPACE_UNIT;
    } else if (folded === EXPAND) {
      const expansion = expansions.get(code)!;
      for (let k = 0; k < expansion.length && k < 3; k++) out[n++] = expansion.charCodeAt(k);
    } else out[n++] = folded;
  }
  if (out[n - 1] !== SPACE_UNIT) out[n++] = SPACE_UNIT;
  // Twice, so that runs such as "1o" in "7h1s" or "10n" in "1ns7ruc710n5" are read from their letter side.
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 1; i < n - 1; i++) {
      const letter = leet[out[i]!]!;
      if (letter !== 0 && (isLatinLetter(out[i - 1]!) || isLatinLetter(out[i + 1]!))) out[i] = letter;
    }
  }
  buffer.length = n;
}

const FNV_OFFSET = 0x811c9dc5;
const WORD_OFFSET = 0x5bd1e995;
const PAIR_OFFSET = 0x27d4eb2f;
const FNV_PRIME = 16777619;

const finish = (hash: number) => hash ^ (hash >>> 15);

/**
 * Hashes every feature of `text` into `buffer`: at each position of the folded text, the character n-grams of
 * length 1 to MAX_ORDER that start there (not the lone space); at the end of each word, the word and the pair it
 * forms with the word before. Allocation-free once the buffers have grown to the text's size.
 */
export function extractFeatures(text: string, buffer: FeatureBuffer): void {
  foldText(text, buffer);
  const { wordUnits } = foldTables();
  const { units, length } = buffer;
  const maxFeatures = length * (MAX_ORDER + 2);
  if (buffer.hashes.length < maxFeatures) buffer.hashes = new Int32Array(maxFeatures);
  const blocks = Math.ceil(length / BLOCK_UNITS);
  if (buffer.blockEnds.length < blocks) buffer.blockEnds = new Int32Array(blocks * 2);
  const hashes = buffer.hashes;
  let count = 0;
  let word = WORD_OFFSET;
  let wordLength = 0;
  let previousWord = 0;
  for (let i = 0; i < length; i++) {
    const unit = units[i]!;
    let hash = FNV_OFFSET;
    for (let k = 0; k < MAX_ORDER && i + k < length; k++) {
      hash = Math.imul(hash ^ units[i + k]!, FNV_PRIME);
      if (k === 0 && unit === SPACE_UNIT) continue;
      hashes[count++] = finish(hash);
    }
    if (wordUnits[unit] === 1) {
      word = Math.imul(word ^ unit, FNV_PRIME);
      wordLength++;
    } else if (wordLength > 0) {
      hashes[count++] = finish(word);
      if (previousWord !== 0)
        hashes[count++] = finish(Math.imul(previousWord ^ PAIR_OFFSET, FNV_PRIME) ^ word);
      previousWord = word;
      word = WORD_OFFSET;
      wordLength = 0;
    }
    if ((i + 1) % BLOCK_UNITS === 0 || i === length - 1)
      buffer.blockEnds[Math.floor(i / BLOCK_UNITS)] = count;
  }
  buffer.count = count;
  buffer.blocks = blocks;
}

/** The folded text, for tests and for reading what the classifier saw. */
export function foldedText(text: string): string {
  const buffer = new FeatureBuffer();
  foldText(text, buffer);
  return String.fromCharCode(...buffer.units.subarray(1, buffer.length - 1));
}
