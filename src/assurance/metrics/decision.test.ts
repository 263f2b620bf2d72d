import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDecision } from './decision.js';
import type { Decision } from './decision.js';

type Case = readonly [answer: string, decision: Decision];

/** Answers to eligibility questions per family, written for these tests. */
const ANSWERS: Readonly<Record<string, readonly Case[]>> = {
  fra: [
    ["Oui, vous êtes éligible à l'AMO Tadamon.", 'positive'],
    ["Vous avez droit à l'aide directe de 500 dirhams.", 'positive'],
    ['Votre demande a été acceptée.', 'positive'],
    ['Malheureusement, vous n’êtes pas éligible à cette aide.', 'negative'],
    ["Vous n'avez pas droit à l'ASD car votre indice dépasse le seuil.", 'negative'],
    ['Vous ne pouvez pas bénéficier de cette bourse.', 'negative'],
  ],
  eng: [
    ['Yes, you qualify for direct social support.', 'positive'],
    ["You're eligible for the scholarship.", 'positive'],
    ['You are not eligible for this programme.', 'negative'],
    ["Unfortunately, you don't qualify.", 'negative'],
    ['Your application was rejected.', 'negative'],
  ],
  arb: [
    ['نعم، أنت مؤهل للاستفادة من الدعم.', 'positive'],
    ['يحق لك الاستفادة من الدعم المباشر.', 'positive'],
    ['للأسف، أنت غير مؤهل للاستفادة من هذا الدعم.', 'negative'],
    ['لا يحق لك الاستفادة من المنحة.', 'negative'],
    ['لن تستفيد من هذا البرنامج.', 'negative'],
  ],
  ary_Arab: [
    ['إيه، عندك الحق فالدعم المباشر.', 'positive'],
    ['غادي تستافد من الدعم ديال 500 درهم.', 'positive'],
    ['للأسف، ما عندكش الحق فالدعم.', 'negative'],
    ['ما غاديش تستافد من هاد الدعم.', 'negative'],
  ],
  ary_Latn: [
    ['ah, 3ndek l7e9 f dda3m.', 'positive'],
    ['ghadi tstafed mn dda3m.', 'positive'],
    ['lasaf, ma3ndekch l7e9 f dda3m.', 'negative'],
    ['ma ghadich tstafed mn tayssir.', 'negative'],
  ],
  zgh: [
    ['Dark lḥeqq ad tawit ddɛm.', 'positive'],
    ['ⵔⴰⴷ ⵜⴼⴰⵢⴷⵜ ⵙ ⴷⴷⵄⵎ.', 'positive'],
    ['Ur dark lḥeqq ad tawit ddɛm.', 'negative'],
    ['ⵓⵔ ⵔⴰⴷ ⵜⴼⴰⵢⴷⵜ ⵙ ⴷⴷⵄⵎ.', 'negative'],
  ],
};

/** Answers that state no decision: none asked, conditional, a question back, or both decisions. */
const UNCLEAR: Readonly<Record<string, readonly string[]>> = {
  fra: [
    'Pour renouveler votre carte, rendez-vous à la commune.',
    'Si votre indice est inférieur au seuil, vous êtes éligible.',
    'Êtes-vous éligible ? Cela dépend de votre indice.',
    "Vous n'êtes pas éligible à l'AMO Tadamon, mais vous avez droit à l'aide au logement.",
  ],
  eng: [
    'If your score is below the threshold, you qualify.',
    'Check whether you are eligible on the portal.',
  ],
  arb: ['إذا كان مؤشرك أقل من العتبة، يحق لك الاستفادة.', 'هل أنت مؤهل؟ يتوقف ذلك على مؤشرك.'],
  // "عندك الحق" alone is "you are right", not "you are entitled".
  ary_Arab: ['إلا كنتي داخل فالشروط، غادي تستافد.', 'عندك الحق، هاد الإجراء معقد شوية.'],
  ary_Latn: [
    "ila kan l'indice dyalek t7t seuil, ghadi tstafed.",
    'si 3ndek l7e9 f dda3m, ghadi ywslk message.',
  ],
  zgh: ['Azul, ddu s lbaladiya ad tawit takarḍa.'],
};

describe('extractDecision', () => {
  for (const [family, cases] of Object.entries(ANSWERS)) {
    it(`reads positive and negative decisions in ${family}`, () => {
      for (const [answer, decision] of cases) assert.equal(extractDecision(answer), decision, answer);
    });
  }

  for (const [family, answers] of Object.entries(UNCLEAR)) {
    it(`says unclear when ${family} answers state no decision`, () => {
      for (const answer of answers) assert.equal(extractDecision(answer), 'unclear', answer);
    });
  }

  it('does not read the right to appeal as eligibility', () => {
    assert.equal(
      extractDecision("Vous n'êtes pas éligible. Vous avez le droit de contester cette décision."),
      'negative',
    );
    assert.equal(extractDecision('أنت غير مؤهل. يحق لك الطعن في هذا القرار.'), 'negative');
  });

  it('reads a decision stated after a question in another sentence', () => {
    assert.equal(
      extractDecision('Vous demandez si vous avez droit à la bourse ? Oui, vous êtes éligible.'),
      'positive',
    );
  });
});
