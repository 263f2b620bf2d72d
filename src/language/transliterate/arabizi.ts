/**
 * Darija in Latin letters ("Arabizi", ary_Latn) ↔ Darija in Arabic script (ary_Arab).
 *
 * arabiziToArabic serves search over Arabic-script sources, so it aims at the spelling Darija writers use, not
 * at MSA. In order, per word:
 * 1. A lexicon of frequent words with irregular or emphatic spellings (safi → صافي, daba → دابا).
 * 2. Negation ma…ch around a stem of three letters or more: makaynch → ما + كاين + ش.
 * 3. The article: l-, el-, al- and l' before anything; l, el, al glued to a consonant (lmdina → المدينة);
 *    a doubled sun letter (nnas, eddar → الناس، الدار); fl + consonant → فال. At least three letters must
 *    follow, so that lik or lah stay ليك، لاه; verbs such as lqit do get a wrong article, the price of a
 *    simple rule.
 * 4. Letters: 2 ء (dropped before a word-initial vowel), 3 ع, 5 and kh خ, 7 ح, 8 ه, 9 and q ق, gh غ,
 *    ch sh x ش, dj and j ج, g ڭ, c ك, p ب, v ڤ. Doubled consonants are written once (no shadda in Darija
 *    spelling). Arabizi does not mark emphatics, so s d t z give س د ت ز unless the lexicon knows better.
 * 5. Vowels. Darija has lost most short vowels, and Arabizi writes the reduced vowel as e or not at all, so:
 *    e is dropped (kteb → كتب); a is ا, but not before a doubled consonant (7ammam → حمام); i ii ee → ي;
 *    ou u oo uu → و; o is و, dropped before two consonants (khobz → خبز). A word-initial vowel gets an alef
 *    seat: a e → ا, i → اي (ا alone before two consonants: ismi → اسمي), o u → او. A final a is ا, ة after
 *    the article (lkhedma → الخدمة), where the word must be a noun; without it, -a is as often a verb
 *    (mcha, bgha).
 * Digits that are not letters (0 1 4 6), all-digit tokens and anything that is not a Latin word pass through.
 *
 * arabicToArabizi renders Darija Arabic script the way Darija is typed: most common spelling by default
 * (ch, 9, 3, 7, ou, i), or, with `random`, a spelling drawn among common variants (sh/x, q, kh/5, o/u, y, an
 * article el- or l-, an e or a between consonants) to generate varied synthetic Arabizi.
 */
import { foldLatin } from '../normalize/french.js';
import { normalizeArabic } from '../normalize/arabic.js';

export interface ArabicToArabiziOptions {
  /** A source of numbers in [0, 1), such as Math.random or a seeded generator: spellings vary when given. */
  random?: () => number;
}

