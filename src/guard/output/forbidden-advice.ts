import {
  compileCues,
  matchKey,
  type LexiconFamily,
  type MatchKey,
} from '../../oversight/review/sensitive-topics.js';
import type { ForbiddenAdvice, GuardFinding } from '../types.js';
import { findAssertion } from './assertions.js';

/**
 * Advice a sector forbids the assistant to GIVE: a diagnosis, a prescription, a credit, administrative or grading
 * decision, a legal verdict, said to the reader about their own case. Cues are statements in the second person or
 * about the reader's file ("vous avez probablement un diabète", "votre demande est rejetée", "3ndek sokkar"), in the
 * syntax of the sensitive-topic lexicons; general information ("le diabète se manifeste par…", "consultez un
 * médecin", "les conditions d'éligibilité sont…") has none of them, and a cue in a question, under a condition or
 * negated does not count (see assertions.ts).
 *
 * No Tamazight cues yet: answers are rarely written in it, and cue phrases need a native reviewer first.
 */

type AdviceLexicon = Readonly<Record<Exclude<LexiconFamily, 'zgh'>, readonly string[]>>;

/**
 * Second-person pronouns, kept from the proclitics the lexicon compiler lets an Arabic word take: كانت (she was) is
 * not ك + انت (you), nor كنتي ك + نتي. The empty group only stops the compiler from seeing a word start.
 */
const pronouns = (...words: string[]): string => `(${words.map((word) => `(?:)${word}`).join('|')})`;

/** A statement of advice is explicit: the finding is a confident one, above the block line. */
const ADVICE_SCORE = 0.9;

// ----------------------------------------------------------------------------------------------------
// Medical diagnosis

const DISEASES_FR =
  'diabete|diabete de type 1|diabete de type 2|pneumonie|grippe|covid|covid 19|angine|bronchite|asthme|hypertension|anemie|infection|infection urinaire|cancer|tumeur|appendicite|gastro enterite|gastro|otite|sinusite|migraine|depression|allergie|hepatite|tuberculose|insuffisance renale|insuffisance cardiaque|ulcere|calculs renaux|cystite|arthrose|arthrite|hernie|eczema|psoriasis|varicelle|rougeole|zona|paludisme|fracture|entorse|intoxication alimentaire|conjonctivite|hypothyroidie|hyperthyroidie|cholesterol|reflux|colite|sciatique|burn out';
const DISEASES_EN =
  'diabetes|type 1 diabetes|type 2 diabetes|pneumonia|flu|influenza|covid|covid 19|strep throat|tonsillitis|bronchitis|asthma|hypertension|high blood pressure|anemia|anaemia|infection|urinary tract infection|cancer|tumour|tumor|appendicitis|gastroenteritis|stomach flu|ear infection|sinusitis|migraine|depression|allergy|hepatitis|tuberculosis|kidney failure|heart failure|ulcer|kidney stones|arthritis|hernia|eczema|psoriasis|chickenpox|measles|shingles|malaria|fracture|sprain|food poisoning|conjunctivitis|hypothyroidism|hyperthyroidism|high cholesterol|acid reflux|sciatica|cold';
const DISEASES_AR =
  'السكري|مرض السكري|داء السكري|الالتهاب الرئوي|التهاب رئوي|ذات الرئه|الانفلونزا|الزكام|كوفيد|كورونا|التهاب اللوزتين|التهاب الحلق|الربو|ارتفاع ضغط الدم|فقر الدم|الانيميا|عدوي|التهاب المسالك البوليه|السرطان|ورم|التهاب الزائده|التهاب المعده|التهاب الاذن|التهاب الجيوب الانفيه|الشقيقه|الصداع النصفي|الاكتئاب|الحساسيه|التهاب الكبد|السل|الفشل الكلوي|قصور القلب|قرحه|حصي الكلي|التهاب المفاصل|فتق|الاكزيما|الصدفيه|جدري الماء|الحصبه|الملاريا|كسر|التواء|تسمم غذائي|قصور الغده الدرقيه|الكوليسترول';
const DISEASES_ARY =
  'السكر|السكري|الضغط|الطونسيون|الربو|الضيقه|الحساسيه|لالرجي|الكريب|البرد|الزكام|التعفن|بوصفير|السرطان|الكونصير|المرض الخايب|الشقيقه|الروماتيزم|الحجر فالكلاوي|القولون|الانيميا|فقر الدم|البواسير|الكوفيد|كورونا|الحصبه|بوشويكه|السل|الفتق|القرحه|الكوليسترول';
const DISEASES_ARY_LATN =
  'sokkar|sokar|skkar|sukkar|sukar|diabete|dda9t|da9t|tension|ttension|rabw|di9a|dii9a|l7assasiya|7assasiya|allergie|grippe|lgrippe|lberd|zokam|ta3affun|t3ffun|bousfir|lcancer|cancer|lmrd lkhayb|lmard lkhayb|chqiqa|romatizm|rheumatisme|colon|anemie|lbwaser|lbawasir|covid|corona|l7asba|lfet9|l9er7a|cholesterol';

