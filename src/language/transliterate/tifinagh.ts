/**
 * Neo-Tifinagh (Unicode U+2D30–2D7F) ↔ Latin, following IRCAM's standard transliteration of Standard Moroccan
 * Amazigh. Characters outside the table (punctuation, digits, other scripts, Tifinagh letters of other
 * varieties such as Tuareg ⵗ or the extended fricatives ⴲ ⴸ ⴺ ⵝ) pass through unchanged.
 *
 * Latin → Tifinagh is case-insensitive and accepts the IRCAM letters precomposed or decomposed (ḍ or
 * d + U+0323), plus the Greek γ ε that many writers type for ɣ ɛ. Unless `strict`, it also reads the ASCII
 * spellings people use without an Amazigh keyboard: gh → ⵖ, kh → ⵅ, ch and sh → ⵛ, tch → ⵞ, o and ou → ⵓ,
 * and 3 → ⵄ when it touches a letter (so that numbers stay numbers). Those digraphs are ambiguous with letter
 * pairs (ⴳⵀ "gh", ⴽⵀ "kh", ⵙⵀ "sh"), which are rare in Amazigh; `strict` reads only IRCAM letters and is exact.
 */

export interface TifinaghToLatinOptions {
  /** ASCII only: ɣ → gh, ɛ → 3, č → tch, ǧ → dj, ʷ → w, emphatics lose their dot (ḍ → d). */
  ascii?: boolean;
}

export interface LatinToTifinaghOptions {
  /** Read IRCAM letters only, no ASCII fallback spellings: the exact inverse of `tifinaghToLatin`. */
  strict?: boolean;
}

/** Tifinagh letter, IRCAM Latin letter, ASCII rendering. */
const TABLE: ReadonlyArray<readonly [string, string, string]> = [
  ['ⴰ', 'a', 'a'],
  ['ⴱ', 'b', 'b'],
  ['ⴳ', 'g', 'g'],
  ['ⴷ', 'd', 'd'],
  ['ⴹ', 'ḍ', 'd'],
  ['ⴻ', 'e', 'e'],
  ['ⴼ', 'f', 'f'],
  ['ⴽ', 'k', 'k'],
  ['ⵀ', 'h', 'h'],
  ['ⵃ', 'ḥ', 'h'],
  ['ⵄ', 'ɛ', '3'],
  ['ⵅ', 'x', 'x'],
  ['ⵇ', 'q', 'q'],
  ['ⵉ', 'i', 'i'],
  ['ⵊ', 'j', 'j'],
  ['ⵍ', 'l', 'l'],
  ['ⵎ', 'm', 'm'],
  ['ⵏ', 'n', 'n'],
  ['ⵓ', 'u', 'u'],
  ['ⵔ', 'r', 'r'],
  ['ⵕ', 'ṛ', 'r'],
  ['ⵖ', 'ɣ', 'gh'],
  ['ⵙ', 's', 's'],
  ['ⵚ', 'ṣ', 's'],
  ['ⵛ', 'c', 'c'],
  ['ⵜ', 't', 't'],
  ['ⵟ', 'ṭ', 't'],
  ['ⵡ', 'w', 'w'],
  ['ⵢ', 'y', 'y'],
  ['ⵣ', 'z', 'z'],
  ['ⵥ', 'ẓ', 'z'],
  // Labialization mark: ⴳⵯ gʷ and ⴽⵯ kʷ are letters for IRCAM, a base plus this modifier for Unicode.
  ['ⵯ', 'ʷ', 'w'],
  // IRCAM's extended letters, for loanwords and other varieties.
  ['ⵞ', 'č', 'tch'],
  ['ⴶ', 'ǧ', 'dj'],
  ['ⵒ', 'p', 'p'],
  ['ⵠ', 'v', 'v'],
];

/** Other spellings of IRCAM letters, read in both modes. */
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['γ', 'ⵖ'],
  ['ε', 'ⵄ'],
];

