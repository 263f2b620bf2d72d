import { labelOf, render, type Table, type WrittenLabel } from '../language/render-message.js';
import type { UseCaseEntry } from './register/use-case.js';

/**
 * What the gateway tells a citizen when oversight steps in (review, suspension, prohibited use, hand-over to a
 * person) and the AI transparency notice, in each language label. French, the administration's working language,
 * stands in for `und` and unknown labels. Latin-script Tamazight is the Tifinagh text transliterated (IRCAM
 * letters), so the two never drift apart. The Tamazight texts are drafts awaiting a native reviewer.
 */

interface When {
  when: string;
}

const REVIEW_PENDING: Table<When> = {
  fra_Latn: ({ when }) =>
    `Votre question a été transmise à un agent, qui vérifiera la réponse avant qu’elle vous soit envoyée. Vous la recevrez au plus tard le ${when}.`,
  eng_Latn: ({ when }) =>
    `Your question has been passed to an agent, who will check the answer before it is sent to you. You will have it by ${when}.`,
  arb_Arab: ({ when }) =>
    `أُحيل سؤالك على أحد الموظفين، وسيتحقق من الجواب قبل إرساله إليك. ستتوصل به في موعد أقصاه ${when}.`,
  ary_Arab: ({ when }) =>
    `السؤال ديالك تصيفط لواحد الموظف، غادي يراجع الجواب قبل ما يتصيفط ليك. غادي يوصلك قبل ${when}.`,
  ary_Latn: ({ when }) =>
    `So2al dyalk tsifet l wa7ed l-muwaddaf, ghadi yraje3 l-jawab 9bel ma ytsifet lik. Ghadi ywslek 9bel ${when}.`,
  zgh_Tfng: ({ when }) =>
    `ⵉⵜⵜⵓⵣⵏ ⵓⵙⵇⵙⵉ ⵏⵏⴽ ⵉ ⵢⴰⵏ ⵓⴼⴳⴰⵏ ⵏ ⵜⵏⴱⴰⴹⵜ, ⴰⴷ ⵉⵥⵕ ⵜⵉⵔⵉⵔⵉⵜ ⴷⴰⵜ ⴰⴷ ⴰⴽ ⵜⵜⵓⵣⵏ. ⴰⴷ ⴰⴽ ⴷ ⵜⵍⴽⵎ ⵜⵉⵔⵉⵔⵉⵜ ⴷⴰⵜ ${when}.`,
};

const REVIEW_REJECTED: Table<When> = {
  fra_Latn: () =>
    'Un agent n’a pas pu confirmer la réponse à votre question : elle ne vous sera pas envoyée. Veuillez contacter directement l’administration concernée.',
  eng_Latn: () =>
    'An agent could not confirm the answer to your question, so it will not be sent to you. Please contact the administration concerned directly.',
  arb_Arab: () =>
    'لم يتمكن الموظف من تأكيد الجواب عن سؤالك، لذلك لن يُرسل إليك. يُرجى التواصل مباشرة مع الإدارة المعنية.',
  ary_Arab: () =>
    'الموظف ما قدرش يأكد الجواب على السؤال ديالك، داكشي علاش ما غاديش يتصيفط ليك. عافاك تواصل نيشان مع الإدارة المعنية.',
  ary_Latn: () =>
    'L-muwaddaf ma 9derch y2akked l-jawab 3la so2al dyalk, dakchi 3lach ma ghadich ytsifet lik. 3afak twasel nichan m3a l-idara l-ma3niya.',
  zgh_Tfng: () =>
    'ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⴼⴳⴰⵏ ⵏ ⵜⵏⴱⴰⴹⵜ ⴰⴷ ⵉⵇⴱⵍ ⵜⵉⵔⵉⵔⵉⵜ ⵏ ⵓⵙⵇⵙⵉ ⵏⵏⴽ, ⵓⵔ ⴰⴽ ⵔⴰⴷ ⵜⵜⵓⵣⵏ. ⵜⵜⵅⵉⵍ, ⵙⴰⵡⵍ ⴷ ⵜⵏⴱⴰⴹⵜ ⵙ ⵢⵉⵅⴼ ⵏⵏⴽ.',
};