/** Frequent Darija words: the Arabic-script spelling, then Arabizi spellings, most common first. */
const LEXICON: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ديال', ['dyal', 'dial', 'diyal']],
  ['ديالي', ['dyali', 'diali']],
  ['ديالك', ['dyalk', 'dyalek', 'dialk']],
  ['ديالنا', ['dyalna', 'dialna']],
  ['واش', ['wach', 'wash']],
  ['بغيت', ['bghit', 'bghyt']],
  ['كيفاش', ['kifach', 'kifash', 'kifech']],
  ['شنو', ['chno', 'chnou', 'shno', 'chnu']],
  ['اشنو', ['achno', 'ashno']],
  ['علاش', ['3lach', '3lash']],
  ['فاش', ['fach', 'fash']],
  ['شحال', ['ch7al', 'chhal', 'sh7al']],
  ['منين', ['mnin']],
  ['فين', ['fin', 'fen']],
  ['امتى', ['imta', 'emta']],
  ['دابا', ['daba', 'dba']],
  ['بزاف', ['bzaf', 'bezzaf', 'bzzaf']],
  ['شوية', ['chwiya', 'chwia', 'shwiya']],
  ['ماشي', ['machi', 'mashi']],
  ['هاد', ['had']],
  ['هادا', ['hada']],
  ['هادي', ['hadi']],
  ['هادو', ['hado', 'hadou']],
  ['هادشي', ['hadchi', 'hadshi']],
  ['داكشي', ['dakchi', 'dakshi']],
  ['كاين', ['kayn', 'kayen', 'kain']],
  ['كاينة', ['kayna', 'kaina']],
  ['مزيان', ['mzyan', 'mezyan', 'mzian']],
  ['مزيانة', ['mzyana', 'mziana']],
  ['سلام', ['salam', 'slam']],
  ['لاباس', ['labas', 'labass']],
  ['عافاك', ['3afak', 'afak']],
  ['شكرا', ['chokran', 'choukran', 'shukran']],
  ['بسلامة', ['bslama', 'beslama']],
  ['مرحبا', ['mar7ba', 'mer7ba', 'marhba']],
  ['الله', ['llah', 'allah']],
  ['اللي', ['lli', 'elli', 'illi']],
  ['لي', ['li']],
  ['ليك', ['lik']],
  ['ليا', ['liya', 'lia']],
  ['عليك', ['3lik']],
  ['مع', ['m3a']],
  ['عند', ['3nd', '3end', '3and']],
  ['عندي', ['3ndi', '3andi', '3endi']],
  ['بلا', ['bla']],
  ['غير', ['ghir', 'ghyr']],
  ['باش', ['bach', 'bash']],
  ['ولا', ['wla', 'wlla', 'ola', 'oula']],
  ['ولكن', ['walakin', 'walaken']],
  ['و', ['w', 'o', 'ou', 'u']],
  ['في', ['fi']],
  ['ف', ['f']],
  ['لا', ['la']],
  ['ما', ['ma']],
  ['ايه', ['iyeh', 'ih', 'iyah']],
  ['انا', ['ana']],
  ['نتا', ['nta', 'enta']],
  ['نتي', ['nti', 'enti']],
  ['هو', ['howa', 'huwa', 'houwa']],
  ['هي', ['hiya', 'hia']],
  ['حنا', ['7na']],
  ['هنا', ['hna']],
  ['نتوما', ['ntouma', 'ntoma']],
  ['هوما', ['homa', 'houma']],
  ['خويا', ['khoya', 'khouya']],
  ['ختي', ['khti']],
  ['خدمة', ['khedma', 'khdma']],
  ['فلوس', ['flous', 'flouss', 'flos']],
  ['واحد', ['wa7ed', 'wahed', 'wa7d']],
  ['جوج', ['jouj', 'jooj']],
  ['ديما', ['dima']],
  ['مازال', ['mazal', 'mzal']],
  ['غادي', ['ghadi', 'ghady']],
  ['كانت', ['kant', 'kanet']],
  ['والو', ['walo', 'walou']],
  ['صافي', ['safi', 'safy']],
  ['صباح', ['sba7', 'sbah']],
  ['مدينة', ['mdina', 'medina']],
  ['اليوم', ['lyoum', 'lyom', 'lyouma']],
  ['غدا', ['ghda', 'ghedda']],
  ['كلشي', ['kolchi', 'kulchi', 'koulchi']],
  ['شي', ['chi', 'shi']],
  ['راه', ['rah']],
  ['واخا', ['wakha', 'waxa']],
  ['ايوا', ['iwa', 'iwaa']],
  ['سمحلي', ['sme7li', 'sm7li', 'smahli']],
  ['تما', ['tma', 'temma']],
  ['بلاصة', ['blasa', 'blassa']],
  ['ولاد', ['wlad', 'oulad']],
  ['بحال', ['b7al', 'bhal']],
  ['ضروري', ['daruri', 'darori']],
  ['بطاقة', ['bita9a', 'bitaqa']],
  ['وثيقة', ['wati9a', 'watiqa']],
  ['طلب', ['talab', 'tlab']],
  ['الما', ['lma']],
  ['ديت', ['ddit']],
  ['إن شاء الله', ['inchallah', 'inshallah', 'nchallah']],
  ['الحمد لله', ['l7amdulillah', 'hamdullah', 'lhamdulillah']],
  ['تبارك الله', ['tbarkallah', 'tbarkellah']],
];

