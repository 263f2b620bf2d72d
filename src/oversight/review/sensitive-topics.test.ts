import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CUE_MAX,
  SENSITIVE_LEXICON,
  classifySensitiveTopics,
  compileCues,
  findCue,
  matchKey,
} from './sensitive-topics.js';
import type { SensitiveTopic } from './sensitive-topics.js';

type Case = readonly [question: string, topic: SensitiveTopic];

/** Questions about the person's own case, per language family, over the five topics. */
const POSITIVES: Readonly<Record<string, readonly Case[]>> = {
  fra: [
    ["J'ai très mal au ventre depuis hier, quel médicament prendre ?", 'health_advice'],
    ['Est-ce que je dois aller aux urgences pour une fièvre de 39 ?', 'health_advice'],
    ['Je pense être enceinte, est-ce dangereux de continuer mon traitement ?', 'health_advice'],
    ["Ai-je droit à l'AMO Tadamon avec mon revenu ?", 'benefit_eligibility'],
    ["Est-ce que je peux bénéficier de l'aide au logement ?", 'benefit_eligibility'],
    ['Puis-je obtenir un microcrédit pour ouvrir mon atelier ?', 'credit_eligibility'],
    ['Ma demande de crédit a été refusée, pourquoi ?', 'credit_eligibility'],
    ['Quelle est ma note au bac ?', 'school_assessment'],
    ['Est-ce que mon fils va redoubler avec 8 de moyenne ?', 'school_assessment'],
    ['Mon permis de conduire a été suspendu, comment contester la décision ?', 'administrative_decision'],
    ["Comment faire recours contre l'amende que j'ai reçue ?", 'administrative_decision'],
  ],
  eng: [
    ['I have had a fever and chest pain since Monday, what should I do?', 'health_advice'],
    ['Should I take my son to the hospital?', 'health_advice'],
    ['Am I eligible for direct social support?', 'benefit_eligibility'],
    ['Can I get a scholarship for my master?', 'benefit_eligibility'],
    ['Could I get a loan to buy a taxi licence?', 'credit_eligibility'],
    ['What were my marks in the regional exam?', 'school_assessment'],
    ['Will my daughter have to repeat the year?', 'school_assessment'],
    ['My residence card was refused, can I appeal the decision?', 'administrative_decision'],
  ],
  arb: [
    ['أعاني من ألم في الصدر، هل يجب أن أذهب إلى المستعجلات؟', 'health_advice'],
    ['ما هي الجرعة المناسبة من الباراسيتامول لطفل؟', 'health_advice'],
    ['هل يحق لي الاستفادة من الدعم الاجتماعي المباشر؟', 'benefit_eligibility'],
    ['هل يمكنني الحصول على قرض صغير لمشروعي؟', 'credit_eligibility'],
    ['كم هي نقطتي في امتحان البكالوريا؟', 'school_assessment'],
    ['لماذا تم توجيهي إلى شعبة الآداب؟', 'school_assessment'],
    ['تم رفض طلبي للحصول على رخصة البناء، كيف أطعن في القرار؟', 'administrative_decision'],
  ],
  ary_Arab: [
    ['راسي كيضرني بزاف، شنو الدوا اللي ناخد؟', 'health_advice'],
    ['واش خاصني نمشي للسبيطار ولا لا؟', 'health_advice'],
    ['بغيت نعرف واش عندي الحق فالدعم المباشر', 'benefit_eligibility'],
    ['واش نقدر ناخد الكريدي من البنكة؟', 'credit_eligibility'],
    ['شحال النقطة ديالي فالباك؟', 'school_assessment'],
    ['واش غادي نعاود العام؟', 'school_assessment'],
    ['رفضو ليا الطلب ديال البيرمي، كيفاش ندير الطعن فالقرار؟', 'administrative_decision'],
  ],
  ary_Latn: [
    ['rasi kaydrni bzaf, chno dwa li nakhod?', 'health_advice'],
    ['3ndi skhana men lbare7, wach khassni nmchi l sbitar?', 'health_advice'],
    ['wach 3ndi l7e9 f dda3m l mobachir?', 'benefit_eligibility'],
    ['wach n9der nstafed mn tayssir?', 'benefit_eligibility'],
    ['wach lbanka ghadi t3tini credit?', 'credit_eligibility'],
    ['ch7al n9ta dyali f lbac?', 'school_assessment'],
    ['wach ghadi n3awd l3am?', 'school_assessment'],
    ['rafdo liya demande dyal lpermis, kifach ndir recours f decision?', 'administrative_decision'],
  ],
  zgh: [
    ['ⵉⵇⵇⵔⵃ ⵉⵢⵉ ⵉⵅⴼ ⵉⵏⵓ, ⵎⴰⵏ ⴰⵙⴰⴼⴰⵔ ⴰⴷ ⵙⵙⵓⵖ?', 'health_advice'],
    ['Uḍneɣ, is ilaq ad dduɣ s sbitar?', 'health_advice'],
    ['ⵉⵙ ⵣⵎⵎⵔⵖ ⴰⴷ ⴰⵡⵉⵖ ⴷⴷⵄⵎ?', 'benefit_eligibility'],
    ['Is zemmreɣ ad awiɣ lkridi zeg lbanka?', 'credit_eligibility'],
    ['Mnck aya nnqaṭ inu g lbak?', 'school_assessment'],
    ['ⵉⵙ ⵔⴰⴷ ⵄⴰⵡⴷⵖ ⴰⵙⴳⴳⴰⵙ?', 'school_assessment'],
    ['Ugin ad iyi fkn lpermi, mamek ad ṭɛneɣ g lqrar?', 'administrative_decision'],
  ],
};

