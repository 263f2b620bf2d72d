import {
  ARABIC,
  CAPITALIZED,
  DIGITS,
  KeyTable,
  LATIN,
  WATCH_SENSITIVE,
  bareKey,
  expand,
  keysOf,
  tokenize,
  watchWords,
} from '../data/lexicon.js';
import type { Tokens } from '../data/lexicon.js';
import { FAMILY, FAMILY_AMBIGUOUS, GIVEN, GIVEN_AMBIGUOUS, INFO as NAMES, NOT_NAMES } from '../data/names.js';
import * as lex from '../data/sensitive-lexicon.js';
import type { Candidate, Recognizer, SENSITIVE_TYPES } from '../types.js';

/**
 * Law 09-08 sensitive categories (health and genetic data, ethnic origin, political opinions, religion, union
 * membership, sex life, offences and convictions): a term of the category's lexicon tied to a person. A term counts
 * only with a person cue before it in the same clause: the speaker ("je suis", "j'ai", "أنا", "عندي", "3ndi",
 * "kan-tbe3", "I am"), a close person ("mon fils est", "ابني", "khouya"), a third-person pronoun right before ("il
 * est"), a known name, a possessive ("mon diabète", "sokkar dyali"), or a term that names its own person ("حكم علي").
 * At most one other content word may sit between cue and term; a topic word ("sur", "about", "عن", "loi") cuts
 * them. A term without a person ("le diabète est une maladie chronique") is not a candidate at all.
 */

export type SensitiveType = (typeof SENSITIVE_TYPES)[number];

interface Term {
  type: SensitiveType;
  /** Folded words. */
  words: string[];
  /** The words as written in the lexicon ("علي" me and "على" on fold alike). */
  raw: string[];
  /** The span takes the word after the term ("من أصل" + the origin). */
  nextWord: boolean;
  self: boolean;
  possessiveOnly: boolean;
  notAfterArticle: boolean;
  notBeforeLam: boolean;
  /** Only right after the cue and its copula ("je suis noire", not "j'ai un chat noir"). */
  strict: boolean;
}

