/**
 * Sentence templates for the synthetic data set: administrative requests (renewing a CIN, CNSS reimbursement, school
 * registration, bank transfer, vehicle registration, phone follow-up…) in French, Modern Standard Arabic, Darija in
 * Arabic script and Darija in Latin script (Arabizi).
 *
 * Placeholders: `{TYPE}` or `{TYPE:variant}` where TYPE is an entity type is labelled; `{S}` is a sensitive statement
 * whose bracketed part is labelled; the fillers `{AMOUNT} {YEAR} {TIME} {PERCENT} {LAW} {FILE} {DATE} {CITY}
 * {POSTAL} {QUARTER} {DIGITS9} {REFCODE} {QUANTITY} {RIB_BAD} {ICE_BAD} {CARD_BAD} {IBAN_BAD}` are never labelled (hard negatives).
 */
import type { Lang } from './values.js';

export type Templates = Readonly<Record<Lang, readonly string[]>>;

export const IDENTIFIER_TEMPLATES: Readonly<Record<string, Templates>> = {
  MA_CIN: {
    fr: [
      'Bonjour, je souhaite renouveler ma CIN {MA_CIN} qui expire le mois prochain.',
      'Mon numéro de carte nationale est {MA_CIN}, merci de vérifier mon dossier.',
      'Pour la légalisation de signature, voici ma CNIE : {MA_CIN}.',
      "J'ai perdu ma carte d'identité n° {MA_CIN}, que dois-je faire ?",
      'CIN : {MA_CIN} — demande de duplicata déposée le {DATE} à {CITY}.',
      'Le titulaire de la CIN {MA_CIN} demande un certificat de résidence.',
      'Voici mon identifiant {MA_CIN:compact} pour le formulaire en ligne.',
      "Ma pièce d'identité ({MA_CIN}) a été refusée au guichet, le timbre de {AMOUNT} est payé.",
      'CIN:{MA_CIN} / date de délivrance {DATE}',
      'Les CIN des deux parents : {MA_CIN} et {MA_CIN}.',
    ],
    ar: [
      'أرغب في تجديد بطاقتي الوطنية رقم {MA_CIN} قبل انتهاء صلاحيتها.',
      'رقم البطاقة الوطنية للتعريف: {MA_CIN}',
      'فقدت بطاقة التعريف الوطنية ذات الرقم {MA_CIN}، ما هي الإجراءات؟',
      'يرجى تحديث ملفي، رقم ب.ت.و {MA_CIN}.',
      'صاحب البطاقة الوطنية {MA_CIN} يطلب شهادة السكنى.',
    ],
    'ary-Arab': [
      'بغيت نجدد لاكارط ديالي، الرقم ديالها {MA_CIN}',
      'ضاعت ليا البطاقة الوطنية {MA_CIN} شنو ندير؟',
      'هادي لاكارط ناسيونال ديالي {MA_CIN} عافاك شوف ليا الملف',
      'البطاقة ديالي {MA_CIN} سالات، فوقاش نقدر نمشي للمقاطعة؟',
    ],
    'ary-Latn': [
      'salam, bghit njded la carte nationale dyali {MA_CIN}',
      'ra9m lakarta dyali howa {MA_CIN}',
      'tlefat lia lcin {MA_CIN} chno ndir?',
      'cin dyali {MA_CIN} wach sala? khlsst {AMOUNT} f tanbr',
    ],
  },
  MA_PHONE: {
    fr: [
      'Vous pouvez me joindre au {MA_PHONE} pour le suivi de ma demande.',
      'Mon numéro de téléphone : {MA_PHONE}.',
      'Merci de rappeler ma mère au {MA_PHONE} après {TIME}.',
      'Tél. {MA_PHONE} / e-mail {EMAIL}',
      "J'ai appelé le {MA_PHONE} trois fois sans réponse depuis le {DATE}.",
      'Contact : {PERSON}, {MA_PHONE}',
      'Mon portable a changé, le nouveau est le {MA_PHONE}.',
    ],
    ar: [
      'يمكنكم الاتصال بي على الرقم {MA_PHONE} لتتبع طلبي.',
      'رقم الهاتف: {MA_PHONE}',
      'المرجو الاتصال بالسيد {PERSON:m} على {MA_PHONE}.',
      'غيرت رقم هاتفي المحمول، الرقم الجديد هو {MA_PHONE}',
    ],
    'ary-Arab': [
      'عيطو ليا على {MA_PHONE} ملي يوجد الملف',
      'النمرة ديالي هي {MA_PHONE}',
      'صيفط ليا ميساج ف الواتساب {MA_PHONE}',
      'تلفون ديال الواليدة {MA_PHONE} عيطو ليها من بعد {TIME}',
    ],
    'ary-Latn': [
      '3ayto lia 3la {MA_PHONE} mli ykon lmilaf wajd',
      'nmra dyali {MA_PHONE}',
      'sift lia f whatsapp {MA_PHONE} 3afak',
      'ana {PERSON:given}, tilifoun dyali {MA_PHONE}',
    ],
  },
  MA_RIB: {
    fr: [
      'Voici mon RIB pour le virement de la bourse : {MA_RIB}.',
      'Merci de verser le remboursement CNSS sur le compte {MA_RIB}.',
      'RIB : {MA_RIB} (Banque Populaire, agence de {CITY})',
      'Le virement de {AMOUNT} a été fait vers le RIB {MA_RIB} le {DATE}.',
      'Mon relevé d’identité bancaire est le suivant {MA_RIB}',
    ],
    ar: [
      'رقم الحساب البنكي (RIB): {MA_RIB}',
      'المرجو تحويل المنحة إلى الحساب {MA_RIB}.',
      'تم تحويل مبلغ {AMOUNT} إلى رقم الحساب {MA_RIB}',
    ],
    'ary-Arab': [
      'هاهو الريب ديالي {MA_RIB} صيفطو ليا فيه الفلوس',
      'الحساب ديالي ف البنكا {MA_RIB}',
      'حولو ليا {AMOUNT} ل {MA_RIB}',
    ],
    'ary-Latn': [
      'hahowa rib dyali {MA_RIB} siftou fih lflous',
      'l compte dyali {MA_RIB}, 3afak dir lvirement',
      '7wlo lia {AMOUNT} l {MA_RIB}',
    ],
  },
  IBAN: {
    fr: [
      'IBAN : {IBAN}',
      "Pour un virement international, utilisez l'IBAN {IBAN}.",
      'Mon fils étudie à l’étranger, son IBAN est {IBAN:foreign}.',
      'Le remboursement de {AMOUNT} doit être versé sur {IBAN}.',
    ],
    ar: [
      'رقم الآيبان: {IBAN}',
      'المرجو التحويل إلى الحساب الدولي {IBAN}',
      'حساب ابني في الخارج: {IBAN:foreign}',
    ],
    'ary-Arab': ['الإيبان ديالي هو {IBAN}', 'صيفطو الفلوس ل هاد الحساب {IBAN}'],
    'ary-Latn': [
      'iban dyali {IBAN}',
      "sift lflous l had l'IBAN {IBAN}",
      'compte dyal weldi f l5arij {IBAN:foreign}',
    ],
  },
  MA_CNSS: {
    fr: [
      "Mon numéro d'immatriculation CNSS est {MA_CNSS}, je n'ai pas reçu le remboursement de {AMOUNT}.",
      'Affilié CNSS n° {MA_CNSS}, dossier maladie déposé le {DATE}.',
      'Je voudrais vérifier mes jours déclarés à la CNSS : {MA_CNSS}.',
      'Numéro AMO / CNSS : {MA_CNSS}',
    ],
    ar: [
      'رقم التسجيل في الضمان الاجتماعي: {MA_CNSS}',
      'أنا منخرط في الصندوق الوطني للضمان الاجتماعي تحت رقم {MA_CNSS}',
      'لم أتوصل بتعويض ملف المرض، رقم الانخراط {MA_CNSS}',
    ],
    'ary-Arab': ['رقم الضمان الاجتماعي ديالي {MA_CNSS} ومازال ماتخلصتش', 'الرقم ديال CNSS ديالي {MA_CNSS}'],
    'ary-Latn': [
      'ra9m cnss dyali {MA_CNSS} w mazal ma tkhlst',
      'damane dyali {MA_CNSS}, bghit n3rf wach sarhou lia',
    ],
  },
  MA_MASSAR: {
    fr: [
      'Code Massar de mon fils : {MA_MASSAR}',
      'Je souhaite inscrire ma fille au collège, son code Massar est {MA_MASSAR}.',
      "L'élève {PERSON:given} ({MA_MASSAR}) n'apparaît pas sur la liste.",
      'Identifiant Massar {MA_MASSAR}, inscription pour {YEAR}.',
    ],
    ar: ['رمز مسار الخاص بابني هو {MA_MASSAR}', 'التلميذة {PERSON:f}، رقم مسار {MA_MASSAR}'],
    'ary-Arab': ['الكود ديال مسار ديال ولدي {MA_MASSAR}', 'رقم مسار ديال بنتي {MA_MASSAR} ما بغاش يدخل'],
    'ary-Latn': ['code massar dyal bnti {MA_MASSAR}', 'massar dyali {MA_MASSAR} ma bghach ydkhol'],
  },
  MA_ICE: {
    fr: [
      'ICE : {MA_ICE}',
      'Notre société, ICE {MA_ICE}, a déposé la facture n° {FILE}.',
      "Identifiant commun de l'entreprise : {MA_ICE}",
    ],
    ar: ['المعرف الموحد للمقاولة: {MA_ICE}', 'رقم التعريف الموحد للشركة {MA_ICE}'],
    'ary-Arab': ['ICE ديال الشركة {MA_ICE}'],
    'ary-Latn': ["l'ICE dyal charika {MA_ICE}", 'ICE dyalna {MA_ICE}'],
  },
  MA_PASSPORT: {
    fr: [
      'Mon passeport n° {MA_PASSPORT} expire en {YEAR}.',
      'Pour le visa, numéro de passeport : {MA_PASSPORT}.',
    ],
    ar: ['رقم جواز السفر: {MA_PASSPORT}', 'أرغب في تجديد جواز سفري رقم {MA_PASSPORT}'],
    'ary-Arab': ['الباسبور ديالي {MA_PASSPORT} سالا'],
    'ary-Latn': ['passport dyali {MA_PASSPORT} sala, bghit njddo', 'ra9m lbasbor {MA_PASSPORT}'],
  },
  MA_PLATE: {
    fr: [
      'Ma voiture immatriculée {MA_PLATE} a été enlevée par la fourrière.',
      'Demande de carte grise pour le véhicule {MA_PLATE}.',
      "J'ai reçu une amende de {AMOUNT} pour la plaque {MA_PLATE}.",
    ],
    ar: ['سيارتي تحمل لوحة الترقيم {MA_PLATE}', 'المرجو تحويل ملكية السيارة رقم {MA_PLATE}'],
    'ary-Arab': ['الطوموبيل ديالي {MA_PLATE} داتها الفوريان', 'الماتريكول ديال الطوموبيل {MA_PLATE}'],
    'ary-Latn': ['tomobil dyali {MA_PLATE} dathom la fourrière', 'lmatricule dyal sayara {MA_PLATE}'],
  },
  PAYMENT_CARD: {
    fr: [
      'Ma carte bancaire {PAYMENT_CARD} a été débitée deux fois de {AMOUNT}.',
      "J'ai payé les frais avec la carte {PAYMENT_CARD}.",
      'Numéro de carte : {PAYMENT_CARD}',
    ],
    ar: ['تم اقتطاع {AMOUNT} مرتين من بطاقتي البنكية {PAYMENT_CARD}', 'رقم البطاقة البنكية: {PAYMENT_CARD}'],
    'ary-Arab': ['لاكارط ديال البنكا {PAYMENT_CARD} تقطعو منها جوج مرات'],
    'ary-Latn': ['lcarte guichet dyali {PAYMENT_CARD} t9t3o menha {AMOUNT} jouj mrat'],
  },
  EMAIL: {
    fr: ["Envoyez la réponse à {EMAIL} s'il vous plaît.", 'Mon adresse e-mail : {EMAIL}'],
    ar: ['البريد الإلكتروني: {EMAIL}', 'المرجو مراسلتي على {EMAIL}'],
    'ary-Arab': ['صيفطو ليا الجواب ف الإيميل {EMAIL}'],
    'ary-Latn': ['sifto lia ljawab f email {EMAIL}', 'email dyali howa {EMAIL}'],
  },
  IP_ADDRESS: {
    fr: [
      'Mon adresse IP {IP_ADDRESS} est bloquée sur le portail.',
      'Connexion refusée depuis {IP_ADDRESS} à {TIME}.',
    ],
    ar: ['تم حظر عنوان IP الخاص بي {IP_ADDRESS}'],
    'ary-Arab': ['الأيبي ديالي {IP_ADDRESS} تبلوكا ف البوابة'],
    'ary-Latn': ["l'IP dyali {IP_ADDRESS} tbloka f site"],
  },
  DATE_OF_BIRTH: {
    fr: [
      'Je suis né le {DATE_OF_BIRTH} à {CITY}.',
      "Ma fille, née le {DATE_OF_BIRTH}, doit s'inscrire en première année.",
      'Date de naissance : {DATE_OF_BIRTH}',
      'Mon père, né le {DATE_OF_BIRTH}, demande sa pension.',
    ],
    ar: [
      'تاريخ الازدياد: {DATE_OF_BIRTH}',
      'المزداد بتاريخ {DATE_OF_BIRTH} ب{CITY}',
      'ولدت في {DATE_OF_BIRTH} وأرغب في نسخة من عقد الازدياد',
    ],
    'ary-Arab': ['أنا مزداد ف {DATE_OF_BIRTH}', 'تزاديت نهار {DATE_OF_BIRTH} ف {CITY}'],
    'ary-Latn': ['ana mzyad f {DATE_OF_BIRTH}', 'tzadit nhar {DATE_OF_BIRTH} f {CITY}'],
  },
  PERSON: {
    fr: [
      "Bonjour, je m'appelle {PERSON} et je voudrais un extrait d'acte de naissance.",
      'M. {PERSON:m} demande un certificat de résidence.',
      'Mme {PERSON:f} a déposé sa demande le {DATE}.',
      "Je suis {PERSON}, parent d'élève.",
      'Le dossier de Monsieur {PERSON:m} est incomplet.',
      'Nom et prénom : {PERSON:admin}',
      'Madame {PERSON:f} attend une réponse depuis {YEAR}.',
    ],
    ar: [
      'اسمي {PERSON} وأرغب في الحصول على نسخة من عقد الازدياد.',
      'السيد {PERSON:m} يطلب شهادة السكنى.',
      'السيدة {PERSON:f} وضعت طلبها يوم {DATE}.',
      'الاسم الكامل: {PERSON}',
    ],
    'ary-Arab': [
      'سميتي {PERSON} وبغيت نسخة من عقد الازدياد',
      'أنا {PERSON}، بغيت نعرف فين وصل الملف ديالي',
      'السي {PERSON:m} قال ليا نجي غدا',
    ],
    'ary-Latn': [
      'salam, smiti {PERSON} w bghit n3rf fin wsel dossier dyali',
      'ana {PERSON}, bghit chahadat sokna',
      'si {PERSON:m} galia nji ghda',
      'smiti {PERSON:given}',
    ],
  },
  FORM: {
    fr: [
      "Je soussigné M. {PERSON:m}, titulaire de la CIN n° {MA_CIN}, né le {DATE_OF_BIRTH} à {CITY}, demeurant au {ADDRESS}, sollicite la délivrance d'un certificat de résidence.",
      'Nom : {PERSON:admin}\nCIN : {MA_CIN}\nTél : {MA_PHONE}\nE-mail : {EMAIL}',
      'Je soussignée Mme {PERSON:f}, CNIE {MA_CIN}, affiliée CNSS sous le n° {MA_CNSS}, demande le remboursement de {AMOUNT} sur mon RIB {MA_RIB}.',
      'Parent : {PERSON}, tél. {MA_PHONE} — élève : code Massar {MA_MASSAR}, né le {DATE_OF_BIRTH}.',
      'Société : ICE {MA_ICE}, RIB {MA_RIB}, gérant {PERSON:m} (CIN {MA_CIN}), facture {FILE} du {DATE}.',
    ],
    ar: [
      'أنا الموقع أسفله السيد {PERSON:m}، الحامل للبطاقة الوطنية رقم {MA_CIN}، المزداد بتاريخ {DATE_OF_BIRTH} ب{CITY}، الساكن ب{ADDRESS}، ألتمس منكم تسليمي شهادة السكنى.',
      'الاسم: {PERSON}\nرقم البطاقة الوطنية: {MA_CIN}\nالهاتف: {MA_PHONE}',
      'السيدة {PERSON:f}، رقم الانخراط في الضمان الاجتماعي {MA_CNSS}، رقم الحساب {MA_RIB}',
    ],
    'ary-Arab': [
      'سميتي {PERSON}، لاكارط ديالي {MA_CIN}، النمرة ديالي {MA_PHONE}، ساكن ف {ADDRESS}',
      'ولدي {PERSON:given} مزداد ف {DATE_OF_BIRTH}، رقم مسار ديالو {MA_MASSAR}',
    ],
    'ary-Latn': [
      'smiti {PERSON}, cin dyali {MA_CIN}, nmra dyali {MA_PHONE}',
      'weldi {PERSON:given} mzyad f {DATE_OF_BIRTH}, code massar dyalo {MA_MASSAR}',
      'salam, ana {PERSON}, rib dyali {MA_RIB} w cnss {MA_CNSS}',
    ],
  },
  ADDRESS: {
    fr: [
      "J'habite au {ADDRESS}.",
      'Adresse : {ADDRESS}',
      "Merci d'envoyer le courrier à {ADDRESS}.",
      "Je demande un certificat de résidence pour l'adresse {ADDRESS}.",
    ],
    ar: ['أسكن في {ADDRESS}', 'العنوان: {ADDRESS}'],
    'ary-Arab': ['ساكن ف {ADDRESS}', 'العنوان ديالي {ADDRESS}'],
    'ary-Latn': ['sakn f {ADDRESS}', 'l3onwan dyali {ADDRESS}'],
  },
};