const LIKELY_FR = [
  'probablement',
  'surement',
  'certainement',
  'sans doute',
  'tres probablement',
  'vraisemblablement',
  'peut etre',
];
const LIKELY_EN = ['probably', 'likely', 'most likely', 'definitely', 'clearly'];
const oneOf = (words: readonly string[]): string => `(${words.join('|')})`;
/** One of the words followed by a space, or nothing. */
const optionalWord = (words: readonly string[]): string => `(${words.map((word) => `${word} `).join('|')}|)`;

const HEDGE_FR = optionalWord([
  ...LIKELY_FR,
  'visiblement',
  'manifestement',
  'bien',
  'deja',
  'aussi',
  'egalement',
]);
const HEDGE_EN = optionalWord([...LIKELY_EN, 'already', 'also']);
const ARTICLE_FR = '(un |une |le |la |l |les |des |du |de la |d un |d une |de l |)';

/** Words that make a statement a guess about the reader's health, even about a disease they named themselves. */
const HEDGE_WORDS = [
  ...LIKELY_FR,
  'visiblement',
  'manifestement',
  ...LIKELY_EN,
  'may have',
  'might have',
  'could have',
  'seem to have',
  'looks like',
  'sounds like',
  'علي الارجح',
  'غالبا',
  'ربما',
  'بالتاكيد',
  'من المرجح',
  'يبدو',
  'اعتقد',
  'اظن',
  'بلا شك',
  'اكيد',
  'يمكن',
  'ghaliban',
  'bla chek',
  'akid',
  'ymken',
  'imken',
];

const MEDICAL_DIAGNOSIS: AdviceLexicon = {
  fra: [
    `(vous avez|tu as|vous souffrez de|vous souffrez d|tu souffres de|tu souffres d|vous etes atteint de|vous etes atteinte de|vous etes atteint d|vous etes atteinte d|tu es atteint de|tu es atteinte de|vous faites|tu fais|vous avez developpe|vous presentez|tu presentes) ${HEDGE_FR}${ARTICLE_FR}(${DISEASES_FR})`,
    `(il s agit|c est|ce sont) ${oneOf(LIKELY_FR)} ${ARTICLE_FR}(${DISEASES_FR})`,
    `(cela|ca) (ressemble a|evoque|correspond a|fait penser a) ${ARTICLE_FR}(${DISEASES_FR})`,
    '(vos|tes) symptomes (correspondent|evoquent|font penser|suggerent|indiquent|ressemblent|sont ceux|sont typiques)',
    `(vous etes|tu es) ${oneOf(LIKELY_FR)} (diabetique|asthmatique|hypertendu|hypertendue|anemique|depressif|depressive|enceinte|allergique)`,
    '(mon diagnostic|je diagnostique|le diagnostic est)',
  ],
  eng: [
    `(you have|you ve got|you re suffering from|you are suffering from|you suffer from|you have developed|you ve developed|you probably have|you likely have|you most likely have|you may have|you might have|you could have|you seem to have|it looks like you have|it sounds like you have) ${HEDGE_EN}(a |an |the |)(${DISEASES_EN})`,
    `(this|it|that) (is probably|is likely|is most likely|sounds like|looks like|seems like|could be|might be|may be) (a |an |the |)(${DISEASES_EN})`,
    'your symptoms (suggest|indicate|point to|are consistent with|are typical of|look like|sound like|match)',
    `you are ${oneOf(LIKELY_EN)} (diabetic|asthmatic|anemic|anaemic|pregnant|hypertensive|allergic)`,
    '(my diagnosis|i diagnose|the diagnosis is)',
  ],
  arb: [
    `${pronouns('انت', 'انك', 'انتي', 'فانت', 'وانت')} (مصاب|مصابه|مصابا|تعاني|تعانين) (علي الارجح |غالبا |ربما |بالتاكيد |)(من |)(${DISEASES_AR})`,
    `(لديك|عندك|لديكم) (علي الارجح |غالبا |ربما |بالتاكيد |)(${DISEASES_AR})`,
    `(من المرجح|يبدو|اعتقد|اظن|علي الارجح) (انك|ان لديك) … (${DISEASES_AR})`,
    '(اعراضك|الاعراض التي تعاني منها|الاعراض التي لديك) (تدل|تشير|توحي|تتوافق) (علي|الي|مع)',
    '(تشخيصي|التشخيص المرجح|تشخيص حالتك هو)',
  ],
  ary_Arab: [
    `(عندك|فيك|جاك|جاتك|(?:)راك مريض ب|(?:)راك مريضه ب|(?:)انت مريض ب) (غالبا |بلا شك |اكيد |ربما |يمكن |)(شي |)(${DISEASES_ARY})`,
    `(هادشي|هادي|هادا|هاد الاعراض|هاد الشي) (غالبا|بلا شك|اكيد|يقدر يكون|يمكن يكون|كيبان) (هو |هي |)(${DISEASES_ARY})`,
    '(الاعراض|العلامات) ديالك (كتدل|كتبين|كيبينو|كيدلو) (علي|على)',
  ],
  ary_Latn: [
    `(3ndek|3ndk|3andek|3andk|fik|jak|jatek|jatk|rak mrid b|rak mrida b|nta mrid b|nti mrida b) (ghaliban |bla chek |akid |ymken |imken |)(chi |)(l |)(${DISEASES_ARY_LATN})`,
    `(hadchi|hadi|hada) (ghaliban|bla chek|akid|y9der ykoun|ymken ykoun|kayban) (howa |hiya |)(${DISEASES_ARY_LATN})`,
    '(l3alamat|la3rad|les symptomes) dyalk (katdel|kaydlo|kaybynu|katbyyen) 3la',
  ],
};

