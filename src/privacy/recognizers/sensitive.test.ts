import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createScanner } from '../engine.js';
import type { EntityType } from '../types.js';
import { SENSITIVE_TYPES } from '../types.js';
import { sensitiveRecognizers } from './sensitive.js';

const scanner = createScanner(sensitiveRecognizers);
const found = (text: string) => scanner.scan(text).map((e) => [e.type, e.text, e.start, e.end] as const);

/** [type, text, the span found]. */
const FOUND: [EntityType, string, string][] = [
  // Health, genetic data
  ['SENSITIVE_HEALTH', 'Je suis diabétique depuis 2010.', 'diabétique'],
  ['SENSITIVE_HEALTH', 'Mon fils est autiste.', 'autiste'],
  ['SENSITIVE_HEALTH', "J'ai un cancer du sein.", 'cancer'],
  ['SENSITIVE_HEALTH', 'Mon père est sous dialyse.', 'dialyse'],
  ['SENSITIVE_HEALTH', 'Je suis enceinte de cinq mois.', 'enceinte'],
  ['SENSITIVE_HEALTH', 'Il est séropositif.', 'séropositif'],
  ['SENSITIVE_HEALTH', 'Je suis handicapé moteur.', 'handicapé'],
  ['SENSITIVE_HEALTH', "J'ai fait un test génétique BRCA1 positif.", 'test génétique BRCA1'],
  ['SENSITIVE_HEALTH', 'عندي السكري ومحتاج شهادة.', 'السكري'],
  ['SENSITIVE_HEALTH', 'ابني مصاب بالتوحد.', 'مصاب بالتوحد'],
  ['SENSITIVE_HEALTH', '3ndi sokkar w kan-akhod dwa', 'sokkar'],
  ['SENSITIVE_HEALTH', 'kan-tbe3 traitement dyal cancer', 'cancer'],
  ['SENSITIVE_HEALTH', 'السكر ديالي طالع', 'السكر'],
  ['SENSITIVE_HEALTH', 'I am HIV positive.', 'HIV positive'],
  ['SENSITIVE_HEALTH', 'My daughter is deaf.', 'deaf'],
  // Ethnic origin
  ['SENSITIVE_ETHNIC_ORIGIN', 'Je suis amazigh.', 'amazigh'],
  ['SENSITIVE_ETHNIC_ORIGIN', 'أنا ريفي من الحسيمة.', 'ريفي'],
  ['SENSITIVE_ETHNIC_ORIGIN', 'ana chel7 mn sous', 'chel7'],
  ['SENSITIVE_ETHNIC_ORIGIN', "Je suis d'origine subsaharienne.", "d'origine subsaharienne"],
  // Political opinions and membership
  ['SENSITIVE_POLITICAL', 'Je suis membre du parti depuis 2015.', 'membre du parti'],
  ['SENSITIVE_POLITICAL', 'Je suis militant au PSU.', 'militant au PSU'],
  ['SENSITIVE_POLITICAL', "J'ai voté pour le PJD.", 'voté pour le PJD'],
  ['SENSITIVE_POLITICAL', 'أنا عضو في حزب الاستقلال.', 'عضو في حزب الاستقلال'],
  ['SENSITIVE_POLITICAL', 'I am a party member.', 'party member'],
  ['SENSITIVE_POLITICAL', 'I am a socialist.', 'socialist'],
  // Religion and beliefs
  ['SENSITIVE_RELIGION', 'Je suis chrétien.', 'chrétien'],
  ['SENSITIVE_RELIGION', 'Je me suis converti au christianisme.', 'converti au christianisme'],
  ['SENSITIVE_RELIGION', 'أنا ملحد.', 'ملحد'],
  ['SENSITIVE_RELIGION', 'ana mse7i', 'mse7i'],
  ['SENSITIVE_RELIGION', 'I am Jewish.', 'Jewish'],
  // Union membership
  ['SENSITIVE_UNION', 'Je suis syndiqué à la CDT.', 'syndiqué à la CDT'],
  ['SENSITIVE_UNION', "Je suis membre de l'UMT.", "membre de l'UMT"],
  ['SENSITIVE_UNION', 'أنا عضو في نقابة التعليم.', 'عضو في نقابة'],
  ['SENSITIVE_UNION', 'Mon syndicat a appelé à la grève.', 'syndicat'],
  ['SENSITIVE_UNION', 'I am a union member.', 'union member'],
  // Sex life and orientation
  ['SENSITIVE_SEX_LIFE', 'Je suis homosexuel.', 'homosexuel'],
  ['SENSITIVE_SEX_LIFE', 'أنا مثلي الجنس.', 'مثلي الجنس'],
  ['SENSITIVE_SEX_LIFE', 'I am bisexual.', 'bisexual'],
  // Offences and convictions
  ['SENSITIVE_CRIMINAL', "J'ai été condamné à deux ans.", 'condamné'],
  ['SENSITIVE_CRIMINAL', "J'ai un casier judiciaire.", 'casier judiciaire'],
  ['SENSITIVE_CRIMINAL', 'Mon frère est sorti de prison.', 'sorti de prison'],
  ['SENSITIVE_CRIMINAL', 'أخي محكوم عليه بسنتين.', 'محكوم عليه'],
  ['SENSITIVE_CRIMINAL', 'حكم علي بالسجن موقوف التنفيذ.', 'حكم علي بالسجن موقوف التنفيذ'],
  ['SENSITIVE_CRIMINAL', 'ana tl9it l7kam', 'tl9it l7kam'],
  ['SENSITIVE_CRIMINAL', 'I have a criminal record.', 'criminal record'],
  ['SENSITIVE_CRIMINAL', 'Mon frère a été condamné à deux ans de prison.', 'condamné à deux ans de prison'],
  ['SENSITIVE_CRIMINAL', 'تشديت ف قضية ديال الشفرة', 'تشديت'],
  ['SENSITIVE_HEALTH', 'ana mrid b lcancer', 'mrid b lcancer'],
  ['SENSITIVE_ETHNIC_ORIGIN', "Ma famille est d'origine sahraouie.", "d'origine sahraouie"],
  ['SENSITIVE_ETHNIC_ORIGIN', 'عائلتي من أصل صحراوي', 'من أصل صحراوي'],
  ['SENSITIVE_ETHNIC_ORIGIN', 'Elle a été exclue parce qu’elle est noire.', 'noire'],
  ['SENSITIVE_RELIGION', 'Je ne crois pas en Dieu.', 'ne crois pas en Dieu'],
  ['SENSITIVE_SEX_LIFE', 'Adrien a annoncé qu’il était gay.', 'gay'],
  ['SENSITIVE_POLITICAL', 'كنصوت على البام', 'كنصوت على البام'],
];

