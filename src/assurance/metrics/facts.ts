import { errors } from '../../errors.js';
import { normalizeArabic } from '../../language/normalize/index.js';
import { compileCues, findCue, matchKey } from '../../oversight/review/sensitive-topics.js';
import type { MatchKey } from '../../oversight/review/sensitive-topics.js';

/**
 * Whether an answer contains the facts a correct answer must give ("10 jours", "CNSS", "١٥٠٠ درهم"). Numbers are
 * compared as numbers: Eastern Arabic and Persian digits fold to ASCII, and "1 500", "1.500", "1500" and "١٥٠٠"
 * are one number, as are "2,5" and "2.5". The words of a fact must appear in order, whole, on the key the
 * sensitive-topic matcher uses (normalizeForSearch, then Arabizi and Tamazight spelling variants and Tifinagh
 * folded; Arabic proclitics tolerated, so "الضمان" is found in "بالضمان"). A fact with both ("10 jours") needs its
 * numbers anywhere and its words as a phrase, so that "١٠ jours" and "10 jours ouvrables" count.
 *
 * Write facts unambiguously: "1.500" reads both as 1500 and as 1.5.
 */

/** Arabic decimal and thousands separators, and the no-break spaces that group thousands in French. */
const SEPARATOR_FOLDS: Readonly<Record<string, string>> = {
  '٫': '.',
  '٬': ',',
  '\u00a0': ' ',
  '\u202f': ' ',
};
const SEPARATOR_FOLD = /[٫٬\u00a0\u202f]/g;
const foldDigits = (text: string): string =>
  normalizeArabic(text).replace(SEPARATOR_FOLD, (ch) => SEPARATOR_FOLDS[ch] ?? ch);

/** Digit groups joined by one separator each: "1 500", "2,5", "1.234.567,89". */
const NUMBER = /\d+(?:[ .,']\d+)*/g;
const SEPARATOR = /[ .,']/;
/** An Arabizi digit touching a Latin letter is a letter ("3ndek", "l7e9"), as the matcher reads it. */
const ARABIZI_DIGIT = /^[235789]$/;
const LATIN_LETTER = /[a-z]/i;

interface NumberToken {
  parts: string[];
  separators: string[];
}

function tokenize(raw: string): NumberToken {
  const parts: string[] = [];
  const separators: string[] = [];
  let current = '';
  for (const ch of raw) {
    if (SEPARATOR.test(ch)) {
      parts.push(current);
      separators.push(ch);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return { parts, separators };
}

const isGrouping = (parts: readonly string[], separators: readonly string[]): boolean =>
  parts.length > 1 &&
  separators.every((s) => s === separators[0]) &&
  parts[0]!.length <= 3 &&
  parts.slice(1).every((part) => part.length === 3);

/** What the whole token can mean: an integer, thousands grouped, a decimal, grouped with decimals. */
function wholeReadings({ parts, separators }: NumberToken): number[] {
  if (parts.length === 1) return [Number(parts[0])];
  const readings: number[] = [];
  if (isGrouping(parts, separators)) readings.push(Number(parts.join('')));
  const decimalMark = separators.at(-1)!;
  const integerParts = parts.slice(0, -1);
  const integerSeparators = separators.slice(0, -1);
  if (
    (decimalMark === '.' || decimalMark === ',') &&
    (integerParts.length === 1 ||
      (isGrouping(integerParts, integerSeparators) && integerSeparators[0] !== decimalMark))
  ) {
    readings.push(Number(`${integerParts.join('')}.${parts.at(-1)}`));
  }
  // Digits spaced in pairs, as phone numbers are written: "05 22 12 34 56".
  if (readings.length === 0 && separators.every((s) => s === ' ')) readings.push(Number(parts.join('')));
  return readings;
}

/** The numbers written in a text whose digits are folded, leaving out Arabizi letters. */
function numberMatches(folded: string): RegExpExecArray[] {
  return [...folded.matchAll(NUMBER)].filter((match) => {
    const before = folded[match.index - 1] ?? '';
    const after = folded[match.index + match[0].length] ?? '';
    return !(ARABIZI_DIGIT.test(match[0]) && (LATIN_LETTER.test(before) || LATIN_LETTER.test(after)));
  });
}

/** Every number the text may state. Space is also a word gap, so each spaced chunk is read on its own as well. */
function numbersIn(text: string): Set<number> {
  const numbers = new Set<number>();
  for (const [raw] of numberMatches(foldDigits(text))) {
    for (const reading of wholeReadings(tokenize(raw))) numbers.add(reading);
    if (raw.includes(' ')) {
      for (const chunk of raw.split(' '))
        for (const reading of wholeReadings(tokenize(chunk))) numbers.add(reading);
    }
  }
  return numbers;
}

interface Fact {
  /** Per number of the fact, the values it may stand for; one of them must be in the answer. */
  numbers: number[][];
  /** The words of the fact, compiled as one phrase; null for a fact that is only numbers. */
  words: RegExp | null;
}

function parseFact(fact: string): Fact {
  const folded = foldDigits(fact);
  const matches = numberMatches(folded);
  const numbers = matches.map(([raw]) => wholeReadings(tokenize(raw)));
  let wordsOnly = folded;
  for (const { index, 0: raw } of [...matches].reverse()) {
    wordsOnly = `${wordsOnly.slice(0, index)} ${wordsOnly.slice(index + raw.length)}`;
  }
  // The key has letters and digits only: no character of the cue syntax ( | … * ) survives into the phrase.
  const phrase = matchKey(wordsOnly).key;
  if (numbers.length === 0 && phrase === '') {
    throw errors.invalidRequest(
      'assurance_empty_fact',
      `The fact ${JSON.stringify(fact)} has no word or number.`,
      'facts',
    );
  }
  return { numbers, words: phrase === '' ? null : compileCues([phrase]) };
}

function isStated(fact: Fact, key: MatchKey, numbers: ReadonlySet<number>): boolean {
  const numbersFound = fact.numbers.every((readings) => readings.some((reading) => numbers.has(reading)));
  return numbersFound && (fact.words === null || findCue(key, fact.words) !== undefined);
}

/** The share of `facts` the answer states, in [0, 1]. A case that lists no fact cannot be scored. */
export function containsFacts(text: string, facts: readonly string[]): number {
  if (facts.length === 0) {
    throw errors.invalidRequest(
      'assurance_no_facts',
      'The facts metric needs at least one fact per case.',
      'facts',
    );
  }
  const key = matchKey(text);
  const numbers = numbersIn(text);
  const found = facts.filter((fact) => isStated(parseFact(fact), key, numbers)).length;
  return found / facts.length;
}