/** Words repeat (Zipf): deterministic conversions remember the words they converted, up to a bound. */
const REMEMBERED_WORDS = 50_000;
function remembered(convert: (word: string) => string): (word: string) => string {
  const memo = new Map<string, string>();
  return (word) => {
    let converted = memo.get(word);
    if (converted === undefined) {
      if (memo.size >= REMEMBERED_WORDS) memo.clear();
      converted = convert(word);
      memo.set(word, converted);
    }
    return converted;
  };
}

const FROM_ARABIZI = new Map<string, string>();
for (const [arabic, latin] of LEXICON)
  for (const l of latin) if (!FROM_ARABIZI.has(l)) FROM_ARABIZI.set(l, arabic);
/** Reverse lookups go through normalizeArabic, so that أنا and انا both find "ana". Phrases stay one-way. */
const TO_ARABIZI = new Map<string, readonly string[]>();
for (const [arabic, latin] of LEXICON)
  if (!arabic.includes(' ')) TO_ARABIZI.set(normalizeArabic(arabic), latin);

// ----------------------------------------------------------------------------------------------------
// Arabizi → Arabic

type Vowel = 'a' | 'e' | 'i' | 'o' | 'u';
/** A consonant (its Arabic letter) or a vowel; characters outside the tables stand for themselves. */
interface Unit {
  text: string;
  letter: string;
  vowel?: Vowel;
}

const CONSONANTS: Record<string, string> = {
  b: 'ب',
  p: 'ب',
  t: 'ت',
  j: 'ج',
  dj: 'ج',
  '7': 'ح',
  '5': 'خ',
  kh: 'خ',
  d: 'د',
  r: 'ر',
  z: 'ز',
  s: 'س',
  ch: 'ش',
  sh: 'ش',
  x: 'ش',
  '9': 'ق',
  q: 'ق',
  '3': 'ع',
  gh: 'غ',
  '8': 'ه',
  f: 'ف',
  v: 'ڤ',
  k: 'ك',
  c: 'ك',
  g: 'ڭ',
  l: 'ل',
  m: 'م',
  n: 'ن',
  h: 'ه',
  w: 'و',
  y: 'ي',
  '2': 'ء',
};
const VOWELS: Record<string, Vowel> = {
  a: 'a',
  aa: 'a',
  e: 'e',
  i: 'i',
  ii: 'i',
  ee: 'i',
  o: 'o',
  ou: 'u',
  oo: 'u',
  u: 'u',
  uu: 'u',
};
const UNITS = new Map<string, Omit<Unit, 'text'>>([
  ...Object.entries(CONSONANTS).map(([latin, letter]) => [latin, { letter }] as const),
  ...Object.entries(VOWELS).map(([latin, vowel]) => [latin, { letter: '', vowel }] as const),
]);
const LONGEST_UNIT = Math.max(...[...UNITS.keys()].map((key) => key.length));

const SUN_LETTERS = new Set('تثدذرزسشصضطظلن');
const ARTICLE = 'ال';
const ARTICLE_WORDS = new Set(['l', 'el', 'al']);
const MIN_STEM_UNITS = 3;
const NEGATION = /^ma(.{3,})ch$/;
const WORD_SEPARATOR = /(['-])/;

function toUnits(word: string): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < word.length;) {
    let n = Math.min(LONGEST_UNIT, word.length - i);
    for (; n > 1 && !UNITS.has(word.slice(i, i + n)); n--);
    const text = word.slice(i, i + n);
    units.push({ text, ...(UNITS.get(text) ?? { letter: text }) });
    i += n;
  }
  // A word-initial 2 before a vowel only marks the glottal onset every initial vowel has: 2amal is amal.
  if (units[0]?.letter === 'ء' && units[1]?.vowel !== undefined) units.shift();
  return units;
}

const isConsonant = (u: Unit | undefined): u is Unit => u !== undefined && u.vowel === undefined;

