import { LANGUAGE_LABELS } from './labels.js';
import type { KnownLanguage } from './labels.js';
import { tifinaghToLatin } from './transliterate/index.js';

/**
 * How the gateway's own messages to a citizen are rendered in each language label: one template per written label,
 * French (the administration's working language) for `und` and unknown labels, and Latin-script Tamazight derived
 * from the Tifinagh text (IRCAM letters) so that the two never drift apart.
 */

/** The labels whose texts are written out; zgh_Latn is derived from zgh_Tfng. */
export type WrittenLabel = Exclude<KnownLanguage, 'zgh_Latn'>;
export type Table<P> = Readonly<Record<WrittenLabel, (params: P) => string>>;

const FALLBACK: WrittenLabel = 'fra_Latn';

/** Deadlines are shown in Moroccan time, in the reader's own date format. */
const TIME_ZONE = 'Africa/Casablanca';
const spelledOut = (locale: string) =>
  new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  });
const DATE_FORMATS: Readonly<Record<WrittenLabel, Intl.DateTimeFormat>> = {
  fra_Latn: spelledOut('fr-MA'),
  eng_Latn: spelledOut('en-GB'),
  arb_Arab: spelledOut('ar-MA'),
  ary_Arab: spelledOut('ar-MA'),
  // No locale writes Darija in Latin letters: numbers read the same in any language.
  ary_Latn: new Intl.DateTimeFormat('fr-MA', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }),
  zgh_Tfng: spelledOut('zgh-MA'),
};

const SENTENCE_START = /(^|[.!?]\s+)(\p{Ll})/gu;
const capitalizeSentences = (text: string): string =>
  text.replace(SENTENCE_START, (_, before: string, letter: string) => before + letter.toUpperCase());

export function labelOf(language: string | null | undefined): KnownLanguage {
  return (LANGUAGE_LABELS as readonly string[]).includes(language ?? '')
    ? (language as KnownLanguage)
    : FALLBACK;
}

/** The label whose template serves a reader of `language`. */
export function writtenLabelOf(language: string | null | undefined): WrittenLabel {
  const label = labelOf(language);
  return label === 'zgh_Latn' ? 'zgh_Tfng' : label;
}

/** The message of `table` in the reader's language; `expectedBy`, if any, is formatted for that reader. */
export function render<P>(
  table: Table<P & { when: string }>,
  language: string | null | undefined,
  params: P,
  expectedBy?: Date,
): string {
  const label = labelOf(language);
  const written = writtenLabelOf(label);
  const when = expectedBy ? DATE_FORMATS[written].format(expectedBy) : '';
  const text = table[written]({ ...params, when });
  return label === 'zgh_Latn' ? capitalizeSentences(tifinaghToLatin(text)) : text;
}