/** General information and other questions that a reviewer need not see. */
const NEGATIVES: Readonly<Record<string, readonly string[]>> = {
  fra: [
    'Quels documents pour renouveler ma CIN ?',
    'Quels sont les horaires d’ouverture de la préfecture ?',
    'Que dit la loi 09-08 sur le droit d’accès ?',
    'Où se trouve l’hôpital Ibn Sina ?',
    'Quelle est la date des résultats du baccalauréat cette année ?',
    "J'ai mal compris la procédure, pouvez-vous la réexpliquer ?",
    'Comment demander un extrait d’acte de naissance ?',
  ],
  eng: [
    'What documents do I need for a passport?',
    'What are the opening hours of the town hall?',
    'What does Law 09-08 say about consent?',
    'Where is the nearest hospital?',
    'How do I register my newborn at the civil registry?',
  ],
  arb: [
    'ما هي الوثائق المطلوبة لتجديد البطاقة الوطنية؟',
    'ما هي مواقيت عمل المقاطعة؟',
    'ماذا ينص القانون 09-08 بخصوص حق الولوج؟',
    'أين يوجد المستشفى الجامعي؟',
  ],
  ary_Arab: [
    'شنو هوما الوراق اللي خاصني باش نجدد لاكارط؟',
    'فوقاش كتحل المقاطعة؟',
    'فين كاين السبيطار ديال الحي؟',
    'شنو كيقول القانون 09-08؟',
  ],
  ary_Latn: [
    'chno homa lwra9 li khassni bach njded lakart?',
    'fo9ach kat7el lmo9ata3a?',
    'fin kayn sbitar dyal l7ay?',
    'chno kay9ol l9anon 09-08?',
  ],
  zgh: [
    'ⵎⴰⵏ ⵜⵉⵡⵔⴰⵇⵉⵏ ⴰⴷ ⵉⵢⵉ ⵉⵍⴰⵇⵏ ⵉ ⵓⵙⵏⴼⵍ ⵏ ⵜⴽⴰⵔⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ?',
    'Mani ad sikkeɣ tamasayt xef isefka inu?',
    'ⵎⴰⵏ ⵉⵣⵔⴼⴰⵏ ⵏ ⵓⴼⴳⴰⵏ ⵅⴼ ⵉⵙⴼⴽⴰ ⵏⵏⵙ?',
    'Mani tlla tinml n tmazirt?',
  ],
};

const topicsOf = (question: string): SensitiveTopic[] =>
  classifySensitiveTopics(question).map((m) => m.topic);

