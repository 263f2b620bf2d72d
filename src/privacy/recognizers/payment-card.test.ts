import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { luhnCheckDigit } from './checksums.js';
import { paymentCard, validateCard } from './payment-card.js';
import { assertFinds, assertNothing, digitsFrom, easternDigits, withInvisible } from './test-support.js';

/** A Luhn-valid number of the given length starting with the issuer prefix. */
const card = (prefix: string, length: number, seed: number) => {
  const body = prefix + digitsFrom(seed, length - prefix.length - 1);
  return body + luhnCheckDigit(body);
};
const fours = (s: string, sep = ' ') => s.replace(/(\d{4})(?=\d)/g, `$1${sep}`);

const VISA = card('4', 16, 31);
const MASTERCARD = card('53', 16, 32);
const MASTERCARD_2 = card('2221', 16, 33);
const AMEX = card('37', 15, 34);
const VISA_13 = card('4', 13, 35);
const amexGrouped = `${AMEX.slice(0, 4)} ${AMEX.slice(4, 10)} ${AMEX.slice(10)}`;

const VALID: [string, string][] = [
  ['Carte 4111 1111 1111 1111 expirée', '4111 1111 1111 1111'],
  [`Ma carte bancaire ${fours(VISA)} a été bloquée.`, fours(VISA)],
  [`N° de carte : ${MASTERCARD}`, MASTERCARD],
  [`رقم البطاقة البنكية ${fours(MASTERCARD_2, '-')}`, fours(MASTERCARD_2, '-')],
  [`Amex ${amexGrouped}`, amexGrouped],
  [`lcarte guichet dyali ${VISA_13}`, VISA_13],
  [`Card ${fours(VISA)} 12/26`, fours(VISA)], // the expiry date is not part of the number
];

const flipLast = (s: string) => s.slice(0, -1) + String((Number(s.slice(-1)) + 1) % 10);

const INVALID: string[] = [
  `carte ${flipLast(VISA)}`, // Luhn
  `carte ${fours(flipLast(MASTERCARD))}`,
  `numéro ${card('9', 16, 36)}`, // no network starts with 9
  `numéro ${card('0', 16, 37)}`,
  `Visa ${card('4', 17, 38)}`, // Visa issues 13, 16 or 19 digits
  'Total 1 250,00 DH et 3500 dirhams',
];

describe('PAYMENT_CARD recognizer', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(paymentCard, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(paymentCard, text));
  }

  it('validates Luhn, issuer prefix and length together', () => {
    assert.equal(validateCard(VISA), true);
    assert.equal(validateCard(AMEX), true);
    assert.equal(validateCard(flipLast(AMEX)), false);
  });

  it('finds a card number in Eastern Arabic digits and with a zero-width space inside', () => {
    const eastern = easternDigits(fours(VISA));
    assertFinds(paymentCard, `البطاقة ${eastern}`, eastern);
    const marked = withInvisible(fours(VISA), 7);
    assertFinds(paymentCard, `CB ${marked}`, marked);
  });
});
