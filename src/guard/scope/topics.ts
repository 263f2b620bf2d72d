import type { Lexicon } from '../../oversight/review/sensitive-topics.js';

/**
 * What a citizen's message is about, for the out-of-scope check: the public-service topics an assistant may be
 * registered for, and the topics that are clearly off any public service's purpose. Cue phrases use the syntax of
 * the sensitive-topic lexicons (src/oversight/review/sensitive-topics.ts): "(a|b|)" alternatives, "…" up to five
 * other words, a final "*" any ending, matched on a spelling-folded key, Arabic proclitics and Tifinagh included.
 *
 * Precision comes first: a public assistant must not turn a citizen away on a guess. Off-purpose cues are phrases
 * that only a request of that kind contains ("raconte-moi une blague", "résultat du match"), never a word that also
 * names something of public service: "bourse" (a scholarship), "code" (Massar, PIN), "Raja" (a first name),
 * "Paris" (a city), "الرجاء" (please), "وصفة" (a medical prescription) and "خدمة" (a job, and a service) are out.
 * The fold is aggressive (e dropped, o/ou merged, doubled letters single, Arabizi digits read as letters), so a short
 * entry can fold onto a common word of another language: "fac" onto "face", "s7a" onto "ça", "kra" onto Tamazight
 * "kra" (some). Entries are run over general text (FLORES, the law corpus, Darija chats) before they go in; a word
 * that collides is written in context ("a la fac") or, for acronyms, matched unfolded (*_ACRONYMS below).
 * Tamazight entries are unverified drafts (IRCAM vocabulary and common loanwords) awaiting a native reviewer.
 */

export const PUBLIC_SERVICE_TOPICS = [
  'civil_status',
  'identity_documents',
  'taxes',
  'social_protection',
  'health',
  'education',
  'employment',
  'housing',
  'justice',
  'business',
  'transport',
  'agriculture',
  'personal_data',
  'environment',
  'culture',
  'utilities',
  'consular_services',
  /** Municipal offices, certificates, forms, complaints: public service, but no one topic (never narrows scope). */
  'general_administration',
] as const;
export type PublicServiceTopic = (typeof PUBLIC_SERVICE_TOPICS)[number];

export const OFF_PURPOSE_TOPICS = [
  'entertainment',
  'sports_results',
  'cooking',
  'creative_writing',
  'programming',
  'homework',
  'dating',
  'gambling',
  'investment_tips',
  'trivia',
] as const;
export type OffPurposeTopic = (typeof OFF_PURPOSE_TOPICS)[number];

export const isPublicServiceTopic = (value: string): value is PublicServiceTopic =>
  (PUBLIC_SERVICE_TOPICS as readonly string[]).includes(value);

// ----------------------------------------------------------------------------------------------------
// Public-service topics

const CIVIL_STATUS: Lexicon = {
  fra: [
    'etat civil',
    'acte* de (naissance|mariage|deces|divorce)',
    'extrait* (d acte|de naissance)',
    'livret de famille',
    'copie integrale',
    'declar* (la|une|de) naissance',
    'declarer (mon|ma|un|le|la) (bebe|enfant|fils|fille|nouveau ne)',
    '(choix|changement|changer) (du|de|mon|le) (prenom|nom)',
    'nationalite marocaine',
    'certificat de (residence|vie|celibat|nationalite)',
    'legalis* (de|la|ma|une) signature',
    'mariage',
    'divorce',
  ],
  eng: [
    'civil status',
    '(birth|marriage|death|divorce) certificate*',
    'family (booklet|record book)',
    'register (a|the|my) (birth|baby|child|marriage|death)',
    'moroccan nationality',
    'certificate of (residence|life|celibacy)',
    '(signature legali*|legali* (a|my|the) signature)',
    '(marriage|divorce|get married)',
  ],
  arb: [
    'الحاله المدنيه',
    '(عقد|رسم|شهاده) (الازدياد|الولاده|الميلاد|الزواج|الطلاق|الوفاه)',
    'الدفتر العائلي',
    'نسخه كامله',
    'التصريح (بالولاده|بالازدياد|بمولود)',
    'تغيير (الاسم|النسب)',
    'الجنسيه المغربيه',
    'شهاده (السكني|الحياه|العزوبه)',
    'تصحيح الامضاء',
    '(الزواج|الطلاق|الوفاه)',
  ],
  ary_Arab: [
    'الحاله المدنيه',
    '(عقد|رسم) (الازدياد|الزياده|الزواج|الطلاق|الوفاه)',
    '(الكناش|كناش الحاله المدنيه|الدفتر العائلي)',
    'نسجل (الولد|البنت|الدري|الدريه|المولود|ولدي|بنتي)',
    'شهاده السكني',
    'تصحيح الامضاء',
    '(الزواج|الطلاق|نتزوج)',
  ],
  ary_Latn: [
    '(l7ala lmadania|l7ala l madaniya|7ala madaniya|etat civil)',
    '(3a9d|rasm) (lizdiyad|izdiyad|zwaj|zzwaj|tla9|ttla9|wafat)',
    '(acte de naissance|acte de mariage|livret de famille)',
    '(lkunach|kunach|lkounach|kounach|l9onach)',
    'nsjel (lweld|lbent|ddrri|weldi|bnti)',
    '(chahadat sokna|certificat de residence)',
    '(tas7i7 l imda2|tas7i7 imda2|legalisation)',
    '(zwaj|zzwaj|tla9|ttla9|nzewj|ntzewj)',
  ],
  zgh: ['(tlalit|asmɣur|azwaj|tamɣra|lkunnac|lkunac|lḥala lmadaniya|ḥala madaniya)'],
};

const IDENTITY_DOCUMENTS: Lexicon = {
  fra: [
    '(renouvel*|perdu|perte|numero|copie|carte|nouvelle|ma|votre|ta|sa|dyal|dyali) cin',
    'carte* (nationale|d identite)',
    'passeport*',
    '(titre|carte) de sejour',
    'fiche anthropometrique',
  ],
  eng: ['(national id|id card|identity card|identity document*|passport*|residence (card|permit))'],
  arb: ['(البطاقه الوطنيه|بطاقه التعريف|جواز السفر|جوازات السفر|بطاقه الاقامه)'],
  ary_Arab: [
    '(لاكارط|لاكارت|الكارط ناسيونال|لاكارط ناسيونال|البطاقه الوطنيه|الباسبور|الپاسبور|جواز السفر|الباسپور)',
  ],
  ary_Latn: [
    '(lakart|lkart|carte nationale|lbitaqa|bitaqa lwatania|lbasbor|basbor|passport|passeport|lpassport)',
  ],
  zgh: ['(takarḍa n tmagit|tamagit|lakart|lbasbor|passport)'],
};

const TAXES: Lexicon = {
  fra: [
    'impot*',
    '(taxe|taxes) (d habitation|professionnelle|de services communaux|sur|fonciere|sur les terrains)',
    '(patente|vignette)',
    'declaration* (fiscale*|de revenus|d impot*)',
    '(avis d imposition|quitus fiscal|attestation fiscale|redressement fiscal|identifiant fiscal)',
  ],
  eng: [
    '(tax|taxes|taxation|taxpayer|vat)',
    '(tax return|income tax|vehicle tax|property tax|tax office|tax id|tax clearance)',
  ],
  arb: [
    '(الضريبه|الضرائب|الجبايه|الضريبيه)',
    '(المديريه العامه للضرائب|الضريبه علي الدخل|الضريبه علي القيمه المضافه|الرسم المهني|رسم السكن|الضريبه الخصوصيه)',
  ],
  ary_Arab: ['(الضريبه|الضرايب|الضرائب|لافينييت|لافنييت|الباطانتا|التاكس|لامبو)'],
  ary_Latn: ['(dariba|daraib|ddariba|dara2ib|impot|impots|lvignette|vignette|lpatente|patente|limpo|lampo)'],
  zgh: ['(tabzert|ddariba|lvinyit)'],
};

