/**
 * Spelling-level obfuscations of Latin-script text: letters spaced out or split by separators ("i g n o r e",
 * "ig-no-re"), letters written as digits and symbols ("1gn0r3", "h@ck"), and the tell-tale signs of Arabizi, which
 * writes letters as digits too (3 ع, 7 ح, 9 ق) and must not be read as leetspeak only.
 */
import { promptFamily } from '../../assurance/attacks/family.js';

const UNIT = '[\\p{L}\\p{N}@$]';
/**
 * Three or more single characters each followed by one space or separator ("i g n o r e", "i.g.n.o.r.e"); two spaces
 * end the run, so words spaced out letter by letter stay apart. Or three or more chunks of one to three characters
 * joined by a separator other than a space ("ig-no-re", "ig.no.re").
 */
const SPACED_OUT = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${UNIT}[ .\\-_*·|/+~]){2,}${UNIT}|${UNIT}{1,3}(?:[.\\-_*·|/+~]${UNIT}{1,3}){2,})(?![\\p{L}\\p{N}])`,
  'gu',
);
const SEPARATOR = /[ .\-_*·|/+~]/g;
const LETTER = /\p{L}/gu;
const MIN_LETTERS = 2;

const enoughLetters = (text: string): boolean => (text.match(LETTER)?.length ?? 0) >= MIN_LETTERS;

/** Spaced-out or split words joined back: "i g n o r e" → "ignore", "ig-no-re" → "ignore". */
export function joinSpacedLetters(text: string): string {
  return text.replace(SPACED_OUT, (run) => (enoughLetters(run) ? run.replace(SEPARATOR, '') : run));
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '€': 'e',
  '!': 'i',
  '|': 'l',
  '+': 't',
};
/** A word of letters, digits and leet symbols; ! | + only inside it, where they cannot be punctuation. */
const LEET_WORD = /[\p{L}\p{N}@$€]+(?:[!|+][\p{L}\p{N}@$€]+)*/gu;
const LEET_CHAR = /[0134578@$€!|+]/g;
const HAS_LEET_CHAR = /[0134578@$€!|+]/;

/**
 * Letters then a number, or a number then letters, with a digit no leet writer uses for a letter: an identifier or
 * an ordinal (AB123456, covid19, 2eme), never decoded.
 */
const IDENTIFIER = /^(?:\p{L}*\d{2,}|\d{2,}\p{L}*)$/u;
const NON_LEET_DIGIT = /[269]/;
const HAS_LETTER = /\p{L}/u;
/** A short number of leet digits ("70", "1"): read as letters only in a text that is leetspeak already. */
const LEET_NUMBER = /^[0134578]{1,3}$/;
/** Mixed leet words a text needs before its short numbers are read as letters too. */
const MIN_LEET_WORDS = 1;

const isLeetWord = (word: string): boolean =>
  HAS_LEET_CHAR.test(word) && HAS_LETTER.test(word) && !(IDENTIFIER.test(word) && NON_LEET_DIGIT.test(word));

/**
 * Leet characters read as the letters they stand for, in words that mix them with letters: "1gn0r3" → "ignore",
 * "h@ck" → "hack", "713ns" → "tiens"; in a text with such a word, short numbers too ("1 w4n7 70" → "i want
 * to"). Numbers elsewhere ("2024", "3 ans") and identifiers (AB123456, covid19) stay as they are. 1 is read as i,
 * the usual choice; a word that used it for l ("ki11") is missed.
 */
export function decodeLeetspeak(text: string): string {
  if (!HAS_LEET_CHAR.test(text)) return text;
  const words = text.match(LEET_WORD) ?? [];
  const leetText = words.filter(isLeetWord).length >= MIN_LEET_WORDS;
  return text.replace(LEET_WORD, (word) =>
    isLeetWord(word) || (leetText && LEET_NUMBER.test(word))
      ? word.replace(LEET_CHAR, (ch) => LEET[ch] ?? ch)
      : word,
  );
}

/**
 * A word of at most 25 characters with a digit Arabizi uses for a letter touching a Latin letter: 3lach, ch7al,
 * 9ahwa, ta2akod. Longer runs are identifiers or encoded payloads.
 */
const ARABIZI_WORD =
  /(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]{2,25}(?![\p{L}\p{N}]))[\p{L}\p{N}]*?(?:\p{Script=Latin}[2379]|[2379]\p{Script=Latin})/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** Darija written in Latin letters, or Latin words that use Arabizi digits: worth an Arabic-script reading. */
export function looksLikeArabizi(text: string): boolean {
  if (!LATIN_LETTER.test(text)) return false;
  return ARABIZI_WORD.test(text) || promptFamily(text) === 'darija_latin';
}