function vowelLetter(units: Unit[], k: number, article: boolean): string {
  const { vowel } = units[k]!;
  const next = units[k + 1];
  const after = units[k + 2];
  const closed = isConsonant(next) && isConsonant(after);
  const geminate = closed && next.letter === after.letter;
  if (k === 0) {
    if (vowel === 'i') return closed ? 'ا' : 'اي';
    return vowel === 'o' || vowel === 'u' ? 'او' : 'ا';
  }
  const final = k === units.length - 1;
  switch (vowel) {
    case 'a':
      if (final) return article && isConsonant(units[k - 1]) && units[k - 1]!.letter !== 'ه' ? 'ة' : 'ا';
      return geminate ? '' : 'ا';
    case 'e':
      return '';
    case 'i':
      return 'ي';
    case 'o':
      return closed ? '' : 'و';
    default:
      return 'و';
  }
}

function spell(units: Unit[], article: boolean): string {
  let out = '';
  for (let k = 0; k < units.length; k++) {
    const unit = units[k]!;
    if (unit.vowel !== undefined) out += vowelLetter(units, k, article);
    else if (!(isConsonant(units[k - 1]) && units[k - 1]!.letter === unit.letter)) out += unit.letter;
  }
  return out;
}

const joinText = (units: Unit[]): string => units.map((u) => u.text).join('');

/** The stem with the article it carries, or undefined when the word has no article. */
function withArticle(units: Unit[]): string | undefined {
  const [u0, u1, u2] = units;
  const stemAfter = (n: number): string | undefined =>
    units.length - n >= MIN_STEM_UNITS ? ARTICLE + stemToArabic(joinText(units.slice(n)), true) : undefined;
  const doubledSun = (a: Unit | undefined, b: Unit | undefined) =>
    isConsonant(a) && isConsonant(b) && a.letter === b.letter && SUN_LETTERS.has(a.letter);
  if (doubledSun(u0, u1)) return stemAfter(1);
  if (u0?.vowel === 'e' || u0?.vowel === 'a') {
    if (doubledSun(u1, u2)) return stemAfter(2);
    if (u1?.letter === 'ل' && isConsonant(u2)) return stemAfter(2);
  }
  if (u0?.letter === 'ل' && isConsonant(u1)) return stemAfter(1);
  if (u0?.letter === 'ف' && u1?.letter === 'ل' && isConsonant(u2)) {
    const rest = stemAfter(2);
    return rest === undefined ? undefined : 'ف' + rest;
  }
  return undefined;
}

function stemToArabic(stem: string, article: boolean): string {
  return FROM_ARABIZI.get(stem) ?? spell(toUnits(stem), article);
}

function wordToArabic(word: string): string {
  const known = FROM_ARABIZI.get(word);
  if (known !== undefined) return known;
  const parts = word.split(WORD_SEPARATOR);
  if (parts.length > 1) {
    const [first, , ...rest] = parts;
    const stem = rest.filter((_, i) => i % 2 === 0).join('');
    const assimilated = SUN_LETTERS.has(CONSONANTS[first!] ?? '') && stem.startsWith(first!);
    if (ARTICLE_WORDS.has(first!) || assimilated) return ARTICLE + stemToArabic(stem, true);
    return parts.map((p, i) => (i % 2 === 1 ? p : wordToArabic(p))).join('');
  }
  const negated = NEGATION.exec(word);
  if (negated) return 'ما' + stemToArabic(negated[1]!, false) + 'ش';
  const units = toUnits(word);
  return withArticle(units) ?? spell(units, false);
}

/** Latin words: letters (accented included, × and ÷ not), digits, and inner apostrophes or hyphens. */
const LATIN_CHAR = 'a-z0-9\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u1e00-\\u1eff';
const LATIN_WORD = new RegExp(`[${LATIN_CHAR}]+(?:['’-][${LATIN_CHAR}]+)*`, 'gi');
const HAS_LETTER = /[a-z]/;

const tokenToArabic = remembered((token) => {
  const word = foldLatin(token);
  return HAS_LETTER.test(word) ? wordToArabic(word) : token;
});

export function arabiziToArabic(text: string): string {
  return text.replace(LATIN_WORD, tokenToArabic);
}

// ----------------------------------------------------------------------------------------------------
// Arabic → Arabizi