// ----------------------------------------------------------------------------------------------------
// Prescription

const DRUGS_LATN =
  'paracetamol|doliprane|efferalgan|dafalgan|ibuprofene|ibuprofen|advil|nurofen|aspirine|aspirin|amoxicilline|amoxicillin|augmentin|antibiotique|antibiotiques|antibiotic|antibiotics|metformine|metformin|insuline|insulin|omeprazole|cortisone|prednisolone|ventoline|ventolin|antihistaminique|antihistamine|smecta|spasfon|diclofenac|voltarene|tramadol|codeine|vitamine d|vitamin d|sirop|syrup|anti inflammatoire|anti inflammatoires|antidouleur|antidouleurs|painkiller|painkillers';
const DOSE_UNITS =
  'mg|milligramme|milligrammes|ml|g|grammes|ui|iu|unites|units|comprime|comprimes|gelule|gelules|cachet|cachets|sachet|sachets|cuillere|cuilleres|cuilleree|cuillerees|gouttes|dose|doses|pilule|pilules|tablet|tablets|capsule|capsules|pill|pills|drop|drops|goutte|teaspoon|teaspoons|puff|puffs|bouffee|bouffees|ampoule|ampoules|injection|injections';
const QUANTITY = '(\\d+|un|une|deux|trois|quatre|cinq|une demi|un demi|one|two|three|four|five|half a|a|an)';
const SCHEDULE =
  '(par jour|fois par jour|toutes les|chaque|le matin|le soir|matin et soir|au coucher|avant les repas|apres les repas|pendant|per day|a day|times a day|every|twice|daily|at bedtime|before meals|after meals)';

const PRESCRIPTION: AdviceLexicon = {
  fra: [
    `(prenez|prends|avalez|administrez|donnez lui|donne lui|appliquez|injectez) ${QUANTITY} (${DOSE_UNITS})`,
    `\\d+ (mg|milligrammes|ml|g|grammes|ui|unites|comprimes|gelules|gouttes|cachets) (de |d |)(${DRUGS_LATN}) … ${SCHEDULE}`,
    `\\d+ (mg|milligrammes|ml|comprimes|gelules|gouttes|cachets) … ${SCHEDULE}`,
    `(je vous prescris|je te prescris|je vous recommande de prendre|je vous conseille de prendre|je te conseille de prendre|vous devez prendre|vous pouvez prendre|tu peux prendre|tu dois prendre|il faut prendre|il vous faut|prenez|prends) (du |de la |de l |des |un |une |le |la |l |les |)(${DRUGS_LATN})`,
    '(augmentez|diminuez|reduisez|arretez|doublez|augmente|diminue|reduis|arrete|double) (votre|ta|vos|tes|la|le) (dose|dosage|posologie|traitement|insuline|medicament|medicaments)',
  ],
  eng: [
    `(take|give him|give her|give them|give|apply|inject) ${QUANTITY} (${DOSE_UNITS})`,
    `\\d+ (mg|ml|g|grams|iu|units|tablets|capsules|drops|pills) (of |)(${DRUGS_LATN}) … ${SCHEDULE}`,
    `\\d+ (mg|ml|tablets|capsules|drops|pills) … ${SCHEDULE}`,
    `(i prescribe|i recommend taking|i recommend you take|you should take|you can take|you need to take|you must take|take) (some |a |an |the |)(${DRUGS_LATN})`,
    '(increase|reduce|lower|stop|double) (your|the) (dose|dosage|treatment|insulin|medication|medicine)',
  ],
  arb: [
    '(تناول|خذ|خذي|تناولي|استعمل|استعملي|ضع|ضعي) (\\d+|حبه|حبتين|قرص|قرصين|ملعقه|ملعقتين|نصف قرص|نصف حبه)',
    '\\d+ (ملغ|ملغرام|مغ|ملليغرام|مل|غرام|حبات|حبه|اقراص|قرص|ملاعق|قطرات|جرعات) … (يوميا|في اليوم|مرات في اليوم|صباحا ومساء|قبل الاكل|بعد الاكل)',
    '(تناول|خذ|خذي|يمكنك تناول|عليك تناول|انصحك بتناول|اصف لك) (الباراسيتامول|باراسيتامول|الدوليبران|الايبوبروفين|الاسبرين|الاموكسيسيلين|مضاد حيوي|المضاد الحيوي|مضادات حيويه|الانسولين|الميتفورمين|مسكن|مسكنات)',
    '(زد|زيد|قلل|اوقف|اوقفي|توقف عن|ضاعف|ضاعفي) (جرعه|الجرعه|جرعتك|الدواء|دواءك|الانسولين|العلاج|علاجك)',
  ],
  ary_Arab: [
    '(خود|خدي|شرب|شربي|كول|كولي) (\\d+|حبه|جوج حبات|حبتين|زوج حبات|كينه|جوج|ملعقه|نص حبه)',
    '(خود|خدي|تقدر تاخد|خاصك تاخد|ننصحك تاخد) (شي |)(دوليبران|الدوليبران|باراسيتامول|الاسبرين|انتيبيوتيك|لانتيبيوتيك|الانسولين|سيرو)',
    '(زيد|نقص|حبس|وقف|ضاعف) (الدوا|الجرعه|الدوز|الانسولين|الدوايات)',
  ],
  ary_Latn: [
    '(khod|khodi|chrb|chrbi|kol|koli) (\\d+|wa7ed|wa7da|jouj|jooj|zouj|nss) (7bat|7ba|kinat|kina|comprimes|comprime|m3el9a|m3al9|gouttes|mg)',
    `(khod|khodi|t9der takhod|khassek takhod|kanse7ek takhod) (chi |)(${DRUGS_LATN})`,
    '(zid|n9es|7bes|w9ef|da3ef) (ddwa|dwa|dose|la dose|insuline)',
  ],
};

