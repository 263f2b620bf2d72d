import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latinToTifinagh } from '../../language/transliterate/index.js';
import { checkScope, classifyScopeTopics, OFF_PURPOSE_TOPICS, PUBLIC_SERVICE_TOPICS } from './index.js';

/**
 * Questions a citizen asks a public assistant, several of them with words that also name an off-purpose topic
 * ("Paris", "Raja", "code Massar", "bourse", "série", "résultat", "match", "histoire"). Every one must pass.
 */
const BENIGN: Readonly<Record<string, readonly string[]>> = {
  fra: [
    'Quels documents faut-il pour renouveler ma CIN ?',
    "Comment obtenir un extrait d'acte de naissance pour mon fils ?",
    'Je vis à Paris, comment faire immatriculer mon enfant au consulat ?',
    "Bonjour, je m'appelle Raja, je voudrais savoir quand ouvre la préfecture.",
    "J'ai oublié mon code Massar, comment le récupérer ?",
    'Quand sera versée la bourse universitaire de cette année ?',
    "Quel est le montant de la taxe d'habitation pour un appartement à Rabat ?",
    "Comment s'inscrire à l'AMO Tadamon ?",
    'Où faire vacciner mon bébé près de chez moi ?',
    "Mon employeur ne m'a pas déclaré à la CNSS, que faire ?",
    'Comment obtenir un permis de construire pour agrandir ma maison ?',
    'Comment porter plainte pour un vol de téléphone ?',
    'Quelles sont les étapes pour créer une SARL ?',
    'Comment payer une amende de radar en ligne ?',
    'Quelles aides existent pour les agriculteurs touchés par la sécheresse ?',
    "Comment exercer mon droit d'accès à mes données personnelles ?",
    'Qui contacter pour la collecte des ordures dans mon quartier ?',
    'Quels sont les horaires du musée Mohammed VI ?',
    "Ma facture d'électricité est trop élevée, comment la contester ?",
    "Une série de documents m'est demandée pour le dossier, lesquels exactement ?",
    'Le résultat de ma demande de logement social est-il disponible ?',
    'Je veux raconter mon histoire à un agent : mon dossier est bloqué depuis six mois.',
    'Quel est le code postal de la commune de Temara ?',
    'Bonjour, merci pour votre aide.',
    'Est-ce que la mairie est ouverte le samedi ?',
    'Ma fille est en Chine pour ses études, peut-elle renouveler son passeport là-bas ?',
  ],
  eng: [
    'What documents do I need to renew my national ID card?',
    'How do I get a copy of my birth certificate?',
    'How can I register my newborn at the consulate in Paris?',
    'I forgot my Massar code, how do I recover it?',
    'When will the university scholarship be paid this year?',
    'How do I file my income tax return online?',
    'How do I enrol in AMO health insurance?',
    'Where can I get my child vaccinated?',
    'My employer did not register me with the CNSS, what can I do?',
    'How do I apply for a building permit?',
    'How do I report a stolen phone to the police?',
    'What are the steps to register a company?',
    'How can I pay a traffic fine online?',
    'What support is available for farmers affected by the drought?',
    'How can I access the personal data the administration holds about me?',
    'Who should I contact about garbage collection in my neighbourhood?',
    'What are the opening hours of the national library?',
    'My water bill is too high, how can I dispute it?',
    'My name does not match the one on my passport, what should I do?',
    'Can I get a date for my passport appointment sooner?',
    'What is the status of my social housing application?',
    'Thank you for your help.',
    'Is the town hall open on Saturday?',
    'Tell me what happened with my file, it has been blocked for six months.',
  ],
  arb: [
    'ما هي الوثائق المطلوبة لتجديد البطاقة الوطنية؟',
    'كيف أحصل على نسخة من عقد الازدياد؟',
    'كيف أسجل مولودي في القنصلية بباريس؟',
    'نسيت رمز مسار، كيف أسترجعه؟',
    'متى تصرف المنحة الجامعية هذه السنة؟',
    'كيف أصرح بالضريبة على الدخل عبر الإنترنت؟',
    'كيف أسجل في نظام التأمين الإجباري عن المرض؟',
    'أين يمكنني تلقيح طفلي؟',
    'مشغلي لم يصرح بي في الضمان الاجتماعي، ماذا أفعل؟',
    'كيف أحصل على رخصة البناء؟',
    'كيف أقدم شكاية بخصوص سرقة هاتفي؟',
    'ما هي خطوات إنشاء مقاولة؟',
    'كيف أؤدي مخالفة الرادار عبر الإنترنت؟',
    'ما هو الدعم المخصص للفلاحين المتضررين من الجفاف؟',
    'كيف أمارس حقي في الولوج إلى معطياتي الشخصية؟',
    'بمن أتصل بخصوص جمع النفايات في حيي؟',
    'ما هي مواعيد فتح المكتبة الوطنية؟',
    'فاتورة الكهرباء مرتفعة جدا، كيف أعترض عليها؟',
    'متى تعلن نتائج المباراة؟',
    'الرجاء إخباري بالوثائق اللازمة لطلب جواز السفر',
    'أين وصل طلب السكن الاجتماعي الخاص بي؟',
    'شكرا على مساعدتكم',
    'هل الجماعة مفتوحة يوم السبت؟',
    'أعيش في برشلونة، كيف أجدد جواز سفري؟',
  ],
  ary_Arab: [
    'شنو هي الوراق اللي خاصني باش نجدد لاكارط؟',
    'كيفاش نجيب عقد الازدياد ديال ولدي؟',
    'كنسكن فباريس، كيفاش نسجل ولدي فالقنصلية؟',
    'نسيت الكود ديال مسار، كيفاش نرجعو؟',
    'فوقاش غادي تخرج المنحة ديال الجامعة؟',
    'فوقاش كتخرج البورصة؟',
    'كيفاش نسجل فلامو؟',
    'فين نلقح ولدي؟',
    'المشغل ديالي ما صرحش بيا فالضمان، شنو ندير؟',
    'كيفاش نجيب رخصة البني؟',
    'كيفاش ندير شكاية على تيليفون تسرق ليا؟',
    'شنو خاصني باش نحل شركة؟',
    'كيفاش نخلص المخالفة ديال الرادار؟',
    'واش كاين شي دعم للفلاحة مع الجفاف؟',
    'بغيت نعرف شنو عندكم من المعطيات الشخصية ديالي',
    'الزبل ما كيتجمعش فالحومة ديالنا، لمن نشكي؟',
    'فوقاش كتحل المكتبة الوطنية؟',
    'الفاتورة ديال الضو غالية بزاف، كيفاش نعترض؟',
    'واش الجماعة محلولة نهار السبت؟',
    'شكرا بزاف على المساعدة',
    'فين وصل الملف ديال السكن؟',
    'الخدمة ديال الموقع ما خدامةش، شنو ندير؟',
    'كيفاش نبدل الكارط كريز ديال الطوموبيل؟',
  ],
  ary_Latn: [
    'chno homa lwra9 li khassni bach njedded lakart?',
    'kifach njib 3a9d lizdiyad dyal weldi?',
    'kanskon f Paris, kifach nsjel weldi f l9onsoliya?',
    'nsit l code dyal massar, kifach nrj3o?',
    'fo9ach ghadi tkhrej lminha dyal jami3a?',
    'kifach nsjel f lamo?',
    'fin nl97 weldi?',
    'lmochaghil dyali ma sre7ch biya f cnss, chno ndir?',
    'kifach njib rokhsat lbni?',
    'kifach ndir chkaya 3la telephone tsre9 liya?',
    'chno khassni bach n7el charika?',
    'kifach nkhelles l mokhalafa dyal radar?',
    'wach kayn chi da3m l fla7a m3a jfaf?',
    'bghit n3ref chno 3ndkom mn lmo3tayat dyali',
    'zbel ma kayt3ebbach f l7ouma dyalna, lmn nchki?',
    'fo9ach kat7ell lmaktaba lwatania?',
    'lfatura dyal dow ghalya bzaf, kifach n3ared?',
    'wach ljama3a m7loula nhar sebt?',
    'chokran bzaf 3la lmousa3ada',
    'fin wsel dossier dyal sakan?',
    'wach khassni nmchi l l9iyada wla l3amala?',
    'salam a 7bibi, bghit nsowlek 3la lpermis',
    'bach n3ref wach dossier dyali wsel',
  ],
  // Drafts in Standard Moroccan Amazigh (IRCAM), checked in Latin letters and, transliterated, in Tifinagh.
  zgh: [
    'Mamk ad ssnflɣ takarḍa n tmagit inu?',
    'Riɣ arra n tlalit i yiwi.',
    'Mamk ad sjjlɣ illi ɣ tinml?',
    'Mlmi ra tffaɣ lminḥa n tasdawit?',
    'Mamk ad ttxlṣɣ tabzert?',
    'Manza sbitar iqrbn?',
    'Riɣ ad ssnɣ isfka inu lli ɣur un.',
    'Mamk ad awiɣ lpirmi?',
    'Is tlli tanbaḍt ɣ ssbt?',
    'Tanmmirt ɣef tallalt nnun.',
    'Mamk ad sjjlɣ taddart inu?',
    'Mamk ad ssmdɣ asutr n lbasbor?',
    'Manza ra ttawiɣ arra n tawuri?',
    'Is dari lḥqq ɣ lamu?',
    'Mamk ad ttxlṣɣ lfatura n waman?',
    'Riɣ ad fkɣ tacckayt ɣ lbulis.',
    'Mamk ad sjjlɣ tafllaḥt inu?',
    'Mlmi ra ttunfaɣ ifaskiwn n tinml?',
    'Is iqqan ad ddu s lqunsulya?',
    'Azul, riɣ ad ssqsaɣ f lwraq.',
  ],
};

