import { useLocale } from './LocaleProvider.js';
import type { Locale } from './locales.js';

/** One surface's texts in the four interface languages; the compiler checks that each language has every key. */
export type Messages<K extends string> = Record<Locale, Record<K, string>>;

export const defineMessages = <K extends string>(messages: Messages<K>): Messages<K> => messages;

/** The current language's texts of a set defined with `defineMessages`. */
export function useMessages<K extends string>(messages: Messages<K>): Record<K, string> {
  return messages[useLocale().locale];
}

/** Fills `{name}` placeholders. */
export const format = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
