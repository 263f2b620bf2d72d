/**
 * The synthetic Moroccan personal-data set: labelled sentences in four languages, deterministic for a seed.
 * `generateDataset({ seed, count })` is what the benchmark and `scripts/generate-pii-dataset.ts` call.
 *
 * Labels are spans of the original text (JavaScript string offsets, end exclusive): the identifier only, without
 * its cue words ("CIN", "né le", "M."). Eastern Arabic digits replace Western ones character for character, so they
 * keep offsets; invisible characters (U+200B, U+200E, U+061C) are inserted inside an identifier before the sentence
 * is assembled, so its label covers them.
 */
import type { EntityType } from '../../src/privacy/types.js';
import {
  CITIES,
  CITY_ARABIZI,
  DERBS,
  FAMILY,
  FEMALE_GIVEN,
  MALE_GIVEN,
  QUARTERS,
  RESIDENCES,
  STREETS,
  type Bilingual,
} from './lexicon.js';
import { Rng } from './rng.js';
import {
  IDENTIFIER_TEMPLATES,
  NEGATIVE_TEMPLATES,
  SENSITIVE_FRAMES,
  SENSITIVE_STATEMENTS,
} from './templates.js';
import * as V from './values.js';
import { LANGS, isArabicScript, type Lang } from './values.js';

export type { Lang } from './values.js';
export { LANGS } from './values.js';

export interface GoldSpan {
  type: EntityType;
  start: number;
  end: number;
  text: string;
  /** The writing (grouping, prefix, case…) of the value. */
  writing: string;
  /** Separators removed, upper case, for checksum-bearing identifiers. */
  canonical?: string;
  /** PERSON: the given and family name as generated. */
  given?: string;
  family?: string;
}

export interface Sample {
  id: string;
  lang: Lang;
  /** An entity type for positives, `negative:<kind>` for hard negatives. */
  category: string;
  text: string;
  spans: GoldSpan[];
  /** `eastern-digits`, `invisible`. */
  tags: string[];
}

export interface DatasetOptions {
  seed?: number;
  /** Number of sentences (about: each category gets its share, rounded). */
  count?: number;
}

export const DEFAULT_SEED = 908;
export const DEFAULT_COUNT = 20000;

/** Relative weight of each category (identifier types 1, sensitive 0.2 each, negatives 0.4 each). */
const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = [
  ...Object.keys(IDENTIFIER_TEMPLATES).map((t) => [t, 1] as const),
  ...Object.keys(SENSITIVE_STATEMENTS).map((t) => [t, 0.2] as const),
  ...Object.keys(NEGATIVE_TEMPLATES).map((k) => [`negative:${k}`, 0.4] as const),
];

const INVISIBLES = ['\u200b', '\u200e', '\u061c'];
/** Types whose values get invisible characters inserted in some sentences. */
const INVISIBLE_TYPES = new Set<string>([
  'MA_CIN',
  'MA_PHONE',
  'MA_RIB',
  'IBAN',
  'MA_CNSS',
  'MA_MASSAR',
  'MA_ICE',
  'MA_PASSPORT',
  'MA_PLATE',
  'PAYMENT_CARD',
]);

interface Part {
  text: string;
  label?: Omit<GoldSpan, 'start' | 'end' | 'text'>;
}

const EASTERN_DIGITS = (text: string) =>
  text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + d.charCodeAt(0) - 48));

function person(rng: Rng, lang: Lang, variant: string | undefined): Part {
  const male = variant === 'm' ? true : variant === 'f' ? false : rng.chance(0.5);
  const given: Bilingual = rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
  const family: Bilingual = rng.pick(FAMILY);
  const arabic = isArabicScript(lang);
  const g = arabic ? given[1] : given[0];
  const f = arabic ? family[1] : family[0];
  let text: string;
  let writing: string;
  if (variant === 'given') {
    text = g;
    writing = 'given only';
  } else if (variant === 'admin' && !arabic) {
    text = `${f.toUpperCase()} ${g}`;
    writing = 'FAMILY Given';
  } else {
    text = `${g} ${f}`;
    writing = arabic ? 'arabic script' : 'latin script';
  }
  const label: Part['label'] = { type: 'PERSON', writing, given: g };
  if (variant !== 'given') label.family = f;
  return { text, label };
}