// ----------------------------------------------------------------------------------------------------
// Credit decision

const CREDIT_NOUNS_FR = 'credit|pret|microcredit|financement|emprunt|credit immobilier|pret immobilier';
const CREDIT_FR = `(${CREDIT_NOUNS_FR})`;
const CREDIT_EN = '(loan|credit|mortgage|microcredit|financing)';
const CREDIT_AR = '(قرض|القرض|التمويل|تمويل|السلف|سلفه)';
const CREDIT_NOUNS_ARY = 'الكريدي|كريدي|القرض|قرض|السلف|سلفه';
const CREDIT_ARY = `(${CREDIT_NOUNS_ARY})`;
const CREDIT_ARY_LATN = '(lkredi|lcredit|kredi|credit|l9ard|9ard|slf|sl9)';

const CREDIT_DECISION: AdviceLexicon = {
  fra: [
    `(votre|ton|ta) (${CREDIT_NOUNS_FR}|demande de credit|demande de pret|demande de financement|dossier de credit|dossier de pret) (est|a ete|sera|serait|va etre|vient d etre|n est pas|n a pas ete|ne sera pas) (accorde|accordee|refuse|refusee|approuve|approuvee|rejete|rejetee|valide|validee|accepte|acceptee|decline|declinee)`,
    `(vous etes|tu es|vous n etes pas|tu n es pas|vous etes pas) (eligible|eligibles|admissible) (a|au|aux|pour) (un |une |le |la |ce |cet |l |)${CREDIT_FR}`,
    `(nous|la banque|l etablissement|l institution) (vous|te) (accordons|accorde|accordera|refusons|refuse|refusera|octroyons|octroie|octroiera) (un |une |le |la |votre |ce |)${CREDIT_FR}`,
    `(vous obtiendrez|vous allez obtenir|vous n obtiendrez pas|vous ne pourrez pas obtenir|vous ne pouvez pas obtenir|tu n obtiendras pas) (le|un|votre|ce) ${CREDIT_FR}`,
    '(vous pouvez|tu peux) emprunter (jusqu a|au maximum|maximum) \\d+',
    '(votre|ton) (dossier|profil|score|revenu|capacite de remboursement|taux d endettement) (ne permet pas|est insuffisant|est trop faible|ne vous permet pas|est trop eleve)',
  ],
  eng: [
    `your ${CREDIT_EN} (application |request |)(has been|is|was|will be|will not be|won t be|has not been|is not) (approved|rejected|denied|refused|accepted|declined|granted)`,
    `(you are|you re|you are not|you re not|you aren t) (eligible|qualified|approved) for (a |an |the |this |any |)${CREDIT_EN}`,
    `we (approve|reject|decline|deny|cannot approve|can t approve|are unable to approve|have approved|have rejected|have declined) your ${CREDIT_EN}`,
    `you (will|won t|will not|cannot|can t) (get|receive|obtain|be granted|be approved for) (the|a|your|this) ${CREDIT_EN}`,
    'you can borrow (up to|at most|a maximum of) \\d+',
    'your (credit score|income|debt ratio|repayment capacity|profile) (is too low|is insufficient|does not allow|doesn t allow|is too high)',
  ],
  arb: [
    '(تمت الموافقه علي|تم رفض|تم قبول|رفض|قبول|رفضت|قبلت) (طلب قرضك|قرضك|طلب التمويل الخاص بك|طلب قرضكم|طلبك للحصول علي قرض)',
    '(طلب قرضك|قرضك|تمويلك) (مقبول|مرفوض|تم قبوله|تم رفضه|قد قبل|قد رفض|لن يقبل)',
    `${pronouns('انت', 'انتم', 'انك', 'لست')} (مؤهل|مؤهلا|غير مؤهل|مؤهلون|غير مؤهلين) (للحصول علي |)${CREDIT_AR}`,
    `(لا يمكنك|لن تتمكن من|لن تستطيع|ستحصل علي|ستتمكن من الحصول علي) (الحصول علي |)${CREDIT_AR}`,
    'يمكنك اقتراض (ما يصل الي|حتي|مبلغ) \\d+',
  ],
  ary_Arab: [
    `(${CREDIT_NOUNS_ARY}|الطلب ديال الكريدي|الدوسي ديال الكريدي) ديالك (تقبل|ترفض|مقبول|مرفوض|داز|ما دازش|تبلوكا|تقبلات|ترفضات)`,
    `(قبلنا|رفضنا|قبلو|رفضو|البنكه قبلات|البنكه رفضات) (ليك |)${CREDIT_ARY}`,
    `(ما غاديش|غادي|ما تقدرش|ما يمكنش ليك) (تاخد|تاخذ|تشد|توصل ل) ${CREDIT_ARY}`,
    `${pronouns('نتا', 'نتي', 'انت', 'راك')} (مؤهل|ماشي مؤهل|ما مؤهلش) ${CREDIT_ARY}`,
  ],
  ary_Latn: [
    `${CREDIT_ARY_LATN} dyalk (t9bel|t9bl|trfd|trefda|accepta|refusa|daz|ma dazch|tbloka|t9blat|trfdat)`,
    `(9belna|rfdna|9blo|rfdo|lbanka 9blat|lbanka rfdat) (lik |)${CREDIT_ARY_LATN}`,
    `(ma ghadich|ghadi|ma t9derch|ma ymkench lik) (takhod|tched|takhd|twsel l) ${CREDIT_ARY_LATN}`,
    `(nta|nti|rak) (machi |ma |)(mo2ahal|mo2ahala|eligible) (l |)${CREDIT_ARY_LATN}`,
  ],
};

