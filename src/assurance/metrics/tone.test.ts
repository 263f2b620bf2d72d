import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toneScore } from './tone.js';

/** [courteous, curt] answers per family, written for these tests. */
const ANSWERS: Readonly<Record<string, readonly [courteous: string, curt: string]>> = {
  fra: [
    "Bonjour, merci pour votre question. N'hésitez pas à revenir vers nous.",
    "Comme je vous l'ai déjà dit, c'est pourtant simple. Lisez bien.",
  ],
  eng: ['Hello, thanks for asking. Feel free to come back.', "As I already said, that's your problem."],
  arb: ['مرحبا، شكرا على سؤالك. لا تتردد في التواصل معنا.', 'كما قلت لك سابقا، هذه مشكلتك.'],
  ary_Arab: ['مرحبا بيك، الله يخليك ما تترددش تسولنا.', 'واش ما فهمتيش؟ قلت ليك ديجا، ماشي شغلي.'],
  ary_Latn: [
    'merhba bik, lah ykhalik ma tterddedch tsowelna.',
    'wach ma fhmtich? 9olt lik deja, machi chghli.',
  ],
};

describe('toneScore', () => {
  for (const [family, [courteous, curt]] of Object.entries(ANSWERS)) {
    it(`scores courtesy 1 and curtness -1 in ${family}`, () => {
      assert.equal(toneScore(courteous), 1, courteous);
      assert.equal(toneScore(curt), -1, curt);
    });
  }

  it('scores Tamazight courtesy (Latin and Tifinagh)', () => {
    assert.equal(toneScore('Azul, tanmmirt ɣef usqsi nnk.'), 1);
    assert.equal(toneScore('ⴰⵣⵓⵍ, ⵜⴰⵏⵎⵎⵉⵔⵜ.'), 1);
  });

  it('is 0 for a neutral answer and for one with no text', () => {
    assert.equal(toneScore('Vous devez vous rendre à la commune avec votre CIN.'), 0);
    assert.equal(toneScore('خاصك تمشي للمقاطعة باش تجدد البطاقة.'), 0);
    assert.equal(toneScore(''), 0);
  });

  it('weighs courteous against curt markers', () => {
    // One courteous marker (merci), two curt ones (comme je l'ai déjà dit, lisez bien): (1 − 2) / 3.
    assert.equal(toneScore("Merci. Comme je l'ai déjà dit, lisez bien."), -1 / 3);
  });

  it('counts a marker once however often it recurs', () => {
    assert.equal(toneScore('Merci, merci, merci. Vous ne comprenez rien.'), 0);
  });

  it('counts words that two families share once', () => {
    // "idiot" is in the French and English lists: one curt marker against one courteous.
    assert.equal(toneScore('Bonjour. Idiot.'), 0);
  });
});