const SOCIAL_PROTECTION: Lexicon = {
  fra: [
    '(tayssir|tadamon)',
    '(assurance maladie|protection sociale|registre social|aide* (directe*|sociale*)|allocation* familiale*)',
    '((la|ma|sa|ta|a la|mise a la|age de la|caisse de|pension de) retraite|pension de (veuve|vieillesse|survivant)|indemnite pour perte d emploi|carte (de |d )?handicap*)',
    'soutien social direct',
  ],
  eng: [
    'tayssir',
    '(health insurance|social (protection|security|support|registry|assistance)|family allowance*|cash transfer*|direct aid)',
    '(retirement|pension|unemployment benefit*|disability card)',
  ],
  arb: [
    '(التغطيه الصحيه|التامين الاجباري|(ال|فال|بال)ضمان الاجتماعي|الصندوق الوطني للضمان الاجتماعي|الحمايه الاجتماعيه)',
    '((ال|فال|بال)دعم (الاجتماعي|المباشر)|السجل الاجتماعي|السجل الوطني للسكان|التعويضات العائليه|بطاقه الاعاقه)',
    '(التقاعد|(ال|بال)معاش)',
  ],
  ary_Arab: [
    '(لامو|راميد|الراميد|(ال|فال|بال)ضمان|لاسنيس|الكنوبس|لاكنوبس|(برنامج|منحه|دعم) تيسير|(ال|فال|بال)دعم|السجل الاجتماعي|التقاعد|لاروطريت|(ال|فال|بال)معاش)',
  ],
  ary_Latn: [
    '(lamo|sijil|ta9a3od|la retraite|lretraite|tayssir|tadamon|ddaman|daman)',
    '(da3m|dda3m|d3m) (dyal|lmobachir|mobachir|lmoubachir|ijtima3i|l)',
    '(3la|f|dyal|l|wach|bghit) (da3m|dda3m|d3m)',
  ],
  zgh: ['(lamu|lminḥa|ttqaɛud)', '(ddɛm|ddaɛm) (n|inu|nnk)'],
};

const HEALTH: Lexicon = {
  fra: [
    '(hopital|hopitaux|clinique|centre de sante|dispensaire|urgences|pharmacie*)',
    '(medecin|docteur|infirmier*|sage femme|gyneco*|pediatre|dentiste)',
    '(vaccin*|certificat medical|carnet de sante|maladie*|medicament*|sante|soins|enceinte|accouchement)',
    '(pendant|durant|debut de|test de|suivi de) (la |ma |sa |)grossesse',
  ],
  eng: [
    '(hospital*|clinic|health (centre|center|care|card)|emergency room|pharmacy|doctor|nurse|midwife|dentist)',
    '(vaccin*|medical certificate|medicine|medication|illness|disease|pregnan*|childbirth|health)',
  ],
  arb: [
    '(المستشفي|المستشفيات|المركز الصحي|المستوصف|المستعجلات|الطوارئ|الصيدليه|الطبيب|الممرض)',
    '(التلقيح|اللقاح|الشهاده الطبيه|الدواء|الادويه|المرض|الامراض|الصحه|الحمل|الولاده|العلاج)',
  ],
  ary_Arab: [
    '(السبيطار|سبيطار|الصبيطار|الطبيب|الطبيبه|الدكتور|المستعجلات|لورجانس|الدوا|الفرمسيان|الفارماسيان|الفرماسيان)',
    '(الجلبه|التلقيح|الصحه|مريض|مريضه|المرض|الكريب|السخانه)',
  ],
  ary_Latn: [
    '(sbitar|spitar|sbitar|tbib|tbiba|doktor|docteur|lurgence|urgence|urgences|mosta3jalat|dwa|ddwa|pharmacie|farmasyan)',
    '(vaccin|jelba|tel9i7|tal9i7|mrid|mrida|lmrd|lmard|grippe|skhana|s5ana)',
    '(s7a|sse7a) (dyal|dyali|dyalk|dyalo|dyalha)',
  ],
  zgh: ['(tadawsa|tadusi|sbitar|ssbitar|amsujji|aḍbib|ṭṭbib|ddwa|amuḍin|tamuḍint|aṭṭan)'],
};

const EDUCATION: Lexicon = {
  fra: [
    '(ecole|ecoles|college|lycee|lycees|universite*|faculte*|a la fac|de la fac|cantine scolaire|internat|cite universitaire|creche|prescolaire)',
    '(baccalaureat|massar|examen*|concours d entree|orientation scolaire|diplome|diplomes|equivalence*|ofppt|formation professionnelle)',
    '(mon|ma|mes|les|des|un|une|l) (eleve|eleves)',
    '(etudiant*|enseignant*|professeur*|inscription* scolaire*|rentree scolaire|bulletin* scolaire*)',
    'bourse* (d etude*|d etudiant*|scolaire*|universitaire*|de merite|minhaty)',
    '(minhaty|onousc|tawjihi)',
  ],
  eng: [
    '(school*|high school|university|faculty|kindergarten|boarding school|school canteen)',
    '(baccalaureate|massar|exam|exams|examination*|diploma|diplomas|degree equivalence|vocational training)',
    '(pupil*|student*|teacher*|enrol*|school year|report card)',
    'scholarship*',
  ],
  arb: [
    '(المدرسه|المدارس|الاعداديه|الثانويه|الجامعه|الكليه|التعليم الاولي|الحي الجامعي)',
    '(البكالوريا|الباكالوريا|(منظومه|منصه|رمز|الرمز|كود|الكود|القن|حساب|موقع) مسار|الامتحان|الامتحانات|الشهاده الجامعيه|الدبلوم|معادله الشهادات|التكوين المهني)',
    '(التلميذ|التلاميذ|الطلاب|طالب جامعي|الاستاذ|الاساتذه|التسجيل المدرسي|الدخول المدرسي)',
    '(المنحه الجامعيه|منحه الدراسه|المنحه الدراسيه|منحتي)',
  ],
  ary_Arab: [
    '(المدرسه|القرايه|الليسي|الكوليج|الفاك|الجامعه|الروض|الباك|(كود|الكود|القن|حساب) مسار|مسار ديال|الامتحان|لامتحان|الدبلوم|التكوين المهني)',
    '(التلميذ|الاستاذ|لابورس|البورس|المنحه)',
  ],
  ary_Latn: [
    '(lmadrasa|madrasa|lmdrasa|l9raya|9raya|lycee|liycee|college|lfac|jami3a|ljami3a|rawd)',
    '(massar|examen|lexamen|imti7an|lamti7an|diplome|takwin|tawjih)',
    '(tilmid|talib|ostad|lostad|prof|minha|lminha|bourse|labourse)',
  ],
  zgh: ['(tinml|tinmal|tasdawit|massar|akayad|anlmad|inelmaden|aslmad|taɣuri|lmdrasa|lmadrasa)'],
};

