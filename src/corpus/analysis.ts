import { normalizeForSearch } from '../language/normalize/index.js';

/**
 * How text is analysed for search: the language layer's normalization (letter variants, diacritics, case,
 * accents), then PostgreSQL's text-search configuration for the language (stemming, stop words). Chunks and
 * queries go through the same steps, on PGlite and PostgreSQL alike.
 */
export type TextSearchConfig = 'french' | 'arabic' | 'english' | 'simple';

export function textSearchConfig(language: string): TextSearchConfig {
  if (language.startsWith('fra')) return 'french';
  if (language.endsWith('_Arab')) return 'arabic';
  if (language.startsWith('eng')) return 'english';
  return 'simple';
}

/** A query is analysed with every configuration, so it meets each chunk in the form that chunk was indexed in. */
export const QUERY_CONFIGS: readonly TextSearchConfig[] = ['french', 'arabic', 'english', 'simple'];

export const searchableText = normalizeForSearch;