describe('classifySensitiveTopics', () => {
  for (const [family, cases] of Object.entries(POSITIVES)) {
    for (const [question, topic] of cases) {
      it(`${family}: finds ${topic} in "${question}"`, () => {
        assert.ok(
          topicsOf(question).includes(topic),
          `${topic} not in ${JSON.stringify(topicsOf(question))}`,
        );
      });
    }
  }
  for (const [family, questions] of Object.entries(NEGATIVES)) {
    for (const question of questions) {
      it(`${family}: holds nothing for "${question}"`, () =>
        assert.deepEqual(classifySensitiveTopics(question), []));
    }
  }

  it('returns the matched words as the user wrote them', () => {
    assert.deepEqual(classifySensitiveTopics('Bonjour, quelle est ma note au bac ?'), [
      { topic: 'school_assessment', cue: 'ma note au bac' },
    ]);
    assert.deepEqual(classifySensitiveTopics('slm, ch7al n9ta dyali f lbac?'), [
      { topic: 'school_assessment', cue: 'n9ta dyali f lbac' },
    ]);
  });

  it('reports each topic once, in the order of the topics', () => {
    const matches = classifySensitiveTopics(
      "Mon permis a été retiré et j'ai de la fièvre depuis, quelle est ma note au bac ? Et ma note au bac blanc ?",
    );
    assert.deepEqual(
      matches.map((m) => m.topic),
      ['health_advice', 'school_assessment', 'administrative_decision'],
    );
  });

  it('needs a cue phrase, not a lone ambiguous word', () => {
    for (const question of ['Quelle note ?', 'bac', 'crédit', 'الدعم', 'dwa', 'amende']) {
      assert.deepEqual(classifySensitiveTopics(question), [], question);
    }
  });

  it('reads Arabizi spelling variants alike', () => {
    for (const question of [
      'wach 3ndi l7e9 f dda3m?',
      'wach 3andi l7a9 f da3m?',
      'wash 3ndi lhaq f d3em?',
      'wach 3ndi lhaqq f dda3m?',
    ]) {
      assert.deepEqual(topicsOf(question), ['benefit_eligibility'], question);
    }
  });

  it('reads Arabic spelling variants alike: hamza seats, ta marbuta, diacritics, tatweel', () => {
    for (const question of ['أعاني من ألمٍ في الرأس', 'اعاني من الم في الراس', 'أعانـــي من ألم']) {
      assert.deepEqual(topicsOf(question), ['health_advice'], question);
    }
  });

  it('reads Tamazight alike in Tifinagh and in Latin letters', () => {
    assert.deepEqual(topicsOf('ⵉⵙ ⵔⴰⴷ ⵄⴰⵡⴷⵖ ⴰⵙⴳⴳⴰⵙ?'), ['school_assessment']);
    assert.deepEqual(topicsOf('Is rad ɛawdɣ asggas?'), ['school_assessment']);
    assert.deepEqual(topicsOf('is rad 3awdgh asggas?'), ['school_assessment']);
  });

  it('matches whole words only', () => {
    assert.deepEqual(classifySensitiveTopics('ma notation au bachelor'), []);
  });

  it('keeps the cue short', () => {
    const cue = classifySensitiveTopics(
      "J'ai extraordinairement terriblement incroyablement insupportablement épouvantablement mal au ventre",
    )[0]?.cue;
    assert.ok(cue !== undefined && cue.length <= CUE_MAX, cue);
  });

  it('handles empty, punctuation-only and very long input', () => {
    assert.deepEqual(classifySensitiveTopics(''), []);
    assert.deepEqual(classifySensitiveTopics('?!… ، ؟'), []);
    const long = 'Quels documents pour renouveler ma CIN ? '.repeat(25_000) + 'Quelle est ma note au bac ?';
    assert.deepEqual(topicsOf(long), ['school_assessment']);
  });
});

describe('lexicon', () => {
  it('has cues in every family for every topic', () => {
    for (const [topic, lexicon] of Object.entries(SENSITIVE_LEXICON)) {
      for (const [family, entries] of Object.entries(lexicon)) {
        assert.ok(entries.length > 0, `${topic} ${family}`);
      }
    }
  });

  it('uses only the phrase syntax: words, ( | ) alternatives, … gaps and final *', () => {
    for (const lexicon of Object.values(SENSITIVE_LEXICON)) {
      for (const entry of Object.values(lexicon).flat()) {
        assert.match(entry, /^[\p{L}\p{N}\p{M} ()|…*]+$/u, entry);
        assert.doesNotThrow(() => compileCues([entry]), entry);
      }
    }
  });
});

describe('compileCues', () => {
  it('finds what the plain expression finds: the anchor prefilter skips only keys that cannot match', () => {
    const texts = [
      ...Object.values(POSITIVES).flatMap((cases) => cases.map(([question]) => question)),
      ...Object.values(NEGATIVES).flat(),
    ];
    for (const lexicon of Object.values(SENSITIVE_LEXICON)) {
      const entries = Object.values(lexicon).flat();
      const cues = compileCues(entries);
      const plain = new RegExp(cues.source, cues.flags);
      for (const text of texts) {
        const { key } = matchKey(text);
        assert.equal(cues.exec(key)?.[0], plain.exec(key)?.[0], text);
      }
    }
  });

  it('matches in a key that holds an anchor, and not in one that holds none', () => {
    const cues = compileCues(['(permis|licence) de (conduire|chasse)', 'carte grise']);
    assert.ok(cues.test(matchKey('Je veux renouveler mon permis de conduire').key));
    assert.ok(cues.test(matchKey('Où retirer la carte grise ?').key));
    assert.equal(cues.test(matchKey('Bonjour, comment allez-vous ?').key), false);
  });
});

describe('findCue', () => {
  it('maps the match back to the original words, gaps included', () => {
    const cues = compileCues(['je … bac']);
    assert.equal(findCue(matchKey("Moi, j'ai raté le BAC !"), cues), "j'ai raté le BAC");
  });

  it('returns undefined without a match', () => {
    assert.equal(findCue(matchKey('rien'), compileCues(['bac'])), undefined);
  });
});
