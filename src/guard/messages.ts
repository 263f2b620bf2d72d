import {
  labelOf,
  render,
  writtenLabelOf,
  type Table,
  type WrittenLabel,
} from '../language/render-message.js';
import { tifinaghToLatin } from '../language/transliterate/index.js';
import type { ForbiddenAdvice, GuardReason } from './types.js';

/**
 * What a citizen reads when the guard steps in, in each language label (rendered as src/oversight/messages.ts does:
 * French for unknown labels, Latin-script Tamazight derived from the Tifinagh text). A refusal says what the
 * assistant is for; a self-harm answer is caring, judges nobody, and gives help resources; a withheld answer says
 * whom to ask instead. The Tamazight texts are drafts awaiting a native reviewer.
 */

/** Someone a person in distress can call: the name as the reader should see it, and the number or address. */
export interface HelpResource {
  name: string;
  contact: string;
}

export interface GuardMessageContext {
  /** The application's registered purpose, as written in the register. */
  purpose?: string;
  /** Help resources configured by the operator; the Moroccan emergency numbers otherwise. */
  helpResources?: readonly HelpResource[];
  /** For `forbidden_advice`: which advice was withheld, to say whom to ask. */
  advice?: ForbiddenAdvice;
}

interface Params {
  purpose: string;
  resources: string;
  advice: ForbiddenAdvice | undefined;
}

/** The words each language needs beside its templates. */
interface Vocabulary {
  /** What the assistant is for when the register gives no purpose. */
  anyPurpose: string;
  listSeparator: string;
  /** The default help resources' names, by number. */
  emergency: Readonly<Record<EmergencyNumber, string>>;
  /** What the assistant cannot do, and who can, per withheld advice. */
  advice: Readonly<Record<ForbiddenAdvice, { what: string; whom: string }>>;
}

/**
 * Morocco's national emergency numbers, the ones the default help list gives: 141 SAMU (medical emergencies), 15
 * Protection civile, 19 Police, 177 Gendarmerie royale (outside cities). Operators must confirm them for their area
 * and add the listening lines they work with (configuration `guard.help_resources`), which replace this list.
 */
const EMERGENCY_NUMBERS = ['141', '15', '19', '177'] as const;
type EmergencyNumber = (typeof EMERGENCY_NUMBERS)[number];