const APPLICATION_SUSPENDED: Table<When> = {
  fra_Latn: () =>
    'Ce service est suspendu pour le moment. Réessayez plus tard ou contactez directement l’administration concernée.',
  eng_Latn: () =>
    'This service is suspended for now. Please try again later or contact the administration concerned directly.',
  arb_Arab: () => 'هذه الخدمة موقوفة مؤقتاً. يُرجى المحاولة لاحقاً أو التواصل مباشرة مع الإدارة المعنية.',
  ary_Arab: () => 'هاد الخدمة موقوفة دابا. عاود جرب من بعد ولا تواصل نيشان مع الإدارة المعنية.',
  ary_Latn: () => 'Had l-khidma mw9ofa daba. 3awed jerreb men b3d wla twasel nichan m3a l-idara l-ma3niya.',
  zgh_Tfng: () => 'ⴰⵏⴰⴳⵔⴰⵡ ⴰⴷ ⵉⵃⴱⵙ ⵉ ⴽⵔⴰ ⵏ ⵡⴰⴽⵓⴷ. ⵄⴰⵡⴷ ⵜⵉⴽⴽⴻⵍⵜ ⵢⴰⴹⵏⵉⵏ, ⵏⵉⵖ ⵙⴰⵡⵍ ⴷ ⵜⵏⴱⴰⴹⵜ ⵙ ⵢⵉⵅⴼ ⵏⵏⴽ.',
};

const MODEL_SUSPENDED: Table<When> = {
  fra_Latn: () =>
    'Le modèle d’IA qui répond sur ce service est suspendu pour le moment : votre question ne peut pas recevoir de réponse automatique. Réessayez plus tard ou contactez directement l’administration concernée.',
  eng_Latn: () =>
    'The AI model that answers on this service is suspended for now, so your question cannot be answered automatically. Please try again later or contact the administration concerned directly.',
  arb_Arab: () =>
    'نموذج الذكاء الاصطناعي الذي يجيب في هذه الخدمة موقوف مؤقتاً، لذلك لا يمكن الرد على سؤالك آلياً. يُرجى المحاولة لاحقاً أو التواصل مباشرة مع الإدارة المعنية.',
  ary_Arab: () =>
    'النموذج ديال الذكاء الاصطناعي اللي كيجاوب فهاد الخدمة موقوف دابا، داكشي علاش ما يمكنش يتجاوب على السؤال ديالك بشكل أوتوماتيكي. عاود جرب من بعد ولا تواصل نيشان مع الإدارة المعنية.',
  ary_Latn: () =>
    'L-model dyal l-IA li kayjaweb f had l-khidma mw9of daba, dakchi 3lach so2al dyalk ma ymkench ytjaweb 3lih automatiquement. 3awed jerreb men b3d wla twasel nichan m3a l-idara l-ma3niya.',
  zgh_Tfng: () =>
    'ⴰⵎⵓⴷⵉⵍ ⵏ ⵓⵏⴰⴳⵔⴰⵡ ⴰⴷ ⵉⵃⴱⵙ ⵉ ⴽⵔⴰ ⵏ ⵡⴰⴽⵓⴷ: ⵓⵔ ⵉⵣⵎⵉⵔ ⴰⴷ ⴷ ⵢⵔⴰⵔ ⴼ ⵓⵙⵇⵙⵉ ⵏⵏⴽ. ⵄⴰⵡⴷ ⵜⵉⴽⴽⴻⵍⵜ ⵢⴰⴹⵏⵉⵏ, ⵏⵉⵖ ⵙⴰⵡⵍ ⴷ ⵜⵏⴱⴰⴹⵜ ⵙ ⵢⵉⵅⴼ ⵏⵏⴽ.',
};