function address(rng: Rng, lang: Lang): Part {
  const city = rng.pick(CITIES);
  const num = rng.int(1, 250);
  const street = rng.pick(STREETS);
  const quarter = rng.pick(QUARTERS);
  const derb = rng.pick(DERBS);
  const res = rng.pick(RESIDENCES);
  const postal = city[2] + rng.digits(3);
  const r = rng.float();
  let text: string;
  let writing: string;
  if (lang === 'fr') {
    if (r < 0.35) {
      text = `${num} ${rng.pick(['rue', 'avenue', 'boulevard', 'Bd'])} ${street[0]}, ${quarter[0]}, ${postal} ${city[0]}`;
      writing = 'street';
    } else if (r < 0.55) {
      text = `Résidence ${res[0]}, Imm ${rng.int(1, 40)}, Appt ${rng.int(1, 30)}, ${quarter[0]}, ${city[0]}`;
      writing = 'residence';
    } else if (r < 0.75) {
      text = `${derb[0]} n° ${num}, ${city[0]}`;
      writing = 'derb';
    } else {
      text = `${quarter[0]}, rue ${rng.int(1, 90)} n° ${num}, ${city[0]}`;
      writing = 'hay + numbered street';
    }
  } else if (lang === 'ary-Latn') {
    const c = CITY_ARABIZI[city[0]] ?? city[0];
    if (r < 0.5) {
      text = `${derb[0].replace('Derb', 'derb')} r9m ${num}, ${c}`;
      writing = 'derb';
    } else {
      text = `${quarter[0].replace('Hay', 'hay')} zen9a ${rng.int(1, 90)} r9m ${num} ${c}`;
      writing = 'hay + numbered street';
    }
  } else if (r < 0.4) {
    text = `رقم ${num} زنقة ${street[1]} ${quarter[1]} ${city[1]}`;
    writing = 'street';
  } else if (r < 0.6) {
    text = `إقامة ${res[1]} عمارة ${rng.int(1, 40)} شقة ${rng.int(1, 30)} ${city[1]}`;
    writing = 'residence';
  } else if (r < 0.8) {
    text = `${derb[1]} زنقة ${rng.int(1, 90)} رقم ${num} ${city[1]}`;
    writing = 'derb';
  } else {
    text = `شارع ${street[1]} رقم ${num} ${postal} ${city[1]}`;
    writing = 'avenue + postal code';
  }
  return { text, label: { type: 'ADDRESS', writing } };
}

function valuePart(type: EntityType, value: V.Value): Part {
  const label: Part['label'] = { type, writing: value.writing };
  if (value.canonical !== undefined) label.canonical = value.canonical;
  return { text: value.text, label };
}

/** The part for one placeholder. */
function resolve(rng: Rng, lang: Lang, name: string, variant: string | undefined): Part {
  const given = () => rng.pick(rng.chance(0.5) ? MALE_GIVEN : FEMALE_GIVEN);
  switch (name) {
    case 'MA_CIN':
      return valuePart('MA_CIN', V.cin(rng, variant !== 'compact'));
    case 'MA_PHONE':
      return valuePart('MA_PHONE', V.phone(rng));
    case 'MA_RIB':
      return valuePart('MA_RIB', V.rib(rng));
    case 'IBAN':
      return valuePart('IBAN', V.iban(rng, variant === 'foreign' ? true : rng.chance(0.15)));
    case 'MA_CNSS':
      return valuePart('MA_CNSS', V.cnss(rng));
    case 'MA_MASSAR':
      return valuePart('MA_MASSAR', V.massar(rng));
    case 'MA_ICE':
      return valuePart('MA_ICE', V.ice(rng));
    case 'MA_PASSPORT':
      return valuePart('MA_PASSPORT', V.passport(rng));
    case 'MA_PLATE':
      return valuePart('MA_PLATE', V.plate(rng, !isArabicScript(lang)));
    case 'PAYMENT_CARD':
      return valuePart('PAYMENT_CARD', V.card(rng));
    case 'EMAIL':
      return valuePart('EMAIL', V.email(rng, given(), rng.pick(FAMILY)));
    case 'IP_ADDRESS':
      return valuePart('IP_ADDRESS', V.ip(rng));
    case 'DATE_OF_BIRTH':
      return valuePart('DATE_OF_BIRTH', V.date(rng, lang, 1945, 2018));
    case 'PERSON':
      return person(rng, lang, variant);
    case 'ADDRESS':
      return address(rng, lang);
    // Fillers: never labelled.
    case 'AMOUNT':
      return { text: V.amount(rng, lang) };
    case 'YEAR':
      return { text: V.year(rng) };
    case 'TIME':
      return { text: V.time(rng, lang) };
    case 'PERCENT':
      return { text: V.percent(rng, lang) };
    case 'LAW':
      return { text: V.lawRef(rng, lang) };
    case 'FILE':
      return { text: V.fileRef(rng) };
    case 'DATE':
      return { text: V.date(rng, lang, 2019, 2026).text };
    case 'CITY': {
      const c = rng.pick(CITIES);
      return {
        text: isArabicScript(lang) ? c[1] : lang === 'ary-Latn' ? (CITY_ARABIZI[c[0]] ?? c[0]) : c[0],
      };
    }
    case 'QUARTER': {
      const q = rng.pick(QUARTERS);
      return { text: isArabicScript(lang) ? q[1] : q[0] };
    }
    case 'REFCODE':
      return { text: V.refCode(rng) };
    case 'QUANTITY':
      return { text: V.quantity(rng, lang) };
    case 'POSTAL':
      return { text: V.postal(rng) };
    case 'DIGITS9':
      return { text: V.digits9(rng) };
    case 'RIB_BAD':
      return { text: V.ribInvalid(rng).text };
    case 'ICE_BAD':
      return { text: V.iceInvalid(rng).text };
    case 'CARD_BAD':
      return { text: V.card(rng, false).text };
    case 'IBAN_BAD':
      return { text: V.ibanInvalid(rng).text };
    default:
      throw new Error(`unknown placeholder {${name}}`);
  }
}