const VOCABULARY: Readonly<Record<WrittenLabel, Vocabulary>> = {
  fra_Latn: {
    anyPurpose: 'les démarches et les services de l’administration',
    listSeparator: ', ',
    emergency: {
      '141': 'SAMU, urgences médicales',
      '15': 'Protection civile',
      '19': 'Police',
      '177': 'Gendarmerie royale',
    },
    advice: {
      medical_diagnosis: { what: 'poser de diagnostic médical', whom: 'un médecin ou un centre de santé' },
      prescription: {
        what: 'prescrire de médicament ni indiquer de dose',
        whom: 'un médecin ou un pharmacien',
      },
      credit_decision: {
        what: 'décider de l’octroi d’un crédit',
        whom: 'votre banque ou votre association de microcrédit',
      },
      legal_verdict: {
        what: 'se prononcer sur l’issue juridique de votre situation',
        whom: 'un avocat ou le tribunal compétent',
      },
      administrative_decision: {
        what: 'prendre de décision sur votre dossier',
        whom: 'l’administration qui traite votre dossier',
      },
      grading_decision: {
        what: 'décider de vos notes, de votre réussite ou de votre orientation',
        whom: 'votre établissement ou la direction provinciale de l’éducation',
      },
    },
  },
  eng_Latn: {
    anyPurpose: 'public services and administrative procedures',
    listSeparator: ', ',
    emergency: {
      '141': 'SAMU medical emergencies',
      '15': 'Civil Protection',
      '19': 'Police',
      '177': 'Royal Gendarmerie',
    },
    advice: {
      medical_diagnosis: { what: 'give a medical diagnosis', whom: 'a doctor or a health centre' },
      prescription: { what: 'prescribe medicines or doses', whom: 'a doctor or a pharmacist' },
      credit_decision: { what: 'decide on a credit', whom: 'your bank or your microcredit association' },
      legal_verdict: {
        what: 'rule on the legal outcome of your situation',
        whom: 'a lawyer or the competent court',
      },
      administrative_decision: {
        what: 'take a decision on your file',
        whom: 'the administration handling your file',
      },
      grading_decision: {
        what: 'decide on your marks, results or orientation',
        whom: 'your school or the provincial education directorate',
      },
    },
  },
  arb_Arab: {
    anyPurpose: 'الخدمات العمومية والمساطر الإدارية',
    listSeparator: '، ',
    emergency: {
      '141': 'المساعدة الطبية المستعجلة SAMU',
      '15': 'الوقاية المدنية',
      '19': 'الشرطة',
      '177': 'الدرك الملكي',
    },
    advice: {
      medical_diagnosis: { what: 'تقديم تشخيص طبي', whom: 'طبيب أو مركز صحي' },
      prescription: { what: 'وصف الأدوية أو تحديد الجرعات', whom: 'طبيب أو صيدلي' },
      credit_decision: { what: 'البت في منح قرض', whom: 'البنك أو جمعية القروض الصغرى التي تتعامل معها' },
      legal_verdict: { what: 'الحكم في المآل القانوني لوضعيتك', whom: 'محام أو المحكمة المختصة' },
      administrative_decision: { what: 'اتخاذ قرار بشأن ملفك', whom: 'الإدارة التي تعالج ملفك' },
      grading_decision: {
        what: 'البت في نقطك أو نجاحك أو توجيهك',
        whom: 'مؤسستك التعليمية أو المديرية الإقليمية للتربية الوطنية',
      },
    },
  },
  ary_Arab: {
    anyPurpose: 'الخدمات العمومية والإجراءات الإدارية',
    listSeparator: '، ',
    emergency: {
      '141': 'الإسعاف الطبي SAMU',
      '15': 'الوقاية المدنية',
      '19': 'البوليس',
      '177': 'الجدارمية',
    },
    advice: {
      medical_diagnosis: { what: 'يعطيك تشخيص طبي', whom: 'شي طبيب ولا مركز صحي' },
      prescription: { what: 'يوصف ليك الدوا ولا الدوز', whom: 'شي طبيب ولا فرمسيان' },
      credit_decision: { what: 'يقرر فالكريدي', whom: 'البنكة ولا الجمعية ديال السلف الصغير' },
      legal_verdict: {
        what: 'يحكم فالقضية ديالك من الناحية القانونية',
        whom: 'شي محامي ولا المحكمة المختصة',
      },
      administrative_decision: { what: 'ياخد قرار فالملف ديالك', whom: 'الإدارة اللي كتعالج الملف ديالك' },
      grading_decision: {
        what: 'يقرر فالنقط ولا النجاح ولا التوجيه ديالك',
        whom: 'المؤسسة ديالك ولا المديرية الإقليمية ديال التعليم',
      },
    },
  },
  ary_Latn: {
    anyPurpose: 'l-khadamat l-3omomiya w l-ijra2at l-idariya',
    listSeparator: ', ',
    emergency: {
      '141': 'SAMU, l-is3af t-tibbi',
      '15': 'l-wi9aya l-madaniya',
      '19': 'l-bolis',
      '177': 'jdarmiya',
    },
    advice: {
      medical_diagnosis: { what: 'y3tik tachkhis tibbi', whom: 'chi tbib wla markaz s7i' },
      prescription: { what: 'ywsef lik dwa wla dose', whom: 'chi tbib wla pharmacien' },
      credit_decision: { what: 'y9arrer f l-kredi', whom: 'l-banka wla l-jam3iya dyal s-sl9 s-sghir' },
      legal_verdict: {
        what: 'y7kem f l-9adiya dyalk men n-na7iya l-9anouniya',
        whom: 'chi mo7ami wla l-ma7kama l-mokhtassa',
      },
      administrative_decision: {
        what: 'yakhod 9arar f dossier dyalk',
        whom: 'l-idara li kat3alej dossier dyalk',
      },
      grading_decision: {
        what: 'y9arrer f n-n9at, n-naja7 wla t-tawjih dyalk',
        whom: 'l-mou2assasa dyalk wla l-mudiriya l-i9limiya dyal t-ta3lim',
      },
    },
  },
  zgh_Tfng: {
    anyPurpose: 'ⵉⵏⴰⴳⵔⴰⵡⵏ ⵏ ⵜⵏⴱⴰⴹⵜ',
    listSeparator: ', ',
    emergency: {
      '141': 'SAMU',
      '15': 'ⵍⵃⵉⵎⴰⵢⴰ ⵍⵎⴰⴷⴰⵏⵉⵢⴰ',
      '19': 'ⵍⴱⵓⵍⵉⵙ',
      '177': 'ⵊⵊⴰⴷⴰⵕⵎⵉⵢⴰ',
    },
    advice: {
      medical_diagnosis: { what: 'ⴰⴷ ⴰⴽ ⵉⵏⵉ ⵎⴰⵏ ⴰⵟⵟⴰⵏ ⴰⴷ ⴰⴽ ⵢⵓⵡⵉⵏ', whom: 'ⴰⵎⵙⵓⵊⵊⵉ' },
      prescription: { what: 'ⴰⴷ ⴰⴽ ⵉⵙⵙⵓⵜⵍ ⵉⵙⴰⴼⴰⵔⵏ', whom: 'ⴰⵎⵙⵓⵊⵊⵉ ⵏⵉⵖ ⴰⵎⵙⵏⴰⵙⴼⴰⵔ' },
      credit_decision: { what: 'ⴰⴷ ⵉⴳⵣⵎ ⵖ ⵍⴽⵔⵉⴷⵉ ⵏⵏⴽ', whom: 'ⵍⴱⴰⵏⴽⴰ ⵏⵏⴽ' },
      legal_verdict: { what: 'ⴰⴷ ⵉⴳⵣⵎ ⵖ ⵜⵎⵙⴰⵔⵜ ⵏⵏⴽ', whom: 'ⴰⵎⵓⵃⴰⵎⵉ ⵏⵉⵖ ⵍⵎⵃⴽⴰⵎⴰ' },
      administrative_decision: { what: 'ⴰⴷ ⵉⴳⵣⵎ ⵖ ⵓⴷⵍⵉⵙ ⵏⵏⴽ', whom: 'ⵜⴰⵏⴱⴰⴹⵜ ⵍⵍⵉ ⵉⵙⴽⴰⵔⵏ ⴰⴷⵍⵉⵙ ⵏⵏⴽ' },
      grading_decision: { what: 'ⴰⴷ ⵉⴳⵣⵎ ⵖ ⵜⵏⵇⵇⵉⴹⵉⵏ ⵏⵏⴽ', whom: 'ⵜⵉⵏⵎⵍ ⵏⵏⴽ' },
    },
  },
};

