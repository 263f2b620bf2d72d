/**
 * Value generators for the synthetic data set: one function per identifier, each returning the text as a person
 * would type it (a "writing": grouping, prefix, case) and its canonical form for checksum tests.
 */
import { iceControlFor, ibanCheckFor, luhnDigitFor, ribKeyFor } from './checksums.js';
import { CITIES, type Bilingual } from './lexicon.js';
import type { Rng } from './rng.js';

export interface Value {
  text: string;
  /** A short name of the writing (grouping, prefix…), for per-writing recall. */
  writing: string;
  /** Separators removed, upper case: what a checksum is computed on. */
  canonical?: string;
}

export type Lang = 'fr' | 'ar' | 'ary-Arab' | 'ary-Latn';
export const LANGS: readonly Lang[] = ['fr', 'ar', 'ary-Arab', 'ary-Latn'];
export const isArabicScript = (lang: Lang) => lang === 'ar' || lang === 'ary-Arab';

const group = (s: string, sizes: readonly number[], sep: string): string => {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    out.push(s.slice(i, i + n));
    i += n;
  }
  if (i < s.length) out.push(s.slice(i));
  return out.filter((p) => p.length > 0).join(sep);
};
const groupBy = (s: string, n: number, sep: string) => s.match(new RegExp(`.{1,${n}}`, 'g'))!.join(sep);

// ---------------------------------------------------------------------------------------------------------------
// CIN

/** Issuing-area prefixes seen on cards (the table is unverified; the shape is what matters). */
const CIN_PREFIXES = [
  'A',
  'B',
  'BE',
  'BK',
  'BH',
  'BJ',
  'BL',
  'BB',
  'C',
  'CB',
  'CD',
  'D',
  'DA',
  'DN',
  'E',
  'EE',
  'F',
  'FA',
  'G',
  'GA',
  'H',
  'HA',
  'I',
  'IA',
  'J',
  'JA',
  'JB',
  'JC',
  'JE',
  'JM',
  'K',
  'L',
  'LA',
  'LB',
  'M',
  'MC',
  'N',
  'P',
  'PA',
  'Q',
  'R',
  'S',
  'SH',
  'T',
  'TA',
  'U',
  'UA',
  'V',
  'W',
  'WA',
  'X',
  'XA',
  'Y',
  'Z',
  'ZG',
  'ZT',
];

export function cin(rng: Rng, allowSpaced = true): Value {
  const letters = rng.pick(CIN_PREFIXES);
  const digits = String(rng.int(1, 9)) + rng.digits(rng.chance(0.8) ? 5 : 4);
  const caseRoll = rng.float();
  let shown = letters;
  let writing = 'upper';
  if (caseRoll < 0.15) {
    shown = letters.toLowerCase();
    writing = 'lower';
  } else if (caseRoll < 0.2 && letters.length === 2) {
    shown = letters[0] + letters[1]!.toLowerCase();
    writing = 'mixed-case';
  }
  let sep = '';
  // A single lower-case letter before a spaced number reads as a word ("a 12345"): not generated.
  if (allowSpaced && !(letters.length === 1 && writing === 'lower')) {
    const r = rng.float();
    if (r < 0.22) sep = ' ';
    else if (r < 0.27) sep = '-';
  }
  if (sep === ' ') writing += ' spaced';
  if (sep === '-') writing += ' dashed';
  return { text: shown + sep + digits, writing, canonical: letters + digits };
}

// ---------------------------------------------------------------------------------------------------------------
// Phones

const MOBILE_PREFIXES = ['60', '61', '62', '63', '64', '65', '66', '67', '69', '70', '71', '76', '77'];
const FIXED_PREFIXES = ['522', '523', '524', '525', '528', '535', '536', '537', '538', '539'];

