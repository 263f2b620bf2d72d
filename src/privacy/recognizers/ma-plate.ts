import type { Recognizer } from '../types.js';

/**
 * Vehicle plates: serial 1–99999, an Arabic letter (أ ب د هـ و ط …), prefecture code 1–89, written serial first
 * ("12345-أ-6", "12345 | ب | 6", "12345 أ 6") or prefecture first ("6-أ-12345"); the temporary "WW 123456" and
 * "W18 12345" series. Without a dash, bar or slash, only a 4–5 digit serial with a usual series letter stands
 * alone; other spaced forms ("10 و 20" is "10 and 20", "33 د 34" "33 and 34" in Tachelhit, "1982ص 59" a year and a
 * page) and Latin transliterations ("12345-A-6") need a context word.
 */

const START = '(?<![\\w\\u0621-\\u064A])(?<!\\d[ .\\-/|])';
const END = '(?![\\w\\u0621-\\u064A])(?![ .\\-/|]?\\d)';
/** A separator that is not just spaces: dash, bar or slash, optionally spaced. */
const STRONG = '[ ]{0,2}[\\-|/][ ]{0,2}';
const SPACES = '[ ]{0,2}';
/** One Arabic letter (U+0621–U+064A), alone between the two numbers. */
const LETTER = '[\\u0621-\\u064A]';
/**
 * The letters of ordinary series (أ ب د هـ و ط, alef with or without hamza): only these stand between plain spaces
 * without context, since "1982ص 59" is a year and a page, "2024 م" a year. و is apart: "10 و 20" is "10 and 20".
 */
const SERIES_LETTER = '[أابدهط]';

/** The temporary series: "WW 123456", "123456 WW", "W18 12345". */
const TEMPORARY = 'WW[ \\-]{0,3}\\d{3,6}|\\d{3,6}[ \\-]{0,3}WW|W[ ]?18[ \\-]{1,3}\\d{1,6}';

const either = (sep: string, letter: string, serial = '\\d{1,5}') =>
  `(?:${serial}${sep}${letter}${sep}\\d{1,2}|\\d{1,2}${sep}${letter}${sep}${serial})`;
/** Without separators, only long serials stand alone: "33 د 34" is "33 and 34" in Tachelhit, "3 إ 1" a score. */
const LONG_SERIAL = '\\d{4,5}';
const LETTER_NOT_WAW = '[\\u0621-\\u0647\\u0649-\\u064A]';

const inRange = (value: string, max: number) =>
  /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= max;

export function validatePlate(match: string): boolean | undefined {
  const numbers = match.match(/\d+/g) ?? [];
  if (/WW|W\s*18/i.test(match)) {
    const serial = /W\s*18/i.test(match) ? numbers[numbers.length - 1] : numbers[0];
    return serial !== undefined && inRange(serial, 999999) ? undefined : false;
  }
  const [a, b] = numbers;
  if (numbers.length !== 2 || a === undefined || b === undefined) return false;
  const ok = (inRange(a, 99999) && inRange(b, 89)) || (inRange(a, 89) && inRange(b, 99999));
  return ok ? undefined : false;
}

export const maPlate: Recognizer = {
  entity: 'MA_PLATE',
  prefilter: /\d/,
  patterns: [
    {
      name: 'plate',
      regex: new RegExp(
        `${START}(?:${either(STRONG, LETTER)}|${either(SPACES, SERIES_LETTER, LONG_SERIAL)}|${TEMPORARY})${END}`,
        'g',
      ),
      score: 0.55,
    },
    {
      name: 'plate-needs-context',
      regex: new RegExp(
        `${START}(?:${either(SPACES, LETTER_NOT_WAW)}|${either('[ ]{1,2}', 'و')}|${either(STRONG, '[A-Za-z]')}|${either('[ ]{1,2}', '[A-Za-z]')})${END}`,
        'g',
      ),
      score: 0.45,
      requiresContext: true,
    },
  ],
  context: [
    'plaque',
    "plaque d'immatriculation",
    'immatriculation',
    'immatriculé',
    'matricule',
    'véhicule',
    'voiture',
    'automobile',
    'moto',
    'camion',
    'carte grise',
    'lmatricule',
    'matricul',
    'tomobil',
    'tomobile',
    'sayara',
    'siyara',
    'tonobil',
    'license plate',
    'plate',
    'car',
    'vehicle',
    'لوحة',
    'لوحة الترقيم',
    'لوحة السيارة',
    'الترقيم',
    'ترقيم',
    'رقم التسجيل',
    'السيارة',
    'سيارة',
    'الطوموبيل',
    'طوموبيل',
    'الطونوبيل',
    'موطور',
    'الماتريكول',
    'ماتريكول',
    'لاماتريكول',
    'ماتريكولا',
    'اللوحة',
    'البطاقة الرمادية',
    'المركبة',
    'العربة',
  ],
  validate: validatePlate,
};
