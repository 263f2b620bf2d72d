import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { icaoCheckDigit } from './checksums.js';
import { maPassport, mrzLine2Ok } from './ma-passport.js';
import { assertFinds, assertNothing, easternDigits, scanWith, withInvisible } from './test-support.js';

/** A TD3 second line with its ICAO 9303 check digits. */
function mrzLine2(
  doc: string,
  birth: string,
  sex: string,
  expiry: string,
  personal = '<'.repeat(14),
): string {
  const d = doc.padEnd(9, '<');
  const head = `${d}${icaoCheckDigit(d)}MAR${birth}${icaoCheckDigit(birth)}${sex}${expiry}${icaoCheckDigit(expiry)}`;
  const optional = personal.padEnd(14, '<');
  const body = `${head}${optional}${icaoCheckDigit(optional)}`;
  const composite = body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43);
  return body + icaoCheckDigit(composite);
}
const LINE_1 = 'P<MARALAMI<<FATIMA<ZAHRA'.padEnd(44, '<');
const LINE_2 = mrzLine2('AB1234567', '900101', 'F', '300101');
const LINE_2_BK = mrzLine2('BK4829137', '851224', 'M', '280630', 'BK482913');

const VALID: [string, string][] = [
  ['Numéro de passeport : AB1234567', 'AB1234567'],
  ['Mon passeport n° CD 765432 expire bientôt.', 'CD 765432'],
  ['رقم جواز السفر: GH1234567', 'GH1234567'],
  ['الباسبور ديالي رقمو ZK7654321', 'ZK7654321'],
  ['paspor dyali ab1234567', 'ab1234567'],
  ['Passport number QW123456.', 'QW123456'],
  [`${LINE_1}\n${LINE_2}`, `${LINE_1}\n${LINE_2}`], // the whole MRZ, no context needed
  [`MRZ: ${LINE_2_BK}`, LINE_2_BK],
];

const corrupt = (line: string, at: number) =>
  line.slice(0, at) + String((Number(line[at]) + 1) % 10) + line.slice(at + 1);

const INVALID: string[] = [
  'Référence AB1234567 du colis', // no context
  'passeport AB12345', // five digits
  'passeport ABC1234567', // three letters
  `${LINE_1}\n${corrupt(LINE_2, 9)}`, // document number check digit
  corrupt(LINE_2, 43), // composite check digit
];

describe('MA_PASSPORT recognizer', () => {
  for (const [text, value] of VALID) {
    it(`finds ${JSON.stringify(value)} in ${JSON.stringify(text)}`, () =>
      void assertFinds(maPassport, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => assertNothing(maPassport, text));
  }

  it('checks the ICAO 9303 specimen line', () => {
    assert.equal(mrzLine2Ok('L898902C36UTO7408122F1204159ZE184226B<<<<<10'), true);
    assert.equal(mrzLine2Ok('L898902C36UTO7408122F1204159ZE184226B<<<<<11'), false);
  });

  it('validates an MRZ (score 1) and scores a number with context below certainty', () => {
    assert.equal(scanWith(maPassport, LINE_2)[0]?.score, 1);
    assert.equal(scanWith(maPassport, 'passeport AB1234567')[0]?.score, 0.8);
  });

  it('finds a number with Eastern Arabic digits and an invisible mark inside', () => {
    const eastern = `AB${easternDigits('1234567')}`;
    assertFinds(maPassport, `جواز السفر ${eastern}`, eastern);
    const marked = withInvisible('AB1234567', 2, '\uFEFF');
    assertFinds(maPassport, `passeport ${marked}`, marked);
  });
});