type Texts = Readonly<Record<GuardReason, (params: Params) => string>>;

/** How a withheld advice is worded; `undefined` when the engine did not say which. */
const withheld = (
  label: WrittenLabel,
  advice: ForbiddenAdvice | undefined,
  specific: (words: { what: string; whom: string }) => string,
  general: string,
) => (advice === undefined ? general : specific(VOCABULARY[label].advice[advice]));

const FRENCH: Texts = {
  prompt_injection: ({ purpose }) =>
    `L’assistant ne peut pas suivre cette demande : elle cherche à changer ses consignes. Il peut vous aider pour : ${purpose}. Posez votre question sur ce sujet.`,
  jailbreak: ({ purpose }) =>
    `L’assistant ne peut pas sortir de ses règles, quelle que soit la façon de le demander. Il peut vous aider pour : ${purpose}. Posez votre question sur ce sujet.`,
  system_prompt_extraction: ({ purpose }) =>
    `L’assistant ne peut pas communiquer ses instructions ni sa configuration. Il peut vous aider pour : ${purpose}.`,
  indirect_injection: () =>
    'Un document consulté pour vous répondre contenait des instructions suspectes : il a été écarté et l’assistant n’a pas pu vous répondre. Reformulez votre question ou contactez directement l’administration concernée.',
  harmful_content: ({ purpose, resources }) =>
    `L’assistant ne peut pas répondre à cette demande. Il peut vous aider pour : ${purpose}. Si une personne est en danger, appelez : ${resources}.`,
  self_harm: ({ resources }) =>
    `Ce que vous vivez semble très difficile, et vous n’avez pas à le traverser seul(e). En parler peut aider : à une personne de confiance, à un médecin, ou dès maintenant à ces numéros : ${resources}. Si vous êtes en danger immédiat, appelez-les tout de suite.`,
  out_of_scope: ({ purpose }) =>
    `Cette question ne relève pas de cet assistant, qui est là pour vous aider pour : ${purpose}. Pour ce sujet, adressez-vous au service concerné.`,
  personal_data_leak: () =>
    'La réponse contenait des données personnelles qui ne vous concernent pas : elle ne peut pas vous être montrée. Reformulez votre question ou contactez directement l’administration concernée.',
  system_prompt_leak: () =>
    'La réponse ne peut pas vous être montrée : elle reprenait la configuration interne de l’assistant. Reformulez votre question.',
  forbidden_advice: ({ advice }) =>
    withheld(
      'fra_Latn',
      advice,
      ({ what, whom }) => `L’assistant ne peut pas ${what}. Adressez-vous à ${whom}.`,
      'L’assistant ne peut pas donner cet avis : il revient à un professionnel ou à l’administration concernée. Adressez-vous à eux directement.',
    ),
};

