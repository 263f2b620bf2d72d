/**
 * Many people who write Darija in Arabic script spell it as it sounds, letter by letter from how they would
 * write it in Latin script ("واهد" for واحد, "مومكين" for ممكن, every vowel written). This rewrites Arabizi that
 * way, to teach the identifier that spelling too.
 */
const DIGRAPHS: [string, string][] = [
  ['kh', 'خ'],
  ['gh', 'غ'],
  ['ch', 'ش'],
  ['sh', 'ش'],
  ['ou', 'و'],
  ['dj', 'ج'],
];
const LETTERS: Record<string, string> = {
  a: 'ا',
  b: 'ب',
  c: 'ك',
  d: 'د',
  e: '',
  é: 'ي',
  f: 'ف',
  g: 'ڭ',
  h: 'ه',
  i: 'ي',
  j: 'ج',
  k: 'ك',
  l: 'ل',
  m: 'م',
  n: 'ن',
  o: 'و',
  p: 'پ',
  q: 'ق',
  r: 'ر',
  s: 'س',
  t: 'ت',
  u: 'و',
  v: 'ڤ',
  w: 'و',
  x: 'ش',
  y: 'ي',
  z: 'ز',
  '2': 'ء',
  '3': 'ع',
  '4': 'غ',
  '5': 'خ',
  '7': 'ح',
  '8': 'ه',
  '9': 'ق',
  '?': '؟',
  ',': '،',
};

export function phoneticArabic(arabizi: string, random: () => number): string {
  const text = arabizi.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length;) {
    const pair = DIGRAPHS.find(([latin]) => text.startsWith(latin, i));
    if (pair) {
      out += pair[1];
      i += 2;
      continue;
    }
    const ch = text[i]!;
    // A word-final "a" is often the feminine ending, written ة or ا.
    if (ch === 'a' && !/\p{L}/u.test(text[i + 1] ?? '')) out += random() < 0.5 ? 'ة' : 'ا';
    else if (ch === 'g') out += random() < 0.5 ? 'ڭ' : 'ك';
    else out += LETTERS[ch] ?? ch;
    i++;
  }
  return out;
}
