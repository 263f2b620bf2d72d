import { compileCues, findCue, matchKey } from '../oversight/review/sensitive-topics.js';
import type { LexiconFamily } from '../oversight/review/sensitive-topics.js';

/**
 * An output check for stereotyped generalisations: a sentence that attributes a trait, an ability or a behaviour to
 * a whole group of people ("les femmes ne sont pas faites pour diriger", "l3yalat matay3rfouch ysou9o", "العرب كلهم
 * كسالى"). The answer that carries one is flagged or held for review, so the check favours precision: a miss costs
 * less than an answer held for nothing. A cue is a group term (plural, generic) followed within a few words by a
 * claim; it does not count when
 * - the sentence is a question, is sourced or statistical ("selon le HCP", "30 %"), or reports or refutes the
 *   stereotype ("c'est un préjugé", "ماشي صحيح", "kay9olo");
 * - a word between the group and the claim narrows the group or starts another clause ("les jeunes de moins de 18
 *   ans ne peuvent…", "les personnes âgées qui…", "les femmes : ces aides sont faites pour vous");
 * - the group is the object of a preposition or under a hedge ("pour les femmes, les escaliers…", "some women",
 *   "للنساء", "بزاف ديال العيالات").
 *
 * Lexicons are data per language family, written in their usual spelling and matched through the cue syntax and
 * spelling folds of sensitive-topics.ts ("…" up to five words, "(a|b|)" alternatives, "*" any ending).
 */

/** The groups the check knows, in the order it reports them when one cue could name two. */
export const STEREOTYPED_GROUPS = [
  'women',
  'men',
  'rural_people',
  'city_people',
  'amazigh',
  'arabs',
  'regional_origin',
  // In Morocco "les migrants" mostly means migrants from sub-Saharan Africa: one group for both.
  'africans_and_migrants',
  'jews',
  'christians',
  'muslims',
  'foreigners',
  'poor',
  'elderly',
  'young_people',
  'people_with_disabilities',
  'pupils',
] as const;

export type StereotypedGroup = (typeof STEREOTYPED_GROUPS)[number];

export interface StereotypeMatch {
  group: StereotypedGroup;
  /** The words of the answer, group through claim, as written (at most CUE_MAX characters). */
  cue: string;
}

export interface FamilyLexicon {
  /** Generic group terms, mostly plural: "les femmes", "women", "النساء", "l3yalat". */
  groups: Partial<Record<StereotypedGroup, readonly string[]>>;
  /** Generalising constructions, which may sit up to five words after the group. */
  claims: readonly string[];
  /** Traits said right after the group with no verb: Arabic and Darija drop "are" ("العرب جهلة"). */
  epithets: readonly string[];
  /** Between the group and the claim: words that narrow the group or open another clause. */
  narrowers: readonly string[];
  /** Right before the group: a preposition or a hedge, so the sentence is not about the whole group. */
  before: readonly string[];
  /** Anywhere in the sentence: the claim is sourced, reported or refuted, not made. */
  framing: readonly string[];
}

const alternatives = (entries: readonly string[]): string => `(${entries.join('|')})`;

// ----------------------------------------------------------------------------------------------------
// French

const FR_TRAITS = alternatives([
  'paresseux|paresseuses|fainéants|fainéantes|feignants|feignantes|menteurs|menteuses|voleurs|voleuses',
  'hypocrites|bêtes|stupides|idiots|idiotes|ignorants|ignorantes|arriérés|arriérées|primitifs|primitives',
  'sauvages|barbares|violents|violentes|agressifs|agressives|criminels|criminelles|délinquants|terroristes',
  'fanatiques|extrémistes|intégristes|sales|avares|radins|radines|malhonnêtes|fourbes|sournois|sournoises',
  'incapables|incompétents|incompétentes|inférieurs|inférieures|hystériques|irrationnels|irrationnelles',
  'émotifs|émotives|naïfs|naïves|inutiles|nuls|nulles|parasites|profiteurs|profiteuses|assistés|bornés|bornées',
  'arrogants|arrogantes|grossiers|grossières|superficiels|superficielles|manipulateurs',
  'manipulatrices|cupides|égoïstes|incultes|bruyants|bruyantes|mauvais|mauvaises|timides|voyous',
]);
const FR_ABILITIES = alternatives([
  'intelligents|intelligentes|capables|compétents|compétentes|doués|douées|travailleurs|travailleuses|fiables',
  'honnêtes|sérieux|sérieuses|rationnels|rationnelles|logiques|cultivés|cultivées|civilisés|civilisées',
  'courageux|courageuses|productifs|productives|efficaces|matures|raisonnables|dignes de confiance|bons|bonnes',
]);
const FR_DEGREE =
  '(tous |toutes |toujours |tous des |toutes des |vraiment |trop |naturellement |par nature |de nature |génétiquement |forcément |bien |)';

