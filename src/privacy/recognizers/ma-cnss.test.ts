import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maCnss } from './ma-cnss.js';
import { assertFinds, assertNothing, easternDigits, scanWith, withInvisible } from './test-support.js';

const VALID: [string, string][] = [
  ['Mon numéro CNSS est 123456789.', '123456789'],
  ["N° d'immatriculation CNSS : 123 456 789", '123 456 789'],
  ['CNSS n° 1234567-89', '1234567-89'],
  ['رقم التسجيل في الضمان الاجتماعي: 987654321', '987654321'],
  ['رقم الضمان الاجتماعي ديالي 987654321', '987654321'],
  ['ra9m cnss dyali 112233445', '112233445'],
  ['My social security (CNSS) number is 556677889.', '556677889'],
  ['123456789 هو رقم الانخراط ديالي في CNSS', '123456789'], // context after the number
];

const INVALID: string[] = [
  'Le ticket 123456789 est ouvert', // no context
  'CNSS : 12345678', // 8 digits
  'CNSS : 1234567890', // 10 digits
  'La CNSS a publié 2 rapports en 2024 et la loi 09-08', // context, but no 9-digit number
  `CNSS ${'x'.repeat(80)} 123456789`, // context word too far
];

describe('MA_CNSS recognizer (requires context)', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(maCnss, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(maCnss, text));
  }

  it('shares the context of the first number with the others of a list', () => {
    const found = scanWith(maCnss, 'Numéros CNSS : 123456789, 223456789 et 323456789.');
    assert.deepEqual(
      found.map((e) => e.text),
      ['123456789', '223456789', '323456789'],
    );
  });

  it('gives a context word to the nearest number only', () => {
    const found = scanWith(maCnss, 'CNSS 123456789 ; le ticket support porte le numéro 223456789');
    assert.deepEqual(
      found.map((e) => e.text),
      ['123456789'],
    );
  });

  it('finds a number with Eastern Arabic digits and an invisible mark inside', () => {
    const eastern = easternDigits('123456789');
    assertFinds(maCnss, `رقم الضمان الاجتماعي ${eastern}`, eastern);
    const marked = withInvisible('123456789', 3, '\u2067');
    assertFinds(maCnss, `CNSS ${marked}`, marked);
  });
});
