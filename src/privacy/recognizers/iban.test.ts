import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ibanCheckDigits, ribKey } from './checksums.js';
import { IBAN_LENGTHS, iban, validateIban } from './iban.js';
import { assertFinds, assertNothing, digitsFrom, easternDigits, withInvisible } from './test-support.js';

const make = (country: string, bban: string) => country + ibanCheckDigits(country, bban) + bban;
const byFour = (s: string) => s.replace(/(.{4})(?=.)/g, '$1 ');

const ribBody = digitsFrom(10, 22);
const MA = make('MA', ribBody + ribKey(ribBody));
const FR = make('FR', `${digitsFrom(11, 21)}M0`);
const GB = make('GB', `NWBK${digitsFrom(12, 14)}`);
const DE = make('DE', digitsFrom(13, 18));
const ES = make('ES', digitsFrom(14, 20));

const VALID: [string, string][] = [
  ['IBAN : MA64 0115 1900 0001 2050 0053 4921', 'MA64 0115 1900 0001 2050 0053 4921'], // LAW.md
  [`IBAN ${MA}`, MA],
  [`Virement vers ${byFour(MA)} svp`, byFour(MA)],
  [`Compte en France : ${byFour(FR)}.`, byFour(FR)],
  [`رقم الايبان ديالي ${GB}`, GB],
  [`iban dyali ${DE.toLowerCase()}`, DE.toLowerCase()],
  [`Please transfer to ${byFour(ES)}.`, byFour(ES)],
  ['Example GB82 WEST 1234 5698 7654 32', 'GB82 WEST 1234 5698 7654 32'],
];

const flip = (s: string) => s.slice(0, -1) + String((Number(s.slice(-1)) + 1) % 10);

const INVALID: string[] = [
  `IBAN ${flip(MA)}`, // checksum
  `IBAN ${MA.slice(0, -1)}`, // length for MA is 28
  `IBAN ZZ${MA.slice(2)}`, // unknown country
  'IBAN MA00 0115 1900 0001 2050 0053 4921',
  'Le décret 2-09-165 et la loi 09-08',
];

describe('IBAN recognizer', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(iban, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(iban, text));
  }

  it('knows MA = 28 and the registry lengths', () => {
    assert.equal(IBAN_LENGTHS.MA, 28);
    assert.equal(IBAN_LENGTHS.FR, 27);
    assert.equal(IBAN_LENGTHS.NO, 15);
    assert.equal(MA.slice(2, 4), '64', 'a valid RIB always gives check digits 64');
    assert.equal(validateIban(byFour(MA)), true);
  });

  it('finds an IBAN with Eastern Arabic digits and invisible characters inside', () => {
    const eastern = easternDigits(byFour(MA));
    assertFinds(iban, `الايبان: ${eastern}`, eastern);
    const marked = withInvisible(byFour(FR), 5, '\u200C');
    assertFinds(iban, `IBAN ${marked}`, marked);
  });
});