const FRENCH: FamilyLexicon = {
  groups: {
    women: ['les femmes', 'les filles', 'la femme', 'la place de la femme'],
    men: ['les hommes', 'les garçons'],
    rural_people: [
      'les ruraux',
      'les rurales',
      'les campagnards',
      'les paysans',
      'les gens (de la campagne|des campagnes|du bled|des douars)',
      'les habitants des campagnes',
      'les populations rurales',
      'les 3roubis',
      'les 3roubia',
    ],
    city_people: [
      'les citadins',
      'les citadines',
      'les urbains',
      'les gens (de la ville|des villes)',
      'les habitants des villes',
    ],
    amazigh: [
      'les amazighs',
      'les amazighes',
      'les imazighen',
      'les berbères',
      'les chleuhs',
      'les chleuh',
      'les soussis',
      'les rifains',
      'les riffis',
      'les rifis',
    ],
    arabs: ['les arabes'],
    regional_origin: [
      'les (sahraouis|fassis|jeblis|doukkalis|marrakchis|chamalis|oujdis|casaouis|bidaouis|rbatis|nordistes|sudistes)',
      '(les gens|les habitants) (du sud|du nord|du rif|du souss|du sahara|du gharb)',
      'les gens de (fès|marrakech|casa|casablanca|rabat|tanger|oujda|l oriental|agadir|tétouan|meknès)',
    ],
    africans_and_migrants: [
      'les africains',
      'les subsahariens',
      'les sub sahariens',
      'les migrants',
      'les immigrés',
      'les immigrants',
      'les noirs',
      'les réfugiés',
    ],
    jews: ['les juifs', 'les israélites'],
    christians: ['les chrétiens'],
    muslims: ['les musulmans'],
    foreigners: ['les étrangers', 'les occidentaux', 'les européens'],
    poor: [
      'les pauvres',
      'les gens pauvres',
      'les familles pauvres',
      'les démunis',
      'les personnes démunies',
      'les chômeurs',
      'les mendiants',
      'les assistés',
    ],
    elderly: [
      'les personnes âgées',
      'les gens âgés',
      'les vieux',
      'les vieilles',
      'les seniors',
      'les retraités',
    ],
    young_people: ['les jeunes', 'les ados', 'les adolescents', 'la jeunesse'],
    people_with_disabilities: [
      'les handicapés',
      'les personnes handicapées',
      'les personnes en situation de handicap',
      'les personnes à besoins spécifiques',
      'les personnes avec (un|une) handicap',
    ],
    pupils: ['les élèves', 'les étudiants', 'les écoliers', 'les lycéens', 'les collégiens'],
  },
  claims: [
    `sont ${FR_DEGREE}(des |de |)${FR_TRAITS}`,
    `ne sont que des ${FR_TRAITS}`,
    `sont ${FR_DEGREE}(moins|plus|pas assez) (${FR_ABILITIES}|${FR_TRAITS})`,
    'sont (bien |)(meilleurs|meilleures|pires) (que|en|pour|à|au)',
    `(ne |)sont (pas|jamais) (faits|faites|capables|aptes|dignes|${FR_ABILITIES})`,
    '(sont|ne sont pas|est|n est pas) (faits|faites|faite|fait|nés|nées|née|né) pour',
    '(ne |)sont (bons|bonnes) (qu à|qu au|à rien)',
    '(ne sont pas|ne font pas|ne feront jamais) (de |des |)(bons|bonnes) (conducteurs|conductrices|soldats|chefs|cheffes|dirigeants|dirigeantes|scientifiques|managers)',
    'sont (tous|toutes) (pareils|pareilles|les mêmes)',
    'ne savent (pas|jamais) (bien |)(conduire|gérer|diriger|travailler|compter|réfléchir|penser|décider|s organiser|se tenir|se comporter|économiser|épargner|éduquer|élever|négocier)',
    'ne savent rien faire',
    'ne savent (pas|jamais) (utiliser|se servir d|se servir de) (internet|un ordinateur|un téléphone|un smartphone|le numérique|la technologie|les outils numériques)',
    'ne (peuvent|pourront) (pas|jamais) (diriger|réfléchir|comprendre|apprendre|réussir|s intégrer|s adapter|se contrôler|se débrouiller|raisonner|être (fiables|sérieux|sérieuses|objectifs|objectives))',
    'n ont (aucun|aucune|pas de|pas d|jamais de|jamais d|ni) (ambition|honneur|morale|valeurs|respect|hygiène|volonté|dignité|parole|discipline|éducation|cervelle)',
    'ne (veulent|cherchent) (pas|jamais|rien) (travailler|faire|s intégrer|s adapter|apprendre|progresser|s en sortir)',
    'ne pensent qu (à|au|aux)',
    'ne font (rien|que (se plaindre|profiter|dormir|mendier|voler|mentir))',
    // Generic singulars: "la femme est faite pour…", "la place de la femme est à la maison", "la jeunesse est perdue".
    'est (à|au|dans) (la maison|le foyer|la cuisine)',
    'est (par nature |naturellement |toujours |)(inférieure|hystérique|incapable|moins intelligente|moins capable|paresseuse|perdue|foutue)',
  ],
  epithets: [],
  narrowers: [
    'qui|que|qu|dont|lesquels|lesquelles|ayant|âgés|âgées|de moins de|de plus de|si|quand|lorsque|lorsqu|mais|car|puisque|parce',
    'ces|cette|cet|ce|leur|leurs|vos|votre|nos|notre|ses|son|sa',
  ],
  before: [
    'pour|avec|chez|envers|contre|entre|parmi|sur|vers|à|aider|accompagner|soutenir|certains|certaines',
    'quelques|beaucoup|plupart|nombre|nombreux|nombreuses|pas tous|pas toutes|concernant|dont',
  ],
  framing: [
    'selon (le|la|les|l|un|une|des|ces|cette)',
    'd après (le|la|les|l|un|une|des|ces|cette)',
    '(enquête|enquêtes|recensement|statistique*|sondage|hcp|pour cent|pourcent)',
    '(une|l|cette|d une|les) étude* (montre*|indique*|révèle*|publiée*|du|de la|de l)',
    '(préjugé*|stéréotype*|cliché*|idée reçue|idées reçues|généralisation*|discriminat*)',
    '(pas vrai|faux|fausse|à tort|mythe|contrairement à)',
    '(on dit|on entend|on croit|certains disent|certains pensent|certains croient|il ne faut pas (croire|penser|dire)|prétend*)',
  ],
};