const EMPLOYMENT: Lexicon = {
  fra: [
    '(emploi|chomage|offre* d emploi|contrat de travail|inspection du travail|inspecteur du travail)',
    '(licenciement|licencie|smig|smag|salaire minimum|fonction publique|recrutement|concours de recrutement)',
    '(idmaj|tahfiz|awrach|auto emploi|code du travail|droit du travail|accident du travail)',
  ],
  eng: [
    '(job|jobs|employment|unemploy*|work contract|employment contract|labour inspect*|labor inspect*)',
    '(dismissal|fired from|minimum wage|civil service|recruitment|job offer*|workplace accident|labour code)',
  ],
  arb: [
    '(الشغل|التشغيل|البطاله|العاطلين|عقد العمل|مفتشيه الشغل|مفتش الشغل|مدونه الشغل|حادثه شغل)',
    '(الطرد من العمل|الفصل من العمل|الحد الادني للاجور|الوظيفه العموميه|مباراه التوظيف|التوظيف|انابيك|فرص الشغل)',
  ],
  ary_Arab: [
    '(نقلب علي خدمه|بلا خدمه|الشوماج|لانابيك|الكونطرا|مفتش الشغل|الطرد من الخدمه|جراو عليا|طردوني)',
    '(السميك|الوظيفه|مباراه التوظيف|التوظيف)',
  ],
  ary_Latn: [
    '(n9leb 3la khedma|n9leb 3la khdma|bla khedma|bla khdma|chomage|lanapec|lcontrat|contrat de travail)',
    '(jrawni|jraw 3liya|tardoni|trdoni|smig|lwadifa|wadifa|tawdif|concours de recrutement|concours dyal lwadifa|recrutement|idmaj|awrach)',
  ],
  zgh: ['(tawuri|axddam|chomage)'],
};

const HOUSING: Lexicon = {
  fra: [
    '(logement*|loyer|bail|locataire|proprietaire|expulsion|permis de construire|permis d habiter|urbanisme)',
    '(titre foncier|conservation fonciere|cadastre|aide au logement|villes sans bidonvilles|bidonville|habitat)',
  ],
  eng: [
    '(housing|rent|lease agreement|tenant|landlord|eviction|building permit|occupancy permit|land title|land registry)',
    '(housing (aid|support|subsidy)|slums)',
  ],
  arb: [
    '(السكن|السكن الاجتماعي|الكراء|عقد الكراء|المكتري|(ال|لل)مالك|الافراغ|رخصه البناء|رخصه السكن|التعمير)',
    '(الرسم العقاري|المحافظه العقاريه|المسح العقاري|دعم السكن|مدن بدون صفيح|دور الصفيح|السكن غير اللائق)',
  ],
  ary_Arab: [
    '(السكني|السكن|الكرا|الكراء|مول الدار|مالين الدار|المكتري|رخصه البني|التيتر|الرسم العقاري)',
    '(المحافظه العقاريه|دعم السكن|البراكه|البراريك|الكريان)',
  ],
  ary_Latn: [
    '(sakan|sokna|lkra|lkira|moul dar|mol dar|mul dar|lmokari|mkari|permis de construire|rokhsat lbni)',
    '(titre foncier|lma7afada|da3m sakan|da3m dyal sakan|brarek|lkaryan|karyan)',
  ],
  zgh: ['(taddart|tiddar|lkra|sakan)'],
};

const JUSTICE: Lexicon = {
  fra: [
    '(tribunal|tribunaux|plainte|porter plainte|avocat*|casier judiciaire|(un|mon|le|au) proces|jugement|huissier|procureur)',
    '(adoul|notaire|pension alimentaire|heritage|succession|aide juridictionnelle|commissariat|(la|a la) police|police (judiciaire|municipale))',
  ],
  eng: [
    '((to|family|administrative|commercial|criminal|supreme|appeal) court|court (case|hearing|date|order|ruling)|complaint|lawyer*|attorney|criminal record|trial|judgment|bailiff|prosecutor)',
    '(notary|alimony|child support|inheritance|legal aid|(call the|to the|at the) police|police (station|officer|report))',
  ],
  arb: [
    '(المحكمه|المحاكم|شكايه|شكوي|المحامي|محامي|السجل العدلي|الحكم القضائي|المفوض القضائي|وكيل الملك)',
    '(النيابه العامه|العدول|العدل|الموثق|النفقه|الارث|التركه|المساعده القضائيه|الشرطه|الامن الوطني)',
  ],
  ary_Arab: [
    '(المحكمه|الشكايه|نشكي|ندير شكايه|المحامي|لافوكا|السجل العدلي|لاكازي|العدول|العدل|النفقه|الورث|البوليس|الكوميسارية)',
  ],
  ary_Latn: [
    '(lm7kama|ma7kama|lma7kama|tribunal|chkaya|chekaya|nchki|lmo7ami|mo7ami|avocat|lavoca|casier|l3doul|3doul)',
    '(l3adil|nafa9a|nnafa9a|lwarth|lwert|warth|heritage|lbolis|bolis|police|commissariat|lkomisarya)',
  ],
  zgh: ['(lmḥkama|lmḥkamt|tacckayt|cckaya|lmuḥami|lbulis|lwert)'],
};

const BUSINESS: Lexicon = {
  fra: [
    '(entreprise|societe|registre de commerce|registre du commerce|auto entrepreneur|cooperative)',
    '(centre regional d investissement|marches publics|appel* d offres|commercant|licence commerciale|patente)',
  ],
  eng: [
    '(company|business|commercial register|trade register|self employed|auto entrepreneur|cooperative)',
    '(regional investment (centre|center)|public procurement|call for tenders|shop licen*)',
  ],
  arb: [
    '(المقاوله|المقاولات|الشركه|انشاء مقاوله|السجل التجاري|المقاول الذاتي|التعاونيه|المركز الجهوي للاستثمار)',
    '(الصفقات العموميه|طلب العروض|طلبات العروض|التاجر|الرخصه التجاريه)',
  ],
  ary_Arab: ['(الشركه|السجل التجاري|لوطو انطروبرونور|التعاونيه|الكوبيراتيف|الحانوت|المحل التجاري)'],
  ary_Latn: [
    '(charika|chrika|registre de commerce|auto entrepreneur|lauto entrepreneur|ta3awniya|cooperative)',
    '(l7anout|7anout|sijil tijari)',
  ],
  zgh: ['(lḥanut|charika)'],
};

const TRANSPORT: Lexicon = {
  fra: [
    '(permis de conduire|carte grise|immatriculation|controle technique|visite technique|auto ecole)',
    '(contravention|amende de circulation|exces de vitesse|radar|transport public|transport scolaire)',
    '(accident de (la circulation|la route|voiture)|mutation de vehicule|vehicule|voiture)',
  ],
  eng: [
    '(driving licen*|driver s licen*|vehicle registration|registration card|technical inspection|driving school)',
    '(traffic (fine|ticket|offence|accident)|speeding|public transport|car accident|vehicle)',
  ],
  arb: [
    '(رخصه السياقه|البطاقه الرماديه|الفحص التقني|المراقبه التقنيه|مدرسه تعليم السياقه|السلامه الطرقيه)',
    '(مخالفه مروريه|المخالفات المروريه|الرادار|النقل العمومي|النقل المدرسي|حادثه سير|حادثه السير|السياره|المركبه)',
  ],
  ary_Arab: [
    '(البيرمي|لابيرمي|الكارط كريز|لاكارط كريز|الطوموبيل|الطونوبيل|الفيزيط|الرادار|نارسا|لوطوكول|الطوبيس|الطرام|الكسيده)',
  ],
  ary_Latn: [
    '(lpermis|permis dyal|permis dyali|birmi|lbirmi|carte grise|lcarte grise|tomobil|tonobil|tomobile|visite technique|lvisite)',
    '(radar|auto ecole|otokol|tobis|ttobis|tram|ttram|ksida|accident)',
  ],
  zgh: ['(lpirmi|lbirmi|ṭṭumubil|ṭumubil)'],
};