const USE_PROHIBITED: Table<When> = {
  fra_Latn: () =>
    'Cette demande relève d’un usage qui n’est pas autorisé sur ce service : l’assistant ne peut pas la traiter. Vous pouvez vous adresser directement à l’administration concernée.',
  eng_Latn: () =>
    'This request falls under a use that is not allowed on this service, so the assistant cannot handle it. You can contact the administration concerned directly.',
  arb_Arab: () =>
    'يندرج هذا الطلب ضمن استعمال غير مسموح به في هذه الخدمة، لذلك لا يمكن للمساعد معالجته. يمكنك التوجه مباشرة إلى الإدارة المعنية.',
  ary_Arab: () =>
    'هاد الطلب داخل فاستعمال ما مسموحش بيه فهاد الخدمة، داكشي علاش المساعد ما يقدرش يعالجو. تقدر تمشي نيشان للإدارة المعنية.',
  ary_Latn: () =>
    'Had t-talab dakhel f isti3mal ma msmou7ch bih f had l-khidma, dakchi 3lach l-mousa3id ma y9derch y3aljo. T9der tmchi nichan l l-idara l-ma3niya.',
  zgh_Tfng: () => 'ⴰⵙⵓⵜⵔ ⴰⴷ ⵉⵎⵎⵏⵄ ⴳ ⵓⵏⴰⴳⵔⴰⵡ ⴰⴷ, ⵓⵔ ⵉⵣⵎⵉⵔ ⴰⴷ ⵜ ⵉⵙⴽⵔ. ⵜⵜⵅⵉⵍ, ⵙⴰⵡⵍ ⴷ ⵜⵏⴱⴰⴹⵜ ⵙ ⵢⵉⵅⴼ ⵏⵏⴽ.',
};

const HUMAN_HANDOFF: Table<When> = {
  fra_Latn: ({ when }) =>
    `Votre demande de parler à une personne est enregistrée. Un agent vous répondra au plus tard le ${when}.`,
  eng_Latn: ({ when }) =>
    `Your request to talk to a person has been registered. An agent will answer you by ${when}.`,
  arb_Arab: ({ when }) => `سُجّل طلبك التحدث إلى شخص. سيجيبك أحد الموظفين في موعد أقصاه ${when}.`,
  ary_Arab: ({ when }) => `تسجل الطلب ديالك باش تهضر مع شي واحد. واحد الموظف غادي يجاوبك قبل ${when}.`,
  ary_Latn: ({ when }) =>
    `Tsjjel t-talab dyalk bach thder m3a chi wa7ed. Wa7ed l-muwaddaf ghadi yjawbek 9bel ${when}.`,
  zgh_Tfng: ({ when }) =>
    `ⵏⵙⵊⵊⵍ ⴰⵙⵓⵜⵔ ⵏⵏⴽ ⴰⴷ ⵜⵙⴰⵡⵍⴷ ⴷ ⵢⴰⵏ ⵓⴼⴳⴰⵏ. ⴰⴷ ⴰⴽ ⴷ ⵉⵔⴰⵔ ⵢⴰⵏ ⵓⴼⴳⴰⵏ ⵏ ⵜⵏⴱⴰⴹⵜ ⴷⴰⵜ ${when}.`,
};