/** ASCII spellings, read unless `strict`; "3" is handled apart because it must touch a letter. */
const ASCII_SPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ['gh', 'ⵖ'],
  ['kh', 'ⵅ'],
  ['ch', 'ⵛ'],
  ['sh', 'ⵛ'],
  ['tch', 'ⵞ'],
  ['ou', 'ⵓ'],
  ['o', 'ⵓ'],
];
const AIN_DIGIT = '3';
const AIN = 'ⵄ';

const TIFINAGH_FIRST = 0x2d30;
const TIFINAGH_LAST = 0x2d7f;

/** Latin per Tifinagh code unit, indexed from U+2D30: an array lookup per character. */
function indexByCodeUnit(column: 1 | 2): Array<string | undefined> {
  const byCode = new Array<string | undefined>(TIFINAGH_LAST - TIFINAGH_FIRST + 1);
  for (const row of TABLE) byCode[row[0].charCodeAt(0) - TIFINAGH_FIRST] = row[column];
  return byCode;
}
const TO_LATIN = indexByCodeUnit(1);
const TO_ASCII = indexByCodeUnit(2);

/** Every spelling of `key` a writer may type: each code point in either case, precomposed or decomposed. */
function spellings(key: string): string[] {
  let variants = [''];
  for (const ch of key) {
    const cases = new Set([ch.toLowerCase(), ch.toUpperCase()]);
    variants = variants.flatMap((prefix) => [...cases].map((c) => prefix + c));
  }
  return [...new Set(variants.flatMap((v) => [v.normalize('NFC'), v.normalize('NFD')]))];
}

interface LatinReader {
  map: Map<string, string>;
  /** Longest key per first code unit, bounding the greedy match; other characters are copied as they are. */
  longest: Map<number, number>;
}

function buildReader(pairs: ReadonlyArray<readonly [string, string]>): LatinReader {
  const map = new Map<string, string>();
  const longest = new Map<number, number>();
  for (const [latin, tifinagh] of pairs) {
    for (const key of spellings(latin)) {
      map.set(key, tifinagh);
      const first = key.charCodeAt(0);
      longest.set(first, Math.max(longest.get(first) ?? 0, key.length));
    }
  }
  return { map, longest };
}

const IRCAM_PAIRS = [...TABLE.map(([tifinagh, latin]) => [latin, tifinagh] as const), ...ALIASES];
const STRICT_READER = buildReader(IRCAM_PAIRS);
const LENIENT_READER = buildReader([...IRCAM_PAIRS, ...ASCII_SPELLINGS]);

export function tifinaghToLatin(text: string, options: TifinaghToLatinOptions = {}): string {
  const table = options.ascii ? TO_ASCII : TO_LATIN;
  let out = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < TIFINAGH_FIRST || c > TIFINAGH_LAST) continue;
    const latin = table[c - TIFINAGH_FIRST];
    if (latin === undefined) continue;
    if (copiedUpTo < i) out += text.slice(copiedUpTo, i);
    out += latin;
    copiedUpTo = i + 1;
  }
  return out + text.slice(copiedUpTo);
}

/** A cased letter (Latin in practice): enough to tell ta3rabt from 3 iseggusen. */
const isLetter = (ch: string | undefined): boolean =>
  ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();

export function latinToTifinagh(text: string, options: LatinToTifinaghOptions = {}): string {
  const reader = options.strict ? STRICT_READER : LENIENT_READER;
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    let matched = 0;
    let tifinagh = '';
    const longest = reader.longest.get(text.charCodeAt(i));
    if (longest !== undefined) {
      for (let n = Math.min(longest, text.length - i); n > 0 && matched === 0; n--) {
        const hit = reader.map.get(text.slice(i, i + n));
        if (hit !== undefined) {
          matched = n;
          tifinagh = hit;
        }
      }
    } else if (!options.strict && text[i] === AIN_DIGIT && (isLetter(text[i - 1]) || isLetter(text[i + 1]))) {
      matched = 1;
      tifinagh = AIN;
    }
    if (matched === 0) {
      i++;
      continue;
    }
    if (copiedUpTo < i) out += text.slice(copiedUpTo, i);
    out += tifinagh;
    i += matched;
    copiedUpTo = i;
  }
  return out + text.slice(copiedUpTo);
}
