import cities from '../data/cities.json' with { type: 'json' };
import * as words from '../data/address-words.js';
import {
  ALL_CAPS,
  ARABIC,
  CAPITALIZED,
  DIGITS,
  KeyTable,
  LATIN,
  WATCH_ADDRESS,
  keysOf,
  tokenize,
  watchWords,
} from '../data/lexicon.js';
import type { Tokens } from '../data/lexicon.js';
import type { Candidate, Recognizer } from '../types.js';

/**
 * Postal addresses: a chain of address parts, each next to the last (spaces, a comma or a line break between): a
 * house number, a street type with its name or number ("rue Ibn Khaldoun", "زنقة 8", "derb ghallef"), building parts
 * ("appt 4", "رقم 22"), then a city and a postal code. A chain is an address when it holds a street type and a
 * number: "12 rue X", "حي السلام رقم 5", "km 12 route de Safi". A street named without a number, a city alone, a
 * generic "la rue" or "الدوار", or "loi n° 12-90" is not one.
 */

const STREET = 1;
const PART = 2;
const KM = 4;
const ROAD = 8;
const CONNECTOR = 16;
const END = 32;
const CITY = 64;
const MARKER = 128;
/** Types that are also common nouns ("إقامة" setting up, "حي" alive): a name must follow, not only a number. */
const NAMED = 256;
const TYPE = STREET | PART | KM | ROAD;

const WORDS = new KeyTable();
const add = (list: readonly string[], bit: number) => keysOf(list).forEach((k) => WORDS.add(k, bit));
add(words.STREET_TYPES, STREET);
add(words.ADDRESS_PARTS, PART);
add(words.KILOMETRE, KM);
add(words.ROADS, ROAD);
add(words.CONNECTORS, CONNECTOR);
add(words.NAME_ENDS, END);
add('n no nº numéro numero num ra9m raqm rqm r9m رقم'.split(' '), MARKER);
add(words.NAMED_TYPES, NAMED);
const CITIES = new Set(keysOf(cities.cities.flat()));
const TYPE_WORDS = [words.STREET_TYPES, words.ADDRESS_PARTS, words.KILOMETRE, words.ROADS].flatMap((l) =>
  keysOf(l),
);
// "بحي": a one-letter preposition on a two-letter type is not stripped by the tokenizer.
watchWords([...TYPE_WORDS, ...'وبفل'.split('').map((p) => p + 'حي')], WATCH_ADDRESS);
for (const k of CITIES) WORDS.add(k.split(' ')[0]!, CITY);
const WAW_NAMES = new Set(keysOf(words.WAW_NAMES));
/** Words that introduce an address: a district name may follow them before the street. */
const LEADS = new Set(keysOf(words.ADDRESS_LEADS));
const ARTICLES = new Set([
  'la',
  'le',
  'l',
  'les',
  'un',
  'une',
  'cette',
  'ce',
  'cet',
  'des',
  'ces',
  'the',
  'this',
]);