const SUBJECT_OBJECTED: Table<When> = {
  fra_Latn: () =>
    'Vous vous êtes opposé au traitement de vos données par ce service : l’assistant ne traite plus vos demandes. Pour retirer votre opposition, contactez le délégué à la protection des données de l’administration concernée.',
  eng_Latn: () =>
    'You have objected to the processing of your data by this service, so the assistant no longer handles your requests. To withdraw your objection, contact the data protection officer of the administration concerned.',
  arb_Arab: () =>
    'لقد تعرضت على معالجة معطياتك من طرف هذه الخدمة، لذلك لم يعد المساعد يعالج طلباتك. لسحب تعرضك، تواصل مع المكلف بحماية المعطيات لدى الإدارة المعنية.',
  ary_Arab: () =>
    'نتا تعرضتي على معالجة المعطيات ديالك فهاد الخدمة، داكشي علاش المساعد ما بقاش كيعالج الطلبات ديالك. باش تحيد التعرض، تواصل مع المكلف بحماية المعطيات فالإدارة المعنية.',
  ary_Latn: () =>
    'Nta t3aredti 3la mou3alajat l-mo3tayat dyalk f had l-khidma, dakchi 3lach l-mousa3id ma b9ach kay3alej t-talabat dyalk. Bach t7ayed t-ta3arrod, twasel m3a l-moukallaf b 7imayat l-mo3tayat f l-idara l-ma3niya.',
  zgh_Tfng: () =>
    'ⵜⵓⴳⵉⴷ ⴰⵙⴼⵔⴽ ⵏ ⵉⵙⴼⴽⴰ ⵏⵏⴽ ⴳ ⵓⵏⴰⴳⵔⴰⵡ ⴰⴷ, ⵓⵔ ⵔⴰⴷ ⵉⵙⴽⵔ ⵓⵎⵙⵙⵓⴷⵙ ⵉⵙⵓⵜⵔⵏ ⵏⵏⴽ. ⴰⴷ ⵜⵙⵙⵓⵖⵍⴷ ⴰⴳⵉ ⵏⵏⴽ, ⵙⴰⵡⵍ ⴷ ⵜⵏⴱⴰⴹⵜ ⵙ ⵢⵉⵅⴼ ⵏⵏⴽ.',
};

const CONSENT_REQUIRED: Table<When> = {
  fra_Latn: () =>
    'Ce service ne traite vos demandes qu’avec votre consentement (loi 09-08), que vous n’avez pas donné ou avez retiré. Lisez la notice de l’assistant et choisissez « J’accepte » pour continuer ; vous pourrez retirer votre consentement à tout moment.',
  eng_Latn: () =>
    'This service handles your requests only with your consent (Law 09-08), which you have not given or have withdrawn. Read the assistant’s notice and choose “I consent” to continue; you can withdraw your consent at any time.',
  arb_Arab: () =>
    'لا تعالج هذه الخدمة طلباتك إلا بموافقتك (القانون 09-08)، وأنت لم تمنحها أو سحبتها. اقرأ إشعار المساعد واختر «أوافق» للمتابعة؛ يمكنك سحب موافقتك في أي وقت.',
  ary_Arab: () =>
    'هاد الخدمة ما كتعالجش الطلبات ديالك غير بالموافقة ديالك (القانون 09-08)، وانت ما عطيتيهاش ولا حيدتيها. قرا الإشعار ديال المساعد وختار «موافق» باش تكمل؛ تقدر تحيد الموافقة ديالك فأي وقت.',
  ary_Latn: () =>
    'Had l-khidma ma kat3aljch t-talabat dyalk ghir b l-mouwafa9a dyalk (l-9anoun 09-08), w nta ma 3titihach wla 7ayedtiha. 9ra l-i3lan dyal l-mousa3id w khtar « mouwafi9 » bach tkemmel; t9der t7ayed l-mouwafa9a dyalk f ay wa9t.',
  zgh_Tfng: () =>
    'ⴰⵏⴰⴳⵔⴰⵡ ⴰⴷ ⵓⵔ ⵉⵙⴽⴰⵔ ⵉⵙⵓⵜⵔⵏ ⵏⵏⴽ ⴱⵍⴰ ⴰⵎⵙⴰⵙⴰ ⵏⵏⴽ (ⴰⵣⵔⴼ 09-08). ⵖⵔ ⴰⵍⵖⵓ ⵏ ⵓⵎⵙⵙⵓⴷⵙ ⵜⴼⵔⵏⴷ « ⵇⴱⵍⵖ » ⴰⴷ ⵜⴽⵎⵎⵍⴷ; ⵜⵣⵎⵎⵔⴷ ⴰⴷ ⵜⵙⵙⵓⵖⵍⴷ ⴰⵎⵙⴰⵙⴰ ⵏⵏⴽ ⴽⵓ ⴰⴽⵓⴷ.',
};

/** The refusal a person gets where the processing rests on their consent and none is in force (Law 09-08 art. 4). */
export function consentRequiredMessage(language: string | null | undefined): string {
  return render(CONSENT_REQUIRED, language, {});
}