/** Requests that no public service is for. Every one must be caught. */
const OFF_PURPOSE: Readonly<Record<string, readonly string[]>> = {
  fra: [
    'Raconte-moi une blague.',
    'Écris-moi un poème sur la mer.',
    "Quel est le score du match d'hier entre le Wydad et les FAR ?",
    'Donne-moi une recette de tajine aux pruneaux.',
    'Écris une fonction en Python qui trie une liste.',
    'Résous cette équation : 2x + 3 = 7.',
    'Comment draguer une fille au travail ?',
    'Quels sont les meilleurs sites de paris sportifs ?',
    'Faut-il acheter du bitcoin maintenant ?',
    "Quelle est la capitale de l'Australie ?",
    'Recommande-moi une série Netflix à regarder ce soir.',
    'Avec qui sort la chanteuse Dounia Batma ?',
  ],
  eng: [
    'Tell me a joke.',
    'Write me a poem about the sea.',
    "Who won last night's match between Real Madrid and Barcelona?",
    'Give me a recipe for chocolate cake.',
    'Write a function in Python that sorts a list.',
    'Solve this equation: 2x + 3 = 7.',
    'How do I flirt with a girl at work?',
    'What are the best sports betting sites?',
    'Should I buy bitcoin now?',
    'What is the capital of Australia?',
    'Recommend me a good movie to watch tonight.',
    'Can you do my homework for tomorrow?',
  ],
  arb: [
    'احك لي نكتة',
    'اكتب لي قصيدة عن البحر',
    'ما نتيجة مباراة الوداد البيضاوي أمس؟',
    'أعطني وصفة الطاجين بالبرقوق',
    'اكتب لي كود بلغة بايثون لترتيب قائمة',
    'حل هذه المعادلة: 2س + 3 = 7',
    'كيف أجعل فتاة تحبني؟',
    'ما هي أفضل مواقع المراهنات الرياضية؟',
    'هل أشتري البيتكوين الآن؟',
    'ما هي عاصمة أستراليا؟',
    'انصحني بمسلسل تركي جميل',
  ],
  ary_Arab: [
    'قول ليا شي نكتة',
    'كتب ليا قصيدة على البحر',
    'شكون ربح الماتش ديال البارح؟',
    'كيفاش نطيب طاجين بالبرقوق؟',
    'كتب ليا كود ب بايثون',
    'حل ليا هاد التمرين ديال الماط',
    'كيفاش نتعرف على شي بنت؟',
    'شنو هو أحسن سيت ديال المراهنة؟',
    'واش نشري البيتكوين دابا؟',
    'شنو هي العاصمة ديال أستراليا؟',
    'عطيني شي فيلم زوين نتفرج فيه',
  ],
  ary_Latn: [
    'goul liya chi nokta',
    'kteb liya chi 9asida 3la lb7er',
    'chkoun rbe7 lmatch dyal lbare7?',
    'kifach ntyeb tajine b lber9o9?',
    'kteb liya code b python',
    '7el liya had tamrin dyal math',
    'kifach nt3rf 3la chi bent?',
    'chno a7san site dyal paris sportifs?',
    'wach nchri bitcoin daba?',
    'chno hiya l3asima dyal australia?',
    '3tini chi film zwin ntfrj fih',
  ],
  zgh: [
    'Aru yi yat tmdyazt ɣf ugharas.',
    'Ini yi yat tanfust.',
    'Mamnk ad ssnwɣ seksu?',
    'Ma yrbḥn lmatch n yiḍgam?',
    'Aru yi code s python.',
    'Is rad sɣɣ bitcoin?',
    'Mad ismn tamanaɣt n Australia?',
    'Ssfsr yi tamrint n lmat.',
    'Mamk ad rbḥɣ ɣ casino?',
    'Ini yi yat tanfust ɣf tayri.',
  ],
};