// ----------------------------------------------------------------------------------------------------
// English

const EN_TRAITS = alternatives([
  'lazy|stupid|dumb|ignorant|backward|primitive|savages|savage|violent|aggressive|criminals|thieves|liars|dishonest',
  'untrustworthy|dirty|greedy|stingy|fanatics|fanatical|extremists|terrorists|inferior|hysterical|irrational',
  'naive|useless|incompetent|incapable|unreliable|parasites|uneducated|uncivilised|uncivilized|arrogant|rude',
  'sneaky|stubborn|worthless|good for nothing|a burden|too emotional|overly emotional',
]);
const EN_ABILITIES = alternatives([
  'intelligent|smart|clever|capable|competent|gifted|hardworking|hard working|reliable|honest|rational|logical',
  'civilised|civilized|trustworthy|productive|mature',
]);
const EN_DEGREE =
  '(all |always |just |simply |naturally |inherently |by nature |genetically |too |so |really |basically |)';

const ENGLISH: FamilyLexicon = {
  groups: {
    women: ['women', 'girls', 'females', 'a woman s place'],
    men: ['men', 'boys', 'males'],
    rural_people: [
      'rural people',
      'rural folk',
      'country people',
      'countryside people',
      'people from (the countryside|rural areas)',
      'villagers',
      'peasants',
    ],
    city_people: [
      'city people',
      'city dwellers',
      'urban people',
      'townspeople',
      'people from (the city|cities)',
    ],
    amazigh: [
      'amazigh people',
      'amazighs',
      'the amazigh',
      'imazighen',
      'berbers',
      'berber people',
      'chleuhs',
      'soussis',
      'riffians',
      'rifians',
      'riffis',
    ],
    arabs: ['arabs', 'arab people'],
    regional_origin: [
      '(sahrawis|fassis|jeblis|doukkalis|marrakchis|northerners|southerners)',
      'people from (the south|the north|the rif|souss|the sahara|fes|fez|marrakech|casablanca|rabat|tangier|oujda|agadir)',
    ],
    africans_and_migrants: [
      'africans',
      'sub saharans',
      'sub saharan (migrants|africans|people)',
      'migrants',
      'immigrants',
      'black people',
      'blacks',
      'refugees',
    ],
    jews: ['jews', 'jewish people'],
    christians: ['christians'],
    muslims: ['muslims'],
    foreigners: ['foreigners', 'westerners', 'europeans', 'expats'],
    poor: [
      'poor people',
      'the poor',
      'poor families',
      'the unemployed',
      'unemployed people',
      'beggars',
      'welfare recipients',
      'people on benefits',
    ],
    elderly: [
      'old people',
      'elderly people',
      'the elderly',
      'older people',
      'seniors',
      'pensioners',
      'retirees',
    ],
    young_people: [
      'young people',
      'youth',
      'the youth',
      'youngsters',
      'teenagers',
      'teens',
      'kids these days',
    ],
    people_with_disabilities: [
      'disabled people',
      'the disabled',
      'people with (disabilities|a disability)',
      'handicapped people',
      'the handicapped',
    ],
    pupils: ['pupils', 'students', 'schoolchildren'],
  },
  claims: [
    `are ${EN_DEGREE}${EN_TRAITS}`,
    `are ${EN_DEGREE}(less|more|not as|not very) (${EN_ABILITIES}|${EN_TRAITS})`,
    `are ${EN_DEGREE}(better|worse) (at|than|drivers|leaders|workers)`,
    '(can t|cannot|can not|can never|are unable to|are not able to|aren t able to|don t know how to|do not know how to|never know how to) (drive|lead|manage|think|decide|learn|be trusted|handle money|control themselves|integrate|adapt|do maths|do math|count|save money|speak properly|raise children)',
    `(are not|aren t|are never) (made for|cut out for|fit for|fit to|capable of|smart enough|intelligent enough|good at|suited to|suited for|to be trusted|${EN_ABILITIES})`,
    'are (made|born) for',
    'are all (the same|alike)',
    `are ${EN_DEGREE}(bad|terrible|awful|hopeless) (drivers|leaders|managers|at)`,
    '(can t|cannot|can not|don t know how to|do not know how to|never know how to) use (technology|computers|a computer|phones|a phone|smartphones|the internet|internet)',
    '(don t|do not|never) want to work',
    'only (care|think) about',
    'have no (ambition|morals|values|respect|manners|honour|honor|discipline|shame)',
    'belong (in|to) the (kitchen|home|house)',
    'is (in|at) (the |)(home|kitchen|house)',
  ],
  epithets: [],
  narrowers: [
    'who|that|which|whose|whom|s|aged|under|over|below|above|if|when|whenever|but|because|since',
    'these|this|those|their|your|our|its',
  ],
  before: [
    'for|to|with|among|between|about|against|of|toward|towards|like|unlike|help|helps|helping|support|supports',
    'some|many|most|few|several|certain|not all|not every|no',
  ],
  framing: [
    '(according to|survey|surveys|census|statistic*|percent|per cent)',
    '(a|the|this|one|recent) (study|report)',
    'studies (show|suggest|found|find)',
    '(stereotyp*|prejudice*|cliché*|misconception*|myth|myths|discriminat*|bias|biased)',
    '(not true|untrue|false|it is wrong|it s wrong|contrary to)',
    '(people say|some say|some people say|some believe|some people believe|some think|it is said|claim that|claims that)',
  ],
};