export interface TransparencyFacts {
  /** The controller of the processing (Law 09-08 art. 1), as registered. */
  controller: string;
  purpose: string;
  /** The CNDP's receipt or authorisation number ("D-123/2025"), null while none is registered. */
  cndpReference: string | null;
  cndpRegime: 'declaration' | 'authorisation';
  /** Where to exercise the rights of access, rectification and objection: the DPO's e-mail or address. */
  dpoContact: string;
}

/** What the notice of an application names, from its use-case register entry. */
export const transparencyFacts = (useCase: UseCaseEntry): TransparencyFacts => ({
  controller: useCase.controller.name,
  purpose: useCase.purpose,
  cndpReference: useCase.cndp.reference,
  cndpRegime: useCase.cndp.regime,
  dpoContact: useCase.dpo.email,
});

/** How each language names the CNDP regime: the exact regime and number, never "certified" (register practice). */
interface RegimeWords {
  declaration: string;
  authorisation: string;
  number: string;
  unnumbered: string;
}

const REGIME_WORDS: Readonly<Record<WrittenLabel, RegimeWords>> = {
  fra_Latn: {
    declaration: 'déclaration',
    authorisation: 'autorisation',
    number: 'n°',
    unnumbered: '(numéro non communiqué)',
  },
  eng_Latn: {
    declaration: 'declaration',
    authorisation: 'authorisation',
    number: 'no.',
    unnumbered: '(number not provided)',
  },
  arb_Arab: { declaration: 'التصريح', authorisation: 'الإذن', number: 'رقم', unnumbered: '(لم يُبلَّغ الرقم)' },
  ary_Arab: { declaration: 'التصريح', authorisation: 'الإذن', number: 'رقم', unnumbered: '(الرقم ما تعطاش)' },
  ary_Latn: {
    declaration: 'tasri7',
    authorisation: 'l-idn',
    number: 'ra9m',
    unnumbered: '(ra9m ma t3tach)',
  },
  zgh_Tfng: {
    declaration: 'ⴰⵙⵏⵖⵎⵙ',
    authorisation: 'ⵜⵓⵔⴰⴳⵜ',
    number: 'ⵓⵟⵟⵓⵏ',
    unnumbered: '(ⵓⵔ ⵉⵍⵍⵉ ⵓⵟⵟⵓⵏ)',
  },
};

interface NoticeParams {
  controller: string;
  purpose: string;
  /** The regime and number, worded for the language. */
  cndp: string;
  dpo: string;
}