// ----------------------------------------------------------------------------------------------------
// Legal verdict

const LEGAL_VERDICT: AdviceLexicon = {
  fra: [
    '(vous etes|tu es|vous serez|tu seras|vous n etes pas) (coupable|innocent|innocente|responsable penalement|condamne|condamnee|acquitte|acquittee|en tort)',
    '(vous allez|tu vas|vous allez probablement) (gagner|perdre) (votre|le|ton|ce) (proces|affaire|dossier|recours)',
    'vous (gagnerez|perdrez) (votre|le|ce) (proces|affaire|recours)',
    '(le tribunal|le juge|la cour) (vous donnera|va vous donner) raison',
    '(le tribunal|le juge|la cour) (va vous condamner|vous condamnera|rejettera votre|va rejeter votre)',
    '(vous risquez|tu risques) (jusqu a |)\\d+ (ans|mois) (de prison|d emprisonnement)',
    '(votre|ton) (licenciement|contrat|bail|expulsion|divorce|mariage) (est|sera|etait) (abusif|abusive|illegal|illegale|legal|legale|nul|nulle|valide|justifie|injustifie)',
    '(votre|ton) (employeur|proprietaire|voisin|bailleur|ex mari|ex femme) (est|a) (en tort|dans son droit|coupable|raison|tort)',
    '(vous avez|tu as) (raison|tort) (juridiquement|legalement|devant la loi|selon la loi)',
    'vous n avez aucun recours',
  ],
  eng: [
    'you are (guilty|innocent|liable|not liable|not guilty|at fault|in the wrong|legally responsible)',
    'you will (win|lose) (your|the|this) (case|lawsuit|appeal|trial)',
    'you (will|would) (be|get) (convicted|sentenced|acquitted|jailed)',
    'you (could|will|would) (face|get) (up to |)\\d+ (years|months) (in prison|in jail|of prison)',
    'your (dismissal|eviction|contract|lease|divorce|termination) (is|was|would be) (illegal|unlawful|legal|lawful|void|valid|invalid|unfair)',
    'the (court|judge) will (rule|decide|find) (in your favour|against you)',
    'your (employer|landlord|neighbour|ex husband|ex wife) (is|was) (in the wrong|at fault|liable|right|guilty)',
    'you have no (legal |)(recourse|case)',
  ],
  arb: [
    `${pronouns('انت', 'انك')} (مذنب|مذنبه|بريء|بريئه|مسؤول جنائيا|علي حق قانونيا)`,
    '(ستربح|ستخسر|سوف تربح|سوف تخسر) (القضيه|الدعوي|دعواك|قضيتك|الاستئناف|الطعن)',
    '(سيحكم عليك|ستدان|سيتم ادانتك|ستبرا|سيتم سجنك|ستسجن)',
    '(فصلك|طردك|عقدك|افراغك|طلاقك) (تعسفي|غير قانوني|قانوني|باطل|صحيح)',
    '(المحكمه|القاضي) (سيحكم|ستحكم) (لصالحك|ضدك)',
    '(ليس لديك|لا يوجد لديك) (اي |)(طعن|حق في الطعن|سبيل قانوني)',
  ],
  ary_Arab: [
    '(غادي تربح|غادي تخسر|غاتربح|غاتخسر) (الدعوي|القضيه|لافير|الشكايه)',
    '(غادي يحكمو عليك|غادي يدينوك|غادي تدخل للحبس|غادي يحبسوك)',
    '(الطرد|الجرا|الكونطرا|الطلاق) ديالك (تعسفي|ماشي قانوني|قانوني|باطل)',
    `${pronouns('نتا', 'نتي', 'راك')} (فالحق|غالط|مدنب|مذنب|بريء) (قانونيا|قدام القانون|فهاد القضيه)`,
    '(المحكمه|القاضي) (غادي|غا) (تحكم|يحكم|تعطيك|يعطيك) (ليك|عليك|الحق)',
  ],
  ary_Latn: [
    '(ghadi trb7|ghadi tkhsr|ghadi tkhser|gha trb7|gha tkhsr) (da3wa|dda3wa|l9adiya|9adiya|laffaire|chkaya)',
    '(ghadi y7kmo 3lik|ghadi ydinok|ghadi tdkhol l7bs|ghadi y7bsok)',
    '(tard|ttard|ljra|contrat|lcontrat|tla9) dyalk (ta3assofi|t3assofi|machi 9anoni|9anoni|abusif|batel)',
    '(nta|nti|rak) (f l7a9|fl7a9|ghalet|modnib|bri2) (9anoniyan|9dam l9anon|f had l9adiya)',
    '(lm7kama|lma7kama|l9adi) (ghadi|gha) (t7kem|y7kem|t3tik|y3tik) (lik|3lik|l7a9)',
  ],
};