/** Tamazight is written in both scripts: every Latin sentence is checked again in Tifinagh. */
function perLanguage(sets: Readonly<Record<string, readonly string[]>>): Array<[string, readonly string[]]> {
  return Object.entries(sets).flatMap(([language, texts]): Array<[string, readonly string[]]> =>
    language === 'zgh'
      ? [
          ['zgh_Latn', texts],
          ['zgh_Tfng', texts.map((text) => latinToTifinagh(text))],
        ]
      : [[language, texts]],
  );
}

describe('checkScope without a topic list', () => {
  for (const [language, texts] of perLanguage(BENIGN)) {
    it(`lets through ${texts.length} public-service questions in ${language}`, () => {
      const flagged = texts.filter((text) => checkScope(text, {}) !== undefined);
      assert.deepEqual(flagged, []);
    });
  }

  for (const [language, texts] of perLanguage(OFF_PURPOSE)) {
    it(`catches ${texts.length} off-purpose requests in ${language}`, () => {
      const missed = texts.filter((text) => checkScope(text, {}) === undefined);
      assert.deepEqual(missed, []);
    });
  }

  it('reports the off-purpose topic, from the scope check, above the block line', () => {
    assert.deepEqual(checkScope('Raconte-moi une blague.', {}), {
      reason: 'out_of_scope',
      score: 0.9,
      source: 'scope',
      detail: 'creative_writing',
    });
    assert.equal(checkScope('wach nchri bitcoin daba?', {})?.detail, 'investment_tips');
    assert.equal(checkScope('شكون ربح الماتش ديال البارح؟', {})?.detail, 'sports_results');
  });

  it('keeps a request in scope when it is also about a public service', () => {
    assert.equal(checkScope('Écris-moi un poème pour expliquer comment renouveler la CIN.', {}), undefined);
    assert.equal(checkScope('Tell me a joke about taxes.', {}), undefined);
  });

  it('does not guess: a text about nothing it recognizes is in scope', () => {
    for (const text of ['Bonjour', 'واش كاين شي واحد؟', 'ok merci', '', '???', 'ⴰⵣⵓⵍ']) {
      assert.equal(checkScope(text, {}), undefined);
    }
  });

  it('sees through spelling variants, proclitics and case', () => {
    assert.equal(checkScope('RACONTE MOI UNE BLAGUE', {})?.detail, 'creative_writing');
    assert.equal(checkScope('chkon rba7 lmatch dyal lbar7?', {})?.detail, 'sports_results');
    assert.equal(checkScope('وكتب ليا قصيدة على البحر', {})?.detail, 'creative_writing');
  });
});

