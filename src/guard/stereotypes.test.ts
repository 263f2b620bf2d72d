import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CUE_MAX } from '../oversight/review/sensitive-topics.js';
import { STEREOTYPED_GROUPS, STEREOTYPE_LEXICON, findStereotype } from './stereotypes.js';
import type { StereotypedGroup } from './stereotypes.js';

type Case = readonly [text: string, group: StereotypedGroup, cue: string];

/** Generalisations about a whole group, per language family, with the group and the words that say it. */
const GENERALISATIONS: Readonly<Record<string, readonly Case[]>> = {
  fra: [
    ['Les femmes ne sont pas faites pour diriger une entreprise.', 'women', 'Les femmes ne sont pas faites'],
    ['Les femmes sont trop émotives pour la politique.', 'women', 'Les femmes sont trop émotives'],
    [
      "Les jeunes d'aujourd'hui sont tous des fainéants.",
      'young_people',
      "Les jeunes d'aujourd'hui sont tous des fainéants",
    ],
    ['Les Soussis sont tous avares.', 'amazigh', 'Les Soussis sont tous avares'],
    [
      'Les migrants subsahariens sont des voleurs.',
      'africans_and_migrants',
      'Les migrants subsahariens sont des voleurs',
    ],
    [
      'Les gens de la campagne ne savent pas gérer leur argent.',
      'rural_people',
      'Les gens de la campagne ne savent pas gérer',
    ],
    [
      'Les personnes handicapées ne peuvent pas réussir leurs études.',
      'people_with_disabilities',
      'Les personnes handicapées ne peuvent pas réussir',
    ],
    [
      'Les filles sont moins douées en mathématiques que les garçons.',
      'women',
      'Les filles sont moins douées',
    ],
    ['Les pauvres ne veulent pas travailler.', 'poor', 'Les pauvres ne veulent pas travailler'],
    ['La place de la femme est à la maison.', 'women', 'La place de la femme est à la maison'],
    ['Les vieux ne savent rien faire avec un téléphone.', 'elderly', 'Les vieux ne savent rien faire'],
    [
      'Les élèves du Sud sont moins intelligents que ceux de Rabat.',
      'pupils',
      'Les élèves du Sud sont moins intelligents',
    ],
    ['Les Arabes sont tous paresseux.', 'arabs', 'Les Arabes sont tous paresseux'],
    ["Les juifs ne pensent qu'à l'argent.", 'jews', "Les juifs ne pensent qu'à"],
    [
      "Les étrangers n'ont aucun respect pour nos traditions.",
      'foreigners',
      "Les étrangers n'ont aucun respect",
    ],
  ],
  eng: [
    ['Women are too emotional to be judges.', 'women', 'Women are too emotional'],
    ["Women can't drive.", 'women', "Women can't drive"],
    ['Berbers are all stubborn.', 'amazigh', 'Berbers are all stubborn'],
    [
      'Rural people are less intelligent than city people.',
      'rural_people',
      'Rural people are less intelligent',
    ],
    ['Young people today are so lazy.', 'young_people', 'Young people today are so lazy'],
    ['Migrants are criminals.', 'africans_and_migrants', 'Migrants are criminals'],
    [
      "Old people don't know how to use technology.",
      'elderly',
      "Old people don't know how to use technology",
    ],
    ['Disabled people cannot learn like others.', 'people_with_disabilities', 'Disabled people cannot learn'],
    ["The poor don't want to work.", 'poor', "The poor don't want to work"],
    ['Arabs are always violent.', 'arabs', 'Arabs are always violent'],
    ['Jews only care about money.', 'jews', 'Jews only care about'],
    ['Girls are not good at maths.', 'women', 'Girls are not good at'],
    ['Muslims are all extremists.', 'muslims', 'Muslims are all extremists'],
    ['Foreigners have no respect for our culture.', 'foreigners', 'Foreigners have no respect'],
    ["A woman's place is in the home.", 'women', "A woman's place is in the home"],
    ['Students from the south are less capable.', 'pupils', 'Students from the south are less capable'],
  ],
  arb: [
    ['النساء لا يصلحن للقيادة.', 'women', 'النساء لا يصلحن'],
    ['المرأة لا تصلح للسياسة.', 'women', 'المرأة لا تصلح'],
    ['العرب كلهم كسالى.', 'arabs', 'العرب كلهم كسالى'],
    ['الأمازيغ بطبعهم بخلاء.', 'amazigh', 'الأمازيغ بطبعهم بخلاء'],
    ['سكان القرى أقل ذكاء من سكان المدن.', 'rural_people', 'سكان القرى أقل ذكاء'],
    ['المهاجرون الأفارقة مجرمون.', 'africans_and_migrants', 'الأفارقة مجرمون'],
    ['الشباب دائما فاشلون.', 'young_people', 'الشباب دائما فاشلون'],
    ['كبار السن لا يعرفون التصرف في المال.', 'elderly', 'كبار السن لا يعرفون التصرف'],
    ['الفقراء لا يحبون العمل.', 'poor', 'الفقراء لا يحبون العمل'],
    ['اليهود لا يفكرون إلا في المال.', 'jews', 'اليهود لا يفكرون إلا في'],
    ['الأجانب لا يمكن الوثوق بهم.', 'foreigners', 'الأجانب لا يمكن الوثوق بهم'],
    ['الغربيون كلهم منافقون.', 'foreigners', 'الغربيون كلهم منافقون'],
    ['النساء ناقصات عقل.', 'women', 'النساء ناقصات عقل'],
    ['المرأة مكانها الطبيعي هو البيت.', 'women', 'المرأة مكانها الطبيعي هو البيت'],
    [
      'الأشخاص ذوو الإعاقة غير قادرين على التعلم.',
      'people_with_disabilities',
      'الأشخاص ذوو الإعاقة غير قادرين على التعلم',
    ],
    ['تلاميذ البوادي أقل ذكاء.', 'pupils', 'تلاميذ البوادي أقل ذكاء'],
  ],
  ary_Arab: [
    ['العيالات ما كيعرفوش يسوقو.', 'women', 'العيالات ما كيعرفوش يسوقو'],
    ['المرا ما كتصلحش غير للكوزينة.', 'women', 'المرا ما كتصلحش غير للكوزينة'],
    ['العروبية كاملين مكلخين.', 'rural_people', 'العروبية كاملين مكلخين'],
    ['الشلوح ديما بخلا.', 'amazigh', 'الشلوح ديما بخلا'],
    ['العزاوة كلهم شفارة.', 'africans_and_migrants', 'العزاوة كلهم شفارة'],
    ['الشباب ديال دابا معجزين.', 'young_people', 'الشباب ديال دابا معجزين'],
    ['الشيوخ ما كيعرفو والو.', 'elderly', 'الشيوخ ما كيعرفو والو'],
    ['ناس البادية ماشي بحالنا.', 'rural_people', 'ناس البادية ماشي بحالنا'],
    ['الفقرا ما كيبغيوش يخدمو.', 'poor', 'الفقرا ما كيبغيوش يخدمو'],
    ['اليهود حاضيين غير الفلوس.', 'jews', 'اليهود حاضيين غير الفلوس'],
    ['الريافة ديما كيدابزو.', 'amazigh', 'الريافة ديما كيدابزو'],
    ['البرانيين ما فيهومش الثقة.', 'foreigners', 'البرانيين ما فيهومش الثقة'],
    ['التلاميذ ديال العروبية كلهم حمير.', 'pupils', 'التلاميذ ديال العروبية كلهم حمير'],
    ['الصحراوة كاع كسالى.', 'regional_origin', 'الصحراوة كاع كسالى'],
    ['العيالات خلقو غير للدار.', 'women', 'العيالات خلقو غير للدار'],
  ],
  ary_Latn: [
    ['l3yalat matay3rfouch ysou9o.', 'women', 'l3yalat matay3rfouch ysou9o'],
    ['les femmes matay3rfouch ysou9o.', 'women', 'les femmes matay3rfouch ysou9o'],
    ['3roubia kamlin mklkhin.', 'rural_people', '3roubia kamlin mklkhin'],
    ['chl7 dima bkhala.', 'amazigh', 'chl7 dima bkhala'],
    ['l3azawa kolhom chfara.', 'africans_and_migrants', 'l3azawa kolhom chfara'],
    ['chabab d daba m3ejzin.', 'young_people', 'chabab d daba m3ejzin'],
    ['chyab ma kay3rfou walou.', 'elderly', 'chyab ma kay3rfou walou'],
    ['nas lbadia machi bhalna.', 'rural_people', 'nas lbadia machi bhalna'],
    ['lfo9ara ma kaybghiwch ykhdmo.', 'poor', 'lfo9ara ma kaybghiwch ykhdmo'],
    ['lihoud 7adyin ghir flous.', 'jews', 'lihoud 7adyin ghir flous'],
    ['rwafa dima kaydabzo.', 'amazigh', 'rwafa dima kaydabzo'],
    ['lbranyin ma fihomch ti9a.', 'foreigners', 'lbranyin ma fihomch ti9a'],
    ['tlamd dyal l3roubia kolhom 7mir.', 'pupils', 'tlamd dyal l3roubia kolhom 7mir'],
    ['sahrawa ga3 kaslin.', 'regional_origin', 'sahrawa ga3 kaslin'],
    ['l3yalat khl9o ghir l dar.', 'women', 'l3yalat khl9o ghir l'],
  ],
  zgh: [
    ['Tiwtmin kullutnt ur ssinnt walu.', 'women', 'Tiwtmin kullutnt ur ssinnt'],
    ['ⵜⵉⵡⵜⵎⵉⵏ ⴽⵓⵍⵍⵓⵜⵏⵜ ⵓⵔ ⵙⵙⵉⵏⵏⵜ ⵡⴰⵍⵓ.', 'women', 'ⵜⵉⵡⵜⵎⵉⵏ ⴽⵓⵍⵍⵓⵜⵏⵜ ⵓⵔ ⵙⵙⵉⵏⵏⵜ'],
    ['Imqqurn ur ssinn walu.', 'elderly', 'Imqqurn ur ssinn walu'],
    ['ⵉⵍⵎⵥⵉⵢⵏ ⴽⵓⵍⵍⵓ ⵓⵔ ⵣⵎⵎⵔⵏ ⴰⴷ ⵅⴷⵎⵏ.', 'young_people', 'ⵉⵍⵎⵥⵉⵢⵏ ⴽⵓⵍⵍⵓ ⵓⵔ ⵣⵎⵎⵔⵏ'],
    ['Tisdnan ur lint lɛqql.', 'women', 'Tisdnan ur lint lɛqql'],
  ],
};