const AGRICULTURE: Lexicon = {
  fra: [
    '(agricult*|agricole*|exploitation agricole|irrigation|plan maroc vert|generation green)',
    '(betail|elevage|cheptel|semence*|engrais|secheresse|recolte*|fellah*|subvention agricole)',
  ],
  eng: [
    '(farm|farms|farmer*|farming|agricultur*|irrigation|livestock|seeds|fertilizer*|fertiliser*|drought|crop|crops|harvest)',
  ],
  arb: [
    '(الفلاحه|الفلاح|الفلاحين|الفلاحي|الري|الماشيه|المواشي|البذور|الاسمده|الجفاف|المحصول|المحاصيل)',
    '(المخطط الاخضر|الجيل الاخضر|المكتب الوطني للسلامه الصحيه)',
  ],
  ary_Arab: ['(الفلاحه|الفلاح|الكسيبه|البهايم|الغنم|الزريعه|السماد|الجفاف|الصابه|الارض الفلاحيه)'],
  ary_Latn: ['(fla7a|lfla7a|fella7|lfella7|ksiba|lksiba|bhayem|lbhayem|ghnem|zri3a|zzri3a|smad|jfaf)'],
  zgh: ['(tafllaḥt|afllaḥ|ifllaḥn|tayyuga|lfllaḥa)'],
};

const PERSONAL_DATA: Lexicon = {
  fra: [
    '(donnees personnelles|donnees a caractere personnel|protection des donnees|loi 09 08|vie privee)',
    'droit* (d acces|de rectification|d opposition|a l effacement)',
  ],
  eng: ['(personal data|personal information|data protection|privacy|right of access|rectification)'],
  arb: [
    '(المعطيات الشخصيه|المعطيات ذات الطابع الشخصي|حمايه المعطيات|اللجنه الوطنيه لمراقبه حمايه المعطيات)',
    '(القانون 09 08|الحق في الولوج|الحياه الخاصه|البيانات الشخصيه)',
  ],
  ary_Arab: ['(المعطيات ديالي|المعطيات الشخصيه|المعلومات الشخصيه|المعلومات ديالي|لاسي ان دي بي)'],
  ary_Latn: ['(mo3tayat|lmo3tayat|ma3lomat chakhsiya|lma3lomat dyali|donnees personnelles)'],
  zgh: ['(isfka|isfka nnk|isfka inu)'],
};

const ENVIRONMENT: Lexicon = {
  fra: [
    '(environnement|dechet|dechets|ordures|pollution|assainissement|recyclage|nuisance* sonore*|espace* vert*|decharge)',
  ],
  eng: [
    '(environment*|(household|solid|plastic|green|hazardous) waste|waste (collection|management|disposal)|garbage|rubbish|pollution|sanitation|sewage|recycling|noise complaint|green space*)',
  ],
  arb: ['(البيئه|النفايات|الازبال|التلوث|التطهير السائل|اعاده التدوير|الضجيج|المساحات الخضراء|المطرح)'],
  ary_Arab: ['(الزبل|الازبال|الزباله|التلوث|الواد الحار|الريحه|الضجيج|البيئه)'],
  ary_Latn: ['(zbel|zzbel|lazbal|zbala|talawot|pollution|lwad l7ar|dechets)'],
  zgh: ['(tawnnaḍt|izbln|zzbl)'],
};

const CULTURE: Lexicon = {
  fra: [
    '(le|au|du|un|les|des|aux) (musee|musees)',
    '(bibliotheque*|patrimoine|monument* historique*|maison de la culture|conservatoire|archives)',
    '(droit* d auteur|carte (professionnelle )?d artiste|ministere de la culture|subvention culturelle)',
  ],
  eng: [
    '(museum*|library|libraries|heritage|historic monument*|cultural (centre|center)|copyright|archives)',
  ],
  arb: ['(وزاره الثقافه|المتحف|المتاحف|المكتبه|الخزانه|التراث|دار الثقافه|حقوق المؤلف|بطاقه الفنان|الارشيف)'],
  ary_Arab: ['(المتحف|المكتبه|الخزانه|دار الثقافه|التراث|حقوق المؤلف)'],
  ary_Latn: ['(mat7af|lmat7af|maktaba|lmaktaba|khizana|dar taqafa|dar ta9afa|tourath)'],
  zgh: ['(tadlsa|tamkarḍit)'],
};

const UTILITIES: Lexicon = {
  fra: [
    '(eau potable|electricite|facture d (eau|electricite)|compteur (d eau|electrique|d electricite)|coupure d (eau|electricite))',
    '(lydec|redal|amendis|radeema|radeef)',
  ],
  eng: ['(water bill|electricity|power cut|water (supply|meter|cut)|meter reading)'],
  arb: [
    '(الماء الصالح للشرب|الكهرباء|فاتوره الماء|فاتوره الكهرباء|الربط بشبكه|انقطاع الماء|انقطاع الكهرباء)',
  ],
  ary_Arab: [
    '(الفاتوره|الفكتوره|الكونطور|العداد|مقطوع|مقطوعه|تقطع|قاطعين) (ديال |د|)(الما|الضو)',
    '(الما|الضو) (مقطوع|مقطوعه|تقطع|قاطعينو|قاطعين)',
    '(لاراديم|ليديك|ريضال|امانديس)',
  ],
  ary_Latn: [
    '(lfatura|lfactura|lkontor|compteur|m9tou3|m9to3a|t9ta3|9at3in) (dyal |d |)(lma|dow|ddow|dw)',
    '(lma|dow|ddow|dw) (m9tou3|m9to3a|t9ta3|9at3in|9at3ino)',
  ],
  zgh: ['(lfatura|lkuntur) (n |)(waman|aman|tafat|ttrisinti)'],
};

const CONSULAR_SERVICES: Lexicon = {
  fra: [
    '(consulat*|ambassade*|marocains (residant|resident|du monde)|operation marhaba|immatriculation consulaire|visa)',
  ],
  eng: ['(consulate*|embassy|embassies|moroccans (abroad|living abroad)|visa)'],
  arb: ['(القنصليه|القنصليات|السفاره|مغاربه العالم|المغاربه المقيمين بالخارج|التاشيره|الفيزا|عمليه مرحبا)'],
  ary_Arab: ['(القنصليه|الكونصوليا|السفاره|الفيزا|الفيزه|مغاربه العالم|الجاليه)'],
  ary_Latn: ['(consulat|qonsoliya|lqonsoliya|sifara|visa|lvisa|lfiza|jaliya)'],
  zgh: ['(lqunsulya|tamsmunt n imzdaɣ|lvisa)'],
};

const GENERAL_ADMINISTRATION: Lexicon = {
  fra: [
    '(la commune|ma commune|de la commune|a la commune|mairie|arrondissement|prefecture|province|wilaya|caidat|caid|moqadem|pachalik|guichet)',
    '(attestation|certificat administratif|formulaire|demarche* administrative*|dossier administratif|rendez vous)',
    '(idarati|chikaya|watiqa|service* en ligne|administration|service public|fonctionnaire)',
  ],
  eng: [
    '(municipality|town hall|city hall|prefecture|province|certificate|application form|appointment)',
    '(administration|public service*|online service*|civil servant|government office)',
  ],
  arb: [
    '(الجماعه|المقاطعه|العماله|الولايه|القياده|القائد|المقدم|الباشويه|الشباك|الاداره|الخدمات الالكترونيه)',
    '(شهاده اداريه|المطبوع|الاستماره|الوثائق|الملف الاداري|موعد|المرفق العمومي|الموظف)',
  ],
  ary_Arab: ['(الجماعه|المقاطعه|العماله|القياده|القايد|المقدم|الموظف|الاداره|الوراق|الاوراق|الملف|الشهاده)'],
  ary_Latn: [
    '(l9iyada|9iyada|l9ayd|9ayd|lmo9adem|mo9adem|mqeddem|l3amala|3amala|lmo9ata3a|idara|lidara)',
    '(lwra9|lawra9|wra9|dossier|lmalaf|chahada|attestation|formulaire|rendez vous|muwaddaf|fonctionnaire)',
  ],
  zgh: ['(tanbaḍt|tamnbaḍt|ajmaɛ|tajmaɛt|lwraq)'],
};