/** Latin spellings per letter, the default first; a spelling listed twice is drawn twice as often. */
const SPELLINGS: Record<string, readonly string[]> = {
  ب: ['b'],
  ت: ['t'],
  ث: ['t', 't', 'th'],
  ج: ['j', 'j', 'dj'],
  ح: ['7', '7', '7', 'h'],
  خ: ['kh', 'kh', 'kh', '5'],
  د: ['d'],
  ذ: ['d', 'd', 'dh'],
  ر: ['r'],
  ز: ['z'],
  س: ['s'],
  ش: ['ch', 'ch', 'sh', 'x'],
  ص: ['s'],
  ض: ['d'],
  ط: ['t'],
  ظ: ['d', 'd', 'dh'],
  ع: ['3'],
  غ: ['gh'],
  ف: ['f'],
  ڤ: ['v'],
  ق: ['9', '9', 'q'],
  ك: ['k'],
  ڭ: ['g'],
  گ: ['g'],
  ݣ: ['g'],
  ل: ['l'],
  م: ['m'],
  ن: ['n'],
  ه: ['h'],
  پ: ['p'],
};
/** Letters read as a vowel a, and how the semivowels and hamzas are spelt. */
const A_LETTERS = new Set('اةىآ');
const WAW_VOWEL = ['ou', 'ou', 'o', 'u'];
const YA_VOWEL = ['i', 'i', 'i', 'y'];
const HAMZA = ['2', '2', 'a'];
const INITIAL_HAMZA_I = ['i', 'i', 'e'];
/** Harakat, when a text has them, give the vowel outright. */
const FATHA = '\u064e';
const KASRA = '\u0650';
const DAMMA = '\u064f';
const SHADDA = '\u0651';
const MARK_VOWELS: Record<string, readonly string[]> = {
  [FATHA]: ['a'],
  [KASRA]: ['i', 'e'],
  [DAMMA]: ['o', 'ou', 'u'],
};
const TATWEEL = /\u0640/g;
const isMark = (ch: string): boolean => (ch >= '\u064b' && ch <= '\u065f') || ch === '\u0670';

/** Odds, with `random`, of a vowel typed between two consonants, and of the e of a final cluster left out. */
const CLUSTER_VOWEL_ODDS = 0.1;
const CLUSTER_VOWELS = ['e', 'a'];
const FINAL_E_DROPPED_ODDS = 0.15;

type Pick = (choices: readonly string[]) => string;

interface Sound {
  text: string;
  vowel: boolean;
}

function soundsOf(word: string, pick: Pick): Sound[] {
  const letters = [...word].filter((ch) => !isMark(ch));
  const sounds: Sound[] = [];
  let li = -1;
  for (const ch of word) {
    if (isMark(ch)) {
      const last = sounds.at(-1);
      if (ch === SHADDA && last && !last.vowel) sounds.push({ ...last });
      else if (MARK_VOWELS[ch]) sounds.push({ text: pick(MARK_VOWELS[ch]), vowel: true });
      continue;
    }
    li++;
    const prev = letters[li - 1];
    const next = letters[li + 1];
    const nearA = (prev !== undefined && A_LETTERS.has(prev)) || (next !== undefined && A_LETTERS.has(next));
    if (A_LETTERS.has(ch)) {
      if (sounds.at(-1)?.text !== 'a') sounds.push({ text: 'a', vowel: true });
    } else if (ch === 'و') {
      const consonant = li === 0 || nearA || next === 'ي';
      sounds.push(consonant ? { text: 'w', vowel: false } : { text: pick(WAW_VOWEL), vowel: true });
    } else if (ch === 'ي') {
      const consonant = li === 0 || nearA || next === 'و';
      sounds.push(consonant ? { text: 'y', vowel: false } : { text: pick(YA_VOWEL), vowel: true });
    } else if (ch === 'أ' || ch === 'إ') {
      const initial = ch === 'أ' ? 'a' : pick(INITIAL_HAMZA_I);
      sounds.push({ text: li === 0 ? initial : pick(HAMZA), vowel: true });
    } else if (ch === 'ؤ' || ch === 'ئ' || ch === 'ء') {
      // A final hamza is silent in Darija (شيء is said chi).
      if (next !== undefined) sounds.push({ text: pick(HAMZA), vowel: true });
    } else sounds.push({ text: SPELLINGS[ch] ? pick(SPELLINGS[ch]) : ch, vowel: false });
  }
  return sounds;
}