const ENGLISH: Texts = {
  prompt_injection: ({ purpose }) =>
    `The assistant cannot follow this request, as it tries to change its instructions. It can help you with: ${purpose}. Please ask your question about that.`,
  jailbreak: ({ purpose }) =>
    `The assistant cannot step outside its rules, however the request is put. It can help you with: ${purpose}. Please ask your question about that.`,
  system_prompt_extraction: ({ purpose }) =>
    `The assistant cannot share its instructions or its configuration. It can help you with: ${purpose}.`,
  indirect_injection: () =>
    'A document consulted for your answer contained suspicious instructions: it was set aside and the assistant could not answer. Please rephrase your question or contact the administration concerned directly.',
  harmful_content: ({ purpose, resources }) =>
    `The assistant cannot answer this request. It can help you with: ${purpose}. If someone is in danger, call: ${resources}.`,
  self_harm: ({ resources }) =>
    `It sounds like you are going through a very hard time, and you do not have to face it alone. Talking can help: to someone you trust, to a doctor, or right now to these numbers: ${resources}. If you are in immediate danger, call them now.`,
  out_of_scope: ({ purpose }) =>
    `This question is outside what this assistant does: it is here to help you with ${purpose}. For this topic, please contact the service concerned.`,
  personal_data_leak: () =>
    'The answer contained personal data that does not concern you, so it cannot be shown. Please rephrase your question or contact the administration concerned directly.',
  system_prompt_leak: () =>
    'The answer cannot be shown, as it repeated the assistant’s internal configuration. Please rephrase your question.',
  forbidden_advice: ({ advice }) =>
    withheld(
      'eng_Latn',
      advice,
      ({ what, whom }) => `The assistant cannot ${what}. Please ask ${whom}.`,
      'The assistant cannot give this advice: it is for a professional or the administration concerned. Please ask them directly.',
    ),
};

