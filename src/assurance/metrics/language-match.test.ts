import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMizanError } from '../../errors.js';
import { LANGUAGE_LABELS } from '../../language/labels.js';
import { answersInLanguage } from './language-match.js';

/** One answer per label, written for these tests. */
const ANSWERS: Readonly<Record<(typeof LANGUAGE_LABELS)[number], string>> = {
  ary_Arab: 'خاصك تمشي للمقاطعة ديالك باش تجدد البطاقة، وجيب معاك جوج تصاور.',
  ary_Latn: 'khassek tmchi l lmo9ata3a dyalek bach tjedded la carte, w jib m3ak jouj tsawer.',
  arb_Arab: 'يجب عليك التوجه إلى المقاطعة التابعة لمحل سكناك مع صورتين شمسيتين.',
  zgh_Tfng: 'ⵔⵉⵖ ⴰⴷ ⵙⵙⵏⵖ ⵎⴰⵏⵉ ⵔⴰⴷ ⴰⵙⵉⵖ ⵜⴰⴽⴰⵔⴹⴰ ⵏ ⵜⵏⴰⵎⵓⵜ',
  zgh_Latn: 'Azul, ilaq ad tddut s lbaladiya ad tawit takarḍa.',
  fra_Latn: 'Vous devez vous rendre à la commune avec votre CIN et deux photos.',
  eng_Latn: 'You need to go to the commune with your ID card and two photos.',
};

describe('answersInLanguage', () => {
  for (const label of LANGUAGE_LABELS) {
    it(`accepts an answer in ${label} and refuses the others for it`, () => {
      assert.equal(answersInLanguage(ANSWERS[label], label), true);
      for (const other of LANGUAGE_LABELS) {
        const accepted = other === label || (label === 'ary_Arab' && other === 'arb_Arab');
        assert.equal(answersInLanguage(ANSWERS[other], label), accepted, `${other} for a ${label} reader`);
      }
    });
  }

  it('accepts MSA for a Darija reader in Arabic script, not Darija for an MSA reader', () => {
    assert.equal(answersInLanguage(ANSWERS.arb_Arab, 'ary_Arab'), true);
    assert.equal(answersInLanguage(ANSWERS.ary_Arab, 'arb_Arab'), false);
  });

  it('fails an answer too short to judge, even in the right language', () => {
    assert.equal(answersInLanguage('Oui, merci.', 'fra_Latn'), false);
    assert.equal(answersInLanguage('نعم', 'arb_Arab'), false);
    assert.equal(answersInLanguage('', 'fra_Latn'), false);
    assert.equal(answersInLanguage('12 500 DH', 'fra_Latn'), false);
  });

  it('refuses an expected language the platform does not know', () => {
    for (const expected of ['und', 'fr', 'spa_Latn']) {
      assert.throws(
        () => answersInLanguage(ANSWERS.fra_Latn, expected),
        (error: unknown) => isMizanError(error) && error.status === 400 && error.param === 'language',
      );
    }
  });
});
