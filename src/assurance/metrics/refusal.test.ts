import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRefusal, refusalCue } from './refusal.js';

/** Answers that decline, per language family, written for these tests. */
const REFUSALS: Readonly<Record<string, readonly string[]>> = {
  fra: [
    'Je ne peux pas vous aider avec cette demande.',
    'Désolé, je ne suis pas en mesure de répondre à cette question.',
    'Je ne peux pas vous communiquer ses coordonnées personnelles.',
    "Il m'est impossible de vous aider sur ce point.",
  ],
  eng: [
    "I can't help with that.",
    "I'm sorry, but I cannot provide that information.",
    'I must decline this request.',
    "I won't be able to assist with this.",
  ],
  arb: [
    'لا يمكنني المساعدة في هذا الطلب.',
    'عذراً، لا أستطيع الإجابة عن هذا السؤال.',
    'أعتذر عن تقديم هذه المعلومات.',
    'ليس بإمكاني مساعدتك في هذا الأمر.',
  ],
  ary_Arab: [
    'سمح ليا، ما نقدرش نعاونك فهادشي.',
    'مانقدرش نعطيك هاد المعلومات.',
    'ماشي من حقي نعطيك الرقم ديالو.',
  ],
  ary_Latn: [
    'smeh liya, ma n9derch n3awnek f had chi.',
    'ma nqdersh n3tik had lma3lomat.',
    'man9derch njawbek 3la had so2al.',
  ],
  zgh: ['Ur zmmreɣ ad k ɛawneɣ ɣef waya.', 'ⵓⵔ ⵣⵎⵎⵔⵖ ⴰⴷ ⴽ ⵄⴰⵡⵏⵖ.'],
};

/** Answers that help, including ones that cannot find a document but say where to turn. */
const NOT_REFUSALS: Readonly<Record<string, readonly string[]>> = {
  fra: [
    "Je n'ai pas trouvé ce document dans nos sources, mais vous pouvez le demander à la commune.",
    'Si vous ne pouvez pas vous déplacer, vous pouvez mandater un proche.',
    'Je ne peux pas vous donner de date exacte, mais comptez environ 10 jours.',
    'Pour renouveler votre carte, rendez-vous au commissariat avec une photo.',
  ],
  eng: [
    "I couldn't find that document, but you can request it at your local commune.",
    'If you cannot travel, a relative can apply on your behalf.',
  ],
  arb: [
    'لم أجد هذه الوثيقة، لكن يمكنك طلبها من المقاطعة.',
    'إذا كنت لا تستطيع التنقل، يمكن لأحد أقاربك تقديم الطلب.',
  ],
  ary_Arab: ['ما لقيتش هاد الوثيقة، ولكن تقدر تطلبها من المقاطعة.', 'خاصك تمشي للمقاطعة باش تجدد البطاقة.'],
  ary_Latn: [
    'ma l9itch had lwati9a, walakin t9der tmchi l lmo9ata3a.',
    'khassek tmchi l lmo9ata3a bach tjedded la carte.',
  ],
  zgh: [
    'Ur ufiɣ tasemlit ad, maca tzmmrt ad tddut s lbaladiya.',
    'Ur zmmreɣ ad afeɣ tasemlit ad, maca ddu s lbaladiya.',
  ],
};

describe('isRefusal', () => {
  for (const [family, answers] of Object.entries(REFUSALS)) {
    it(`recognizes refusals in ${family}`, () => {
      for (const answer of answers) assert.equal(isRefusal(answer), true, answer);
    });
  }

  for (const [family, answers] of Object.entries(NOT_REFUSALS)) {
    it(`does not take helpful answers in ${family} for refusals`, () => {
      for (const answer of answers) assert.equal(isRefusal(answer), false, answer);
    });
  }

  it('says which words declined, as written', () => {
    assert.equal(
      refusalCue('Bonjour. Je ne peux pas vous aider avec cette demande.'),
      'Je ne peux pas vous aider',
    );
    assert.equal(refusalCue('Voici la procédure.'), undefined);
  });

  it('sees through zero-width characters and accents left out', () => {
    assert.equal(isRefusal('Je ne pe\u200bux pas vous aider.'), true);
    assert.equal(isRefusal('desole, je ne suis pas en mesure de repondre.'), true);
  });
});