const ARABIC: Texts = {
  prompt_injection: ({ purpose }) =>
    `لا يمكن للمساعد تنفيذ هذا الطلب لأنه يسعى إلى تغيير تعليماته. يمكنه مساعدتك في: ${purpose}. يُرجى طرح سؤالك في هذا الموضوع.`,
  jailbreak: ({ purpose }) =>
    `لا يمكن للمساعد الخروج عن قواعده مهما كانت صيغة الطلب. يمكنه مساعدتك في: ${purpose}. يُرجى طرح سؤالك في هذا الموضوع.`,
  system_prompt_extraction: ({ purpose }) =>
    `لا يمكن للمساعد الكشف عن تعليماته أو إعداداته. يمكنه مساعدتك في: ${purpose}.`,
  indirect_injection: () =>
    'تضمنت وثيقة استُعملت للإجابة عن سؤالك تعليمات مريبة، فاستُبعدت ولم يتمكن المساعد من الإجابة. يُرجى إعادة صياغة سؤالك أو التواصل مباشرة مع الإدارة المعنية.',
  harmful_content: ({ purpose, resources }) =>
    `لا يمكن للمساعد الإجابة عن هذا الطلب. يمكنه مساعدتك في: ${purpose}. إذا كان شخص ما في خطر، اتصل بـ: ${resources}.`,
  self_harm: ({ resources }) =>
    `يبدو أنك تمر بوقت صعب جدا، ولست مضطرا لمواجهته وحدك. قد يساعدك الحديث إلى شخص تثق به أو إلى طبيب، أو الآن مباشرة عبر هذه الأرقام: ${resources}. إذا كنت في خطر مباشر، اتصل بهم فورا.`,
  out_of_scope: ({ purpose }) =>
    `هذا السؤال خارج مجال هذا المساعد، فهو مخصص لمساعدتك في: ${purpose}. في هذا الموضوع، يُرجى التوجه إلى المصلحة المعنية.`,
  personal_data_leak: () =>
    'تضمن الجواب معطيات شخصية لا تخصك، لذلك لا يمكن عرضه عليك. يُرجى إعادة صياغة سؤالك أو التواصل مباشرة مع الإدارة المعنية.',
  system_prompt_leak: () =>
    'لا يمكن عرض الجواب لأنه تضمن الإعدادات الداخلية للمساعد. يُرجى إعادة صياغة سؤالك.',
  forbidden_advice: ({ advice }) =>
    withheld(
      'arb_Arab',
      advice,
      ({ what, whom }) => `لا يمكن للمساعد ${what}. يُرجى التوجه إلى ${whom}.`,
      'لا يمكن للمساعد تقديم هذا الرأي، فهو من اختصاص مهني أو الإدارة المعنية. يُرجى التوجه إليهم مباشرة.',
    ),
};

const DARIJA_ARABIC: Texts = {
  prompt_injection: ({ purpose }) =>
    `المساعد ما يقدرش يدير هاد الطلب حيت كيحاول يبدل التعليمات ديالو. يقدر يعاونك ف: ${purpose}. عافاك سول على هاد الموضوع.`,
  jailbreak: ({ purpose }) =>
    `المساعد ما يقدرش يخرج على القواعد ديالو كيفما كانت الطريقة. يقدر يعاونك ف: ${purpose}. عافاك سول على هاد الموضوع.`,
  system_prompt_extraction: ({ purpose }) =>
    `المساعد ما يقدرش يعطيك التعليمات ولا الإعدادات ديالو. يقدر يعاونك ف: ${purpose}.`,
  indirect_injection: () =>
    'واحد الوثيقة اللي تستعملات باش نجاوبوك كان فيها تعليمات مشكوك فيها، تحيدات والمساعد ما قدرش يجاوبك. عاود صيغ السؤال ديالك ولا تواصل نيشان مع الإدارة المعنية.',
  harmful_content: ({ purpose, resources }) =>
    `المساعد ما يقدرش يجاوب على هاد الطلب. يقدر يعاونك ف: ${purpose}. إلا كان شي حد فخطر، عيط ل: ${resources}.`,
  self_harm: ({ resources }) =>
    `باين بلي كتدوز وقت صعيب بزاف، وما خاصكش تبقى بوحدك فيه. الهضرة كتعاون: مع شي حد كتيق فيه، مع طبيب، ولا دابا مع هاد الأرقام: ${resources}. إلا كنتي فخطر دابا، عيط ليهم دغيا.`,
  out_of_scope: ({ purpose }) =>
    `هاد السؤال ماشي من الخدمة ديال هاد المساعد، هو كاين باش يعاونك ف: ${purpose}. على هاد الموضوع، سير عند المصلحة المعنية.`,
  personal_data_leak: () =>
    'الجواب كان فيه معطيات شخصية ما كتخصكش، داكشي علاش ما يمكنش يتبان ليك. عاود صيغ السؤال ديالك ولا تواصل نيشان مع الإدارة المعنية.',
  system_prompt_leak: () =>
    'الجواب ما يمكنش يتبان ليك حيت كان فيه الإعدادات الداخلية ديال المساعد. عاود صيغ السؤال ديالك.',
  forbidden_advice: ({ advice }) =>
    withheld(
      'ary_Arab',
      advice,
      ({ what, whom }) => `المساعد ما يقدرش ${what}. عافاك سير عند ${whom}.`,
      'المساعد ما يقدرش يعطيك هاد الرأي، هادشي ديال شي مختص ولا الإدارة المعنية. سير عندهم نيشان.',
    ),
};