export const PUBLIC_SERVICE_LEXICON: Readonly<Record<PublicServiceTopic, Lexicon>> = {
  civil_status: CIVIL_STATUS,
  identity_documents: IDENTITY_DOCUMENTS,
  taxes: TAXES,
  social_protection: SOCIAL_PROTECTION,
  health: HEALTH,
  education: EDUCATION,
  employment: EMPLOYMENT,
  housing: HOUSING,
  justice: JUSTICE,
  business: BUSINESS,
  transport: TRANSPORT,
  agriculture: AGRICULTURE,
  personal_data: PERSONAL_DATA,
  environment: ENVIRONMENT,
  culture: CULTURE,
  utilities: UTILITIES,
  consular_services: CONSULAR_SERVICES,
  general_administration: GENERAL_ADMINISTRATION,
};

/**
 * Acronyms, matched as written (lower-cased, accents off) rather than spelling-folded: folded, CNSS would read as
 * "censé", CIN as "Chine", MRE as "mère", and "bac" as Darija's "bach" (so that).
 */
export const PUBLIC_SERVICE_ACRONYMS: Readonly<Partial<Record<PublicServiceTopic, readonly string[]>>> = {
  identity_documents: ['cin', 'cnie', 'lcin'],
  taxes: ['tva', 'dgi', 'vat'],
  social_protection: ['amo', 'lamo', 'ramed', 'cnss', 'cnops', 'rsu'],
  health: ['chu', 'samu'],
  education: ['bac', 'lbac', 'ofppt', 'onousc', 'encg', 'ensa', 'cpge', 'bts'],
  employment: ['anapec', 'smig', 'smag'],
  business: ['sarl'],
  transport: ['narsa', 'oncf'],
  agriculture: ['onssa', 'ormva'],
  personal_data: ['cndp', 'rgpd', 'gdpr'],
  culture: ['bmda'],
  utilities: ['onee'],
  consular_services: ['mre'],
};

// ----------------------------------------------------------------------------------------------------
// Off-purpose topics

const ENTERTAINMENT: Lexicon = {
  fra: [
    '(un|des|quel|quels|bon|bons|meilleur|meilleurs|nouveau|nouveaux|dernier|derniers) (film|films|dessin anime|dessins animes|album|clip) … (a regarder|regarder|netflix|a voir|ecouter|conseil*|recommand*|sorti|de la semaine|du moment|d action|d horreur|romantique*|comique*)',
    'serie* (turque*|netflix|tele|televisee*|americaine*|coreenne*|du ramadan)',
    '(recommande|conseille|propose|conseillez|recommandez|proposez) (moi |nous |)(un|une|des|quelques) (film|films|serie|series|chanson|chansons|album|albums|anime|animes|dessins animes|manga|mangas)',
    '(netflix|disney plus|shahid vip|celebrite*|telerealite|tele realite|star academy|box office)',
    '(acteur|actrice|chanteur|chanteuse|rappeur|rappeuse|influenceu*|youtubeu*|tiktokeu*) (prefere*|celebre*|marocain*|le plus|la plus)',
    '(qui est (le mari|la femme|le copain|la copine) de|avec qui sort) … (chanteu*|acteu*|actrice|star|rappeu*)',
    '(saad lamjarred|lamjarred|dounia batma|hatim ammor|taylor swift|beyonce|shakira|rihanna|kardashian*)',
    'paroles de (la )?chanson',
  ],
  eng: [
    '(a|any|some|good|best|new|latest|which) (movie*|film|films|tv show*|tv series|anime|album|song) (to watch|to stream|on netflix|to listen to|recommendation*|should i watch|should i listen)',
    '(recommend|suggest) (me |us |)(a|an|some|good) (movie*|film|films|tv show*|series|song|songs|album|albums|anime|manga)',
    '(netflix|celebrit*|reality tv|tv series|box office|hollywood|bollywood|oscars|grammys)',
    '(who is|who s) (dating|married to) … (singer|actor|actress|rapper|star|celebrity)',
    '(song lyrics|lyrics of)',
  ],
  arb: [
    '(افضل|احسن|اقترح|انصحني ب|رشح لي) … (فيلم|افلام|الافلام|مسلسل|مسلسلات|المسلسلات|اغنيه|اغاني)',
    '(نتفليكس|شاهد في اي بي|المشاهير|تلفزيون الواقع|مسلسل تركي|المسلسل التركي|شباك التذاكر)',
    '(زوج|زوجه|حبيب|حبيبه) (المغني|المغنيه|الممثل|الممثله|الفنان|الفنانه)',
    '(سعد لمجرد|دنيا باطما|حاتم عمور|تايلور سويفت|شاكيرا|بيونسي)',
    'كلمات (اغنيه|الاغنيه)',
  ],
  ary_Arab: [
    '(شي|شمن|اشمن|واحد ال) (فيلم|فيلمات|مسلسل|سيري|غنيه) … (نتفرج|نشوف|نسمع|مزيان|زوين|جديد)',
    '(عطيني|نصحني|قترح عليا|اقترح عليا) (شي )?(فيلم|فيلمات|مسلسل|سيري|غنيه|اغاني)',
    '(نتفليكس|المشاهير|المسلسل التركي|مسلسل تركي|السيري التركي|الفيلم الهندي)',
    '(مرات|راجل|صاحب|صاحبه) (المغني|المغنيه|الشيخه|الممثل|الممثله|الرابور)',
    '(سعد لمجرد|دنيا باطما|حاتم عمور|الشاب خالد|تايلور سويفت)',
  ],
  ary_Latn: [
    '(chi|chmen|achmen|wa7ed) (film|aflam|filmat|msalsal|mousalsal|serie|series|ghniya) … (ntfrj|ntfarej|nchouf|nsm3|nsma3|mzyan|zwin|jdid)',
    '(3tini|nse7ni|ns7ni|9tara7 3liya|i9tara7 3liya) (chi )?(film|aflam|filmat|msalsal|serie|series|ghniya|aghani)',
    '(netflix|lmacharir|lmachahir|mousalsal turki|msalsal turki|serie turque|film hindi)',
    '(mrat|rajel|sa7eb|sa7bat) (lmoghani|lmoghaniya|chikha|lmomatil|lmomatila|rapper)',
    '(saad lamjarred|lamjarred|dounia batma|hatim ammor|cheb khaled|taylor swift)',
  ],
  zgh: ['(asaru|isaruten|netflix|lflm|lfilm) … (ad zrɣ|ad snfldɣ|ifulkin|amaynu)'],
};

