/**
 * What the built-in answerer says while no generative model is configured, per language label of the
 * language layer. Honest and short: it cannot answer yet, and says who can change that.
 */
const NO_MODEL: Record<string, string> = {
  fra_Latn:
    "Aucun modèle génératif n'est configuré sur cette instance de Mizan : je ne peux pas encore rédiger de " +
    'réponse. Un administrateur peut en configurer un (voir la section « Configuration » du README).',
  eng_Latn:
    'No generative model is configured on this Mizan instance, so I cannot write an answer yet. ' +
    'An administrator can configure one (see "Configuration" in the README).',
  arb_Arab:
    'لم يُضبط أي نموذج توليدي في هذه النسخة من ميزان، لذلك لا يمكنني صياغة جواب بعد. ' +
    'يمكن للمسؤول عن المنصة إعداد نموذج (انظر قسم الإعدادات في الدليل).',
  ary_Arab:
    'ما كاين حتى نموذج توليدي مفعّل فهاد النسخة ديال ميزان، داكشي علاش ما نقدرش نكتب ليك جواب دابا. ' +
    'المسؤول على المنصة يقدر يفعّل واحد.',
  ary_Latn:
    "Ma kayn hta model génératif m'configuri f had la version dyal Mizan, dakchi 3lach ma n9derch nkteb lik " +
    "jawab daba. L'administrateur y9der y configuri wa7ed.",
  zgh_Tfng:
    'ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵎⵓⴷⵉⵍ ⴰⵙⴳⵏⴰⵡ ⴳ ⵎⵉⵣⴰⵏ. / ' +
    "Aucun modèle génératif n'est configuré sur cette instance de Mizan.",
  zgh_Latn:
    'Ur illi kra n umudil asgnaw g Mizan. / ' +
    "Aucun modèle génératif n'est configuré sur cette instance de Mizan.",
};

/** French is the administration's working language in Morocco and the default when the language is unknown. */
export const FALLBACK_LANGUAGE = 'fra_Latn';

const inLanguage = (messages: Record<string, string>, language: string | null | undefined): string =>
  messages[language ?? FALLBACK_LANGUAGE] ?? messages[FALLBACK_LANGUAGE]!;

export function noModelMessage(language: string | null | undefined): string {
  return inLanguage(NO_MODEL, language);
}

/** The one-line preface of an answer made of quotations: it says honestly what the answer is. */
const QUOTING: Record<string, string> = {
  fra_Latn:
    'Voici ce que disent les textes officiels, cités mot pour mot (aucun modèle génératif ne reformule ici) :',
  eng_Latn:
    'Here is what the official texts say, quoted word for word (no generative model rephrases them here):',
  arb_Arab: 'هذا ما تنص عليه النصوص الرسمية، بنقل حرفي (لا يعيد أي نموذج توليدي صياغتها هنا):',
  ary_Arab: 'هاشنو كيقولو النصوص الرسمية، منقولين كيف ما هوما (حتى نموذج ما كيعاود يكتبهم هنا):',
  ary_Latn: 'Hadchi li katgol n-nusus r-rasmiya, mnqoulin kif ma homa (7ta model ma kay3awd ykthbhom hna):',
  zgh_Tfng:
    'ⵎⴰⵢⴰ ⴰⵢⴰ ⴰⵢⴷ ⵉⵏⵏⴰⵏ ⵉⴹⵕⵉⵚⵏ ⵉⵏⵚⴱⴰⴹⵏ. / Voici ce que disent les textes officiels, cités mot pour mot :',
  zgh_Latn:
    'Mayad ayd innan iḍṛiṣn inṣbaḍn. / Voici ce que disent les textes officiels, cités mot pour mot :',
};

/** Added when the sources are in another language than the question: nothing is translated. Ends with a colon: it
 * introduces the quotations and claims nothing itself. */
const UNTRANSLATED: Record<string, string> = {
  fra_Latn: 'Les extraits sont cités dans leur langue d’origine, sans traduction :',
  eng_Latn: 'The excerpts are quoted in their original language, without translation:',
  arb_Arab: 'المقتطفات مذكورة بلغتها الأصلية دون ترجمة:',
  ary_Arab: 'المقتطفات جايين باللغة الأصلية ديالهم، بلا ترجمة:',
  ary_Latn: 'L-mqtatafat jayin b l-logha l-asliya dyalhom, bla tarjama:',
  zgh_Tfng: 'Les extraits sont cités dans leur langue d’origine, sans traduction :',
  zgh_Latn: 'Les extraits sont cités dans leur langue d’origine, sans traduction :',
};

/** When the corpus has nothing that answers. */
const NOT_FOUND: Record<string, string> = {
  fra_Latn:
    'Je n’ai trouvé aucun passage des textes officiels qui réponde à cette question. Reformulez-la, ou adressez-vous à l’administration concernée.',
  eng_Latn:
    'I found no passage of the official texts that answers this question. Try rephrasing it, or contact the administration concerned.',
  arb_Arab: 'لم أجد في النصوص الرسمية أي مقطع يجيب عن هذا السؤال. أعد صياغته أو توجه إلى الإدارة المعنية.',
  ary_Arab: 'ما لقيت حتى شي حاجة فالنصوص الرسمية كتجاوب على هاد السؤال. عاود صيغو، ولا سول الإدارة المعنية.',
  ary_Latn:
    'Ma l9it 7ta chi 7aja f n-nusus r-rasmiya katjaweb 3la had so2al. 3awd sighou, wla sowel l-idara l-ma3niya.',
  zgh_Tfng: 'Je n’ai trouvé aucun passage des textes officiels qui réponde à cette question.',
  zgh_Latn: 'Je n’ai trouvé aucun passage des textes officiels qui réponde à cette question.',
};

export const quotingPreface = (language: string | null | undefined) => inLanguage(QUOTING, language);
export const untranslatedNote = (language: string | null | undefined) => inLanguage(UNTRANSLATED, language);
export const notFoundMessage = (language: string | null | undefined) => inLanguage(NOT_FOUND, language);