// ----------------------------------------------------------------------------------------------------
// Modern Standard Arabic

const ARB_TRAITS = alternatives([
  'كسالى|كسولون|كسولين|كسولات|أغبياء|غبيات|جهلة|جاهلون|جاهلين|جاهلات|متخلفون|متخلفين|متخلفات|همج|متوحشون|متوحشين',
  'عنيفون|عنيفين|عنيفات|عدوانيون|عدوانيين|لصوص|سراق|كذابون|كذابين|كاذبون|منافقون|منافقين|بخلاء|قذرون|قذرين',
  'إرهابيون|إرهابيين|متطرفون|متطرفين|مجرمون|مجرمين|خونة|عاطفيات|ناقصات عقل|ناقصات العقل|فاشلون|فاشلين|فاشلات',
  'عالة على المجتمع',
]);
const ARB_QUALITIES = alternatives([
  'ذكاء|كفاءة|قدرة|عقلا|تحضرا|ثقافة|جدية|أمانة|نزاهة|مسؤولية|كسلا|عنفا|إجراما|غباء|تخلفا|تطرفا|نفاقا|بخلا|عاطفية',
]);

const ARABIC: FamilyLexicon = {
  groups: {
    women: ['النساء', 'المرأة', 'الفتيات', 'البنات', 'الإناث'],
    men: ['الرجال', 'الذكور'],
    rural_people: [
      'سكان القرى',
      'سكان البوادي',
      'سكان البادية',
      'أهل البادية',
      'أهل القرى',
      'القرويون',
      'القرويين',
      'البدو',
      'سكان العالم القروي',
    ],
    city_people: ['سكان المدن', 'أهل المدن', 'سكان المدينة', 'أهل المدينة', 'الحضريون', 'الحضريين'],
    amazigh: [
      'الأمازيغ',
      'الأمازيغيون',
      'الأمازيغيين',
      'البربر',
      'الشلوح',
      'السوسيون',
      'السوسيين',
      'الريفيون',
      'الريفيين',
      'إيمازيغن',
    ],
    arabs: ['العرب'],
    regional_origin: [
      'الصحراويون',
      'الصحراويين',
      'الفاسيون',
      'الفاسيين',
      'الجبليون',
      'الجبليين',
      'أهل فاس',
      'أهل الشمال',
      'أهل الجنوب',
      'أهل سوس',
      'أهل الصحراء',
      'سكان الشمال',
      'سكان الجنوب',
    ],
    africans_and_migrants: ['الأفارقة', 'المهاجرون', 'المهاجرين', 'السود', 'اللاجئون', 'اللاجئين', 'الزنوج'],
    jews: ['اليهود'],
    christians: ['المسيحيون', 'المسيحيين', 'النصارى'],
    muslims: ['المسلمون', 'المسلمين'],
    foreigners: ['الأجانب', 'الغربيون', 'الغربيين', 'الأوروبيون', 'الأوروبيين'],
    poor: ['الفقراء', 'المعوزون', 'المعوزين', 'العاطلون', 'العاطلين', 'المتسولون', 'المتسولين'],
    elderly: ['كبار السن', 'المسنون', 'المسنين', 'الشيوخ', 'العجزة', 'المتقاعدون', 'المتقاعدين'],
    young_people: ['الشباب', 'المراهقون', 'المراهقين', 'الجيل الجديد', 'شباب اليوم'],
    people_with_disabilities: [
      'الأشخاص في وضعية إعاقة',
      'الأشخاص ذوو الإعاقة',
      'الأشخاص ذوي الإعاقة',
      'ذوو الإعاقة',
      'ذوي الإعاقة',
      'المعاقون',
      'المعاقين',
      'ذوو الاحتياجات الخاصة',
      'ذوي الاحتياجات الخاصة',
    ],
    pupils: ['التلاميذ', 'التلميذات', 'الطلبة', 'الطلاب'],
  },
  claims: [
    `(كلهم|كلهن|جميعهم|جميعهن|دائما|دوما|بطبعهم|بطبعهن|بطبيعتهم|بطبيعتهن|بالفطرة|فطريا|وراثيا) (هم |هن |)${ARB_TRAITS}`,
    `(أقل|أكثر) ${ARB_QUALITIES}`,
    '(لا|لن) (يصلحن|يصلحون|تصلح)',
    '(لا|لن) (يستطعن|يستطيعون|تستطيع|يقدرن|يقدرون|تقدر) (أبدا |)(القيادة|التفكير|الإدارة|التسيير|التعلم|الاندماج|اتخاذ القرار|تحمل المسؤولية|السياقة)',
    '(لا|لن) (يعرفون|يعرفن|تعرف|يحسنون|يحسن|تحسن|يفهمون|يفهمن) (شيئا|القيادة|السياقة|التفكير|التصرف|الإدارة|التسيير|الحساب|التدبير)',
    'غير (قادرين|قادرات|قادرون) على (القيادة|التفكير|الإدارة|التسيير|التعلم|اتخاذ القرار|تحمل المسؤولية)',
    'غير (جديرين|جديرات|جديرون) بالثقة',
    '(لا|لن) (يوثق|يمكن الوثوق) (بهم|بهن)',
    '(خلقن|خلقوا|خلقت|خلق) (فقط |)(للبيت|للمطبخ|للطبخ|للخدمة|للإنجاب)',
    '(مكانها|مكانهن) (الطبيعي |)(هو |)(في |)(البيت|المطبخ|المنزل)',
    'لا (يحبون|يريدون|يرغبون في) (العمل|الاندماج|التعلم)',
    'لا (يفكرون|يفكرن) (إلا|سوى) في',
  ],
  epithets: [`(هم |هن |)${ARB_TRAITS}`],
  narrowers: [
    'الذين|اللذين|اللواتي|اللاتي|اللائي|التي|الذي|ممن|إذا|عندما|لكن|لأن|أن|بأن|هؤلاء|هذه|هذا|تلك|ذلك',
  ],
  before: [
    'بعض|معظم|أغلب|أغلبية|غالبية|نسبة|عدد|كثير من|العديد من|الكثير من|في|عن|على|إلى|مع|عند|لدى|بين|ضد|تجاه|حول',
    'حقوق|حق|دعم|مساعدة|لصالح|بالنسبة|لفائدة|يستفيد|تستفيد|يمكن|يحق|ليس كل|ليست كل',
  ],
  framing: [
    'حسب|وفقا|وفق|تشير|أظهرت|إحصاء|إحصائيات|إحصائية|المندوبية السامية للتخطيط|تقرير|بالمائة|في المائة|بالمئة|في المئة',
    'نمطية|الأحكام المسبقة|حكم مسبق|أحكام مسبقة|ليس صحيحا|غير صحيح|خطأ|خاطئ|خاطئة|يقال|يزعم|يزعمون|يعتقد البعض|يظن البعض|تمييز|عنصرية',
  ],
};

