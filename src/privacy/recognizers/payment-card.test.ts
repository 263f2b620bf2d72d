import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createScanner } from '../engine.js';
import { iceControl, luhnCheckDigit, mod97 } from './checksums.js';
import { maIce } from './ma-ice.js';
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
const MAESTRO_12 = card('6761', 12, 40);
const MAESTRO_12_B = card('50', 12, 41);
const JCB_15 = card('2131', 15, 42);
const JCB_15_B = card('1800', 15, 43);
const JCB_16 = card('3566', 16, 44);

/** A 15-digit Amex number that is also ≡ 0 (mod 97), i.e. a valid ICE: both recognizers validate it. */
function amexThatIsIce(): string {
  for (let seed = 100; ; seed++) {
    const candidate = card('37', 15, seed);
    if (mod97(candidate) === 0) return candidate;
  }
}
const AMEX_ICE = amexThatIsIce();
/** A 24-digit number grouped by four whose first 16 digits are a Luhn-valid Visa number. */
const LONG_GROUPED = fours(VISA + digitsFrom(45, 8));

const VALID: [string, string][] = [
  ['Carte 4111 1111 1111 1111 expirée', '4111 1111 1111 1111'],
  [`Ma carte bancaire ${fours(VISA)} a été bloquée.`, fours(VISA)],
  [`N° de carte : ${MASTERCARD}`, MASTERCARD],
  [`رقم البطاقة البنكية ${fours(MASTERCARD_2, '-')}`, fours(MASTERCARD_2, '-')],
  [`Amex ${amexGrouped}`, amexGrouped],
  [`lcarte guichet dyali ${VISA_13}`, VISA_13],
  [`Card ${fours(VISA)} 12/26`, fours(VISA)], // the expiry date is not part of the number
  // 12-digit Maestro numbers: plausible only, a card context word is needed.
  [`Ma carte Maestro : ${MAESTRO_12}`, MAESTRO_12],
  [`رقم البطاقة ديالي ${fours(MAESTRO_12_B)}`, fours(MAESTRO_12_B)],
  // JCB: the legacy 15-digit ranges and the 16-digit one.
  [`card ${JCB_15}`, JCB_15],
  [
    `JCB ${JCB_15_B.slice(0, 4)} ${JCB_15_B.slice(4, 10)} ${JCB_15_B.slice(10)}`,
    `${JCB_15_B.slice(0, 4)} ${JCB_15_B.slice(4, 10)} ${JCB_15_B.slice(10)}`,
  ],
  [`paiement par ${fours(JCB_16, '-')}`, fours(JCB_16, '-')],
];

const flipLast = (s: string) => s.slice(0, -1) + String((Number(s.slice(-1)) + 1) % 10);

const INVALID: string[] = [
  `carte ${flipLast(VISA)}`, // Luhn
  `carte ${fours(flipLast(MASTERCARD))}`,
  `numéro ${card('9', 16, 36)}`, // no network starts with 9
  `numéro ${card('0', 16, 37)}`,
  `Visa ${card('4', 17, 38)}`, // Visa issues 13, 16 or 19 digits
  'Total 1 250,00 DH et 3500 dirhams',
  `commande ${MAESTRO_12}`, // 12 digits without a card context word
  `carte ${card('7', 12, 46)}`, // no 12-digit network starts with 7
  `RIB ${LONG_GROUPED}`, // a longer number grouped by four: its first 16 digits are not a card
  `compte ${fours(MAESTRO_12_B)} ${digitsFrom(47, 4)}`,
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

  it('scores a 12-digit Maestro number with context below certainty, a 15-digit JCB as certain', () => {
    assert.equal(validateCard(MAESTRO_12), undefined);
    assert.equal(assertFinds(paymentCard, `carte ${MAESTRO_12}`, MAESTRO_12).score, 0.75);
    assert.equal(validateCard(JCB_15), true);
    assert.equal(validateCard(flipLast(JCB_15_B)), false);
  });

  it('wins over a valid ICE with its own context word nearby, and loses without one', () => {
    assert.equal(mod97(AMEX_ICE), 0);
    assert.equal(iceControl(AMEX_ICE.slice(0, 13)), AMEX_ICE.slice(13));
    const scanner = createScanner([maIce, paymentCard]);
    const typeIn = (text: string) => scanner.scan(text).map((e) => [e.type, e.text]);
    for (const text of [
      `Réglé avec la carte ${AMEX_ICE} hier.`,
      `خلصت بالبطاقة ${AMEX_ICE}`,
      `lcarte dyali ${AMEX_ICE} tblokat`,
      `Amex ${AMEX_ICE}`,
    ]) {
      assert.deepEqual(typeIn(text), [['PAYMENT_CARD', AMEX_ICE]], text);
    }
    for (const text of [`Fournisseur ${AMEX_ICE}`, `ICE de la société : ${AMEX_ICE}`]) {
      assert.deepEqual(typeIn(text), [['MA_ICE', AMEX_ICE]], text);
    }
  });

  it('finds a card number in Eastern Arabic digits and with a zero-width space inside', () => {
    const eastern = easternDigits(fours(VISA));
    assertFinds(paymentCard, `البطاقة ${eastern}`, eastern);
    const marked = withInvisible(fours(VISA), 7);
    assertFinds(paymentCard, `CB ${marked}`, marked);
  });
});