const DARIJA_LATIN: Texts = {
  prompt_injection: ({ purpose }) =>
    `L-mousa3id ma y9derch ydir had t-talab 7it kay7awel ybeddel t-ta3limat dyalo. Y9der y3awnek f: ${purpose}. 3afak sowel 3la had l-mawdou3.`,
  jailbreak: ({ purpose }) =>
    `L-mousa3id ma y9derch ykhrej 3la l-9awa3id dyalo kifma kant t-tari9a. Y9der y3awnek f: ${purpose}. 3afak sowel 3la had l-mawdou3.`,
  system_prompt_extraction: ({ purpose }) =>
    `L-mousa3id ma y9derch y3tik t-ta3limat wla l-i3dadat dyalo. Y9der y3awnek f: ${purpose}.`,
  indirect_injection: () =>
    'Wa7ed l-wati9a li tsta3mlat bach njawbouk kan fiha ta3limat mchkouk fiha, t7aydat w l-mousa3id ma 9derch yjawbek. 3awed sawe3 so2al dyalk wla twasel nichan m3a l-idara l-ma3niya.',
  harmful_content: ({ purpose, resources }) =>
    `L-mousa3id ma y9derch yjaweb 3la had t-talab. Y9der y3awnek f: ${purpose}. Ila kan chi 7ed f khatar, 3iyet l: ${resources}.`,
  self_harm: ({ resources }) =>
    `Bayn bli katdouz wa9t s3ib bzaf, w ma khassekch tb9a bou7dek fih. L-hedra kat3awen: m3a chi 7ed kat9 fih, m3a tbib, wla daba m3a had l-ar9am: ${resources}. Ila konti f khatar daba, 3iyet lihom dghya.`,
  out_of_scope: ({ purpose }) =>
    `Had so2al machi mn l-khedma dyal had l-mousa3id, howa kayn bach y3awnek f: ${purpose}. 3la had l-mawdou3, sir 3nd l-maslaha l-ma3niya.`,
  personal_data_leak: () =>
    'L-jawab kan fih mo3tayat chakhsiya ma katkhossekch, dakchi 3lach ma ymkench ytban lik. 3awed sawe3 so2al dyalk wla twasel nichan m3a l-idara l-ma3niya.',
  system_prompt_leak: () =>
    'L-jawab ma ymkench ytban lik 7it kan fih l-i3dadat d-dakhiliya dyal l-mousa3id. 3awed sawe3 so2al dyalk.',
  forbidden_advice: ({ advice }) =>
    withheld(
      'ary_Latn',
      advice,
      ({ what, whom }) => `L-mousa3id ma y9derch ${what}. 3afak sir 3nd ${whom}.`,
      'L-mousa3id ma y9derch y3tik had r-ra2y, hadchi dyal chi mokhtass wla l-idara l-ma3niya. Sir 3ndhom nichan.',
    ),
};