// ----------------------------------------------------------------------------------------------------
// Administrative decision

const OWN_FILE_FR =
  '(demande|dossier|candidature|inscription|permis|carte|passeport|autorisation|agrement|requete|reclamation|recours|aide|bourse|allocation|pension|visa|titre de sejour|carte de sejour)';
const BENEFIT_FR =
  '(aide|aides|bourse|allocation|allocations|amo|soutien|programme|logement|pension|indemnite|subvention|prime|dispositif)';
const BENEFIT_EN =
  '(benefit|benefits|allowance|aid|support|scholarship|grant|subsidy|pension|housing|amo|programme|program)';
const BENEFIT_AR = '(الدعم|الاعانه|المنحه|التغطيه الصحيه|السكن|المعاش|البرنامج|التعويض)';
const BENEFIT_ARY = '(الدعم|المنحه|لامو|لابورس|التعويض|السكن)';
const BENEFIT_ARY_LATN = '(da3m|dda3m|minha|lminha|lamo|amo|bourse|labourse|ta3wid|sakan)';

const ADMINISTRATIVE_DECISION: AdviceLexicon = {
  fra: [
    `(votre|ta|ton|vos) ${OWN_FILE_FR} (est|a ete|sera|vient d etre|n est pas|n a pas ete|ne sera pas|va etre) (rejete|rejetee|refuse|refusee|accepte|acceptee|approuve|approuvee|valide|validee|annule|annulee|suspendu|suspendue|retire|retiree|accorde|accordee)`,
    '(nous|l administration|la commission|le service) (rejetons|refusons|acceptons|validons|avons rejete|avons refuse|avons accepte|avons valide|a rejete|a refuse|a accepte|a valide|rejette|refuse|accepte|valide) (votre|ta|ton|vos) (demande|dossier|candidature|inscription|recours|reclamation)',
    `(vous etes|tu es|vous n etes pas|tu n es pas|vous etes pas) (eligible|eligibles|admissible|admissibles) (a|au|aux|pour) (l |la |le |les |un |une |cette |ce |)${BENEFIT_FR}`,
    `(vous n avez pas|tu n as pas|vous n avez plus|vous avez perdu) (droit|le droit) (a|au|aux) (l |la |le |les |un |une |)${BENEFIT_FR}`,
    `(vous beneficierez|vous ne beneficierez pas|vous recevrez|vous ne recevrez pas|vous toucherez|vous ne toucherez pas) (de |d |)(l |la |le |les |un |une |)${BENEFIT_FR}`,
  ],
  eng: [
    'your (application|request|file|permit|licence|license|passport|card|registration|appeal|complaint|claim|visa|residence permit|benefit|allowance|scholarship) (has been|is|was|will be|will not be|has not been|is not) (rejected|refused|denied|accepted|approved|validated|cancelled|canceled|suspended|revoked|withdrawn|granted)',
    'we (have |)(rejected|refused|denied|accepted|approved|validated|reject|refuse|deny|accept|approve|validate) your (application|request|file|appeal|complaint|claim)',
    `you are (not |)(eligible|entitled|qualified) (for|to) (the |this |a |an |any |)${BENEFIT_EN}`,
    'you (are no longer|are not|re not|aren t) entitled to',
    `you (will|won t|will not) (receive|get|be granted) (the |a |an |your |any |)${BENEFIT_EN}`,
  ],
  arb: [
    '(تم|لقد تم) (رفض|قبول|الغاء|تعليق|سحب) (طلبك|ملفك|ترشيحك|تسجيلك|رخصتك|شكايتك|تظلمك)',
    '(طلبك|ملفك|ترشيحك|تسجيلك|رخصتك) (مرفوض|مقبول|تم رفضه|تم قبوله|قد رفض|قد قبل|لن يقبل|ملغي)',
    '(رفضنا|قبلنا|رفضت الاداره|قبلت الاداره|قررت اللجنه رفض|قررت اللجنه قبول) (طلبك|ملفك|ترشيحك)',
    `${pronouns('انت', 'انك', 'لست')} (مؤهل|مؤهلا|غير مؤهل|مستحق|مستحقا|غير مستحق) (للاستفاده من |)${BENEFIT_AR}`,
    `(لا يحق لك|يحق لك|لم يعد يحق لك) (الاستفاده من |الحصول علي |)${BENEFIT_AR}`,
    `(ستستفيد|لن تستفيد|ستحصل|لن تحصل) (من |علي |)${BENEFIT_AR}`,
  ],
  ary_Arab: [
    '(الطلب|الملف|الدوسي|البيرمي|الرخصه|الكارط|الباسبور|لاكارط|التسجيل) ديالك (ترفض|تقبل|مقبول|مرفوض|ترفضات|تقبلات|تلغي|تسحب|تبلوكا|داز|ما دازش)',
    '(رفضنا|قبلنا|رفضو|قبلو|الاداره رفضات|الاداره قبلات) (ليك |)(الطلب|الملف|الدوسي)',
    `(عندك الحق|ما عندكش الحق|ماعندكش الحق|ما بقاش عندك الحق) (في |)${BENEFIT_ARY}`,
    `(غادي تستافد|ما غاديش تستافد|غادي تاخد|ما غاديش تاخد|غادي يعطيوك|ما غاديش يعطيوك) (من |)${BENEFIT_ARY}`,
    `${pronouns('نتا', 'نتي', 'راك', 'انت')} (داخل|داخله|ماشي داخل|ما داخلش) (فالشروط|في الشروط)`,
  ],
  ary_Latn: [
    '(talab|demande|dossier|lmlf|permis|lpermis|lbirmi|rokhsa|lakart|lbasbor|tasjil) dyalk (trfd|trefda|trfdat|t9bel|t9blat|accepta|refusa|tbloka|tlgha|ts7b|daz|ma dazch)',
    '(rfdna|9belna|rfdo|9blo|lidara rfdat|lidara 9blat) (lik |)(talab|demande|dossier|lmlf)',
    `(3ndek l7a9|3ndk l7a9|3ndek l7e9|ma 3ndekch l7a9|ma3ndekch l7a9|ma b9ach 3ndek l7a9) (f |fi |l |)${BENEFIT_ARY_LATN}`,
    `(ghadi tstafd|ma ghadich tstafd|ghadi takhod|ma ghadich takhod|ghadi y3tiwk|ma ghadich y3tiwk) (men |mn |)${BENEFIT_ARY_LATN}`,
    '(nta|nti|rak) (dakhel|dakhla|machi dakhel|ma dakhelch) f (chorot|chourout)',
  ],
};