const TERMS = new Map<string, Term[]>();
/** First words of terms (ONE_WORD: a term is this word alone; MULTI_WORD: a longer term starts with it). */
const TERM_START = new KeyTable();
const ONE_WORD = 1;
const MULTI_WORD = 2;
/** Second words of longer terms: "de" starts "de gauche", but "de la" starts nothing. */
const SECOND = new KeyTable();
for (const [type, entries] of Object.entries(lex.SENSITIVE_TERMS) as [SensitiveType, readonly string[]][]) {
  for (const entry of entries) {
    const flags = /^[!^~>+=]*/.exec(entry)![0];
    for (const phrase of expand(entry.slice(flags.length))) {
      const words = keysOf([phrase])[0]!.split(' ');
      const term: Term = {
        type,
        words,
        raw: phrase.split(/[\s']+/),
        nextWord: flags.includes('+'),
        self: flags.includes('!'),
        possessiveOnly: flags.includes('^'),
        notAfterArticle: flags.includes('~'),
        notBeforeLam: flags.includes('>'),
        strict: flags.includes('='),
      };
      // Darija glues its article to Latin-script words: "lcancer", "lsida".
      const latin = /^[a-z]/.test(words[0]!) ? ['l' + words[0]] : [];
      if (words.length > 1) for (const w of [words[1]!, bareKey(words[1]!)]) SECOND.add(w, 1);
      for (const key of new Set([words[0]!, bareKey(words[0]!), ...latin])) {
        TERM_START.add(key, words.length > 1 ? MULTI_WORD : ONE_WORD);
        const list = TERMS.get(key) ?? [];
        list.push(term);
        list.sort((a, b) => b.words.length - a.words.length);
        TERMS.set(key, list);
      }
    }
  }
}

watchWords(TERMS.keys(), WATCH_SENSITIVE);

const FIRST = 1;
const THIRD = 2;
const POSSESSIVE = 4;
const RELATION = 8;
const POST = 16;
const BRIDGE = 32;
const BLOCK = 64;
const NOT_VERB = 128;
const LEAD = 256;
const LEAD_LINK = 512;
const WORDS = new KeyTable();
for (const [list, bit] of [
  [lex.FIRST_PERSON, FIRST],
  [lex.THIRD_PERSON, THIRD],
  [lex.POSSESSIVES, POSSESSIVE],
  [lex.RELATIONS, RELATION],
  [lex.POST_POSSESSIVES, POST],
  [lex.BRIDGES, BRIDGE],
  [lex.BLOCKERS, BLOCK],
  [lex.NOT_VERBS, NOT_VERB],
  [lex.LEADS, LEAD],
  [lex.LEAD_LINKS, LEAD_LINK],
] as const) {
  for (const k of keysOf(list)) WORDS.add(k, bit);
}
const ARTICLES = new Set(['un', 'une', 'le', 'la', 'l', 'les', 'des', 'a', 'an', 'the']);

/** Punctuation that ends a clause: a cue before it does not reach a term after it. */
const CLAUSE_BREAK = /[.!?؟;:\n,،]/;
const PHRASE_GAP = /^(?:[ \t]{1,2}|['’-]|[ \t]?-[ \t]?)$/;
/** Darija first-person present verbs: "kantbe3", "kan3ani", "كنتبع", "كنعاني". */
const DARIJA_VERB = /^(?:kan[a-z0-9]{3,}|كن[\u0621-\u064a]{2,})$/;
/** How far back a cue may be, in words. */
const LOOKBACK = 10;

function wordBits(t: Tokens, i: number): number {
  const bits = WORDS.get(t.hash[i]!) || WORDS.get(t.bare[i]!);
  if (bits === 0) return 0;
  const key = t.key(i);
  return WORDS.confirm(t.hash[i]!, key) || WORDS.confirm(t.bare[i]!, key.slice(t.bareSkip[i]!)) ? bits : 0;
}

/** Whether token i reads as a term word (its folded or bare form equals the word's). */
function sameWord(t: Tokens, i: number, word: string, raw: string | undefined): boolean {
  const key = t.key(i);
  // "علي" (me, in "حكم علي") and "على" (on) fold alike: the written last letter decides.
  if (word === 'علي' && raw !== undefined && raw.at(-1) !== t.word(i).at(-1)) return false;
  if (key === word) return true;
  const bare = key.slice(t.bareSkip[i]!);
  return bare === word || bare === bareKey(word) || key === bareKey(word);
}

/** The longest term starting at token i. */
function termAt(t: Tokens, i: number): { term: Term; end: number } | undefined {
  const start = TERM_START.get(t.hash[i]!) | TERM_START.get(t.bare[i]!);
  if (start === 0) return undefined;
  if (!(start & ONE_WORD)) {
    const next = i + 1;
    if (next >= t.count || !(SECOND.get(t.hash[next]!) | SECOND.get(t.bare[next]!))) return undefined;
  }
  const key = t.key(i);
  let best: { term: Term; end: number } | undefined;
  for (let l = 0; l < 2; l++) {
    const list = l === 0 ? TERMS.get(key) : t.bareSkip[i] ? TERMS.get(key.slice(t.bareSkip[i])) : undefined;
    if (list === undefined) continue;
    for (const term of list) {
      const n = term.words.length;
      if (best && best.end - i >= n) break;
      if (i + n > t.count) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++)
        ok = PHRASE_GAP.test(t.gapBefore(i + k)) && sameWord(t, i + k, term.words[k]!, term.raw[k]);
      if (ok) best = { term, end: i + n };
    }
  }
  return best;
}

const isDarijaVerb = (t: Tokens, i: number, bits: number) => !(bits & NOT_VERB) && DARIJA_VERB.test(t.key(i));

/** A known given or family name, in capitals in Latin script: "Ahmed est diabétique". */
function isName(t: Tokens, i: number): boolean {
  if ((t.is(i, LATIN) && !t.is(i, CAPITALIZED)) || NOT_NAMES.has(t.word(i))) return false;
  const bits = NAMES.get(t.hash[i]!);
  return (
    ((bits & GIVEN && !(bits & GIVEN_AMBIGUOUS)) || (bits & FAMILY && !(bits & FAMILY_AMBIGUOUS))) !== 0 &&
    NAMES.confirm(t.hash[i]!, t.key(i))
  );
}

function afterGivenName(t: Tokens, i: number): boolean {
  if (!PHRASE_GAP.test(t.gapBefore(i))) return false;
  const bits = NAMES.get(t.hash[i - 1]!);
  return (bits & GIVEN) !== 0 && NAMES.confirm(t.hash[i - 1]!, t.key(i - 1));
}

interface Tie {
  score: number;
  possessive: boolean;
  /** Content words between the cue and the term. */
  content: number;
}
const NO_TIE: Tie = { score: 0, possessive: false, content: 0 };

/** The person cue before a term starting at token i, if any. `inTerm` marks tokens of other terms. */
function cueBefore(t: Tokens, i: number, inTerm: Uint8Array): Tie {
  let content = 0;
  for (let k = i - 1; k >= 0 && i - k <= LOOKBACK; k--) {
    if (CLAUSE_BREAK.test(t.gapBefore(k + 1))) return NO_TIE;
    const bits = wordBits(t, k);
    if (bits & BLOCK) return NO_TIE;
    if (bits & POSSESSIVE && k === i - 1) return { score: 0.8, possessive: true, content: 0 };
    if (bits & RELATION && k > 0 && wordBits(t, k - 1) & POSSESSIVE) return first(content);
    if (bits & FIRST || isDarijaVerb(t, k, bits)) return first(content);
    // "هي المسيحية" (it is Christianity) is a copula, "هي مسيحية" (she is Christian) a person.
    if (bits & THIRD) return content === 0 && !(t.is(k, ARABIC) && hasArticle(t, i)) ? THIRD_TIE : NO_TIE;
    if (isName(t, k)) return content === 0 && k < i - 1 ? { score: 0.7, possessive: false, content } : NO_TIE;
    if (bits & BRIDGE || inTerm[k] || t.is(k, DIGITS)) continue;
    if (++content > 1) return NO_TIE;
  }
  return NO_TIE;
}

const THIRD_TIE: Tie = { score: 0.75, possessive: false, content: 0 };
/** An Arabic article on token i: "المسيحية", or Darija's "ل" ("لمسيحية"). */
const hasArticle = (t: Tokens, i: number) =>
  (t.bareSkip[i]! >= 2 && t.key(i).endsWith('ال', t.bareSkip[i]!)) ||
  (t.bareSkip[i] === 1 && t.key(i)[0] === 'ل');

const first = (content: number): Tie => ({ score: content === 0 ? 0.85 : 0.7, possessive: false, content });

/** A Darija possessive right after a term: "sokkar dyali", "السكر ديالي". */
function possessiveAfter(t: Tokens, end: number): boolean {
  for (let k = end; k < t.count && k <= end + 1; k++) {
    if (CLAUSE_BREAK.test(t.gapBefore(k))) return false;
    const bits = wordBits(t, k);
    if (bits & POST) return true;
    if (!(bits & BRIDGE)) return false;
  }
  return false;
}

interface Found {
  type: SensitiveType;
  from: number;
  to: number;
  score: number;
}

let inTermBuffer = new Uint8Array(1024);

/** Every term of the text with its tie to a person (0 when none). */
function termsOf(t: Tokens): Found[] {
  const found: Found[] = [];
  if (inTermBuffer.length < t.count) inTermBuffer = new Uint8Array(t.count * 2);
  const inTerm = inTermBuffer.fill(0, 0, t.count);
  const tied = new Map<SensitiveType, number>();
  for (let i = 0; i < t.count; i++) {
    if (!(t.interest[i]! & WATCH_SENSITIVE)) continue;
    const hit = termAt(t, i);
    if (!hit) continue;
    const { term } = hit;
    let end = hit.end;
    if (term.notAfterArticle && i > 0 && ARTICLES.has(t.key(i - 1))) continue;
    if (term.notBeforeLam && end < t.count && t.is(end, ARABIC) && t.key(end).startsWith('ل')) continue;
    // A family name, not an origin: "حسن السوسي", "Hassan Soussi".
    if (term.type === 'SENSITIVE_ETHNIC_ORIGIN' && i > 0 && afterGivenName(t, i)) continue;
    if (term.self && hasArticle(t, i)) continue; // "الحزبي" (partisan) is not "حزبي" (my party)
    const tie = term.self ? { score: 0.85, possessive: true, content: 0 } : cueBefore(t, i, inTerm);
    let score = (term.possessiveOnly && !tie.possessive) || (term.strict && tie.content > 0) ? 0 : tie.score;
    if (score === 0 && !term.possessiveOnly && possessiveAfter(t, end)) score = 0.75;
    if (term.nextWord && end < t.count && PHRASE_GAP.test(t.gapBefore(end)) && !t.is(end, DIGITS)) end++;
    // A term in the same clause as a tied term of its category shares the tie: "mon test génétique a révélé une
    // mucoviscidose".
    const prev = tied.get(term.type);
    if (score === 0 && prev !== undefined && i - prev <= LOOKBACK && sameClause(t, prev, i)) score = 0.7;
    if (score > 0) tied.set(term.type, end);
    found.push({ type: term.type, from: leadBefore(t, i), to: end, score });
    inTerm.fill(1, i, end);
  }
  return found;
}

/** Joins terms of one category that follow each other ("militant au PSU", "حكم علي بالسجن"); a tie covers all. */
function joined(t: Tokens, found: Found[]): Found[] {
  const out: Found[] = [];
  for (const f of found) {
    const prev = out[out.length - 1];
    const touching = prev && prev.type === f.type && (f.from < prev.to || onlyBridges(t, prev.to, f.from));
    if (prev && touching && f.from - prev.to <= 3) {
      prev.to = Math.max(prev.to, f.to);
      prev.score = Math.max(prev.score, f.score);
    } else out.push({ ...f });
  }
  return out.filter((f) => f.score > 0);
}

/** The start of a term with the membership or state word that leads it ("membre du PJD"), else i. */
function leadBefore(t: Tokens, i: number): number {
  for (let k = i - 1; k >= 0 && i - k <= 3; k--) {
    if (CLAUSE_BREAK.test(t.gapBefore(k + 1))) return i;
    const bits = wordBits(t, k);
    if (bits & LEAD) return k;
    if (!(bits & LEAD_LINK)) return i;
  }
  return i;
}

function sameClause(t: Tokens, from: number, to: number): boolean {
  for (let k = from; k <= to && k < t.count; k++) if (CLAUSE_BREAK.test(t.gapBefore(k))) return false;
  return true;
}

function onlyBridges(t: Tokens, from: number, to: number): boolean {
  for (let k = from; k <= to && k < t.count; k++) {
    if (CLAUSE_BREAK.test(t.gapBefore(k))) return false;
    if (k < to && !(wordBits(t, k) & BRIDGE) && !t.is(k, DIGITS)) return false;
  }
  return true;
}

let lastText: string | undefined;
let lastFound: Found[] = [];

/** Sensitive spans of every category, computed once per text for the seven recognizers. */
function sensitiveSpans(text: string): Found[] {
  if (text !== lastText) {
    const t = tokenize(text);
    lastFound = joined(t, termsOf(t));
    for (const f of lastFound) {
      f.from = t.start[f.from]!;
      f.to = t.end[f.to - 1]!;
    }
    lastText = text;
  }
  return lastFound;
}

function sensitive(type: SensitiveType): Recognizer {
  return {
    entity: type,
    patterns: [],
    context: [],
    find(text: string): Candidate[] {
      const out: Candidate[] = [];
      for (const f of sensitiveSpans(text)) {
        if (f.type === type) out.push({ start: f.from, end: f.to, score: f.score, pattern: 'person-cue' });
      }
      return out;
    },
  };
}

export const sensitiveHealth = sensitive('SENSITIVE_HEALTH');
export const sensitiveEthnicOrigin = sensitive('SENSITIVE_ETHNIC_ORIGIN');
export const sensitivePolitical = sensitive('SENSITIVE_POLITICAL');
export const sensitiveReligion = sensitive('SENSITIVE_RELIGION');
export const sensitiveUnion = sensitive('SENSITIVE_UNION');
export const sensitiveSexLife = sensitive('SENSITIVE_SEX_LIFE');
export const sensitiveCriminal = sensitive('SENSITIVE_CRIMINAL');

/** One recognizer per Law 09-08 sensitive category. */
export const sensitiveRecognizers: readonly Recognizer[] = [
  sensitiveHealth,
  sensitiveEthnicOrigin,
  sensitivePolitical,
  sensitiveReligion,
  sensitiveUnion,
  sensitiveSexLife,
  sensitiveCriminal,
];