const TAMAZIGHT: Texts = {
  prompt_injection: ({ purpose }) =>
    `ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵎⵙⵙⵓⴷⵙ ⴰⴷ ⵉⴹⴼⵕ ⴰⵙⵓⵜⵔ ⴰⴷ, ⴰⵔ ⵉⵜⵜⵔⴰ ⴰⴷ ⵉⵙⵏⴼⵍ ⵜⵉⵏⴰⴹⵉⵏ ⵏⵏⵙ. ⵉⵣⵎⵎⵔ ⴰⴷ ⴽ ⵢⴰⵡⵙ ⵖ: ${purpose}. ⵙⵇⵙⴰ ⵖⴼ ⵓⵙⵏⵜⵍ ⴰⴷ.`,
  jailbreak: ({ purpose }) =>
    `ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵎⵙⵙⵓⴷⵙ ⴰⴷ ⵢⴼⴼⵖ ⵉⵍⴳⴰⵎⵏ ⵏⵏⵙ, ⵎⴰⵏⵉⴽ ⴰⴷ ⵉⵍⵉ ⵓⵙⵓⵜⵔ. ⵉⵣⵎⵎⵔ ⴰⴷ ⴽ ⵢⴰⵡⵙ ⵖ: ${purpose}. ⵙⵇⵙⴰ ⵖⴼ ⵓⵙⵏⵜⵍ ⴰⴷ.`,
  system_prompt_extraction: ({ purpose }) =>
    `ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵎⵙⵙⵓⴷⵙ ⴰⴷ ⴽ ⵉⵙⵙⴽⵏ ⵜⵉⵏⴰⴹⵉⵏ ⵏⵏⵙ. ⵉⵣⵎⵎⵔ ⴰⴷ ⴽ ⵢⴰⵡⵙ ⵖ: ${purpose}.`,
  indirect_injection: () =>
    'ⵢⴰⵏ ⵓⵙⴷⵍⵉⵙ ⵍⵍⵉ ⵏⵙⵎⵔⵙ ⵉⵍⴰ ⵜⵉⵏⴰⴹⵉⵏ ⵓⵔ ⵉⵖⵓⴷⵏ, ⵏⴽⴽⵙ ⵜ, ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵎⵙⵙⵓⴷⵙ ⴰⴷ ⴽ ⴷ ⵢⵔⴰⵔ. ⴰⵍⵙ ⴰⵙⵇⵙⵉ ⵏⵏⴽ, ⵏⵉⵖ ⵙⴰⵡⵍ ⴷ ⵜⵏⴱⴰⴹⵜ ⵙ ⵢⵉⵅⴼ ⵏⵏⴽ.',
  harmful_content: ({ purpose, resources }) =>
    `ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵎⵙⵙⵓⴷⵙ ⴰⴷ ⴷ ⵢⵔⴰⵔ ⵖⴼ ⵓⵙⵓⵜⵔ ⴰⴷ. ⵉⵣⵎⵎⵔ ⴰⴷ ⴽ ⵢⴰⵡⵙ ⵖ: ${purpose}. ⵎⴽ ⵉⵍⵍⴰ ⴽⵔⴰ ⵏ ⵢⴰⵏ ⴳ ⵓⵎⵙⵓⵍⵍⵓ, ⵙⵉⵡⵍ ⵙ: ${resources}.`,
  self_harm: ({ resources }) =>
    `ⵉⴱⴰⵢⵏ ⵉⵙ ⵜⵣⵔⵉⴷ ⴽⵔⴰ ⵏ ⵡⴰⴽⵓⴷ ⵉⵛⵇⵇⴰⵏ, ⵓⵔ ⵜⵍⵍⵉⴷ ⵖⴰⵙ ⴽⵢⵢ. ⴰⵡⴰⵍ ⵉⵣⵎⵎⵔ ⴰⴷ ⴽ ⵢⴰⵡⵙ: ⴷ ⵢⴰⵏ ⵍⵍⵉ ⵜⵓⵎⵏⴷ, ⴷ ⵓⵎⵙⵓⵊⵊⵉ, ⵏⵉⵖ ⴷⵖⵉ ⵙ ⵉⵏⵎⴰⵍ ⴰⴷ: ${resources}. ⵎⴽ ⵜⵍⵍⵉⴷ ⴳ ⵓⵎⵙⵓⵍⵍⵓ ⵖⵉⵍⴰ, ⵙⵉⵡⵍ ⵙⵔⵙⵏ ⴷⵖⵉ.`,
  out_of_scope: ({ purpose }) =>
    `ⴰⵙⵇⵙⵉ ⴰⴷ ⵓⵔ ⵉⴽⵛⵉⵎ ⴳ ⵓⵎⵙⵙⵓⴷⵙ ⴰⴷ, ⵉⵍⵍⴰ ⴰⴷ ⴽ ⵢⴰⵡⵙ ⵖ: ${purpose}. ⵖⴼ ⵓⵙⵏⵜⵍ ⴰⴷ, ⵙⴰⵡⵍ ⴷ ⵓⵏⴰⴳⵔⴰⵡ ⵍⵍⵉ ⵜ ⵢⵓⵙⵏ.`,
  personal_data_leak: () =>
    'ⵜⵉⵔⵉⵔⵉⵜ ⵜⵍⵍⴰ ⴳⵉⵙ ⵉⵙⴼⴽⴰ ⵉⵏⵎⵣⵡⴰⵔⵓⵜⵏ ⵓⵔ ⴽ ⵢⵓⵙⵉⵏ, ⵓⵔ ⴰⴽ ⵜⵜ ⵏⵣⵎⵉⵔ ⴰⴷ ⵜ ⵏⵙⵙⴽⵏ. ⴰⵍⵙ ⴰⵙⵇⵙⵉ ⵏⵏⴽ, ⵏⵉⵖ ⵙⴰⵡⵍ ⴷ ⵜⵏⴱⴰⴹⵜ ⵙ ⵢⵉⵅⴼ ⵏⵏⴽ.',
  system_prompt_leak: () =>
    'ⵓⵔ ⴰⴽ ⵏⵣⵎⵉⵔ ⴰⴷ ⵏⵙⵙⴽⵏ ⵜⵉⵔⵉⵔⵉⵜ, ⵜⵍⵍⴰ ⴳⵉⵙ ⵜⵏⵓⵍⴼⵉ ⵜⴰⴳⵏⵙⴰⵏⵜ ⵏ ⵓⵎⵙⵙⵓⴷⵙ. ⴰⵍⵙ ⴰⵙⵇⵙⵉ ⵏⵏⴽ.',
  forbidden_advice: ({ advice }) =>
    withheld(
      'zgh_Tfng',
      advice,
      ({ what, whom }) => `ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵎⵙⵙⵓⴷⵙ ${what}. ⵜⵜⵅⵉⵍ, ⵙⴰⵡⵍ ⴷ ${whom}.`,
      'ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵎⵙⵙⵓⴷⵙ ⴰⴷ ⴽ ⵢⴰⵡⵙ ⵖ ⵓⵏⵛⴽ ⴰⴷ. ⵜⵜⵅⵉⵍ, ⵙⴰⵡⵍ ⴷ ⵓⵎⵙⵍⵎⴷ ⵏⵉⵖ ⴷ ⵜⵏⴱⴰⴹⵜ ⵙ ⵢⵉⵅⴼ ⵏⵏⴽ.',
    ),
};