/** Neutral mentions of the same groups, many of them close to a generalisation in their words. */
const NEUTRAL: Readonly<Record<string, readonly string[]>> = {
  fra: [
    'Les femmes enceintes ont droit à un congé de maternité de 14 semaines.',
    'Les personnes âgées bénéficient de la gratuité des transports.',
    'Selon le HCP, 30 % des femmes rurales ne savent pas lire.',
    'Pour les personnes âgées, les escaliers sont dangereux.',
    'Les jeunes de moins de 18 ans ne peuvent pas travailler la nuit.',
    'Les personnes âgées qui ne savent pas utiliser internet peuvent se rendre au guichet.',
    "C'est un préjugé de penser que les femmes sont moins compétentes.",
    'Les femmes ne sont pas moins compétentes que les hommes.',
    'Les femmes : ces aides sont faites pour vous.',
    'Est-ce que les femmes sont moins douées en maths ?',
    'Les étrangers ne peuvent pas voter aux élections communales.',
    'Les personnes en situation de handicap sont exonérées de ces frais.',
    'Les migrants sont souvent victimes de discrimination.',
    'Les jeunes ne sont pas tous paresseux.',
    'Les personnes âgées sont plus vulnérables à la chaleur.',
    "Les élèves sont tous convoqués à l'examen régional.",
    'Les femmes et les hommes sont égaux devant la loi.',
    "Les Amazighs ont le droit d'utiliser leur langue devant l'administration.",
    "Les femmes sont toutes invitées à s'inscrire avant le 30 juin.",
    "Les personnes âgées ne savent pas toujours qu'elles ont droit à cette aide.",
    'Les femmes ne peuvent pas être licenciées pendant leur grossesse.',
    'Les hommes sont moins nombreux à demander cette aide.',
  ],
  eng: [
    'Women can apply for the benefit at any CNSS office.',
    'Elderly people are entitled to free transport.',
    'According to the HCP, 30% of rural women cannot read.',
    'For older people, stairs are dangerous.',
    'Young people under 18 cannot drive.',
    'It is a stereotype that women are bad drivers.',
    'Women are not less intelligent than men.',
    'Are women worse drivers?',
    'Some women are lazy, some men are lazy.',
    'Older people are more vulnerable to heatwaves.',
    'Students are all invited to the ceremony.',
    "Women's applications are always processed within ten days.",
    'People with disabilities are eligible for the card.',
    'Migrants who are not registered cannot access the program.',
    'Foreigners cannot vote in local elections.',
    'Older people are not responsible for the fees.',
    'Students are not able to register after the deadline.',
  ],
  arb: [
    'للنساء الحوامل الحق في عطلة أمومة مدتها 14 أسبوعا.',
    'الأشخاص في وضعية إعاقة لهم الحق في بطاقة خاصة.',
    'حسب المندوبية السامية للتخطيط، 30 في المائة من النساء القرويات أميات.',
    'كبار السن أكثر عرضة لمضاعفات الزكام.',
    'الشباب دائما مرحب بهم في دار الشباب.',
    'ليس صحيحا أن النساء أقل كفاءة من الرجال.',
    'هل النساء أقل ذكاء من الرجال؟',
    'المهاجرون من جنوب الصحراء يمكنهم تسوية وضعيتهم.',
    'يمكن للأجانب المقيمين التسجيل في المنصة.',
    'التلاميذ الذين لا يستطيعون التنقل يستفيدون من النقل المدرسي.',
    'بالنسبة للنساء الحوامل، هذه الأدوية لا تصلح.',
    'الطلبة الأجانب لا يستطيعون العمل دون رخصة.',
    'بعض الشباب كسالى وبعضهم مجتهدون.',
    'المسنون غير القادرين على التنقل يمكنهم طلب زيارة منزلية.',
    'النساء أقل تمثيلا في البرلمان.',
  ],
  ary_Arab: [
    'العيالات الحوامل عندهم الحق فالتغطية الصحية.',
    'الشيوخ يقدرو يمشيو للمقاطعة بلا موعد.',
    'الشباب ديما مرحبا بيهم فدار الشباب.',
    'بزاف ديال العيالات ما كيعرفوش بلي عندهم الحق فالدعم.',
    'كيقولو بلي العروبية مكلخين، ولكن هادشي غلط.',
    'واش العيالات كيعرفو يسوقو؟',
    'للعيالات، البطاقة ما كتصلحش غير للكراء.',
    'العيالات خاصهم يعرفو بلي البطاقة القديمة ما كتصلحش.',
    'الأجانب ماشي بحال المغاربة فالإجراءات.',
    'الشيوخ اللي ما كيعرفوش يقراو يقدرو يطلبو المساعدة فالشباك.',
    'المعاقين عندهم الحق فبطاقة الإعاقة.',
    'التلاميذ ديما كيدوزو الامتحان فيونيو.',
    'الرجال والعيالات عندهم نفس الحقوق.',
  ],
  ary_Latn: [
    'l3yalat l7wamel 3ndhom l7a9 f tta2min s7i.',
    'chabab dima mr7ba bihom f dar chabab.',
    'bzaf dyal l3yalat ma kay3rfouch bli 3ndhom l7a9 f da3m.',
    'kay9olo bli 3roubia mklkhin walakin hadchi ghalat.',
    'wach l3yalat kay3rfo ysou9o?',
    'l3yalat khasshom y3rfo bli lkarta l9dima ma katsl7ch.',
    'lajanib machi bhal lmgharba f lmasatir.',
    'chyab li ma kay3rfouch y9rao y9dro ytlbo lmosa3ada f chobbak.',
    'lmo3a9in 3ndhom l7a9 f lbita9a.',
    'tlamd dima kaydouzo lmti7an f yonyo.',
    'rjal w l3yalat 3ndhom nfs l7o9o9.',
  ],
  zgh: [
    'Imqqurn zḍarn ad awin ddɛm.',
    'I tiwtmin lli ur ssinnt ad ɣrnt, tlla tallalt g lbiru.',
    'Kra n ilmẓiyn ur ssinn walu.',
    'ⵜⵉⵙⴷⵏⴰⵏ ⵖⵓⵔⵏⵜ ⵉⵣⵔⴼⴰⵏ ⵏⵏⵙⵏⵜ.',
    'Imqqurn ur zmmrn ad awin ddɛm iɣ ur llan g lbaṭaqa.',
  ],
};

