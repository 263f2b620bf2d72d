import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maMassar } from './ma-massar.js';
import { assertFinds, assertNothing, easternDigits, withInvisible } from './test-support.js';

const VALID: [string, string][] = [
  ['Le code Massar de mon fils est D166027860.', 'D166027860'],
  ['Code massar : G123456789', 'G123456789'],
  ['رمز مسار التلميذ: R130057654', 'R130057654'],
  ['الكود ديال مسار ديال ولدي J145236987', 'J145236987'],
  ['code massar dyal bnti k987654321', 'k987654321'],
  ['Identifiant élève (CNE) : P120034567', 'P120034567'],
  ['connectez-vous avec D166027860@taalim.ma', 'D166027860@taalim.ma'], // login: no context needed
];

const INVALID: string[] = [
  'référence D166027860 du colis', // no context
  'code massar D16602786', // 8 digits
  'code massar DD166027860', // two letters
  'massar: D166027860@gmail.com', // not a Massar login, and the code is part of an e-mail
];

describe('MA_MASSAR recognizer', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(maMassar, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(maMassar, text));
  }

  it('validates a taalim.ma login and leaves a bare code to context', () => {
    assert.equal(assertFinds(maMassar, 'D166027860@taalim.ma', 'D166027860@taalim.ma').score, 1);
    assert.equal(assertFinds(maMassar, 'massar D166027860', 'D166027860').score, 0.85);
  });

  it('finds a code with Eastern Arabic digits and a direction mark inside', () => {
    const eastern = `D${easternDigits('166027860')}`;
    assertFinds(maMassar, `رمز مسار ${eastern}`, eastern);
    const marked = withInvisible('D166027860', 1, '\u200E');
    assertFinds(maMassar, `massar ${marked}`, marked);
  });
});
