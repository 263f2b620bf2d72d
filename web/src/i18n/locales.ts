/** The interface languages: Arabic, French, Tamazight (Tifinagh) and English. Darija speakers read the Arabic one. */
export const LOCALES = ['ar', 'fr', 'zgh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface LocaleInfo {
  /** The language's own name, as its speakers write it. */
  name: string;
  dir: 'rtl' | 'ltr';
  /** BCP 47 tag for `lang` attributes (fonts and screen readers choose by it). */
  tag: string;
}

export const LOCALE_INFO: Record<Locale, LocaleInfo> = {
  ar: { name: 'العربية', dir: 'rtl', tag: 'ar' },
  fr: { name: 'Français', dir: 'ltr', tag: 'fr' },
  zgh: { name: 'ⵜⴰⵎⴰⵣⵉⵖⵜ', dir: 'ltr', tag: 'zgh-Tfng' },
  en: { name: 'English', dir: 'ltr', tag: 'en' },
};

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The first of the browser's languages the interface speaks (Darija and Arabic dialects → Arabic), else French. */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const primary = language.toLowerCase().split('-')[0];
    if (primary === 'ar' || primary === 'ary') return 'ar';
    if (primary === 'zgh' || primary === 'tzm' || primary === 'shi' || primary === 'rif' || primary === 'ber')
      return 'zgh';
    if (isLocale(primary)) return primary;
  }
  return 'fr';
}

/**
 * The language code of Mizan's language identification (`mizan.language`, e.g. `ary_Arab`) as an interface
 * locale, so that the assistant can offer to switch to the language a person writes in.
 */
export function localeOfLanguage(language: string | undefined): Locale | undefined {
  if (!language) return undefined;
  const [code] = language.split('_');
  if (code === 'arb' || code === 'ary') return 'ar';
  if (code === 'zgh' || code === 'tzm' || code === 'shi' || code === 'rif') return 'zgh';
  if (code === 'fra') return 'fr';
  if (code === 'eng') return 'en';
  return undefined;
}