const SPORTS_RESULTS: Lexicon = {
  fra: [
    '(score|resultat|resultats|qui a gagne|qui a perdu|buteur|buteurs|compte rendu) (du|de|le|d hier|de ce soir) … (match|matchs|derby|classico)',
    '(match|matchs|derby|classico) (d hier|de hier|de ce soir|de demain|d aujourd hui|du week end) … (score|resultat*|gagne|perdu|qui|pronostic*|a quelle heure)',
    '(classement|resultats) (de la|du|de) (liga|premier league|botola|ligue 1|ligue des champions|serie a|bundesliga|coupe d afrique)',
    '(ballon d or|mercato|messi|cristiano ronaldo|mbappe|achraf hakimi|hakim ziyech|real madrid|fc barcelone|wydad|raja casablanca|raja club athletic)',
    'match de (foot|football|basket|tennis)',
  ],
  eng: [
    '(score|result|results|who won|who lost|scorer|scorers) (of |in |)(the|last night s|yesterday s|tonight s|today s) … (match|game|derby|clasico)',
    '(premier league|champions league|la liga|serie a|bundesliga|nba|afcon) (results|standings|table|score|scores|fixtures|winner)',
    '(ballon d or|transfer window|messi|cristiano ronaldo|mbappe|achraf hakimi|hakim ziyech|real madrid|fc barcelona|wydad|raja casablanca)',
    '(football|soccer|basketball|tennis) (match|game|score|results)',
  ],
  arb: [
    '(نتيجه|نتائج|اهداف) (مباراه|المباراه|مباريات) (كره القدم|الوداد|الرجاء البيضاوي|المنتخب|ريال مدريد|الديربي)',
    '(من فاز|من ربح|من خسر) … (الديربي|الكلاسيكو|مباراه كره القدم|مباراه الوداد|مباراه المنتخب)',
    '(ترتيب|نتائج) (الدوري الاسباني|الدوري الانجليزي|الدوري الايطالي|دوري ابطال اوروبا|دوري ابطال افريقيا|الليغا|البطوله الاحترافيه)',
    '(الكره الذهبيه|الانتقالات الصيفيه|ميسي|رونالدو|مبابي|اشرف حكيمي|حكيم زياش|ريال مدريد|الوداد البيضاوي|الرجاء البيضاوي)',
  ],
  ary_Arab: [
    '(شكون ربح|شكون خسر|شحال دارو|شحال جا|النتيجه ديال|شكون مارك|شكون سجل) … (الماتش|الديربي|الفينال|الكلاسيكو)',
    '(الماتش|الديربي|الكلاسيكو) (ديال البارح|ديال اليوم|ديال الليله|ديال غدا|البارح|اليوم|الليله)',
    '(البوطولا|ترتيب البطوله|الكوره ديال البارح)',
    '(ميسي|رونالدو|مبابي|اشرف حكيمي|حكيم زياش|البارصا|الوداد|الرجاء البيضاوي)',
  ],
  ary_Latn: [
    '(chkoun rbe7|chkoun rb7|chkoun khser|ch7al daro|ch7al ja|natija dyal|chkoun mark|chkoun marka|chkoun sejjel) … (lmatch|match|derby|final|lfinal|classico)',
    '(lmatch|match|derby|classico) (dyal lbare7|dyal lbar7|dyal lyoum|dyal lil|dyal ghda|lbare7|lbar7|lyoum)',
    '(botola|lbotola|lkoura|lkora|lkoora|tartib lbotola)',
    '(messi|ronaldo|mbappe|achraf hakimi|hakim ziyech|real madrid|barca|lbarca|wydad|lwydad)',
  ],
  zgh: ['(takurt|lmatch|botola|messi|ronaldo|wydad|barca)'],
};

const DISHES =
  'tajine|tagine|couscous|harira|pastilla|bastila|msemen|baghrir|gateau|gateaux|crepe|crepes|pizza|tarte|tartes|cake|chebakia|sellou|briouat|briouats|tiramisu|lasagne|lasagnes';

const COOKING: Lexicon = {
  fra: [
    `(recette|recettes) (de|du|d|des|pour) … (cuisine|poulet|soupe|salade|pain|${DISHES})`,
    '(une|ta|votre|ma|des|bonne|meilleure) (recette|recettes) (de|du|d|des|facile*|rapide*|marocaine*)',
    `(comment|je veux|j aimerais) … (cuisiner|preparer|faire cuire|faire) (un|une|le|la|les|des|du) (${DISHES})`,
    '(temps de cuisson|ingredients (pour|du|de la|de)|recette de cuisine|idee* de (repas|diner|dejeuner))',
  ],
  eng: [
    '(recipe|recipes) (for|of) (a|an|the|some|moroccan|homemade|traditional|chocolate|lemon|chicken|beef|lamb|vegetable|fish)',
    '(a|your|the best|easy|quick|moroccan) (recipe|recipes)',
    `(how (do i|to|can i)) (cook|bake|make|prepare) (a|an|the|some|moroccan) … (${DISHES}|pie|bread|pancakes|cookies|soup|chicken|dinner|lunch)`,
    '(cooking time|ingredients for|dinner ideas|meal ideas)',
  ],
  arb: [
    '(وصفه|وصفات|طريقه تحضير|طريقه عمل|كيفيه تحضير) (الطاجين|الكسكس|الحريره|البسطيله|الكعك|الكعكه|الحلويات|الحلوي|البيتزا|الخبز|الدجاج|الشوربه|السلطه|الكيك|المسمن|البغرير)',
    '(وصفات الطبخ|وصفه طبخ|مكونات (الطاجين|الكسكس|الكيك|الكعكه|الحريره)|افكار للعشاء|افكار للغداء)',
  ],
  ary_Arab: [
    '(كيفاش|كيف) (نطيب|نوجد|نصاوب|نعمل|طيب|توجد) (شي |واحد ال|)(طاجين|كسكسو|كسكس|حريره|بسطيله|مسمن|بغرير|حلوي|كيكه|كيك|بيتزا|خبز|شباكيه|سلو|بريوات)',
    '(شهيوات|الشهيوات|وصفه ديال (الطاجين|الكسكسو|الحريره|البسطيله|المسمن|البغرير|الحلوي|الكيكه))',
  ],
  ary_Latn: [
    `(kifach|kif) (ntyb|ntyeb|nwjd|nwejjed|nsawb|n3ml|tyeb|twjd) (chi |wa7ed |)(kesksou|khobz|7alwa|${DISHES})`,
    '(chhiwat|wasfa dyal|recette dyal)',
  ],
  zgh: ['(mamnk|mamek|mamk) … (ad ssnwɣ|ssnw) … (seksu|tajin|aɣrum|tagula|aḥrir)'],
};