// ----------------------------------------------------------------------------------------------------
// Darija in Arabic script

const ARY_TRAITS = alternatives([
  'كسالى|معجزين|مكلخين|بوجاديين|شفارة|كذابين|كذابة|بخلا|حمير|حمارة|بهايم|مساخيط|غشاشين|خوانة|موسخين|حقارين',
  'خايبين|ضعاف|عاطفيين|حاسدين|مجرمين|مشرملين|قاصحين|فاشلين|بلا تربية|بلا عقل|عقلهم صغير|راسهم قاصح',
]);
const ARY_ALL = '(كاملين|كلهم|كولهم|كاع|ديما|غير|بطبعهم|من طبعهم)';

const DARIJA_ARABIC: FamilyLexicon = {
  groups: {
    women: ['العيالات', 'النسا', 'البنات', 'المرا'],
    men: ['الرجال', 'الرجالة', 'الدراري'],
    // عروبي: a countryside person, from the Arabic-speaking plains; also said as a slur.
    rural_people: [
      'العروبية',
      'العروبي',
      'ناس العروبية',
      'ناس البادية',
      'ناس الدوار',
      'ناس البلاد',
      'ولاد العروبية',
    ],
    city_people: ['ناس المدينة', 'ولاد المدينة', 'ناس المدن'],
    amazigh: ['الشلوح', 'الشلح', 'السواسة', 'الريافة', 'الأمازيغ', 'البرابر'],
    arabs: ['العرب', 'العربان'],
    regional_origin: [
      'الصحراوة',
      'الفاسة',
      'الجبالة',
      'الدكالة',
      'المراكشية',
      'الوجادة',
      'ناس فاس',
      'ناس الشمال',
      'ناس الجنوب',
      'ناس الصحرا',
      'ناس سوس',
      'ناس الريف',
      'ناس مراكش',
      'ناس كازا',
      'ولاد فاس',
      'ولاد كازا',
    ],
    africans_and_migrants: ['العزوة', 'العزاوة', 'الكحل', 'الأفارقة', 'الافريقيين', 'المهاجرين'],
    jews: ['اليهود'],
    christians: ['النصارى', 'المسيحيين'],
    muslims: ['المسلمين'],
    foreigners: ['البرانيين', 'البراني', 'الأجانب', 'الكاورية'],
    poor: ['الفقرا', 'المزاليط', 'الشوماجية', 'الطلابة'],
    elderly: ['الشيوخ', 'الشيابين', 'الشيابنة', 'الشيباني', 'الناس الكبار', 'الكبار فالسن', 'العواجز'],
    young_people: [
      'الشباب',
      'الجيل الجديد',
      'دراري دابا',
      'شباب دابا',
      'الشباب ديال دابا',
      'الجيل ديال دابا',
    ],
    people_with_disabilities: [
      'المعاقين',
      'المعوقين',
      'ناس اللي عندهم إعاقة',
      'ذوي الاحتياجات الخاصة',
      'الناس فوضعية إعاقة',
      'الناس في وضعية إعاقة',
    ],
    pupils: ['التلاميذ', 'التلامذ', 'التلامد', 'الطلبة'],
  },
  claims: [
    `${ARY_ALL} (هوما |)${ARY_TRAITS}`,
    '(ما كيعرفوش|ماكيعرفوش|ما كيعرفو|ماكيعرفو|ما كيعرفوا|ماكيعرفوا|ما كايعرفوش|ماكايعرفوش|ما كتعرفش|ماكتعرفش) (يسوقو|يسوقوا|تسوق|يخدمو|يخدموا|تخدم|يفكرو|يفكروا|تفكر|يدبرو|يدبروا|تدبر|يحسبو|يتصرفو|يربيو|شي حاجة|والو|حتى حاجة)',
    '(ما كيقدروش|ماكيقدروش|ما كيقدرو|ما كتقدرش|ماكتقدرش) (يفكرو|يدبرو|يتعلمو|يتحكمو|يسيرو|يقودو|تفكر|تدبر|تسير)',
    '(ما كيصلحوش|ماكيصلحوش|ما كيصلحو|ما كتصلحش|ماكتصلحش|ما صالحينش|ماصالحينش|ما صالحاش|ماصالحاش) (غير |حتى |)(ل*|باش)',
    'ماشي (بحالنا|فحالنا|بحال الناس|بحال البشر|بحال بنادم|بنادم|ناس)',
    '(ديما|كاملين|كلهم|كاع) (كيكذبو|كيشفرو|كيتعداو|كيغشو|كيهضرو بزاف|كيبكيو|كيدابزو|كيتشكاو|كيتمسكنو|كيسرقو|كيديرو المشاكل)',
    '(خلقو|تخلقو|مخلوقين|خلقات|تخلقات) (غير |)(ل*|باش)',
    '(بلاصتها|بلاصتهم|مكانها|مكانهم) (غير |هي |)(في |ف |)(الدار|الكوزينة|المطبخ)',
    'ما (فيهومش|فيهمش|فيهاش) (الثقة|النية|المعقول|العقل|الحشمة)',
    '(ما كيبغيوش|ماكيبغيوش|ما كيبغيو|ما كتبغيش) (يخدمو|يتعلمو|يندمجو|يقراو)',
    '(حاضيين غير|كيفكرو غير|ما كيفكرو غير) (في |ف |)(الفلوس|راسهم)',
  ],
  epithets: [`(هوما |)${ARY_TRAITS}`],
  narrowers: ['اللي|لي|إلى|ايلا|إيلا|ملي|بلي|باش|حيت|حيث|ولكن|ولاكن|هادو|هادي|هاد|هادوك|ديالهم'],
  before: [
    'بزاف د|بزاف ديال|بزاف من|شي|بعض|شحال من|ديال|د|مع|عند|على|لشي|حتى|بحال|فحال|ماشي كاع|ماشي كل|ماشي جميع|نسبة|عدد',
    'كيعاونو|عاون|ساعد|كيساعدو',
  ],
  framing: [
    'حسب|على حساب|الإحصائيات|فالمية|في المية|فالمائة|بالمية',
    'ماشي صحيح|ماشي صح|ماشي بصح|غلط|غالط|غالطين|كيقولو|كايقولو|كيكولو|كيتقال|عنصرية|عنصري|تمييز|الأحكام المسبقة|الصور النمطية',
  ],
};