const TRANSPARENCY: Table<NoticeParams> = {
  fra_Latn: ({ controller, purpose, cndp, dpo }) =>
    `Vous échangez avec un système d’intelligence artificielle, pas avec une personne. Responsable du traitement : ${controller}. Finalité : ${purpose}. CNDP : ${cndp}. Vos données peuvent être vérifiées par un agent. Pour exercer vos droits d’accès, de rectification et d’opposition (loi 09-08), contactez : ${dpo}.`,
  eng_Latn: ({ controller, purpose, cndp, dpo }) =>
    `You are talking to an artificial intelligence system, not to a person. Controller: ${controller}. Purpose: ${purpose}. CNDP: ${cndp}. Your data may be checked by an agent. To exercise your rights of access, rectification and objection (Law 09-08), contact: ${dpo}.`,
  arb_Arab: ({ controller, purpose, cndp, dpo }) =>
    `أنت تتحاور مع نظام للذكاء الاصطناعي، وليس مع شخص. المسؤول عن المعالجة: ${controller}. الغاية: ${purpose}. اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي: ${cndp}. قد يتحقق أحد الموظفين من معطياتك. لممارسة حقوقك في الولوج والتصحيح والتعرض (القانون 09-08)، تواصل مع: ${dpo}.`,
  ary_Arab: ({ controller, purpose, cndp, dpo }) =>
    `راك كتهضر مع نظام ديال الذكاء الاصطناعي، ماشي مع بنادم. المسؤول على المعالجة: ${controller}. الهدف: ${purpose}. اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي: ${cndp}. يقدر شي موظف يراجع المعطيات ديالك. باش تستعمل الحقوق ديالك فالولوج والتصحيح والتعرض (القانون 09-08)، تواصل مع: ${dpo}.`,
  ary_Latn: ({ controller, purpose, cndp, dpo }) =>
    `Rak kathder m3a nidam dyal dka2 istina3i, machi m3a bnadem. L-mas2oul 3la l-mou3alaja: ${controller}. L-hadaf: ${purpose}. CNDP: ${cndp}. Y9der chi muwaddaf yraje3 l-mo3tayat dyalk. Bach tsta3mel l-7o9o9 dyalk f l-wolouj, t-tas7i7 w t-ta3arrod (l-9anoun 09-08), twasel m3a: ${dpo}.`,
  zgh_Tfng: ({ controller, purpose, cndp, dpo }) =>
    `ⴰⵔ ⵜⵙⴰⵡⴰⵍⴷ ⴷ ⵢⴰⵏ ⵓⵏⴰⴳⵔⴰⵡ ⵏ IA, ⵓⵔⴷ ⴷ ⵢⴰⵏ ⵓⴼⴳⴰⵏ. ⴰⵏⵎⵀⴰⵍ ⵏ ⵓⵙⴼⵔⴽ: ${controller}. ⵉⵙⵡⵉ: ${purpose}. CNDP: ${cndp}. ⵉⵣⵎⵎⵔ ⵢⴰⵏ ⵓⴼⴳⴰⵏ ⵏ ⵜⵏⴱⴰⴹⵜ ⴰⴷ ⵉⵥⵕ ⵉⵙⴼⴽⴰ ⵏⵏⴽ. ⵜⵣⵎⵎⵔⴷ ⴰⴷ ⵜⵥⵕⴷ ⵉⵙⴼⴽⴰ ⵏⵏⴽ, ⴰⴷ ⵜⵏ ⵜⵙⵙⵏⴼⵍⴷ, ⵏⵉⵖ ⴰⴷ ⵜⵓⴳⵉⴷ ⴰⵙⴼⵔⴽ ⵏⵙⵏ (ⴰⵣⵔⴼ 09-08): ⵙⴰⵡⵍ ⴷ ${dpo}.`,
};

export function reviewPendingMessage(language: string | null | undefined, expectedBy: Date): string {
  return render(REVIEW_PENDING, language, {}, expectedBy);
}

export function reviewRejectedMessage(language: string | null | undefined): string {
  return render(REVIEW_REJECTED, language, {});
}

export function applicationSuspendedMessage(language: string | null | undefined): string {
  return render(APPLICATION_SUSPENDED, language, {});
}

export function modelSuspendedMessage(language: string | null | undefined): string {
  return render(MODEL_SUSPENDED, language, {});
}

export function useProhibitedMessage(language: string | null | undefined): string {
  return render(USE_PROHIBITED, language, {});
}

export function humanHandoffMessage(language: string | null | undefined, expectedBy: Date): string {
  return render(HUMAN_HANDOFF, language, {}, expectedBy);
}

/** The refusal a person gets once they have objected to the processing (Law 09-08 art. 9). */
export function subjectObjectedMessage(language: string | null | undefined): string {
  return render(SUBJECT_OBJECTED, language, {});
}

export function transparencyNotice(language: string | null | undefined, facts: TransparencyFacts): string {
  const label = labelOf(language);
  const words = REGIME_WORDS[label === 'zgh_Latn' ? 'zgh_Tfng' : label];
  const regime = words[facts.cndpRegime];
  const cndp =
    facts.cndpReference === null
      ? `${regime} ${words.unnumbered}`
      : `${regime} ${words.number} ${facts.cndpReference}`;
  return render(TRANSPARENCY, language, {
    controller: facts.controller,
    // The templates end each fact with a full stop of their own.
    purpose: facts.purpose.trim().replace(/[.。!?؟]+$/u, ''),
    cndp,
    dpo: facts.dpoContact,
  });
}