export function phone(rng: Rng): Value {
  const fixed = rng.chance(0.25);
  const nsn = fixed ? rng.pick(FIXED_PREFIXES) + rng.digits(6) : rng.pick(MOBILE_PREFIXES) + rng.digits(7);
  const kind = fixed ? 'fixed' : 'mobile';
  const sep = rng.pick([' ', ' ', ' ', '.', '-']);
  const sepName = sep === ' ' ? 'spaces' : sep === '.' ? 'dots' : 'dashes';
  const r = rng.float();
  const national = '0' + nsn;
  if (r < 0.25) return { text: national, writing: `${kind} 0 compact`, canonical: national };
  if (r < 0.5) {
    const text = fixed && rng.chance(0.5) ? group(national, [4, 2, 2, 2], sep) : groupBy(national, 2, sep);
    return { text, writing: `${kind} 0 pairs ${sepName}`, canonical: national };
  }
  if (r < 0.57) {
    const text = fixed ? group(national, [4, 6], '-') : group(national, [4, 6], rng.pick(['-', ' ']));
    return { text, writing: `${kind} 0 4-6`, canonical: national };
  }
  // "212 6…" without "+" is how some people type it; the templates always give it a phone context word.
  const prefix = rng.pick([
    '+212',
    '+212 ',
    '00212',
    '00212 ',
    '+212 (0)',
    '+212(0)',
    '(+212) ',
    '+212 ',
    '+212-',
    '212 ',
  ]);
  const prefixName = prefix.trim().replace(/\s+/g, ' ');
  const rr = rng.float();
  let body: string;
  let layout: string;
  if (rr < 0.3) {
    body = nsn;
    layout = 'compact';
  } else if (rr < 0.7) {
    body = nsn[0] + sep + groupBy(nsn.slice(1), 2, sep);
    layout = `1-2-2-2-2 ${sepName}`;
  } else {
    body = groupBy(nsn, 3, sep);
    layout = `3-3-3 ${sepName}`;
  }
  return { text: prefix + body, writing: `${kind} ${prefixName} ${layout}`, canonical: '+212' + nsn };
}

// ---------------------------------------------------------------------------------------------------------------
// Bank identifiers

/** Bank codes of Moroccan banks (3 digits) and city codes (3 digits). */
const BANKS = [
  '007',
  '011',
  '013',
  '021',
  '022',
  '145',
  '190',
  '230',
  '225',
  '050',
  '310',
  '101',
  '127',
  '181',
];
const RIB_CITIES = ['780', '810', '640', '450', '330', '360', '010', '150', '115', '225', '570'];

export function ribDigits(rng: Rng): string {
  const first22 = rng.pick(BANKS) + rng.pick(RIB_CITIES) + rng.digits(16);
  return first22 + ribKeyFor(first22);
}

export function writeRib(rng: Rng, digits: string): Value {
  const r = rng.float();
  if (r < 0.35) return { text: digits, writing: 'compact', canonical: digits };
  if (r < 0.7)
    return { text: group(digits, [3, 3, 16, 2], ' '), writing: '3-3-16-2 spaces', canonical: digits };
  if (r < 0.8)
    return { text: group(digits, [3, 3, 16, 2], '-'), writing: '3-3-16-2 dashes', canonical: digits };
  return { text: groupBy(digits, 4, ' '), writing: 'by 4', canonical: digits };
}

export const rib = (rng: Rng): Value => writeRib(rng, ribDigits(rng));

/** A 24-digit number shaped like a RIB whose key is wrong. */
export function ribInvalid(rng: Rng): Value {
  const valid = ribDigits(rng);
  const key = Number(valid.slice(22));
  const wrong = String(((key + rng.int(1, 95)) % 97) + 1).padStart(2, '0');
  const digits =
    valid.slice(0, 22) + (wrong === valid.slice(22) ? String((key % 97) + 1).padStart(2, '0') : wrong);
  return writeRib(rng, digits);
}

const FOREIGN_IBAN: readonly (readonly [string, number])[] = [
  ['FR', 23],
  ['ES', 20],
  ['DE', 18],
];

