import type { Recognizer } from '../types.js';
import { digitsOnly, luhnOk } from './checksums.js';

/**
 * Payment cards: 12–19 digits, contiguous or grouped (4-4-4-4, 4-4-4-4-3, 4-4-4 and 4-4-4-1…3, Amex and JCB 4-6-5,
 * Diners 4-6-4), with a known issuer prefix and length and a valid Luhn digit. A grouped number followed by another
 * group of digits is part of a longer number (a RIB or an account number written in fours), not a card.
 */

const START = '(?<![\\w+])(?<!\\d[ .\\-])';
const END = '(?!\\d)(?![.\\-]\\d)';
/** After a grouped number: no further group of three digits or more with the same separator ("12/26" may follow). */
const NO_MORE_GROUPS = (group: number) => `(?!\\${group}\\d{3})`;

/** Issuer identification ranges (first digits) and the lengths each network issues. */
const NETWORKS: readonly { name: string; prefix: RegExp; lengths: readonly number[] }[] = [
  { name: 'visa', prefix: /^4/, lengths: [13, 16, 19] },
  { name: 'mastercard', prefix: /^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16] },
  { name: 'amex', prefix: /^3[47]/, lengths: [15] },
  { name: 'diners', prefix: /^3(?:0[0-5]|095|[689])/, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'jcb', prefix: /^35(?:2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] },
  { name: 'jcb-15', prefix: /^(?:2131|1800)/, lengths: [15, 16] },
  { name: 'discover', prefix: /^6(?:011|4[4-9]|5)/, lengths: [16, 17, 18, 19] },
  { name: 'unionpay', prefix: /^62/, lengths: [16, 17, 18, 19] },
  { name: 'mir', prefix: /^220[0-4]/, lengths: [16, 17, 18, 19] },
  { name: 'maestro', prefix: /^(?:50|5[6-9]|6)/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
];

/**
 * True for a Luhn-valid number of a network's prefix and length; a 12-digit Maestro number is only plausible
 * (undefined: it needs a card context word, 12 digits are common in other numbers), anything else false.
 */
export function validateCard(match: string): boolean | undefined {
  const digits = digitsOnly(match);
  if (digits.length < 12 || digits.length > 19 || !luhnOk(digits)) return false;
  if (!NETWORKS.some((n) => n.prefix.test(digits) && n.lengths.includes(digits.length))) return false;
  return digits.length === 12 ? undefined : true;
}

export const paymentCard: Recognizer = {
  entity: 'PAYMENT_CARD',
  prefilter: /\d/,
  patterns: [
    {
      name: 'card',
      regex: new RegExp(
        `${START}(?:\\d{12,19}|\\d{4}([ \\-])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{3})?${NO_MORE_GROUPS(1)}|\\d{4}([ \\-])\\d{6}\\2\\d{4,5}${NO_MORE_GROUPS(2)}|\\d{4}([ \\-])\\d{4}\\3\\d{4}(?:\\3\\d{1,3})?${NO_MORE_GROUPS(3)})${END}`,
        'g',
      ),
      score: 0.4,
    },
  ],
  // Unvalidated matches (12-digit Maestro) need one of these; for validated ones they decide between two types
  // whose checksums both hold (an Amex number that is also ≡ 0 mod 97 reads as an ICE without them).
  context: [
    'carte',
    'card',
    'carte bancaire',
    'carte de crédit',
    'carte de paiement',
    'carte bleue',
    'numéro de carte',
    'cb',
    'visa',
    'mastercard',
    'amex',
    'credit card',
    'debit card',
    'card number',
    'بطاقة بنكية',
    'البطاقة البنكية',
    'بطاقة الائتمان',
    'بطاقة الأداء',
    'رقم البطاقة',
    'كارط بنكية',
    'لاكارط',
    'karta bankiya',
    'carte guichet',
    'بطاقة',
    'البطاقة',
    'بطاقتي',
    'كارط',
    'الكارط',
    'karta',
    'lkarta',
    'maestro',
    'jcb',
  ],
  validate: validateCard,
};
