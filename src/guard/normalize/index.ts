/**
 * The readings of a message that the guard's checks look at: the text as written, then the same text with each
 * obfuscation an attacker uses undone (invisible characters, look-alike letters, spaced-out or leet spelling,
 * Arabizi, Tifinagh, encoded payloads), and a folded reading for matching. A reading that would repeat an earlier
 * one is left out, so an ordinary message has two: as written and folded. Pure and cheap: no model, no I/O.
 */
import { normalizeForSearch } from '../../language/normalize/index.js';
import { arabiziToArabic, tifinaghToLatin } from '../../language/transliterate/index.js';
import type { GuardView } from '../types.js';
import { foldHomoglyphs, hiddenTagText, removeInvisible } from './characters.js';
import { decodedPayloads } from './encodings.js';
import { decodeLeetspeak, joinSpacedLetters, looksLikeArabizi } from './spelling.js';

export { decodedPayloads } from './encodings.js';
export { foldHomoglyphs, hiddenTagText, removeInvisible } from './characters.js';
export { decodeLeetspeak, joinSpacedLetters, looksLikeArabizi } from './spelling.js';

/** Every transform a view may carry, in the order views come. */
export const GUARD_VIEW_TRANSFORMS = [
  'as_written',
  /** Zero-width, direction and control characters removed. */
  'zero_width',
  /** The ASCII hidden in Unicode tag characters. */
  'unicode_tags',
  /** NFKC, then Cyrillic, Greek and Persian look-alikes read as the Latin or Arabic letters they imitate. */
  'homoglyph',
  /** "i g n o r e", "ig-no-re" joined. */
  'spacing',
  /** Digits and symbols read as letters: "1gn0r3". */
  'leetspeak',
  /** Darija in Latin letters rewritten in Arabic script. */
  'arabizi',
  /** Tifinagh letters rewritten in Latin ones. */
  'tifinagh',
  'base64',
  'hex',
  'url',
  'entities',
  'rot13',
  'reversed',
  /** Lowercased, Latin accents off, Arabic spelling variants folded, whitespace collapsed. */
  'folded',
] as const;
export type GuardViewTransform = (typeof GUARD_VIEW_TRANSFORMS)[number];

const TIFINAGH = /[\u2d30-\u2d7f]/;

/**
 * The views of a text, `as_written` first and `folded` last, none repeating another's text. Transforms build on
 * one another: look-alikes are folded in the text without invisible characters, leetspeak is read in the text
 * with spaced-out words joined, and payloads are looked for in the cleaned text, then once more in each decoded
 * segment (base64 inside base64, ROT13 inside hex).
 */
export function guardViews(text: string): GuardView[] {
  const views: GuardView[] = [];
  const seen = new Set<string>();
  const add = (transform: GuardViewTransform, viewText: string | undefined) => {
    if (viewText === undefined || seen.has(viewText)) return;
    seen.add(viewText);
    views.push({ transform, text: viewText });
  };

  add('as_written', text);
  const visible = removeInvisible(text);
  add('zero_width', visible);
  add('unicode_tags', hiddenTagText(text));
  const clean = foldHomoglyphs(visible);
  add('homoglyph', clean);
  const joined = joinSpacedLetters(clean);
  add('spacing', joined);
  add('leetspeak', decodeLeetspeak(joined));
  if (looksLikeArabizi(clean)) add('arabizi', arabiziToArabic(clean));
  if (TIFINAGH.test(clean)) add('tifinagh', tifinaghToLatin(clean, { ascii: true }));
  for (const payload of decodedPayloads(clean)) {
    add(payload.transform, payload.text);
    if (payload.transform === 'base64' || payload.transform === 'hex')
      for (const nested of decodedPayloads(payload.text)) add(nested.transform, nested.text);
  }
  add('folded', normalizeForSearch(clean));
  return views;
}