export function iban(rng: Rng, foreign = rng.chance(0.3)): Value {
  let country = 'MA';
  let bban: string;
  if (foreign) {
    const [c, n] = rng.pick(FOREIGN_IBAN);
    country = c;
    bban = rng.digits(n);
  } else {
    bban = ribDigits(rng);
  }
  const compact = country + ibanCheckFor(country, bban) + bban;
  const grouped = rng.chance(0.6);
  return {
    text: grouped ? groupBy(compact, 4, ' ') : compact,
    writing: `${country} ${grouped ? 'by 4' : 'compact'}`,
    canonical: compact,
  };
}

export function ibanInvalid(rng: Rng): Value {
  const good = iban(rng, false);
  const compact = good.canonical!;
  const check = Number(compact.slice(2, 4));
  const bad =
    compact.slice(0, 2) + String(((check + rng.int(1, 90)) % 97) + 2).padStart(2, '0') + compact.slice(4);
  const broken = bad === compact ? compact.slice(0, 2) + '00' + compact.slice(4) : bad;
  return { text: groupBy(broken, 4, ' '), writing: 'MA by 4, bad check', canonical: broken };
}

// ---------------------------------------------------------------------------------------------------------------
// Other identifiers

export function cnss(rng: Rng): Value {
  const digits = String(rng.int(1, 9)) + rng.digits(8);
  if (rng.chance(0.15)) return { text: group(digits, [3, 3, 3], ' '), writing: '3-3-3', canonical: digits };
  return { text: digits, writing: 'compact', canonical: digits };
}

/** Nine digits that are not a phone number (first digit 1–4 or 9), for the "no context" negatives. */
export const digits9 = (rng: Rng): string => rng.pick(['1', '2', '3', '4', '9']) + rng.digits(8);

const MASSAR_LETTERS = 'DGJKMNPRSTCEFHLB';

export function massar(rng: Rng): Value {
  const code = MASSAR_LETTERS[rng.int(0, MASSAR_LETTERS.length - 1)]! + String(rng.int(1, 9)) + rng.digits(8);
  if (rng.chance(0.1)) return { text: `${code}@taalim.ma`, writing: 'taalim login', canonical: code };
  if (rng.chance(0.1)) return { text: code.toLowerCase(), writing: 'lower', canonical: code };
  return { text: code, writing: 'upper', canonical: code };
}

export function iceDigits(rng: Rng, valid = true): string {
  const first13 = '00' + String(rng.int(1, 9)) + rng.digits(6) + rng.pick(['0000', '0001', '0002', '0003']);
  const control = iceControlFor(first13);
  if (valid) return first13 + control;
  return first13 + String((Number(control) + rng.int(1, 96)) % 97).padStart(2, '0');
}

export function writeIce(rng: Rng, digits: string): Value {
  const r = rng.float();
  if (r < 0.75) return { text: digits, writing: 'compact', canonical: digits };
  if (r < 0.88) return { text: groupBy(digits, 3, ' '), writing: 'by 3', canonical: digits };
  return { text: group(digits, [9, 4, 2], ' '), writing: '9-4-2', canonical: digits };
}

export const ice = (rng: Rng): Value => writeIce(rng, iceDigits(rng));
export const iceInvalid = (rng: Rng): Value => writeIce(rng, iceDigits(rng, false));

const PASSPORT_PREFIXES = [
  'AB',
  'AZ',
  'BK',
  'CF',
  'DM',
  'GR',
  'JH',
  'KA',
  'LM',
  'OR',
  'SX',
  'TZ',
  'UY',
  'XB',
  'ZN',
];

export function passport(rng: Rng): Value {
  const code = rng.pick(PASSPORT_PREFIXES) + String(rng.int(1, 9)) + rng.digits(6);
  return { text: code, writing: 'compact', canonical: code };
}