const PLACEHOLDER = /\{([A-Z_0-9]+)(?::([a-z]+))?\}/g;

function expand(rng: Rng, lang: Lang, template: string, statement?: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push({ text: template.slice(last, m.index) });
    if (m[1] === 'S') {
      if (statement === undefined) throw new Error('{S} outside a sensitive frame');
      parts.push(...statementParts(statement, m.index === 0 && !isArabicScript(lang)));
    } else {
      parts.push(resolve(rng, lang, m[1]!, m[2]));
    }
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

let sensitiveType: EntityType = 'SENSITIVE_HEALTH';

/** "je suis [diabétique]" → an unlabelled part and a labelled one. */
function statementParts(statement: string, capitalize: boolean): Part[] {
  const m = /^(.*)\[(.+)\](.*)$/.exec(statement);
  if (!m) throw new Error(`statement without a [span]: ${statement}`);
  const cap = (s: string) => (capitalize ? s.charAt(0).toUpperCase() + s.slice(1) : s);
  const parts: Part[] = [];
  if (m[1]) parts.push({ text: cap(m[1]) });
  parts.push({ text: m[1] ? m[2]! : cap(m[2]!), label: { type: sensitiveType, writing: 'statement' } });
  if (m[3]) parts.push({ text: m[3] });
  return parts;
}

function insertInvisibles(rng: Rng, text: string): string {
  const chars = [...text];
  const n = rng.int(1, 2);
  for (let i = 0; i < n && chars.length > 1; i++) {
    const at = rng.int(1, chars.length - 1);
    chars.splice(at, 0, rng.pick(INVISIBLES));
  }
  return chars.join('');
}

function assemble(id: string, lang: Lang, category: string, parts: Part[], rng: Rng): Sample {
  const tags: string[] = [];
  const labelled = parts.filter((p) => p.label && INVISIBLE_TYPES.has(p.label.type));
  if (labelled.length > 0 && rng.chance(0.08)) {
    const target = rng.pick(labelled);
    target.text = insertInvisibles(rng, target.text);
    tags.push('invisible');
  }
  const eastern = isArabicScript(lang) ? 0.3 : lang === 'ary-Latn' ? 0.05 : 0.03;
  const useEastern = parts.some((p) => /\d/.test(p.text)) && rng.chance(eastern);
  if (useEastern) tags.push('eastern-digits');
  let text = '';
  const spans: GoldSpan[] = [];
  for (const part of parts) {
    const piece = useEastern ? EASTERN_DIGITS(part.text) : part.text;
    if (part.label)
      spans.push({ ...part.label, start: text.length, end: text.length + piece.length, text: piece });
    text += piece;
  }
  return { id, lang, category, text, spans, tags };
}

/** Number of sentences per category for a total `count`. */
export function categoryCounts(count: number): Map<string, number> {
  const total = CATEGORY_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  return new Map(CATEGORY_WEIGHTS.map(([c, w]) => [c, Math.max(4, Math.round((count * w) / total))]));
}

export function generateDataset(options: DatasetOptions = {}): Sample[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const root = new Rng(seed);
  const out: Sample[] = [];
  for (const [category, n] of categoryCounts(options.count ?? DEFAULT_COUNT)) {
    const rng = root.fork(category);
    for (let i = 0; i < n; i++) {
      const lang = LANGS[i % LANGS.length]!;
      const id = `${category}/${lang}/${i}`;
      let parts: Part[];
      if (category.startsWith('negative:')) {
        parts = expand(rng, lang, rng.pick(NEGATIVE_TEMPLATES[category.slice(9)]![lang]));
      } else if (category.startsWith('SENSITIVE_')) {
        sensitiveType = category as EntityType;
        const statement = rng.pick(SENSITIVE_STATEMENTS[category]![lang]);
        parts = expand(rng, lang, rng.pick(SENSITIVE_FRAMES[lang]), statement);
      } else {
        parts = expand(rng, lang, rng.pick(IDENTIFIER_TEMPLATES[category]![lang]));
      }
      out.push(assemble(id, lang, category, parts, rng));
    }
  }
  return out;
}

/** Every checksum-bearing label's canonical value, for tests: [type, canonical]. */
export const CHECKSUM_TYPES = ['MA_RIB', 'IBAN', 'MA_ICE', 'PAYMENT_CARD'] as const;
