/**
 * Latin-script folding for search and matching (French, Arabizi, Amazigh in Latin letters), never for display.
 *
 * - Lowercase, then accents off: NFD, combining marks U+0300–036F removed, NFC again so that other scripts
 *   (Hangul, Arabic hamza letters) come back composed. é → e, ç → c, and the Amazigh ḍ ṭ ṛ ẓ ṣ ḥ č ǧ →
 *   d t r z s h c g: a query typed without diacritics still matches.
 * - Ligatures are spelt out (œ → oe, æ → ae, ß → ss, ﬁ → fi) and typographic apostrophes become ' (’ ‘ ʼ ` ´).
 * - ɣ and ɛ are kept: they are Amazigh letters of their own, not accented letters, and gh / e already mean
 *   something else in Latin-script Tamazight.
 */

const SPELLED_OUT: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ﬀ: 'ff',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ﬃ: 'ffi',
  ﬄ: 'ffl',
  ﬅ: 'st',
  ﬆ: 'st',
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '`': "'",
  '´': "'",
};
const SPELLED_OUT_RE = new RegExp(`[${Object.keys(SPELLED_OUT).join('')}]`, 'g');
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;

export function foldLatin(text: string): string {
  const lower = text.toLowerCase();
  // ASCII text has no accents: skip the two normalization passes.
  const bare = NON_ASCII.test(lower)
    ? lower.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC')
    : lower;
  return bare.replace(SPELLED_OUT_RE, (ch) => SPELLED_OUT[ch] ?? ch);
}