/** Series letters of ordinary plates (هـ with its tatweel, as printed). */
const PLATE_LETTERS = ['أ', 'ب', 'د', 'هـ', 'و', 'ط'];

/** Latin transliterations of the series letters, as typed on a keyboard without Arabic. */
const PLATE_LATIN = ['A', 'B', 'D', 'H', 'W', 'T'];

export function plate(rng: Rng, latinScript = false): Value {
  if (latinScript && rng.chance(0.3)) {
    const serial = String(rng.int(1000, 99999));
    const sep = rng.pick(['-', ' ', ' - ']);
    return {
      text: `${serial}${sep}${rng.pick(PLATE_LATIN)}${sep}${rng.int(1, 89)}`,
      writing: 'latin letter',
    };
  }
  const serial = String(rng.chance(0.85) ? rng.int(1000, 99999) : rng.int(1, 999));
  const letter = rng.pick(PLATE_LETTERS);
  const region = String(rng.int(1, 89));
  const r = rng.float();
  if (r < 0.45) return { text: `${serial}-${letter}-${region}`, writing: 'serial-letter-region dashes' };
  if (r < 0.58) return { text: `${serial} | ${letter} | ${region}`, writing: 'bars' };
  if (r < 0.68 && serial.length >= 4 && letter !== 'و')
    return { text: `${serial} ${letter} ${region}`, writing: 'spaces' };
  if (r < 0.78) return { text: `${region}-${letter}-${serial}`, writing: 'region first' };
  if (r < 0.86) return { text: `${serial}/${letter}/${region}`, writing: 'slashes' };
  if (r < 0.93) return { text: `WW ${rng.int(100000, 999999)}`, writing: 'WW temporary' };
  return { text: `${serial} - ${letter} - ${region}`, writing: 'spaced dashes' };
}

export function card(rng: Rng, valid = true): Value {
  const r = rng.float();
  let partial: string;
  let network: string;
  if (r < 0.45) {
    partial = '4' + rng.digits(14);
    network = 'visa';
  } else if (r < 0.7) {
    partial = '5' + String(rng.int(1, 5)) + rng.digits(13);
    network = 'mastercard 51-55';
  } else if (r < 0.82) {
    partial = String(rng.int(2221, 2720)) + rng.digits(11);
    network = 'mastercard 2221-2720';
  } else {
    partial = rng.pick(['34', '37']) + rng.digits(12);
    network = 'amex';
  }
  const check = luhnDigitFor(partial);
  const digits = partial + (valid ? check : String((Number(check) + rng.int(1, 9)) % 10));
  const amex = digits.length === 15;
  const w = rng.float();
  if (w < 0.3) return { text: digits, writing: `${network} compact`, canonical: digits };
  const sep = w < 0.8 ? ' ' : '-';
  const text = amex ? group(digits, [4, 6, 5], sep) : groupBy(digits, 4, sep);
  return { text, writing: `${network} grouped${sep === '-' ? ' dashes' : ''}`, canonical: digits };
}

// ---------------------------------------------------------------------------------------------------------------
// Email, IP

const DOMAINS = ['gmail.com', 'yahoo.fr', 'hotmail.com', 'outlook.fr', 'menara.ma', 'um5.ac.ma', 'gmail.com'];

const asciiName = (latin: string) =>
  latin
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');

export function email(rng: Rng, given: Bilingual, family: Bilingual): Value {
  const g = asciiName(given[0]);
  const f = asciiName(family[0]);
  const local = rng.pick([
    `${g}.${f}`,
    `${g}${f}`,
    `${g}_${f}${rng.int(1, 99)}`,
    `${g[0]}.${f}`,
    `${f}${rng.int(70, 2005)}`,
  ]);
  return { text: `${local}@${rng.pick(DOMAINS)}`, writing: 'email' };
}