const TEXTS: Readonly<Record<WrittenLabel, Texts>> = {
  fra_Latn: FRENCH,
  eng_Latn: ENGLISH,
  arb_Arab: ARABIC,
  ary_Arab: DARIJA_ARABIC,
  ary_Latn: DARIJA_LATIN,
  zgh_Tfng: TAMAZIGHT,
};

const tableFor = (reason: GuardReason): Table<Params> => ({
  fra_Latn: TEXTS.fra_Latn[reason],
  eng_Latn: TEXTS.eng_Latn[reason],
  arb_Arab: TEXTS.arb_Arab[reason],
  ary_Arab: TEXTS.ary_Arab[reason],
  ary_Latn: TEXTS.ary_Latn[reason],
  zgh_Tfng: TEXTS.zgh_Tfng[reason],
});

/** The Moroccan emergency numbers, named in the reader's language (see EMERGENCY_NUMBERS). */
export function defaultHelpResources(language: string | null | undefined): HelpResource[] {
  const names = VOCABULARY[writtenLabelOf(language)].emergency;
  const script =
    labelOf(language) === 'zgh_Latn' ? (name: string) => tifinaghToLatin(name) : (name: string) => name;
  return EMERGENCY_NUMBERS.map((contact) => ({ name: script(names[contact]), contact }));
}

/** What the reader is told when the guard refuses a request or withholds an answer for `reason`. */
export function guardMessage(
  reason: GuardReason,
  language: string | null | undefined,
  context: GuardMessageContext,
): string {
  const vocabulary = VOCABULARY[writtenLabelOf(language)];
  const resources = (context.helpResources ?? defaultHelpResources(language))
    .map(({ name, contact }) => `${contact} (${name})`)
    .join(vocabulary.listSeparator);
  // The templates end the purpose with a full stop of their own.
  const purpose = context.purpose?.trim().replace(/[.。!?؟]+$/u, '') || vocabulary.anyPurpose;
  return render(tableFor(reason), language, { purpose, resources, advice: context.advice });
}
