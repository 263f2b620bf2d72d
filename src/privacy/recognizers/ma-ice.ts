import type { Recognizer } from '../types.js';
import { digitsOnly, mod97 } from './checksums.js';

/**
 * ICE (identifiant commun de l'entreprise): 15 digits (company 9, establishment 4, control 2), the whole number
 * ≡ 0 (mod 97) — python-stdnum's rule. Contiguous, in groups of three, or 9-4-2.
 */

const START = '(?<![\\w+])(?<!\\d[ .\\-/])';
const END = '(?![ .\\-/]?\\d)';

export function validateIce(match: string): boolean {
  const digits = digitsOnly(match);
  return digits.length === 15 && !/^0+$/.test(digits) && mod97(digits) === 0;
}

export const maIce: Recognizer = {
  entity: 'MA_ICE',
  prefilter: /\d/,
  patterns: [
    {
      name: 'ice-15',
      regex: new RegExp(
        `${START}(?:\\d{15}|\\d{3}([ .\\-])\\d{3}\\1\\d{3}\\1\\d{3}\\1\\d{3}|\\d{9}([ .\\-])\\d{4}\\2\\d{2})${END}`,
        'g',
      ),
      score: 0.4,
    },
  ],
  context: [
    'ice',
    'i.c.e',
    'identifiant commun',
    "identifiant commun de l'entreprise",
    'entreprise',
    'société',
    'المعرف الموحد',
    'المعرف الموحد للمقاولة',
    'التعريف الموحد',
    'رقم التعريف الموحد',
    'المقاولة',
    'الشركة',
    'ايس',
    'لايس',
  ],
  validate: validateIce,
};