const NOTHING: string[] = [
  'Le diabète est une maladie chronique.',
  'La loi sur les syndicats est en discussion.',
  'Le syndicat a appelé à une grève nationale.',
  'المادة 12 من القانون',
  'loi 09-08 relative à la protection des personnes physiques',
  'Le parti a tenu son congrès à Bouznika.',
  'Je suis parti à Rabat hier.',
  "J'ai acheté une enceinte Bluetooth.",
  'Je voudrais savoir si le cancer est remboursé.',
  "J'ai lu un article sur le diabète.",
  'Je travaille dans un centre de dialyse.',
  'Il est important de dépister le cancer.',
  'Je parle amazigh et arabe.',
  "J'ai reçu l'accusé de réception.",
  'Pour obtenir un extrait de casier judiciaire, présentez votre CIN.',
  'La prison de Oukacha a été rénovée.',
  'يعاقب بالحبس من شهر إلى سنة كل من خالف أحكام هذه المادة.',
  'وزارة الصحة أطلقت حملة للكشف عن السرطان.',
  'الديانة الرئيسية في مولدوفا هي المسيحية.',
  'على حامل ورقي أو إلكتروني',
  'أنا حامل لشهادة الباكالوريا',
  'الحكم على المشتري',
  'I converted the file to PDF.',
  'أنا حسن السوسي', // a family name, not an origin
  "J'ai un chat noir.", // a colour, not an origin: "noir" counts only right after its cue
  "Je ne crois pas à ce qu'il raconte.",
  'The law on trade unions was amended.',
];

describe('SENSITIVE_* recognizers', () => {
  it('has one recognizer per sensitive type', () => {
    assert.deepEqual(
      sensitiveRecognizers.map((r) => r.entity),
      [...SENSITIVE_TYPES],
    );
  });

  for (const [type, text, span] of FOUND) {
    it(`finds ${type} "${span}" in "${text}"`, () => {
      const start = text.indexOf(span);
      assert.ok(start >= 0, `test row: ${span} is not in ${text}`);
      assert.deepEqual(found(text), [[type, span, start, start + span.length]]);
    });
  }
  for (const text of NOTHING) {
    it(`finds nothing in "${text}"`, () => assert.deepEqual(found(text), []));
  }

  it('scores a clear first-person statement at 0.6 or more', () => {
    for (const text of ['Je suis diabétique.', 'أنا ملحد.', '3ndi sokkar', 'I am bisexual.']) {
      const [entity] = scanner.scan(text);
      assert.ok(entity && entity.score >= 0.6, text);
    }
  });

  it('proposes no candidate for a topic without a person, at any threshold', () => {
    assert.deepEqual(
      scanner.scan('Le diabète et le cancer sont des maladies chroniques.', { threshold: 0 }),
      [],
    );
  });

  it('finds several categories in one message', () => {
    assert.deepEqual(
      found('Je suis diabétique et je suis syndiqué.').map(([type, text]) => [type, text]),
      [
        ['SENSITIVE_HEALTH', 'diabétique'],
        ['SENSITIVE_UNION', 'syndiqué'],
      ],
    );
  });

  it('ties a later term of a category to the person of an earlier one in the same clause', () => {
    assert.deepEqual(
      found('Mon test génétique a révélé une mucoviscidose.').map(([type, text]) => [type, text]),
      [
        ['SENSITIVE_HEALTH', 'test génétique'],
        ['SENSITIVE_HEALTH', 'mucoviscidose'],
      ],
    );
  });

  it('stays linear on long runs of terms and cues', () => {
    const text = 'je suis diabétique et mon fils est autiste '.repeat(10000);
    const start = performance.now();
    assert.ok(scanner.scan(text).length > 0);
    assert.ok(performance.now() - start < 2000);
  });
});
