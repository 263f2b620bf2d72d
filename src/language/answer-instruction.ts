import type { KnownLanguage } from './labels.js';

/** How to name each language to a model, with its script: Darija and Tamazight are each written two ways. */
const DESCRIPTIONS: Record<KnownLanguage, string> = {
  ary_Arab: 'Moroccan Arabic (Darija), written in Arabic script',
  ary_Latn:
    'Moroccan Arabic (Darija), written in Latin script the way Moroccans text (Arabizi: 3 for ع, 7 for ح, 9 for ق)',
  arb_Arab: 'Modern Standard Arabic, in Arabic script',
  zgh_Tfng: 'Standard Moroccan Tamazight, written in Tifinagh',
  zgh_Latn: 'Tamazight, written in Latin script',
  fra_Latn: 'French',
  eng_Latn: 'English',
};

/**
 * The system instruction that asks a model to answer in the user's language and script. In English, the
 * language models follow best; the user can still ask for another language in their message.
 */
export function answerInstruction(language: KnownLanguage): string {
  return (
    `The user is writing in ${DESCRIPTIONS[language]}. ` +
    'Answer in that same language and script, unless the user explicitly asks for another one.'
  );
}
