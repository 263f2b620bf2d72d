import type { Recognizer } from '../types.js';
import { digitsOnly, luhnOk } from './checksums.js';

/**
 * Payment cards: 13–19 digits, contiguous or grouped (4-4-4-4, 4-4-4-4-3, Amex 4-6-5, Diners 4-6-4), with a known
 * issuer prefix and length and a valid Luhn digit.
 */

const START = '(?<![\\w+])(?<!\\d[ .\\-])';
const END = '(?!\\d)(?![.\\-]\\d)';

/** Issuer identification ranges (first digits) and the lengths each network issues. */
const NETWORKS: readonly { name: string; prefix: RegExp; lengths: readonly number[] }[] = [
  { name: 'visa', prefix: /^4/, lengths: [13, 16, 19] },
  { name: 'mastercard', prefix: /^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16] },
  { name: 'amex', prefix: /^3[47]/, lengths: [15] },
  { name: 'diners', prefix: /^3(?:0[0-5]|095|[689])/, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'jcb', prefix: /^35(?:2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] },
  { name: 'discover', prefix: /^6(?:011|4[4-9]|5)/, lengths: [16, 17, 18, 19] },
  { name: 'unionpay', prefix: /^62/, lengths: [16, 17, 18, 19] },
  { name: 'mir', prefix: /^220[0-4]/, lengths: [16, 17, 18, 19] },
  { name: 'maestro', prefix: /^(?:5[06-8]|6[37])/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
];

export function validateCard(match: string): boolean {
  const digits = digitsOnly(match);
  if (digits.length < 13 || digits.length > 19 || !luhnOk(digits)) return false;
  return NETWORKS.some((n) => n.prefix.test(digits) && n.lengths.includes(digits.length));
}

export const paymentCard: Recognizer = {
  entity: 'PAYMENT_CARD',
  prefilter: /\d/,
  patterns: [
    {
      name: 'card',
      regex: new RegExp(
        `${START}(?:\\d{13,19}|\\d{4}([ \\-])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{3})?|\\d{4}([ \\-])\\d{6}\\2\\d{4,5}|\\d{4}([ \\-])\\d{4}\\3\\d{4}\\3\\d{1,3})${END}`,
        'g',
      ),
      score: 0.4,
    },
  ],
  context: [
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
  ],
  validate: validateCard,
};
