/**
 * Arabic-script normalization for search and matching, never for display: spellings that writers of Darija and
 * MSA use interchangeably are folded to one form so that a query and a document meet.
 *
 * - Alef with hamza or madda, and alef wasla (أ إ آ ٱ ٲ ٳ) → ا; ta marbuta ة → ه; alef maqsura ى → ي.
 * - Hamza on a seat takes the seat (ؤ → و, ئ → ي) and standalone hamza ء is dropped: Darija usually leaves the
 *   final hamza out (شي for شيء, جا for جاء), so dropping it lets both spellings meet.
 * - Tatweel ـ, harakat (U+064B–065F), superscript alef (U+0670) and Quranic marks (U+06D6–06ED) are removed.
 * - Eastern Arabic ٠-٩ and Persian ۰-۹ digits → 0-9. Arabic punctuation (، ؛ ؟ ٪) is kept.
 * - Persian and Urdu letter shapes → the Arabic letter (ک ڪ → ك, ی ۍ → ي, ھ ہ ۀ ە → ه); Maghrebi fa and qaf
 *   (ڢ ڧ) → ف ق; veh ڤ ڥ → ف, since /v/ in loanwords is just as often written ف.
 * - The letters for Darija and Amazigh /g/ (ڭ گ ݣ) → ك: most keyboards lack them and writers fall back to ك.
 * - Presentation forms (U+FB50–FDFF, U+FE70–FEFF) → NFKC, then the rules above (ﻻ → لا, ﺃ → ا, ﹰ → '').
 *
 * Only Arabic-block code units are looked at; everything else, surrogate pairs included, is copied unchanged.
 */

const LETTERS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ؤ: 'و',
  ئ: 'ي',
  ء: '',
  ـ: '',
  ک: 'ك',
  ڪ: 'ك',
  ی: 'ي',
  ۍ: 'ي',
  ھ: 'ه',
  ہ: 'ه',
  ۀ: 'ه',
  ە: 'ه',
  ڢ: 'ف',
  ڧ: 'ق',
  ڤ: 'ف',
  ڥ: 'ف',
  ڭ: 'ك',
  گ: 'ك',
  ݣ: 'ك',
};

/** Code unit ranges whose characters are removed: harakat, superscript alef, Quranic annotation marks. */
const REMOVED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
];
const DIGIT_RANGES: ReadonlyArray<number> = [0x0660, 0x06f0];
const PRESENTATION_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
];

/** Replacement per code unit, built once; absent means "copy as is". */
const REPLACEMENTS = new Map<number, string>();
for (const [from, to] of Object.entries(LETTERS)) REPLACEMENTS.set(from.charCodeAt(0), to);
for (const [start, end] of REMOVED_RANGES) for (let c = start; c <= end; c++) REPLACEMENTS.set(c, '');
for (const start of DIGIT_RANGES) for (let d = 0; d < 10; d++) REPLACEMENTS.set(start + d, String(d));

const applyReplacements = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i++) out += REPLACEMENTS.get(text.charCodeAt(i)) ?? text[i];
  return out;
};

for (const [start, end] of PRESENTATION_RANGES) {
  for (let c = start; c <= end; c++) {
    const ch = String.fromCharCode(c);
    const folded = ch.normalize('NFKC');
    // The isolated haraka forms fold to a space plus the mark; the space would be noise once the mark is gone.
    if (folded !== ch) REPLACEMENTS.set(c, applyReplacements(folded.trim()));
  }
}

const FIRST_ARABIC = 0x0600;

export function normalizeArabic(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < FIRST_ARABIC) continue;
    const replacement = REPLACEMENTS.get(c);
    if (replacement === undefined) continue;
    out += text.slice(copiedUpTo, i) + replacement;
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}