/** An address has at most this many parts (number, street, building, city…); a longer chain is cut. */
const MAX_PARTS = 16;
const COMPONENT_GAP = /^[ \t]*[,،;/-]?[ \t]*(?:\r?\n[ \t]*)?$/;
const NAME_GAP = /^(?:[ \t]{1,2}|['’-]|[ \t]?-[ \t]?)$/;
const MARKER_GAP = /^[ \t]*[°º.:]?[ \t]*$/;
/** After a street type: a space, or the dot of an abbreviation ("Bd. Zerktouni"). */
const TYPE_GAP = /^\.?[ \t]{1,2}$/;
const LEAD_GAP = /^[ \t]*:?[ \t]*$/;
/** "12", "12B", "12bis" (not the Darija "3ndi", "3la"). */
const HOUSE_NUMBER = /^\d{1,4}(?:[a-zA-Z]|bis|ter)?$/i;
const WAW = 'و';

interface Word {
  bits: number;
  /** Characters of an Arabic proclitic before the word proper ("بحي" → 1). */
  skip: number;
}

/** What token i is for addresses; an Arabic street type with the article ("الدوار") is a generic noun. */
function wordAt(t: Tokens, i: number): Word {
  const bits = WORDS.get(t.hash[i]!);
  if (bits !== 0) return { bits: bits === END || WORDS.confirm(t.hash[i]!, t.key(i)) ? bits : 0, skip: 0 };
  if (!t.is(i, ARABIC)) return { bits: 0, skip: 0 };
  const skip = t.bareSkip[i]!;
  const key = t.key(i);
  if (skip > 0) {
    const bare = WORDS.get(t.bare[i]!);
    if (bare === 0 || !WORDS.confirm(t.bare[i]!, key.slice(skip))) return { bits: 0, skip: 0 };
    const article = key.endsWith('ال', skip);
    return { bits: article ? bare & ~TYPE : bare, skip: article ? skip - 2 : skip };
  }
  if (key.length === 3 && 'وبفل'.includes(key[0]!)) return { bits: WORDS.of(key.slice(1)) & TYPE, skip: 1 };
  return { bits: 0, skip: 0 };
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const houseNumber = (t: Tokens, i: number) =>
  t.is(i, DIGITS)
    ? t.end[i]! - t.start[i]! <= 4
    : t.is(i, LATIN) && isDigit(t.text.charCodeAt(t.start[i]!)) && HOUSE_NUMBER.test(t.word(i));
const postalCode = (t: Tokens, i: number) =>
  t.is(i, DIGITS) && t.end[i]! - t.start[i]! === 5 && t.text[t.start[i]!] !== '0';
const gapOk = (t: Tokens, j: number, gap: RegExp) =>
  j < t.count && t.gapLength(j) <= 4 && gap.test(t.gapBefore(j));

/** The end of a city name starting at token j ("Casablanca", "الدار البيضاء", "بالرباط"), or -1. */
function cityAt(t: Tokens, j: number, first: Word): number {
  if (!(first.bits & CITY)) return -1;
  const head = t.key(j).slice(first.skip);
  let n = 1;
  while (n < 4 && j + n < t.count && gapOk(t, j + n, NAME_GAP)) n++;
  for (; n >= 1; n--) {
    let key = head;
    for (let k = j + 1; k < j + n; k++) key += ' ' + t.key(k);
    if (CITIES.has(key)) return j + n;
  }
  return -1;
}

/** Reads a street name after a type at token j; returns the index after it (j when there is none). */
function nameAt(t: Tokens, j: number): number {
  let end = j;
  let words = 0;
  let connector = false;
  for (let k = j; k < t.count && words < 5 && (k === j || gapOk(t, k, NAME_GAP)); k++) {
    if (t.is(k, DIGITS)) break;
    const w = wordAt(t, k);
    if (w.bits & (END | TYPE) && !(w.bits & CONNECTOR)) break;
    if (w.bits & CITY && !connector && words > 0 && cityAt(t, k, w) > 0) break;
    if (t.is(k, ARABIC) && t.key(k).startsWith(WAW) && !WAW_NAMES.has(t.key(k))) break;
    connector = (w.bits & CONNECTOR) !== 0;
    if (!connector) {
      words++;
      end = k + 1;
    }
  }
  return end;
}

interface Chain {
  end: number;
  streets: number;
  numbers: number;
  names: number;
  place: boolean;
  km: boolean;
  road: boolean;
}

/** The chain of address parts from token i. */
function chainAt(t: Tokens, i: number): Chain {
  const c: Chain = { end: i, streets: 0, numbers: 0, names: 0, place: false, km: false, road: false };
  let j = i;
  let parts = 0;
  while (j < t.count && parts++ < MAX_PARTS && (j === i || gapOk(t, j, COMPONENT_GAP))) {
    if (houseNumber(t, j)) {
      c.numbers++;
      c.end = ++j;
      continue;
    }
    if (postalCode(t, j)) {
      c.place = true;
      c.numbers++;
      c.end = ++j;
      continue;
    }
    const w = wordAt(t, j);
    const next = j + 1;
    if (w.bits & (MARKER | KM)) {
      if (!gapOk(t, next, MARKER_GAP) || !houseNumber(t, next)) break;
      c.numbers++;
      c.km ||= (w.bits & KM) !== 0;
      c.end = j = next + 1;
      continue;
    }
    if (w.bits & TYPE) {
      const numbered = !(w.bits & NAMED) && gapOk(t, next, MARKER_GAP) && houseNumber(t, next);
      const nameEnd = numbered || !gapOk(t, next, TYPE_GAP) ? next : nameAt(t, next);
      if (!numbered && nameEnd === next) break; // "1 immeuble à Rabat": a type needs a name or a number
      if (w.bits & STREET) c.streets++;
      c.road ||= (w.bits & ROAD) !== 0;
      if (nameEnd > next) c.names++;
      c.end = j = nameEnd;
      continue;
    }
    const city = cityAt(t, j, w);
    if (city >= 0) {
      c.place = true;
      c.end = j = city;
      continue;
    }
    // A district named without a type, between the street and the city: "rue Al Qods, Agdal, 62183 Nador".
    const district = c.streets > 0 ? nameAt(t, j) : j;
    if (district === j || !gapOk(t, district, COMPONENT_GAP)) break;
    if (!postalCode(t, district) && cityAt(t, district, wordAt(t, district)) < 0) break;
    c.end = j = district;
  }
  return c;
}

function scoreOf(c: Chain): number {
  if (c.streets > 0 && c.numbers > 0) return Math.min(0.9, (c.names > 0 ? 0.8 : 0.7) + (c.place ? 0.1 : 0));
  if (c.km && c.road) return 0.7;
  return 0;
}

/**
 * A district named before the street, after a word that introduces an address: "au Yacoub El Mansour, rue 71",
 * "sakn f Sidi Moumen zen9a 43", "l'adresse Maârif, rue 20". Returns the first token of the address.
 */
function districtBefore(t: Tokens, i: number): number {
  if (i === 0 || !gapOk(t, i, COMPONENT_GAP)) return i;
  let from = i;
  for (let k = i - 1; k >= 0 && i - k <= 3 && t.is(k, LATIN) && t.is(k, CAPITALIZED | ALL_CAPS); k--) {
    if (wordAt(t, k).bits & (END | TYPE)) break;
    from = k;
    if (k === 0 || !gapOk(t, k, NAME_GAP)) break;
  }
  const lead = from - 1;
  return from < i && lead >= 0 && LEADS.has(t.key(lead)) && gapOk(t, from, LEAD_GAP) ? from : i;
}

/** Can token i start an address: a house number before a type, or a type not led by an article ("la rue"). */
function startsAt(t: Tokens, i: number): Word | undefined {
  if (houseNumber(t, i)) {
    const w = i + 1 < t.count && gapOk(t, i + 1, COMPONENT_GAP) ? wordAt(t, i + 1) : undefined;
    return w && w.bits & (STREET | PART) ? { bits: 0, skip: 0 } : undefined;
  }
  if (t.is(i, DIGITS)) return undefined;
  const w = wordAt(t, i);
  if (!(w.bits & (TYPE | MARKER))) return undefined;
  if (i > 0 && t.is(i, LATIN) && ARTICLES.has(t.key(i - 1)) && t.gapLength(i) <= 2) return undefined;
  return w;
}

export function findAddresses(text: string): Candidate[] {
  const t = tokenize(text);
  const out: Candidate[] = [];
  let done = 0; // tokens before this belong to a found address
  for (let j = 0; j < t.count; j++) {
    if (!(t.interest[j]! & WATCH_ADDRESS) || j < done) continue;
    // A chain starts at a watched word, or at the house number right before it ("12 rue …").
    const i = j > done && houseNumber(t, j - 1) && startsAt(t, j - 1) ? j - 1 : j;
    const start = startsAt(t, i);
    if (!start) continue;
    const chain = chainAt(t, i);
    const score = scoreOf(chain);
    if (score > 0) {
      const from = houseNumber(t, i) ? i : districtBefore(t, i);
      const skip = from === i ? start.skip : 0;
      out.push({ start: t.start[from]! + skip, end: t.end[chain.end - 1]!, score, pattern: 'address-chain' });
      done = chain.end;
    }
  }
  return out;
}

export const address: Recognizer = {
  entity: 'ADDRESS',
  patterns: [],
  context: [
    'adresse',
    'address',
    'domicilié',
    'domiciliée',
    'demeurant',
    'résidant',
    'résidente',
    "j'habite",
    'habite',
    'العنوان',
    'عنوان',
    'الساكن',
    'الساكنة',
    'القاطن',
    'يقطن',
    'أسكن',
    'ساكن',
    'ساكنة',
    'كنسكن',
    'sakin',
    'sakna',
    'kansken',
    '3onwan',
    'l3onwan',
    'live at',
    'lives at',
  ],
  find: findAddresses,
};