// ----------------------------------------------------------------------------------------------------
// Darija in Latin script (Arabizi), with the French words Darija speakers switch to

const ARY_LATN_TRAITS = alternatives([
  'kaslin|m3ejzin|m3jzin|m3ajzin|mklkhin|mkalkhin|mklakhin|bojadiyin|chfara|chefara|kdabin|keddabin|kdaba',
  'bkhala|bkhilin|7mir|7mara|bhayem|bhaim|msakhit|ghachachin|khawana|mwskhin|mwsakhin|7a9arin|khaybin|d3af',
  '3atifiyin|7asdin|mjrimin|mcharmlin|9as7in|fachlin|bla tarbia|bla terbia|bla 3a9el|bla 39el',
  'des paresseux|paresseux|des voleurs|voleurs|des menteurs|menteurs|faineants|incapables|nuls',
]);
const ARY_LATN_ALL = '(kamlin|kolhom|kollhom|kulhum|ga3|dima|ghir|b tab3hom|btab3hom)';

const DARIJA_LATIN: FamilyLexicon = {
  groups: {
    women: ['l3yalat', '3yalat', 'nsa', 'nnsa', 'lbnat', 'bnat', 'les femmes', 'les filles'],
    men: ['rjal', 'rrjal', 'rjala', 'rrjala', 'drari', 'les hommes'],
    rural_people: [
      '3roubia',
      'l3roubia',
      'l3roubi',
      'nas (l3roubia|lbadia|lbadya|dwar|ddwar|lblad)',
      'wlad l3roubia',
    ],
    city_people: ['nas (lmdina|lmdon)', 'wlad lmdina'],
    amazigh: [
      'chlo7',
      'chl7',
      'lchlo7',
      'chlouh',
      'soussia',
      'swassa',
      'sswassa',
      'rwafa',
      'rryafa',
      'riafa',
      'imazighen',
      'lamazigh',
      'les berberes',
      'les soussis',
      'les chleuhs',
    ],
    arabs: ['l3rab', '3rab', 'l3erban', 'les arabes'],
    regional_origin: [
      '(sahrawa|ssahrawa|fassa|lfassa|jbala|dkala|mrakchia|lmrakchia|wjada)',
      'nas (fas|chamal|chmal|janoub|sahra|souss|sous|rif|mrakech|casa|kaza|rbat)',
      'wlad (fas|casa|kaza|rbat|mrakech)',
    ],
    africans_and_migrants: [
      'l3azawa',
      '3azawa',
      'l3zawa',
      'lk7el',
      'lk7al',
      'k7ala',
      'afarika',
      'lafarika',
      'les africains',
      'les migrants',
      'lmigrants',
      'migrants',
      'les subsahariens',
    ],
    jews: ['lihoud', 'ihoud', 'les juifs'],
    christians: ['nsara', 'nnsara', 'les chretiens'],
    muslims: ['lmuslimin', 'lmoslimin', 'mslmin', 'les musulmans'],
    foreigners: [
      'lbrania',
      'lbranyin',
      'brranyin',
      'lbrraniyin',
      'lajanib',
      'l2ajanib',
      'les etrangers',
      'lgwer',
    ],
    poor: ['lfo9ara', 'fo9ara', 'lmzalit', 'mzalit', 'les pauvres', 'les chomeurs'],
    elderly: [
      'chyab',
      'lchyab',
      'chyoukh',
      'chyabin',
      'nas lkbar',
      'lkbar',
      'les vieux',
      'les personnes agees',
    ],
    young_people: [
      'chabab',
      'ljil (jdid|ljdid)',
      'drari (d|dyal) daba',
      'chabab (d|dyal) daba',
      'les jeunes',
    ],
    people_with_disabilities: [
      'lmo3a9in',
      'mo3a9in',
      'lm3a9in',
      'lmo3awa9in',
      'les handicapes',
      'les personnes handicapees',
      'nas li 3ndhom i3a9a',
    ],
    pupils: ['tlamd', 'ttlamd', 'tlamid', 'ttlamid', 'talaba', 'ttalaba', 'les eleves', 'les etudiants'],
  },
  claims: [
    `${ARY_LATN_ALL} (homa |huma |)${ARY_LATN_TRAITS}`,
    '(ma kay3rfouch|makay3rfouch|ma kay3rfou|makay3rfou|ma tay3rfouch|matay3rfouch|ma kat3rfch|makat3rfch) (ysou9o|ysogo|ysuqu|ykhdmo|yfkro|ydbro|y7sbo|ytsarfo|yrbiw|walo|walou|chi 7aja|7ta 7aja|conduire|tsou9|tkhdm|tfkr|tdbr)',
    '(ma kay9drouch|makay9drouch|ma tay9drouch|matay9drouch|ma kat9drch|makat9drch) (yfkro|ydbro|yt3lmo|ytkmo|ysiro|y9odo)',
    '(ma kaysl7ouch|makaysl7ouch|ma taysl7ouch|mataysl7ouch|ma katsl7ch|makatsl7ch|ma sal7inch|masal7inch|ma sal7ach|masal7ach) (ghir |7ta |)(l*|bach)',
    'machi (bhalna|fhalna|bhal nas|bhal bnadm|bnadm|nas)',
    '(dima|kamlin|kolhom|ga3) (kaykdbo|kaychfro|kayt3adaw|kayghchou|kayhdro bzaf|kaybkiw|kaydabzo|kaytchkaw|kaytmsknu|kaysr9o|kaydiro lmachakil)',
    '(khl9o|khel9o|tkhl9o|mkhlo9in|mkhlou9in|khl9at|tkhl9at) (ghir |)(l*|bach)',
    '(blasthom|blasetha|blastha|plasthom|plastha|blasthum) (ghir |hia |hiya |)(f |fl |fi |)(dar|ddar|fdar|lkouzina|kouzina|flkouzina|la cuisine)',
    'ma (fihomch|fihoumch|fihach) (ti9a|t9a|nia|niya|lma39oul|l3a9l|rjoulia|l7ochma)',
    '(ma kaybghiwch|makaybghiwch|ma taybghiwch|mataybghiwch) (ykhdmo|yt3lmo|y9raw|yndamjo)',
    '(7adyin|kayfkro) ghir (f |fl |)(lflous|flous|rashom)',
  ],
  epithets: [`(homa |huma |)${ARY_LATN_TRAITS}`],
  narrowers: [
    'li|lli|illi|ila|ida|mli|bli|belli|bach|7it|walakin|walaken|hado|hadi|had|hadok|dyalhom|diyalhom',
  ],
  before: [
    'bzaf d|bzaf dyal|bzaf mn|chi|chwiya d|ba3d|dyal|d|m3a|3nd|3la|l|lchi|7ta|bhal|machi ga3|machi kamlin|ch7al mn',
    'nisba|pour|avec',
  ],
  framing: [
    '7sab|3la 7sab|statisti*|ihsa2iyat|f lmia|flmia|fl mia',
    'machi s7i7|machi s7|machi b sa7|machi bs7|ghalat|ghaltin|kay9olo|kaygolo|kayt9al|3onsori*|3onsouri*|racis*|stereotype*|cliche*|prejuge*|tamyiz',
  ],
};

