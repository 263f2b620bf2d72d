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

export function noModelMessage(language: string | null | undefined): string {
  return NO_MODEL[language ?? FALLBACK_LANGUAGE] ?? NO_MODEL[FALLBACK_LANGUAGE]!;
}
