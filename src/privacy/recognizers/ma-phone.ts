import type { Recognizer } from '../types.js';
import { digitsOnly } from './checksums.js';

/**
 * Moroccan phone numbers: 9 national significant digits (mobile 6/7, geographic 5, non-geographic 8) after `0`,
 * `+212`, `00212`, `+212 (0)` or `(+212)`; spaces, dots or dashes anywhere between digits ("06 12 34 56 78",
 * "0612-345678", "+212 6 12 34 56 78", "+212 (0)6…"). Bare "212…" or "6…" forms need a context word.
 * Prefix ranges follow libphonenumber's MA metadata (ANRT plan), encoded here.
 */

const SEP = '[ .\\-]{0,3}';
const NSN = `[5-8](?:${SEP}\\d){8}`;
/** Not inside a word, after a "+", or continuing a number ("12-0612…"). */
const START = '(?<![\\w+])(?<!\\d[ .\\-/])';
/** Not followed by another digit of the same number. */
const END = '(?![.\\-]?\\d)';
/**
 * Not the rest of a foreign number: "+46 (0)8 928 571 38", "0041 (0)69 979 80 58". A "+CC" or "00CC" prefix
 * followed by a trunk "(0)" leaves a tail that looks national; a Moroccan number after "+212 (0)" is matched whole
 * by the international alternative.
 */
const NOT_FOREIGN_TAIL = '(?<!(?:\\+|(?<!\\d)00)[ ]?\\d{1,3}[ .\\-]{0,2}\\(0\\)[ .\\-]{0,2})';
const INTL_PREFIX = `(?:\\(\\s?(?:\\+|00)\\s?212\\s?\\)|(?:\\+|00)\\s?212)(?:[ .\\-]{0,2}\\(0\\)|[ .\\-]{0,2}0)?`;

/** Allocated ranges (first digits of the 9-digit number): a number there is certainly a phone number. */
const KNOWN =
  /^(?:6(?:[0-79]|8[0-247-9])|7(?:[0167]|2[0-4]|5[01]|8[0-3])|5(?:2|3|4[067]|5[03]|92(?:4[0-2]|93))|8[09])/;
/** Mobile blocks not yet in the metadata: plausible (new allocations), kept at the pattern's score. */
const PLAUSIBLE = /^[67]/;

export function classifyNationalNumber(nsn: string): boolean | undefined {
  if (!/^\d{9}$/.test(nsn)) return false;
  if (KNOWN.test(nsn)) return true;
  return PLAUSIBLE.test(nsn) ? undefined : false;
}

export function validatePhone(match: string): boolean | undefined {
  const digits = digitsOnly(match);
  const explicitPrefix = /^\s*(?:\(\s*)?(?:\+|00|0)/.test(match);
  let nsn: string;
  if (digits.length === 9) nsn = digits;
  else if (digits.startsWith('00212')) nsn = digits.slice(5);
  else if (digits.startsWith('212')) nsn = digits.slice(3);
  else if (digits.startsWith('0')) nsn = digits.slice(1);
  else return false;
  if (nsn.length === 10 && nsn.startsWith('0')) nsn = nsn.slice(1);
  const verdict = classifyNationalNumber(nsn);
  // Without 0/+212/00212 the shape alone proves nothing: leave the decision to context.
  return explicitPrefix ? verdict : verdict === false ? false : undefined;
}

export const maPhone: Recognizer = {
  entity: 'MA_PHONE',
  prefilter: /\d/,
  patterns: [
    {
      // 0…, +212…, 00212…, +212 (0)…, (+212)…; "(0522) 12 34 56": the area part may sit in parentheses.
      name: 'phone',
      regex: new RegExp(
        `${START}${NOT_FOREIGN_TAIL}(?:0${NSN}|\\(0[5-8]\\d{0,2}\\)[ .\\-]{0,3}\\d(?:${SEP}\\d){0,7}|${INTL_PREFIX}${SEP}${NSN})${END}`,
        'g',
      ),
      score: 0.6,
    },
    {
      // "212 6…" or a bare "6 12 34 56 78": only next to a phone context word.
      name: 'phone-needs-context',
      regex: new RegExp(`(?<![\\w+.\\-])(?<!\\d[ .\\-/])${NOT_FOREIGN_TAIL}(?:212${SEP})?${NSN}${END}`, 'g'),
      score: 0.45,
      requiresContext: true,
    },
  ],
  context: [
    'tél',
    'tel',
    'téléphone',
    'telephone',
    'téléphonique',
    'portable',
    'mobile',
    'gsm',
    'fixe',
    'fax',
    'numéro de téléphone',
    'appeler',
    'appelez',
    'appelé',
    'rappeler',
    'rappelez',
    'joindre',
    'joignable',
    'injoignable',
    'contact',
    'contacter',
    'contactez',
    'whatsapp',
    'sms',
    'phone',
    'call',
    'cell',
    'رقم الهاتف',
    'الهاتف',
    'هاتف',
    'الهاتف المحمول',
    'المحمول',
    'النقال',
    'جوال',
    'تيليفون',
    'تلفون',
    'تليفون',
    'بورطابل',
    'نمرة',
    'نمرتي',
    'واتساب',
    'الواتساب',
    'اتصل',
    'اتصلوا',
    'الاتصال',
    'اتصال',
    'رقم',
    'الرقم',
    'عيط',
    'عيطو',
    'عيطي',
    'عيط ليا',
    'عيطو ليا',
    'صيفط ليا',
    'سيفط ليا',
    'ميساج',
    'nmra',
    'nemra',
    'noumro',
    'numero',
    'raqm',
    'ra9m',
    'tilifoun',
    'tilifon',
    'tilifone',
    'portabl',
    'bortable',
    'telefon',
    '3ayet',
    '3iyet',
    '3ayt',
    '3ayto',
    '3aytoli',
    '3ayetli',
    'sift lia',
    'sifet lia',
    'sifto lia',
    'watsap',
    'wtsp',
  ],
  validate: validatePhone,
};