const CREATIVE_WRITING: Lexicon = {
  fra: [
    '(ecris|ecrivez|ecrire|redige|redigez|rediger|compose|composez|invente|inventez|fais|faites|raconte|racontez|donne|donnez|dis|dites|cree|creez) (moi |nous |lui |)(un|une|des|quelques|petit|petite|joli|jolie) (petit |petite |joli |jolie |court |courte |)(poeme|poemes|poesie|histoire|histoires|conte|contes|chanson|chansons|blague|blagues|roman|haiku|rap|slam|sketch|devinette|devinettes|fable|lettre d amour)',
    '(raconte moi|raconte nous|dis moi|fais moi rire avec) (une|des|la) (blague|blagues|histoire drole|devinette)',
    '(une blague|des blagues|histoire drole|un poeme|poeme sur|poeme pour|petite histoire pour)',
  ],
  eng: [
    '(write|compose|make up|tell|give|create|invent) (me |us |him |her |)(a|an|some|the|one|another|short|funny|little) (short |funny |little |nice |)(poem|poems|poetry|story|stories|short story|song|joke|jokes|limerick|haiku|riddle|riddles|rap|lyrics|fairy tale|novel|fable|love letter|sonnet)',
    '(tell me a joke|a poem about|a story about|a bedtime story|a funny story)',
  ],
  arb: [
    '(اكتب|اكتبي|الف|احك|احكي|اعطني|قل لي|اروي|انظم) (لي |لنا |)(قصيده|قصائد|شعرا|بيتا شعريا|قصه|قصه قصيره|حكايه|نكته|نكت|اغنيه|روايه|خاطره|لغزا|رساله حب)',
    '(نكته مضحكه|قصيده عن|قصيده حول|قصه عن|قصه قبل النوم)',
  ],
  ary_Arab: [
    '(كتب|كتبلي|كتب ليا|كتبي ليا|عطيني|قول ليا|قوليا|حكي ليا|حكيلي|عاود ليا|دير ليا|ديرلي) (شي |واحد ال|)(قصيده|شعر|زجل|قصه|حكايه|حجايه|نكته|نكت|كونط|غنيه|راب|مسرحيه)',
    '(نكته|النكت|حجايه|زجل علي|قصيده علي|شي قصه علي)',
  ],
  ary_Latn: [
    '(kteb|ktebli|kteb liya|ktbli|3tini|3tina|goul liya|gouli|7ki liya|7kili|dir liya|dirli) (chi |wa7ed |wa7d |)(9asida|chi3r|zajal|9issa|9isa|7ikaya|7jaya|nokta|noukta|noukat|blague|conte|ghniya|rap|poeme|histoire)',
    '(nokta|noukta) (3la|dyal|mdh7a|td7ek)',
    '(noukat|blague|blagues|zajal 3la|9asida 3la)',
  ],
  zgh: [
    '(aru|ari|ini) … (tamdyazt|tmdyazt|tamedyazt|tanfust|tnfust|tinfusin|izli|tizlatin)',
    '(tamdyazt|tmdyazt|tanfust|tnfust) (ɣf|f|ɣef)',
  ],
};

const PROGRAMMING_LANGUAGES = 'python|javascript|typescript|java|php|sql|html|react|node|rust|golang';

const PROGRAMMING: Lexicon = {
  fra: [
    `(code|script|fonction|programme|algorithme|requete sql|classe) (en|avec) (${PROGRAMMING_LANGUAGES})`,
    '(python|javascript|typescript|php|html|reactjs|nodejs|stack overflow|code source|langage de programmation|debugger|debuguer)',
    '(ecris|ecrire|corrige|corriger|debug*|optimise*) (moi |)(ce|mon|un|une|le) (code|script|algorithme|bug|regex|requete sql)',
    'erreur de compilation',
  ],
  eng: [
    `(code|script|function|program|algorithm|sql query|class) in (${PROGRAMMING_LANGUAGES})`,
    '(python|javascript|typescript|php|html|nodejs|stack overflow|source code|programming language|regex|compile error|stack trace)',
    '(write|fix|debug|optimi*|refactor) (me |)(a|an|this|my|the|some) (code|script|function|algorithm|regex|sql query)',
  ],
  arb: [
    '(بايثون|جافا سكريبت|جافاسكريبت|لغات البرمجه|الكود البرمجي|كود برمجي|شيفره برمجيه)',
    '(اكتب|صحح|اشرح) (لي |)(كود|الكود|برنامج|خوارزميه|داله) (ب|بلغه|في) (بايثون|جافا|جافا سكريبت|البرمجه)',
  ],
  ary_Arab: ['(بايثون|جافا سكريبت|لغات البرمجه|الكود ديال بايثون|كود ب بايثون)'],
  ary_Latn: ['(python|javascript|code b python|code dyal python|html)'],
  zgh: ['(python|javascript)'],
};

const HOMEWORK: Lexicon = {
  fra: [
    '(resous|resoudre|resolvez|fais|faites|corrige|corrigez|donne moi la solution|donne moi la correction|la solution de|la correction de) (moi |)(cet|cette|ce|mon|ma|mes|l|les|un|une|le|la) (exercice|exercices|devoir|devoirs|equation|equations|probleme de maths|probleme de math|dissertation|expose|integrale|derivee)',
    '(mon|mes|ma) (devoir|devoirs|exercice|exercices|dissertation|expose) (de|d|en) (math|maths|mathematiques|physique|chimie|svt|francais|anglais|arabe|philo|philosophie|histoire geo|histoire geographie)',
    '(resous|resoudre|calcule|calculer) (l equation|l integrale|la derivee)',
  ],
  eng: [
    '(solve|do|finish|answer|complete|correct) (me |)(this|the|my|these) (equation|equations|exercise|exercises|homework|assignment|math problem|math problems|problem set|essay|worksheet)',
    '(do my homework|write my essay|homework (help|answers)|solve for x|calculate the integral|derivative of)',
  ],
  arb: [
    '(حل|حلل|اجب عن|صحح) (لي |)(هذا |هذه |)(التمرين|تمرين|التمارين|المعادله|معادله|الواجب المنزلي)',
    '(الواجب المنزلي|حل التمارين|حل المعادله|اكتب لي موضوع انشاء|موضوع انشائي)',
  ],
  ary_Arab: [
    '(حل|حلي|حل ليا|حليا|صحح ليا|دير ليا) (هاد |)(التمرين|تمرين|التمارين|المعادله|الدوفوار)',
    '(الدوفوار|التمرين ديال (الماط|الرياضيات|الفيزيك|الفرونسي|الانكليزيه))',
  ],
  ary_Latn: [
    '(7el|7ell|7el liya|7elliya|s7e7 liya|dir liya) (had |)(tamrin|ttamrin|exercice|lexercice|devoir|ddevoir|mo3adala|equation)',
    '(devoir dyal|exercice dyal|tamrin dyal) (math|maths|lmath|physique|lfizik|francais|anglais)',
  ],
  zgh: ['(ssfsr|fsr) … (amsuɣl|tamrint|lexercice|devoir)'],
};

const DATING: Lexicon = {
  fra: [
    '(site|sites|application|applications|appli|applis) de rencontre*',
    '(comment|conseils pour|conseil pour|astuces pour) (draguer|seduire|sortir avec|conquerir|plaire a) … (une|un|la|le|cette|ce) (fille|femme|garcon|homme|mec|meuf|collegue|voisine|voisin)',
    '(trouver|chercher) (une|un) (copine|copain|petite amie|petit ami|petite copine|celibataire|celibataires)',
    '(draguer|drague|seduction|(sur|sa|son|app|appli|application|profil) (tinder|badoo)|lettre d amour|est ce qu (elle|il) m aime|(elle|il) m aime t (il|elle))',
  ],
  eng: [
    '(dating|dating app*|dating site*|(on|my|her|his) (tinder|bumble|badoo)|pickup line*|pick up line*|love letter)',
    '(how (do i|to|can i)) (flirt|ask (her|him) out|get a (girlfriend|boyfriend)|make (her|him) (like|love) me|seduce)',
    '(find|get) (me |)(a|an) (girlfriend|boyfriend)',
    '(does (she|he) (like|love) me)',
  ],
  arb: [
    '(تطبيق تعارف|تطبيقات التعارف|مواقع التعارف|موقع تعارف|المواعده|رساله حب)',
    '(كيف) (اجعل|اجعلها|اجعله|اجذب|اغازل|اتعرف علي) (فتاه|امراه|شابا|رجلا|حبيبتي|حبيبي|تحبني|يحبني)',
    'هل (هي|هو) (تحبني|يحبني)',
  ],
  ary_Arab: [
    '(كيفاش|كيف) (نتعرف علي|نطيح|نجبد|نقصر مع) (شي |)(بنت|بنات|دري|دريه|راجل)',
    '(ندير باش تبغيني|نخليها تبغيني|نخليه يبغيني|واش كتبغيني|واش كيبغيني|سيت ديال التعارف|نلقي شي صاحبه|بغيت صاحبه|بغيت شي صاحبه)',
  ],
  ary_Latn: [
    '(kifach|kif) (nt3rf 3la|nt3arf 3la|nti7|njbed|n9ser m3a) (chi |)(bent|bnat|drri|drriya|rajel)',
    '(ndir bach tbghini|nkhliha tbghini|wach katbghini|wach kaybghini|f tinder|3la tinder|site de rencontre|nl9a chi sa7ba|bghit sa7ba|bghit chi sa7ba|draguer)',
  ],
  zgh: ['(is ad iyi tiri|is ad iyi iri)'],
};