/**
 * Vowels Arabic script leaves out: an e before the last of three or more final consonants (كتب → kteb,
 * نقدر → n9der) or between the two consonants of a word that has only them (حل → 7el), and, with `random`,
 * an e or an a now and then between two consonants.
 */
function voice(sounds: Sound[], pick: Pick, random: (() => number) | undefined): string {
  let trailing = 0;
  while (trailing < sounds.length && !sounds[sounds.length - 1 - trailing]!.vowel) trailing++;
  const cluster = trailing >= 3 || (trailing === 2 && sounds.length === 2);
  const finalE = cluster && !(random && random() < FINAL_E_DROPPED_ODDS) ? sounds.length - 1 : -1;
  let out = '';
  for (let k = 0; k < sounds.length; k++) {
    const prev = sounds[k - 1];
    if (k === finalE) out += 'e';
    else if (random && prev && !prev.vowel && !sounds[k]!.vowel && random() < CLUSTER_VOWEL_ODDS) {
      out += pick(CLUSTER_VOWELS);
    }
    out += sounds[k]!.text;
  }
  return out;
}

/** Article forms, longest first: f + l- and b + l- are written فال، بال in Darija, l + l- (to the) لل. */
const ARTICLE_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['فال', 'f'],
  ['بال', 'b'],
  ['لل', ''],
  ['ال', ''],
];
const MIN_ARTICLE_STEM = 2;
/** Negation ما…ش around a stem of two letters or more, spelt ma…ch like the stem alone would be. */
const NEGATED_ARABIC = /^ما(.{2,})ش$/;

function arabicWordToArabizi(word: string, pick: Pick, random: (() => number) | undefined): string {
  const spell = (stem: string): [string, Sound | undefined] => {
    const sounds = soundsOf(stem, pick);
    const known = TO_ARABIZI.get(normalizeArabic(stem));
    return [known ? pick(known) : voice(sounds, pick, random), sounds[0]];
  };
  const bare = word.replace(TATWEEL, '');
  const known = TO_ARABIZI.get(normalizeArabic(bare));
  if (known) return pick(known);
  const negated = NEGATED_ARABIC.exec(bare);
  if (negated) return 'ma' + arabicWordToArabizi(negated[1]!, pick, random) + pick(SPELLINGS['ش']!);
  const article = ARTICLE_PREFIXES.find(
    ([a]) => bare.startsWith(a) && bare.length - a.length >= MIN_ARTICLE_STEM,
  );
  if (!article) return spell(bare)[0];
  const stem = bare.slice(article[0].length);
  const [text, first] = spell(stem);
  // Before a sun letter the l is assimilated: الدار is said and typed ddar.
  const sun = first !== undefined && !first.vowel && SUN_LETTERS.has(stem[0]!);
  const l = sun ? pick([first.text, first.text, 'l', 'e' + first.text]) : pick(['l', 'l', 'el', 'l-']);
  return article[1] + l + text;
}

const ARABIC_WORD = /[\u0621-\u065f\u0670-\u06d3\u06d5\u0750-\u077f]+/g;
const PRESENTATION_FORMS = /[\ufb50-\ufdff\ufe70-\ufefc]+/g;
const PUNCTUATION: Record<string, string> = { '،': ',', '؛': ';', '؟': '?', '٪': '%' };
const PUNCTUATION_OR_DIGIT = /[،؛؟٪\u0660-\u0669\u06f0-\u06f9]/g;

const firstChoice: Pick = (choices) => choices[0]!;
const defaultArabizi = remembered((word) => arabicWordToArabizi(word, firstChoice, undefined));

export function arabicToArabizi(text: string, options: ArabicToArabiziOptions = {}): string {
  const { random } = options;
  const convert = random
    ? (word: string) =>
        arabicWordToArabizi(word, (choices) => choices[Math.floor(random() * choices.length)]!, random)
    : defaultArabizi;
  return text
    .replace(PRESENTATION_FORMS, (forms) => forms.normalize('NFKC'))
    .replace(ARABIC_WORD, convert)
    .replace(PUNCTUATION_OR_DIGIT, (ch) => PUNCTUATION[ch] ?? normalizeArabic(ch));
}