/** Frames for the sensitive statements: `{S}` is the statement. */
export const SENSITIVE_FRAMES: Templates = {
  fr: [
    '{S}, est-ce que cela change mes droits ?',
    'Bonjour, {S} et je voudrais savoir quels documents fournir.',
    'Je vous écris car {S}.',
  ],
  ar: ['{S}، فهل يؤثر ذلك على ملفي؟', 'مرحبا، {S} وأود معرفة الوثائق المطلوبة.'],
  'ary-Arab': ['{S}، واش هادشي كيأثر على الملف ديالي؟', 'السلام، {S} وبغيت نعرف شنو خاصني'],
  'ary-Latn': ['{S}, wach hadchi ghadi yassar 3la dossier dyali?', 'salam, {S} w bghit n3rf chno khasni'],
};

/** First-person statements; the bracketed part is the labelled span. */
export const SENSITIVE_STATEMENTS: Readonly<Record<string, Templates>> = {
  SENSITIVE_HEALTH: {
    fr: [
      'je suis [diabétique]',
      "j'ai [un cancer du sein]",
      'je suis [séropositif]',
      'je suis suivi pour [une dépression]',
      'je suis [en dialyse] trois fois par semaine',
      "je souffre [d'asthme chronique]",
      'mon test génétique a révélé [une mucoviscidose]',
    ],
    ar: [
      'أنا [مصاب بداء السكري]',
      'أعاني من [مرض السرطان]',
      'أنا [مصاب بفيروس نقص المناعة]',
      'أتابع علاجا [للاكتئاب]',
      'أخضع [لتصفية الكلي] ثلاث مرات في الأسبوع',
    ],
    'ary-Arab': ['عندي [السكر]', 'أنا [مريض بالكونصير]', 'كندير [الدياليز]', 'عندي [الضغط]'],
    'ary-Latn': ['3ndi [sokkar]', 'ana [mrid b lcancer]', 'kandir [dialyse]', '3ndi [tension]'],
  },
  SENSITIVE_ETHNIC_ORIGIN: {
    fr: [
      "je suis [d'origine amazighe]",
      "je suis [d'origine subsaharienne]",
      "ma famille est [d'origine sahraouie]",
    ],
    ar: ['أنا [من أصل أمازيغي]', 'أنا [من أصول إفريقية جنوب الصحراء]', 'عائلتي [من أصل صحراوي]'],
    'ary-Arab': ['أنا [أمازيغي]', 'أنا [شلح]', 'أنا [ريفي]'],
    'ary-Latn': ['ana [amazighi]', 'ana [chel7]', 'ana [men asl afri9i]'],
  },
  SENSITIVE_POLITICAL: {
    fr: [
      'je suis [membre du PJD]',
      'je suis [militant au RNI]',
      "j'ai voté [pour l'USFP]",
      "je suis [adhérent au Parti de l'Istiqlal]",
    ],
    ar: [
      'أنا [عضو في حزب الاستقلال]',
      'أنا [مناضل في حزب العدالة والتنمية]',
      'صوتت [لصالح حزب الأصالة والمعاصرة]',
    ],
    'ary-Arab': ['أنا [منخرط ف حزب الاستقلال]', 'كنصوت [على البام]'],
    'ary-Latn': ['ana [mnkhart f PJD]', "kansawt [3la l'istiqlal]", "ana [militant f l'USFP]"],
  },
  SENSITIVE_RELIGION: {
    fr: [
      'je suis [chrétien]',
      'je me suis [converti au christianisme]',
      'je suis [athée]',
      'je suis [de confession juive]',
    ],
    ar: ['أنا [مسيحي]', '[اعتنقت المسيحية]', 'أنا [ملحد]', 'أنا [يهودي الديانة]'],
    'ary-Arab': ['أنا [مسيحية]', 'أنا [شيعي]', '[تنصرت] هادي عامين'],
    'ary-Latn': ['ana [msi7i]', 'ana [mol7id]', 'ana [chi3i]'],
  },
  SENSITIVE_UNION: {
    fr: ["je suis [syndiqué à l'UMT]", 'je suis [membre de la CDT]', 'je suis [délégué syndical]'],
    ar: [
      'أنا [عضو في الاتحاد المغربي للشغل]',
      'أنا [منخرط في الكونفدرالية الديمقراطية للشغل]',
      'أنا [مندوب نقابي]',
    ],
    'ary-Arab': ['أنا [منخرط ف النقابة]', 'أنا [مندوب ديال النقابة]'],
    'ary-Latn': ['ana [mnkhart f nnaqaba]', "ana [f l'UMT]", 'ana [délégué syndical]'],
  },
  SENSITIVE_SEX_LIFE: {
    fr: ['je suis [homosexuel]', 'je suis [bisexuelle]', "j'ai [une relation hors mariage]"],
    ar: ['أنا [مثلي الجنس]', 'لدي [علاقة خارج إطار الزواج]'],
    'ary-Arab': ['أنا [مثلي]', 'عندي [علاقة برا الزواج]'],
    'ary-Latn': ['ana [mithli]', '3ndi [3ala9a bla zwaj]'],
  },
  SENSITIVE_CRIMINAL: {
    fr: [
      "j'ai été [condamné à deux ans de prison pour vol]",
      "j'ai [un casier judiciaire]",
      "j'ai fait [six mois de prison]",
      'je suis [poursuivi pour escroquerie]',
    ],
    ar: ['[حكم علي بسنتين سجنا بتهمة السرقة]', 'لدي [سوابق عدلية]', '[قضيت ستة أشهر في السجن]'],
    'ary-Arab': ['عندي [السوابق]', '[دخلت للحبس عام]', '[تشديت ف قضية ديال الشفرة]'],
    'ary-Latn': ['3ndi [sawabi9]', '[dkhlt l7bs 3am]', '[tchdit f 9adiya dyal chfra]'],
  },
};