// ----------------------------------------------------------------------------------------------------
// Grading decision

const EXAM_FR = '(examen|bac|baccalaureat|concours|controle|annee|regional|national|epreuve)';
const EXAM_EN = '(exam|bac|baccalaureate|test|year|course|regional exam|national exam)';

const GRADING_DECISION: AdviceLexicon = {
  fra: [
    `(vous avez|tu as|votre fils a|votre fille a|votre enfant a) (reussi|echoue|rate|ete recale|ete recalee|ete ajourne|ete ajournee) (votre |ton |son |le |l |au |a l |a |)${EXAM_FR}`,
    '(votre|ta|ton) (note|moyenne|moyenne generale|resultat|score|note finale) (est|sera|serait) (de |d |)\\d+',
    '(votre|ta|ton) (note|moyenne) (est|sera) (insuffisante|suffisante|eliminatoire)',
    '(vous|tu|votre fils|votre fille|votre enfant) (allez|vas|va|devez|dois|doit|devrez|devras|devra) redoubler',
    '(vous etes|tu es|vous serez|tu seras|votre fils est|votre fille est|votre enfant est|votre fils sera|votre fille sera) (admis|admise|recale|recalee|ajourne|ajournee|refuse|refusee|oriente|orientee) (en|au|a|dans|vers|pour)',
    '(nous|je) (vous |te |)(attribuons|attribue|donnons|donne) (la note|une note) (de |d |)\\d+',
  ],
  eng: [
    `(you|your son|your daughter|your child) (have |has |)(passed|failed) (your|the|his|her|this) ${EXAM_EN}`,
    '(your|your son s|your daughter s|your child s) (grade|mark|score|average|gpa|result) (is|will be|was) \\d+',
    '(you|your son|your daughter|your child) (will|will have to|must|has to|have to|need to|needs to) repeat (the|this|a) (year|grade|class)',
    '(you|your son|your daughter|your child) (are|is|have been|has been|were|was) (admitted|accepted|rejected|placed|assigned|oriented) (to|in|into|for)',
    '(i|we) (give|award|assign) you (a|the) (grade|mark|score)',
  ],
  arb: [
    '(لقد |)(نجحت|رسبت) (في |)(الامتحان|البكالوريا|الباكالوريا|المباراه|الامتحان الجهوي|الامتحان الوطني|السنه)',
    '(نقطتك|معدلك|نتيجتك|نقطه ابنك|معدل ابنك|نقطه ابنتك|معدل ابنتك) (هي |هو |ستكون |سيكون |)\\d+',
    '(ستكرر|سيكرر ابنك|ستكرر ابنتك|يجب ان تكرر|عليك ان تعيد|ستعيد) (السنه|القسم)',
    '(تم |لقد تم |)(قبولك|رفضك|توجيهك|قبول ابنك|توجيه ابنك|رفض ابنك|قبول ابنتك|توجيه ابنتك) (في|الي|ب|ل)',
    '(ابنك|ابنتك) (نجح|نجحت|رسب|رسبت|سيكرر|ستكرر)',
  ],
  ary_Arab: [
    '(نجحتي|سقطتي|طحتي|دزتي) (في |)(الباك|الامتحان|الجهوي|الوطني|العام)',
    '(النقطه|المعدل|لانوط|النقط|النتيجه) ديالك (هي |هو |)\\d+',
    '(غادي تعاود|خاصك تعاود|غادي يعاود ولدك|خاص ولدك يعاود|غادي تعاود بنتك) (العام|السنه|القسم)',
    '(ولدك|بنتك) (نجح|نجحات|سقط|سقطات|غادي يعاود|غادي تعاود)',
    '(قبلوك|رفضوك|وجهوك|تقبلتي|ترفضتي)',
  ],
  ary_Latn: [
    '(nj7ti|nja7ti|sqti|s9ti|t7ti|dezti) (f |f l|fl |)(bac|lbac|lexamen|examen|lamti7an|jihawi|watani|l3am|3am)',
    '(n9ta|nu9ta|lmoyenne|moyenne|lmu3adal|natija|la note) dyalk (hiya |howa |)\\d+',
    '(ghadi t3awd|khassek t3awd|ghadi y3awd weldek|khass weldek y3awd|ghadi t3awd bentek) (l3am|3am|sana|lqism)',
    '(weldek|bentek) (nj7|nj7at|sqt|sqtat|s9t|s9tat|ghadi y3awd|ghadi t3awd)',
    '(9blok|rfdok|wjjhok|wajhok|t9belti|trfdti)',
  ],
};

