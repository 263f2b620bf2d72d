import type { Recognizer } from '../types.js';
import { digitsOnly, mod97 } from './checksums.js';

/**
 * Moroccan RIB: 24 digits (bank 3, city 3, account 16, key 2), contiguous or grouped with spaces, dots or dashes
 * ("011 519 0000012050005349 21", "0115 1900 0001 2050 0053 4921"). The whole number is ≡ 0 (mod 97), so a
 * match is certain or dropped.
 */

const START = '(?<![\\w+])(?<!\\d[ .\\-])';
const END = '(?![ .\\-]?\\d)';

export function validateRib(match: string): boolean {
  const digits = digitsOnly(match);
  if (digits.length !== 24 || /^0+$/.test(digits) || digits.endsWith('00')) return false;
  return mod97(digits) === 0;
}

export const maRib: Recognizer = {
  entity: 'MA_RIB',
  prefilter: /\d/,
  patterns: [
    { name: 'rib-24', regex: new RegExp(`${START}\\d(?:[ .\\-]{0,2}\\d){23}${END}`, 'g'), score: 0.4 },
  ],
  context: [
    'rib',
    "relevé d'identité bancaire",
    'compte',
    'compte bancaire',
    'numéro de compte',
    'coordonnées bancaires',
    'virement',
    'banque',
    'bank account',
    'account number',
    'الحساب',
    'حساب',
    'رقم الحساب',
    'الحساب البنكي',
    'رقم الحساب البنكي',
    'البنك',
    'بنك',
    'الكونط',
    'كونط',
    'lcompte',
    'l7sab',
    'hsab',
    'compte dyali',
  ],
  validate: validateRib,
};