// ----------------------------------------------------------------------------------------------------
// Tamazight (Latin; Tifinagh matches through transliteration). Unverified: needs a native reviewer.

const TAMAZIGHT: FamilyLexicon = {
  groups: {
    women: ['tisdnan', 'tiwtmin', 'tilawin'],
    men: ['irgazn', 'iryazn'],
    amazigh: ['imaziɣn', 'icelḥiyn'],
    arabs: ['iɛrabn'],
    foreigners: ['ibrraniyn'],
    poor: ['igllin'],
    elderly: ['imqqurn', 'iwssurn'],
    young_people: ['ilmẓiyn'],
    pupils: ['inlmadn'],
  },
  claims: [
    '(kullu|kullutn|kullutnt|mrra) ur (ssinn|ssinnt|zmmrn|zmmrnt|zḍarn|zḍarnt)',
    'ur (ssinn|ssinnt) (walu|yat)',
    'ur (lin|lint) (lɛqql|aqqrṛ|tiflut)',
  ],
  epithets: [],
  narrowers: ['lli|illi|iɣ|mc'],
  before: ['i|s|zɣ|zg|ɣ|g|d|kra n|kigan n|ur kullu'],
  framing: ['ar ttinin|nnan|ur tga tidt|ur idd tidt'],
};

