import { LANGUAGE_LABELS } from './labels.js';
import type { KnownLanguage } from './labels.js';

/**
 * The platform's fairness instruction to a model: neutral and respectful wording, nothing inferred about the person
 * from who they seem to be, the same answer whoever asks, no generalisation about groups of people. It is written
 * in the user's language, unlike answerInstruction, so that one more system message does not pull the answer
 * towards another language. Darija readers get Modern Standard Arabic, which they read and models follow best;
 * Arabizi and Tamazight (in either script) get French, the administration's other language, because models
 * follow instructions in Arabizi or Tamazight far less reliably.
 */
const FRENCH =
  "Règles d'équité : employez un langage neutre et respectueux. Ne déduisez rien sur la personne à partir de son " +
  "nom, de sa région, de sa langue, de son genre, de son âge, d'un éventuel handicap, de son origine ou de sa " +
  'religion. Répondez à une même question de la même manière, quelle que soit la personne qui la pose. Ne faites ' +
  'jamais de généralisation sur un groupe de personnes.';

const ENGLISH =
  'Fairness rules: use neutral, respectful language. Do not infer anything about the person from their name, ' +
  'region, language, gender, age, any disability, origin or religion. Answer the same question the same way, ' +
  'whoever asks it. Never generalise about a group of people.';

const ARABIC =
  'قواعد الإنصاف: استعمل لغة محايدة ومحترمة. لا تستنتج أي شيء عن الشخص من اسمه أو جهته أو لغته أو جنسه أو سنه ' +
  'أو إعاقة محتملة أو أصله أو دينه. أجب عن السؤال نفسه بالطريقة نفسها أيا كان السائل. لا تعمم أبدا أحكاما على فئة ' +
  'من الناس.';

const INSTRUCTIONS: Record<KnownLanguage, string> = {
  arb_Arab: ARABIC,
  ary_Arab: ARABIC,
  ary_Latn: FRENCH,
  zgh_Tfng: FRENCH,
  zgh_Latn: FRENCH,
  fra_Latn: FRENCH,
  eng_Latn: ENGLISH,
};

const isKnown = (language: string | null | undefined): language is KnownLanguage =>
  (LANGUAGE_LABELS as readonly unknown[]).includes(language);

/** The fairness instruction for a language label; French when the label is missing or not one of the platform's. */
export function fairnessInstruction(language: string | null | undefined): string {
  return isKnown(language) ? INSTRUCTIONS[language] : FRENCH;
}