describe('findStereotype', () => {
  for (const [family, cases] of Object.entries(GENERALISATIONS)) {
    for (const [text, group, cue] of cases) {
      it(`${family}: flags ${group} in "${text}"`, () =>
        assert.deepEqual(findStereotype(text), { group, cue }));
    }
  }
  for (const [family, texts] of Object.entries(NEUTRAL)) {
    for (const text of texts) {
      it(`${family}: leaves "${text}" alone`, () => assert.equal(findStereotype(text), undefined));
    }
  }

  it('knows every group in French, English, Arabic and both Darija scripts', () => {
    for (const family of ['fra', 'eng', 'arb', 'ary_Arab', 'ary_Latn'] as const) {
      const groups = STEREOTYPE_LEXICON[family].groups;
      for (const group of STEREOTYPED_GROUPS) {
        assert.ok((groups[group]?.length ?? 0) > 0, `${family}: ${group}`);
      }
    }
  });

  it('finds the generalisation in a longer answer, sentence by sentence', () => {
    const answer =
      'Bonjour. Les femmes enceintes ont droit à un congé. Mais les femmes sont toutes des menteuses. Bonne journée.';
    assert.deepEqual(findStereotype(answer), { group: 'women', cue: 'les femmes sont toutes des menteuses' });
  });

  it('lets framing and questions speak only for their own sentence', () => {
    assert.deepEqual(
      findStereotype(
        'C’est un préjugé de dire que les femmes sont moins compétentes. Les Soussis sont tous avares.',
      ),
      { group: 'amazigh', cue: 'Les Soussis sont tous avares' },
    );
    assert.deepEqual(findStereotype('Les jeunes sont-ils paresseux ? Les jeunes sont paresseux.'), {
      group: 'young_people',
      cue: 'Les jeunes sont paresseux',
    });
    assert.deepEqual(findStereotype('wach l3yalat kay3rfo ysou9o? l3yalat matay3rfouch ysou9o'), {
      group: 'women',
      cue: 'l3yalat matay3rfouch ysou9o',
    });
  });

  it('does not flag a claim once it is narrowed, hedged or governed', () => {
    const pairs: ReadonlyArray<readonly [flagged: string, neutral: string]> = [
      ['Les jeunes ne peuvent pas réussir.', "Les jeunes qui arrêtent l'école ne peuvent pas réussir."],
      ['Women are bad drivers.', 'Many women are bad drivers.'],
      ['Women are bad drivers.', 'Women are bad drivers, according to a study.'],
      ['العيالات ما كيصلحوش للسياسة.', 'للعيالات، البطاقة ما كتصلحش غير للكراء.'],
      ['العرب كلهم كسالى.', 'حسب دراسة، العرب كلهم كسالى.'],
      ['l3yalat ma kay3rfouch ysou9o.', 'bzaf dyal l3yalat ma kay3rfouch ysou9o.'],
    ];
    for (const [flagged, neutral] of pairs) {
      assert.notEqual(findStereotype(flagged), undefined, flagged);
      assert.equal(findStereotype(neutral), undefined, neutral);
    }
  });

  it('reports the words up to the nearest claim', () => {
    assert.deepEqual(findStereotype('Les femmes sont paresseuses, mais les hommes sont pires que tout.'), {
      group: 'women',
      cue: 'Les femmes sont paresseuses',
    });
  });

  it('keeps a long cue short, from the start of the group', () => {
    const cue = findStereotype(
      'Les personnes en situation de handicap, en général, ne peuvent jamais se débrouiller seules.',
    )?.cue;
    assert.ok(cue !== undefined && cue.length <= CUE_MAX, cue);
    assert.ok(cue.startsWith('Les personnes en situation de handicap'), cue);
  });

  it('reads spelling variants alike: Arabic diacritics, Arabizi digits and vowels', () => {
    assert.equal(findStereotype('النِّساءُ لا يَصْلُحْنَ للقيادة')?.group, 'women');
    assert.equal(findStereotype('l3ayalat ma tay3arfouch ysogo')?.group, 'women');
    assert.equal(findStereotype('L3YALAT MATAY3RFOUCH YSOU9O')?.group, 'women');
  });

  it('finds nothing in a text without a group', () => {
    for (const text of ['', 'Il fait beau aujourd’hui.', 'Les dossiers sont tous incomplets.']) {
      assert.equal(findStereotype(text), undefined, text);
    }
  });
});