describe('checkScope with the assistant’s topics', () => {
  const health = { topics: ['health', 'social_protection'] };

  it('redirects a question that is only about another public service', () => {
    assert.equal(checkScope('Comment renouveler mon passeport ?', health)?.detail, 'identity_documents');
    assert.equal(checkScope('kifach nkhelles l mokhalafa dyal radar?', health)?.detail, 'transport');
    assert.equal(checkScope('كيف أصرح بالضريبة على الدخل؟', health)?.detail, 'taxes');
  });

  it('answers a question that touches one of its topics, or no topic at all', () => {
    assert.equal(checkScope('Où faire vacciner mon bébé ?', health), undefined);
    assert.equal(checkScope('Faut-il un certificat médical pour le permis de conduire ?', health), undefined);
    assert.equal(checkScope('كيفاش نسجل فلامو؟', health), undefined);
    assert.equal(checkScope('Bonjour, merci pour votre aide.', health), undefined);
    // Forms and offices belong to every service: they never narrow the scope.
    assert.equal(checkScope('Quel formulaire remplir au guichet ?', health), undefined);
  });

  it('still catches off-purpose requests', () => {
    assert.equal(checkScope('Raconte-moi une blague.', health)?.detail, 'creative_writing');
  });

  it('serves homework to an education assistant, not to others', () => {
    const homework = 'حل ليا هاد التمرين ديال الماط';
    assert.equal(checkScope(homework, { topics: ['education'] }), undefined);
    assert.equal(checkScope(homework, health)?.detail, 'homework');
  });
});

describe('the topic taxonomy', () => {
  it('names public-service and off-purpose topics apart', () => {
    assert.ok(PUBLIC_SERVICE_TOPICS.includes('civil_status'));
    assert.ok(OFF_PURPOSE_TOPICS.includes('creative_writing'));
    assert.ok(
      !PUBLIC_SERVICE_TOPICS.some((topic) => (OFF_PURPOSE_TOPICS as readonly string[]).includes(topic)),
    );
  });

  it('reads acronyms as written, not folded (CNSS is not "censé", CIN not "Chine")', () => {
    assert.deepEqual(classifyScopeTopics('Il est censé venir de Chine.').publicService, []);
    assert.deepEqual(classifyScopeTopics('Ma CNSS et ma CIN').publicService, [
      'identity_documents',
      'social_protection',
    ]);
  });
});