export function ip(rng: Rng): Value {
  if (rng.chance(0.12)) {
    const groups = Array.from({ length: 4 }, () => rng.int(0, 65535).toString(16));
    return {
      text: `2001:db8:${groups.join(':')}::${rng.int(1, 255).toString(16)}`,
      writing: 'ipv6 compressed',
    };
  }
  const first = rng.pick([41, 105, 196, 160, 102, 10, 192, 172, 81]);
  const rest =
    first === 192
      ? [168, rng.int(0, 255), rng.int(1, 254)]
      : [rng.int(0, 255), rng.int(0, 255), rng.int(1, 254)];
  return { text: [first, ...rest].join('.'), writing: 'ipv4' };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
/** Moroccan (French-derived) month names, as in Moroccan Arabic documents. */
const MONTHS_AR = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'ماي',
  'يونيو',
  'يوليوز',
  'غشت',
  'شتنبر',
  'أكتوبر',
  'نونبر',
  'دجنبر',
];

/** Darija month names in Latin script, as people spell them (no fixed spelling exists). */
const MONTHS_ARABIZI = [
  'yanayer',
  'fbrayer',
  'mars',
  'abril',
  'mayo',
  'yonyo',
  'yolyoz',
  'ghocht',
  'chtenber',
  'oktober',
  'nonber',
  'dojenber',
];

export function date(rng: Rng, lang: Lang, minYear = 1950, maxYear = 2015): Value {
  const d = rng.int(1, 28);
  const m = rng.int(1, 12);
  const y = rng.int(minYear, maxYear);
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  const r = rng.float();
  if (r < 0.05) return { text: `${dd}/${mm}/${String(y).slice(2)}`, writing: 'dd/mm/yy' };
  if (r < 0.09) return { text: `${y}/${mm}/${dd}`, writing: 'yyyy/mm/dd' };
  if (lang === 'ary-Latn' && r < 0.25)
    return { text: `${d} ${MONTHS_ARABIZI[m - 1]} ${y}`, writing: 'd month-arabizi yyyy' };
  if (r < 0.35) return { text: `${dd}/${mm}/${y}`, writing: 'dd/mm/yyyy' };
  if (r < 0.45) return { text: `${d}/${m}/${y}`, writing: 'd/m/yyyy' };
  if (r < 0.52) return { text: `${dd}-${mm}-${y}`, writing: 'dd-mm-yyyy' };
  if (r < 0.58) return { text: `${dd}.${mm}.${y}`, writing: 'dd.mm.yyyy' };
  if (r < 0.65) return { text: `${y}-${mm}-${dd}`, writing: 'yyyy-mm-dd' };
  if (isArabicScript(lang)) return { text: `${d} ${MONTHS_AR[m - 1]} ${y}`, writing: 'd month-ar yyyy' };
  const day = d === 1 && lang === 'fr' && rng.chance(0.5) ? '1er' : String(d);
  return { text: `${day} ${MONTHS_FR[m - 1]} ${y}`, writing: 'd mois yyyy' };
}

// ---------------------------------------------------------------------------------------------------------------
// Fillers (never labelled)

export function amount(rng: Rng, lang: Lang): string {
  const n = rng.pick([
    rng.int(20, 999),
    rng.int(1000, 9999),
    rng.int(10000, 250000),
    rng.int(1, 20) * 100000,
  ]);
  const cents = rng.chance(0.3) ? `,${rng.pick(['00', '50', '25', '75'])}` : '';
  const plain = String(n);
  const spaced = plain.replace(/\B(?=(\d{3})+(?!\d))/g, rng.pick([' ', '.', ' ']));
  const num = rng.chance(0.5) ? spaced : plain;
  if (isArabicScript(lang)) return `${num}${cents} ${rng.pick(['درهم', 'درهم', 'دراهم', 'د.م'])}`;
  if (lang === 'ary-Latn') return `${num} ${rng.pick(['dh', 'DH', 'drham', 'dirham'])}`;
  return `${num}${cents} ${rng.pick(['DH', 'dirhams', 'MAD', 'dhs', 'DH TTC'])}`;
}