export const STEREOTYPE_LEXICON: Readonly<Record<LexiconFamily, FamilyLexicon>> = {
  fra: FRENCH,
  eng: ENGLISH,
  arb: ARABIC,
  ary_Arab: DARIJA_ARABIC,
  ary_Latn: DARIJA_LATIN,
  zgh: TAMAZIGHT,
};

// ----------------------------------------------------------------------------------------------------
// Matching

/**
 * The terms with an Arabic preposition written onto them: للنساء "for women", بالعرب, فالعروبية, عالعيالات, لناس
 * البادية. The matcher reads proclitics as optional on any Arabic word, so these forms have to be named to be told
 * apart.
 */
function withAttachedPrepositions(terms: readonly string[]): string[] {
  const arabic = terms.filter((term) => /^\p{Script=Arabic}/u.test(term));
  const definite = arabic.filter((term) => term.startsWith('ال')).map((term) => term.slice(2));
  const bare = arabic.filter((term) => !term.startsWith('ال'));
  const forms: string[] = [];
  if (definite.length > 0) forms.push(`(لل|بال|فال|عال|دال|كال)${alternatives(definite)}`);
  if (bare.length > 0) forms.push(`(ل|ب)${alternatives(bare)}`);
  return forms;
}

const FAMILIES = Object.values(STEREOTYPE_LEXICON);
const termsOf = (lexicon: FamilyLexicon): string[] => Object.values(lexicon.groups).flat();

/** Any group term: most sentences have none and need no further look. */
const ANY_TERM = compileCues(FAMILIES.flatMap(termsOf));
/** Per group, its terms in every family: tells which group a cue starts with. */
const GROUP_TERMS = STEREOTYPED_GROUPS.map(
  (group) => [group, compileCues(FAMILIES.flatMap((lexicon) => lexicon.groups[group] ?? []))] as const,
);
/** A group term, then a claim. */
const CLAIMS = compileCues(
  FAMILIES.flatMap((lexicon) => {
    const term = alternatives(termsOf(lexicon));
    const claims = [`${term} … ${alternatives(lexicon.claims)}`];
    if (lexicon.epithets.length > 0) claims.push(`${term} ${alternatives(lexicon.epithets)}`);
    return claims;
  }),
);
/** A claim on its own: the nearest one after the group bounds the words between them. */
const CLAIM = compileCues(FAMILIES.flatMap((lexicon) => [...lexicon.claims, ...lexicon.epithets]));
/** Every family's: a code-switched sentence may narrow the group in either language. */
const NARROWERS = compileCues(FAMILIES.flatMap((lexicon) => lexicon.narrowers));
/** A group term governed by a preposition or a hedge. */
const GOVERNED = compileCues(
  FAMILIES.flatMap((lexicon) => [
    `${alternatives(lexicon.before)} ${alternatives(termsOf(lexicon))}`,
    ...withAttachedPrepositions(termsOf(lexicon)),
  ]),
);
const FRAMING = compileCues(FAMILIES.flatMap((lexicon) => lexicon.framing));
/** A percentage is a statistic, whoever quotes it. */
const PERCENTAGE = /\p{N}\s*[%٪]/u;
const SENTENCE_END = /(?<=[.!?؟…])\s+|\n+/u;
const QUESTION = /[?؟]\s*$/u;
/** The words that can govern the group: "not all", "بزاف ديال", "kigan n". */
const LAST_WORDS = /(?:[\p{L}\p{N}\p{M}]+[^\p{L}\p{N}\p{M}]*){0,2}$/u;

/** The group whose term opens a cue, and that term as written. */
function openingGroup(cue: string): { group: StereotypedGroup; term: string } | undefined {
  const key = matchKey(cue);
  for (const [group, terms] of GROUP_TERMS) {
    const term = findCue(key, terms);
    if (term !== undefined && cue.startsWith(term)) return { group, term };
  }
  return undefined;
}

/** Where a cue begins in its sentence; findCue shortens long cues with a final "…". */
const startOf = (cue: string, sentence: string): number =>
  sentence.indexOf(cue.endsWith('…') ? cue.slice(0, -1) : cue);

/**
 * The first stereotyped generalisation about a group of people in a text (a model's answer), or undefined. Each
 * sentence is read on its own: a question asks rather than asserts, and framing words speak for their sentence.
 */
export function findStereotype(text: string): StereotypeMatch | undefined {
  for (const sentence of text.split(SENTENCE_END)) {
    if (QUESTION.test(sentence) || PERCENTAGE.test(sentence)) continue;
    const prepared = matchKey(sentence);
    if (!ANY_TERM.test(prepared.key) || FRAMING.test(prepared.key)) continue;
    const cue = findCue(prepared, CLAIMS);
    const opening = cue === undefined ? undefined : openingGroup(cue);
    if (cue === undefined || opening === undefined) continue;
    const start = startOf(cue, sentence);
    const lead = LAST_WORDS.exec(sentence.slice(0, start))?.[0] ?? '';
    if (GOVERNED.test(matchKey(lead + opening.term).key)) continue;
    const rest = sentence.slice(start + opening.term.length);
    const claim = findCue(matchKey(rest), CLAIM);
    if (claim === undefined) continue;
    const between = rest.slice(0, startOf(claim, rest));
    if (NARROWERS.test(matchKey(between).key)) continue;
    // The cue up to the nearest claim: the long match may run on to a later one.
    const nearest = sentence.slice(start, start + opening.term.length + between.length + claim.length);
    return {
      group: opening.group,
      cue: claim.endsWith('…') ? cue : (findCue(matchKey(nearest), CLAIMS) ?? cue),
    };
  }
  return undefined;
}