interface AdviceCues {
  cues: RegExp;
  /** Whether "ne … pas" before a cue withdraws it: advice yes, a decision carries its own negation. */
  negationWithdraws: boolean;
}

const compile = (lexicon: AdviceLexicon, negationWithdraws: boolean): AdviceCues => ({
  cues: compileCues(Object.values(lexicon).flat()),
  negationWithdraws,
});

const DISEASES = compileCues(
  [DISEASES_FR, DISEASES_EN, DISEASES_AR, DISEASES_ARY, DISEASES_ARY_LATN].join('|').split('|'),
);
const HEDGES = compileCues(HEDGE_WORDS);

/**
 * "Puisque vous avez le diabète, vous pouvez…" repeats what the reader said of themselves: no diagnosis. A guess
 * ("vous avez probablement un diabète") is one, whatever the reader said.
 */
function diagnosisEchoes(userKeys: readonly string[]): (keyFragment: string) => boolean {
  return (fragment) => {
    if (HEDGES.test(fragment)) return true;
    const disease = DISEASES.exec(fragment)?.[0];
    if (disease === undefined) return true;
    const named = compileCues([disease]);
    return !userKeys.some((key) => named.test(key));
  };
}

const ADVICE_CUES: Readonly<Record<ForbiddenAdvice, AdviceCues>> = {
  medical_diagnosis: compile(MEDICAL_DIAGNOSIS, true),
  prescription: compile(PRESCRIPTION, true),
  credit_decision: compile(CREDIT_DECISION, false),
  legal_verdict: compile(LEGAL_VERDICT, false),
  administrative_decision: compile(ADMINISTRATIVE_DECISION, false),
  grading_decision: compile(GRADING_DECISION, false),
};

/**
 * The forbidden advice an answer gives, one finding per kind, in the order asked. `userTexts` are what the reader
 * wrote: repeating a condition they named is no diagnosis.
 */
export function findForbiddenAdvice(
  answer: MatchKey,
  forbidden: readonly ForbiddenAdvice[],
  userTexts: readonly string[] = [],
): GuardFinding[] {
  const findings: GuardFinding[] = [];
  for (const advice of new Set(forbidden)) {
    const { cues, negationWithdraws } = ADVICE_CUES[advice];
    const accept =
      advice === 'medical_diagnosis'
        ? diagnosisEchoes(userTexts.map((text) => matchKey(text).key))
        : undefined;
    if (findAssertion(answer, cues, { negationWithdraws, accept }) === undefined) continue;
    findings.push({ reason: 'forbidden_advice', score: ADVICE_SCORE, source: 'output', detail: advice });
  }
  return findings;
}
