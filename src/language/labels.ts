/**
 * The language labels of the platform: ISO 639-3 language + ISO 15924 script, as FLORES and NLLB write them.
 * Darija and Tamazight are written in two scripts each, and the script decides how to search and answer.
 */
export const LANGUAGE_LABELS = [
  'ary_Arab',
  'ary_Latn',
  'arb_Arab',
  'zgh_Tfng',
  'zgh_Latn',
  'fra_Latn',
  'eng_Latn',
] as const;

export type KnownLanguage = (typeof LANGUAGE_LABELS)[number];
/** `und`: too short, no letters, or a language the platform does not serve. */
export type LanguageLabel = KnownLanguage | 'und';

export function isLanguageLabel(value: string): value is LanguageLabel {
  return value === 'und' || (LANGUAGE_LABELS as readonly string[]).includes(value);
}

export type Script = 'Arab' | 'Latn' | 'Tfng';

export function scriptOf(label: KnownLanguage): Script {
  return label.slice(4) as Script;
}

/** Whether a reader of `reader` reads a text in `text` as their own language: Darija readers read MSA too. */
export const readsAs = (text: string, reader: string): boolean =>
  text === reader || (reader === 'ary_Arab' && text === 'arb_Arab');