export const year = (rng: Rng): string => String(rng.int(1956, 2026));

export const time = (rng: Rng, lang: Lang): string => {
  const h = rng.int(7, 19);
  const m = rng.pick(['00', '15', '30', '45']);
  if (lang === 'fr')
    return rng.chance(0.5) ? `${h}h${m === '00' ? '' : m}` : `${String(h).padStart(2, '0')}:${m}`;
  return `${h}:${m}`;
};

export const percent = (rng: Rng, lang: Lang): string => {
  const n = rng.chance(0.7) ? String(rng.int(1, 99)) : `${rng.int(1, 30)},${rng.int(1, 9)}`;
  return isArabicScript(lang) ? `${n}%` : `${n} %`;
};

/** Law, decree, dahir and article references: numbers that must not be read as identifiers. */
export function lawRef(rng: Rng, lang: Lang): string {
  if (isArabicScript(lang)) {
    return rng.pick([
      'القانون رقم 09.08',
      'القانون رقم 31.13',
      'القانون 55.19',
      'المرسوم رقم 2.09.165',
      'الظهير الشريف رقم 1.09.15',
      'الظهير الشريف رقم 1.11.91',
      `المادة ${rng.int(1, 120)}`,
      `الفصل ${rng.int(1, 180)}`,
      `المادة ${rng.int(1, 60)} من القانون رقم 09.08`,
      'المرسوم رقم 2.22.687',
      `الجريدة الرسمية عدد ${rng.int(5000, 7300)}`,
    ]);
  }
  return rng.pick([
    'loi 09-08',
    'loi n° 09-08',
    'loi n° 31.13',
    'loi 55.19',
    'loi n° 43-20',
    'décret 2-09-165',
    'décret n° 2-22-687',
    'dahir 1-09-15',
    'dahir n° 1-11-91',
    `article ${rng.int(1, 120)}`,
    `l'article ${rng.int(1, 60)} de la loi 09-08`,
    `BO n° ${rng.int(5000, 7300)}`,
    `arrêté n° ${rng.int(100, 3999)}-${rng.int(10, 24)}`,
  ]);
}

export function fileRef(rng: Rng): string {
  return rng.pick([
    `${rng.int(2019, 2025)}/${rng.int(100, 99999)}`,
    `FA-${rng.int(2019, 2025)}-${rng.digits(5)}`,
    `${rng.int(1, 999)}/${rng.int(2019, 2025)}`,
    `DOS-${rng.int(2019, 2025)}-${rng.digits(5)}`,
    `${rng.digits(5)}/${rng.int(19, 25)}`,
    `INV-${rng.int(2019, 2025)}${rng.digits(4)}-${rng.digits(4)}`,
    `CMD-${rng.digits(6)}`,
    `F${rng.int(2019, 2025)}${rng.digits(5)}`,
  ]);
}

/** Product, order or ticket references shaped like a CIN or passport number (2 letters + 6 digits). */
export const refCode = (rng: Rng): string =>
  rng.pick(['AB', 'BK', 'CD', 'PR', 'XT', 'ZA']) + String(rng.int(1, 9)) + rng.digits(5);

export function quantity(rng: Rng, lang: Lang): string {
  const n = rng.pick([
    String(rng.int(2, 999)),
    `${rng.int(1, 99)} ${rng.digits(3)}`,
    `${rng.int(1, 9)},${rng.int(1, 9)}`,
  ]);
  if (isArabicScript(lang)) return `${n} ${rng.pick(['متر مربع', 'كلم', 'كلغ', 'نسمة', 'هكتار'])}`;
  return `${n} ${rng.pick(['m²', 'km', 'kg', 'habitants', 'hectares'])}`;
}

export function postal(rng: Rng): string {
  return rng.pick(CITIES)[2] + rng.digits(3);
}
