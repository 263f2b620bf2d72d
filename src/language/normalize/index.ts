import { normalizeArabic } from './arabic.js';
import { foldLatin } from './french.js';

export { normalizeArabic } from './arabic.js';
export { foldLatin } from './french.js';

/** Invisible characters that split words for a matcher: soft hyphen, zero-width, direction and BOM marks. */
const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * The key the retrieval layer indexes and queries by: Arabic-script spelling variants folded, Latin lowercased
 * and accent-free, invisible characters removed and whitespace collapsed to single spaces, trimmed.
 */
export function normalizeForSearch(text: string): string {
  return foldLatin(normalizeArabic(text)).replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}
