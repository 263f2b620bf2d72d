/**
 * Character-level obfuscations: characters a reader does not see, and letters of another script that look like
 * Latin or Arabic ones. Both leave a message that reads the same on screen but matches no phrase.
 */

/**
 * Characters with no glyph: format characters (zero-width space, joiners, direction marks and isolates, the BOM,
 * soft hyphen, the Unicode tags), control characters but tab and line breaks, the combining grapheme joiner,
 * variation selectors and the Hangul fillers, which render blank.
 */
// Variation selectors and joiners are listed on purpose: they are what gets removed.
/* eslint-disable no-misleading-character-class */
const INVISIBLE =
  /(?![\t\n\r])[\p{Cf}\p{Cc}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\uffa0\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;
const HAS_INVISIBLE = new RegExp(INVISIBLE.source, 'u');
/* eslint-enable no-misleading-character-class */

export function removeInvisible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}

/** Unicode tags U+E0020–E007E mirror printable ASCII and render as nothing: "ASCII smuggling". */
const TAG_RUN = /[\u{e0020}-\u{e007e}]+/gu;
const TAG_OFFSET = 0xe0000;

/** The ASCII text hidden in tag characters, runs joined by a space, or undefined when there is none. */
export function hiddenTagText(text: string): string | undefined {
  const runs = text.match(TAG_RUN);
  if (!runs) return undefined;
  const decode = (run: string) =>
    String.fromCodePoint(...[...run].map((ch) => ch.codePointAt(0)! - TAG_OFFSET));
  return runs.map(decode).join(' ');
}

/**
 * Look-alikes, each with the letter it imitates. Greek γ and ε are left out: Latin-script Tamazight writes ɣ and ɛ
 * with them. Fullwidth, mathematical, circled letters and Arabic presentation forms need no entry: NFKC folds them.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  п: 'n',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  г: 'r',
  ѕ: 's',
  т: 't',
  у: 'y',
  ү: 'y',
  ԝ: 'w',
  х: 'x',
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ԛ: 'Q',
  Ѕ: 'S',
  Т: 'T',
  Ү: 'Y',
  У: 'Y',
  Ԝ: 'W',
  Х: 'X',
  // Greek
  α: 'a',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Latin letters that imitate other Latin letters
  ı: 'i',
  ɑ: 'a',
  ɡ: 'g',
  // Persian and Urdu letters that imitate Arabic ones
  ی: 'ي',
  ې: 'ي',
  ۍ: 'ي',
  ک: 'ك',
  ڪ: 'ك',
  ہ: 'ه',
  ھ: 'ه',
  ە: 'ه',
  ۃ: 'ة',
  ۀ: 'ه',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');
const HAS_LOOK_ALIKE = new RegExp(LOOK_ALIKE.source, 'u');

/** NFKC, then look-alike letters replaced by the letters they imitate. */
export function foldHomoglyphs(text: string): string {
  const compatible = text.normalize('NFKC');
  return HAS_LOOK_ALIKE.test(compatible)
    ? compatible.replace(LOOK_ALIKE, (ch) => LOOK_ALIKES[ch] ?? ch)
    : compatible;
}
