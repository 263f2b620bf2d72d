import { errors } from '../../errors.js';
import { identifyLanguage } from '../../language/identify.js';
import { LANGUAGE_LABELS, readsAs } from '../../language/labels.js';

/**
 * Whether an answer is in the language and script the case asks for. The identifier labels the whole answer; a
 * Darija reader in Arabic script reads MSA as well (`readsAs`), so an MSA answer to ary_Arab passes, and not the
 * reverse. An answer too short to tell is `und` and fails: the identifier is sure of "Oui." or "نعم", but one or
 * two words say nothing about whether the model keeps to the reader's language.
 */

/** Fewer words than this is too short to judge. */
export const MIN_WORDS = 3;
const WORD = /[\p{L}\p{M}\p{N}]*\p{L}[\p{L}\p{M}\p{N}]*/gu;

export function answersInLanguage(text: string, expected: string): boolean {
  if (!(LANGUAGE_LABELS as readonly string[]).includes(expected)) {
    throw errors.invalidRequest(
      'assurance_unknown_language',
      `The expected language ${JSON.stringify(expected)} is none of ${LANGUAGE_LABELS.join(', ')}.`,
      'language',
    );
  }
  if ((text.match(WORD) ?? []).length < MIN_WORDS) return false;
  const { lang } = identifyLanguage(text);
  return lang !== 'und' && readsAs(lang, expected);
}