/** Hard negatives: sentences with numbers that are not personal data. Nothing in them is labelled. */
export const NEGATIVE_TEMPLATES: Readonly<Record<string, Templates>> = {
  amount: {
    fr: [
      "Les frais s'élèvent à {AMOUNT}.",
      "J'ai payé {AMOUNT} pour le timbre fiscal.",
      'Le loyer est de {AMOUNT} par mois, charges comprises.',
      "L'amende de {AMOUNT} a été réglée à la perception.",
    ],
    ar: ['المبلغ المطلوب هو {AMOUNT}', 'أديت {AMOUNT} كرسوم للتسجيل', 'واجب الكراء {AMOUNT} في الشهر'],
    'ary-Arab': ['خلصت {AMOUNT} ف التنبر', 'الكرا ب {AMOUNT} ف الشهر'],
    'ary-Latn': ['khllst {AMOUNT} f tanbr', 'lkra b {AMOUNT} f chhar'],
  },
  year: {
    fr: [
      'Je réside à {CITY} depuis {YEAR}.',
      'Le diplôme a été obtenu en {YEAR}.',
      'Promotion {YEAR}, filière informatique.',
    ],
    ar: ['أقيم في {CITY} منذ سنة {YEAR}', 'حصلت على الشهادة سنة {YEAR}'],
    'ary-Arab': ['ساكن ف {CITY} من {YEAR}'],
    'ary-Latn': ['sakn f {CITY} mn {YEAR}', 'khdit diplome f {YEAR}'],
  },
  time: {
    fr: ['Le guichet ouvre à {TIME} et ferme à {TIME}.', 'Rendez-vous confirmé à {TIME}.'],
    ar: ['يفتح الشباك على الساعة {TIME} ويغلق على الساعة {TIME}'],
    'ary-Arab': ['الشباك كيحل ف {TIME}'],
    'ary-Latn': ['lguichet kay7al m3a {TIME}'],
  },
  percent: {
    fr: ['Une remise de {PERCENT} est appliquée aux étudiants.', 'Le taux de réussite est de {PERCENT}.'],
    ar: ['نسبة النجاح بلغت {PERCENT}', 'تخفيض بنسبة {PERCENT} للطلبة'],
    'ary-Arab': ['دارو تخفيض ديال {PERCENT}'],
    'ary-Latn': ['darou takhfid dyal {PERCENT}'],
  },
  law: {
    fr: [
      'Conformément à la {LAW}, vous disposez d’un droit d’accès.',
      'Selon la {LAW} et le {LAW}, la demande est recevable.',
      'Voir {LAW}, publié au BO.',
      'En application du {LAW}, le délai est de 10 jours.',
    ],
    ar: ['طبقا لمقتضيات {LAW}، يحق لكم الولوج إلى معطياتكم', 'حسب {LAW} فإن الطلب مقبول', 'انظر {LAW}'],
    'ary-Arab': ['على حساب {LAW} عندك الحق تطلب المعلومات'],
    'ary-Latn': ['3la 7ssab {LAW} 3ndk l7a9 tchof dossier dyalk'],
  },
  file: {
    fr: [
      'Dossier n° {FILE} en cours de traitement.',
      'Votre facture n° {FILE} est disponible.',
      'Référence de la demande : {FILE}',
      'Numéro de facture {DIGITS9}, échéance le {DATE}.',
    ],
    ar: ['ملف عدد {FILE} قيد المعالجة', 'رقم الفاتورة {FILE}', 'مرجع الطلب: {FILE}'],
    'ary-Arab': ['الدوسي نمرة {FILE} مازال ماتسالاش'],
    'ary-Latn': ['dossier ra9m {FILE} mazal ma tsala', 'lfatura {FILE} wslatni'],
  },
  'invalid-checksum': {
    fr: [
      'Exemple de RIB erroné : {RIB_BAD}',
      'ICE {ICE_BAD} (clé invalide)',
      'Carte {CARD_BAD} refusée : numéro invalide.',
      'IBAN mal saisi : {IBAN_BAD}',
      'Le numéro {RIB_BAD} a été rejeté par la banque.',
    ],
    ar: ['رقم الحساب {RIB_BAD} غير صحيح', 'المعرف الموحد {ICE_BAD} خاطئ', 'البطاقة {CARD_BAD} مرفوضة'],
    'ary-Arab': ['الريب {RIB_BAD} غالط', 'لاكارط {CARD_BAD} ما دازتش'],
    'ary-Latn': ['rib {RIB_BAD} ghalet', 'lcarte {CARD_BAD} ma dazatch'],
  },
  'digits-no-context': {
    fr: [
      'Le code de suivi {DIGITS9} ne fonctionne pas.',
      'Colis {DIGITS9} livré le {DATE}.',
      'Lot {DIGITS9}, quantité 12.',
    ],
    ar: ['رمز التتبع {DIGITS9} لا يعمل', 'الطرد {DIGITS9} وصل يوم {DATE}'],
    'ary-Arab': ['الكود {DIGITS9} ما خدامش'],
    'ary-Latn': ['lcode {DIGITS9} ma khdamch'],
  },
  'postal-code': {
    fr: ['Le code postal de {QUARTER} est {POSTAL}.', 'Les codes postaux de {CITY} commencent par {POSTAL}.'],
    ar: ['الرمز البريدي لمدينة {CITY} هو {POSTAL}'],
    'ary-Arab': ['الكود البوسطال ديال {CITY} {POSTAL}'],
    'ary-Latn': ['code postal dyal {CITY} howa {POSTAL}'],
  },
  'date-no-birth': {
    fr: [
      'Mon rendez-vous est le {DATE} à {TIME}.',
      'La demande a été déposée le {DATE}.',
      'Date limite : {DATE}.',
    ],
    ar: ['الموعد يوم {DATE} على الساعة {TIME}', 'تم إيداع الطلب بتاريخ {DATE}'],
    'ary-Arab': ['الموعد ديالي نهار {DATE}'],
    'ary-Latn': ['lmaw3id dyali nhar {DATE}'],
  },
  'reference-code': {
    fr: [
      'Réf. article {REFCODE}, livré le {DATE}.',
      'Numéro de commande {REFCODE}',
      'Votre ticket {REFCODE} a été clôturé.',
    ],
    ar: ['مرجع الطلبية {REFCODE}', 'رقم الفاتورة {REFCODE}'],
    'ary-Arab': ['الطلبية ديالي {REFCODE} ما وصلاتش'],
    'ary-Latn': ['commande dyali {REFCODE} ma wslatch', 'ref {REFCODE} dyal produit'],
  },
  quantity: {
    fr: [
      'La parcelle fait {QUANTITY}.',
      'La commune compte {QUANTITY}.',
      'Distance jusqu’au centre : {QUANTITY}.',
    ],
    ar: ['مساحة القطعة {QUANTITY}', 'يبلغ عدد سكان الجماعة {QUANTITY}'],
    'ary-Arab': ['الأرض فيها {QUANTITY}'],
    'ary-Latn': ['lard fiha {QUANTITY}', 'b3ida b {QUANTITY}'],
  },
  mixed: {
    fr: [
      "Conformément à l'{LAW}, les frais de {AMOUNT} sont dus avant le {DATE} à {TIME}.",
      'Facture {FILE} : {AMOUNT}, TVA {PERCENT}, exercice {YEAR}.',
    ],
    ar: [
      'وفقا ل{LAW}، يجب أداء {AMOUNT} قبل {DATE}',
      'الفاتورة {FILE}: {AMOUNT}، الضريبة {PERCENT}، سنة {YEAR}',
    ],
    'ary-Arab': ['خلصت {AMOUNT} نهار {DATE} ف {TIME}'],
    'ary-Latn': ['khllst {AMOUNT} nhar {DATE} m3a {TIME}'],
  },
};
