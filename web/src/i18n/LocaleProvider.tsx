import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLocale, LOCALE_INFO, preferredLocale, type Locale, type LocaleInfo } from './locales.js';

const STORAGE_KEY = 'mizan.locale';

interface LocaleState extends LocaleInfo {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** Dates and numbers in the interface language (Latin digits in Arabic, as Moroccan administrations write them). */
  formatDate(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string;
}

const LocaleContext = createContext<LocaleState | undefined>(undefined);

function initialLocale(): Locale {
  const fromQuery = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  if (isLocale(fromQuery)) return fromQuery;
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage may be off (private windows): the browser's languages decide.
  }
  return preferredLocale(globalThis.navigator?.languages ?? []);
}

/** Holds the interface language and keeps `<html lang dir>` in step, so the whole page flips for Arabic. */
export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? initialLocale());
  const info = LOCALE_INFO[locale];

  useEffect(() => {
    document.documentElement.lang = info.tag;
    document.documentElement.dir = info.dir;
  }, [info]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not kept across visits, still switched now.
    }
  }, []);

  const value = useMemo<LocaleState>(() => {
    const tag = locale === 'ar' ? 'ar-MA-u-nu-latn' : locale === 'zgh' ? 'fr-MA' : info.tag;
    return {
      ...info,
      locale,
      setLocale,
      formatDate: (date, options = { dateStyle: 'medium', timeStyle: 'short' }) =>
        new Intl.DateTimeFormat(tag, options).format(new Date(date)),
    };
  }, [info, locale, setLocale]);

  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale needs a LocaleProvider');
  return state;
}
