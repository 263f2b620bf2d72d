/** ISO 639-3 codes of Mizan's language labels that BCP 47 writes with two letters. */
const SHORT_CODES: Record<string, string> = { fra: 'fr', arb: 'ar', eng: 'en' };

/**
 * `lang` and `dir` for text in one of Mizan's language labels (`ary_Latn`, `fra_Latn`, `arb_Arab`): Darija in
 * Latin letters runs left to right, in Arabic letters right to left, whatever the interface language.
 */
export function languageAttributes(label: string | null | undefined): {
  lang?: string;
  dir: 'ltr' | 'rtl' | 'auto';
} {
  if (!label) return { dir: 'auto' };
  const [code = '', script] = label.split('_');
  const lang = SHORT_CODES[code] ?? code;
  return {
    lang: script && script !== 'Arab' && code !== 'fra' && code !== 'eng' ? `${lang}-${script}` : lang,
    dir: script === 'Arab' ? 'rtl' : 'ltr',
  };
}
