import { errors } from '../../errors.js';
import type { KnownLanguage } from '../labels.js';
import { arabicToArabizi, arabiziToArabic } from './arabizi.js';
import { latinToTifinagh, tifinaghToLatin } from './tifinagh.js';

export { arabicToArabizi, arabiziToArabic } from './arabizi.js';
export type { ArabicToArabiziOptions } from './arabizi.js';
export { latinToTifinagh, tifinaghToLatin } from './tifinagh.js';
export type { LatinToTifinaghOptions, TifinaghToLatinOptions } from './tifinagh.js';

export interface TransliterationPair {
  from: KnownLanguage;
  to: KnownLanguage;
}

const CONVERTERS: ReadonlyArray<TransliterationPair & { convert: (text: string) => string }> = [
  { from: 'zgh_Tfng', to: 'zgh_Latn', convert: (text) => tifinaghToLatin(text) },
  { from: 'zgh_Latn', to: 'zgh_Tfng', convert: (text) => latinToTifinagh(text) },
  { from: 'ary_Latn', to: 'ary_Arab', convert: arabiziToArabic },
  { from: 'ary_Arab', to: 'ary_Latn', convert: (text) => arabicToArabizi(text) },
];

/** The pairs `transliterate` supports, for listings such as the CLI's. */
export const TRANSLITERATION_PAIRS: readonly TransliterationPair[] = CONVERTERS.map(({ from, to }) => ({
  from,
  to,
}));

/**
 * Transliterates with each converter's defaults. Labels are plain strings because they often come straight from
 * users (CLI flags, request fields): any pair not listed is a 400 `unsupported_transliteration`.
 */
export function transliterate(text: string, from: string, to: string): string {
  const converter = CONVERTERS.find((c) => c.from === from && c.to === to);
  if (!converter) {
    const supported = TRANSLITERATION_PAIRS.map((p) => `${p.from} → ${p.to}`).join(', ');
    throw errors.invalidRequest(
      'unsupported_transliteration',
      `No transliteration from ${from} to ${to}; supported: ${supported}.`,
    );
  }
  return converter.convert(text);
}