const GAMBLING: Lexicon = {
  fra: [
    '(paris sportifs|pari sportif|parier (sur|de l argent)|site de paris|sites de paris|casino*|machine* a sous|poker|roulette|bookmaker*|1xbet|melbet|cote* (du|des) match*)',
    '(pronostic*|prono) (du|des|pour le|pour les|de ce soir|d aujourd hui) … (match|matchs|course|courses|tierce|quinte)',
    '(combine gagnant|mise gagnante|gagner au (loto|casino|poker))',
  ],
  eng: [
    '(sports betting|betting (tips|odds|site*)|bet on|place a bet|casino*|slot machine*|poker|roulette|bookmaker*|1xbet|melbet)',
    '(odds (for|on) (the|tonight|tomorrow)|winning (bet|combination)|predictions? for (the|tonight s|tomorrow s) (match|game))',
  ],
  arb: ['(المراهنه|المراهنات|الرهانات الرياضيه|القمار|الكازينو|البوكر|الروليت|ماكينات القمار)'],
  ary_Arab: ['(القمار|الكازينو|البوكر|المراهنه|نراهن|البارياج|البري سبورتيف|1xbet|وان اكس بيت|التيرسي)'],
  ary_Latn: ['(9mar|l9mar|qmar|casino|poker|1xbet|mrahna|nrahen|paris sportifs|pari sportif|pronostic)'],
  zgh: ['(l9mar|lqmar|casino|1xbet|poker)'],
};

const CRYPTO =
  'bitcoin|btc|crypto|cryptos|cryptomonnaie|cryptomonnaies|crypto monnaie|cryptocurrency|cryptocurrencies';

const INVESTMENT_TIPS: Lexicon = {
  fra: [
    `(${CRYPTO}|ethereum|dogecoin|binance|memecoin*|forex|trading|day trading)`,
    '(quelle|quelles|quel|quels) (action|actions|crypto|cryptos|titre|titres|valeur|valeurs) (acheter|vendre|choisir|investir)',
    `investir (en|dans|dans la|dans le|dans les) (bourse|actions|forex|${CRYPTO})`,
    '(cours de l action|cours du bitcoin|conseils? (en |de |d )(bourse|trading|investissement boursier))',
  ],
  eng: [
    `(${CRYPTO}|ethereum|dogecoin|binance|memecoin*|forex|day trading|trading)`,
    '(which|what) (stock|stocks|share|shares|coin|coins|crypto|cryptos) (to|should i|should we) (buy|sell|invest)',
    `(stock tip*|stock market tip*|invest (in|into) (stocks|the stock market|${CRYPTO})|price of bitcoin)`,
  ],
  arb: [
    '(بيتكوين|البيتكوين|العملات الرقميه|العملات المشفره|الكريبتو|العمله المشفره|الفوركس|التداول في (البورصه|الفوركس|العملات)|التداول اليومي)',
    '(اي|ما هي|ماهي) (الاسهم|اسهم|العملات) (التي|اللي) (اشتري|اشتريها|استثمر)',
    '(الاستثمار في البورصه|سوق الاسهم|اسهم البورصه|بورصه الدار البيضاء)',
  ],
  ary_Arab: ['(البيتكوين|بيتكوين|الكريبتو|الطريدينغ|التريدينغ|الفوركس|نستثمر فالبيتكوين|بينانس)'],
  ary_Latn: [
    '(bitcoin|btc|crypto|lcrypto|trading|ttrading|forex|binance|nstathmer f bitcoin|nstatmer f crypto)',
  ],
  zgh: ['(bitcoin|crypto|trading|forex)'],
};

const TRIVIA: Lexicon = {
  fra: [
    '(quelle est|c est quoi|donne moi|quelle etait) la capitale (de|du|des|d)',
    'qui a (invente|decouvert|peint|ecrit le livre|ecrit le roman)',
    '(quel est|c est quoi) (le plus (grand|haut|long|petit|rapide)|la plus (grande|haute|longue|petite|rapide)) … (du monde|de la terre|de l univers|des animaux)',
    '(culture generale|question de quiz|quiz|anecdote* (amusante*|insolite*)|le saviez vous)',
    '(distance entre la terre et|combien de (pattes|dents|os) (a|ont|chez))',
  ],
  eng: [
    '(what is|what s|what was|name) the capital (of|city of)',
    'who (invented|discovered|painted|composed|wrote the (book|novel))',
    '(what is|what s|which is) the (tallest|largest|biggest|longest|smallest|fastest|oldest) … (in the world|on earth|in the universe|animal|planet)',
    '(trivia|quiz me|quiz question*|fun fact*|general knowledge question*)',
    '(how far is the moon|distance (from|between) the earth and)',
  ],
  arb: [
    '(ما هي|ماهي|ما) عاصمه',
    '(من اخترع|من اكتشف|من رسم لوحه)',
    '(ما هو|ما هي|ماهو|ماهي) (اكبر|اطول|اصغر|اعلي|اسرع|اقدم) … (في العالم|علي الارض|في الكون)',
    '(ثقافه عامه|اسئله ثقافيه|سؤال ثقافي|معلومه غريبه|هل تعلم)',
  ],
  ary_Arab: [
    '(شنو هي|شنو|اشنو هي|اشمن) (العاصمه|عاصمه)',
    '(شكون اخترع|شكون اللي اخترع|شكون لي اخترع|شكون اكتشف|شكون لي اكتشف)',
    '(شنو هو|اشنو هو|شمن) (اكبر|اطول|اصغر|اعلي|اسرع) … (فالعالم|فالدنيا|فالكون)',
    '(الثقافه العامه|سؤال ديال الثقافه|كويز)',
  ],
  ary_Latn: [
    '(chno hiya|chno|achno hiya|achmen) (l3asima|3asima|l3asima dyal)',
    '(chkoun ikhtara3|chkoun khtare3|chkoun li khtare3|chkoun lli khtar3|chkoun li ktachf|chkoun ktachf)',
    '(chno howa|achno howa|chmen) (akbar|atwal|asghar|a3la|asra3) … (f l3alam|fl3alam|f dunya|fddonya)',
    '(ta9afa 3ama|culture generale|quiz)',
  ],
  zgh: ['(tamanaɣt n|mad ismn tamanaɣt)'],
};

export const OFF_PURPOSE_LEXICON: Readonly<Record<OffPurposeTopic, Lexicon>> = {
  entertainment: ENTERTAINMENT,
  sports_results: SPORTS_RESULTS,
  cooking: COOKING,
  creative_writing: CREATIVE_WRITING,
  programming: PROGRAMMING,
  homework: HOMEWORK,
  dating: DATING,
  gambling: GAMBLING,
  investment_tips: INVESTMENT_TIPS,
  trivia: TRIVIA,
};

/** Off-purpose topics that an assistant registered for this public-service topic serves (a tutoring assistant). */
export const OFF_PURPOSE_ACRONYMS: Readonly<Partial<Record<OffPurposeTopic, readonly string[]>>> = {
  programming: ['css', 'sql'],
  investment_tips: ['nft', 'nfts'],
};

export const SERVED_BY: Readonly<Partial<Record<OffPurposeTopic, PublicServiceTopic>>> = {
  homework: 'education',
};
