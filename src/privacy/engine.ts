/**
 * The shared detection loop, in Presidio's manner (`pattern_recognizer.py` + `lemma_context_aware_enhancer.py`):
 * recognizers are data (patterns, context words, a validator); this module runs them, scores with context, resolves
 * overlaps and maps offsets back to the original text.
 *
 * 1. Normalize (digits, invisible characters, compatibility forms) with an exact offset map.
 * 2. Per recognizer: skip it when its prefilter fails; run each global pattern; add `find()` candidates; validate
 *    (true → MAX_SCORE, false → dropped, undefined → the pattern's score).
 * 3. Context: a context word within CONTEXT_BEFORE_CHARS before or CONTEXT_AFTER_CHARS after a match raises its
 *    score by CONTEXT_BOOST (at least to CONTEXT_FLOOR). Words match whatever the case, accents and Arabic spelling
 *    variants (letter classes, no rewriting of the text), with Arabic and Darija clitics. An occurrence boosts only the nearest matches of that
 *    recognizer (a following word counts as AFTER_CONTEXT_PENALTY_CHARS farther), so "né le X, inscrit le Y" boosts X
 *    only; a match in a list ("CNSS : X, Y et Z") shares the context of the one before it.
 *    `requiresContext` drops unvalidated matches with no context, and so does a `negativeContext` word just before
 *    one ("facture FA12345" is an invoice number, not a CIN).
 * 4. Threshold, then overlaps: higher score wins, then a validated match, then the longer span, then the match with
 *    a context word of its own type nearby (looked up for validated matches only when two types both validate), then
 *    the registry order; overlapping spans of one type merge. Offsets are mapped back to the original and entities sorted by start.
 *
 * Every step is linear in the text: patterns must be written without ambiguous nested quantifiers (see the
 * pathological-input tests), and overlap resolution marks each character at most once per candidate.
 */
import { isMizanError } from '../errors.js';
import { privacyErrors } from './errors.js';
import { normalizeForDetection, type NormalizedText } from './normalize.js';
import type { Entity, EntityType, Explanation, PatternSpec, Recognizer } from './types.js';
import { isEntityType } from './types.js';

/** Score of a validated match (a checksum or a structural check said yes). */
export const MAX_SCORE = 1;
/** Added to a match's score when a context word is near (Presidio's `context_similarity_factor`). */
export const CONTEXT_BOOST = 0.35;
/** A match with context scores at least this much (Presidio's `min_score_with_context_similarity`). */
export const CONTEXT_FLOOR = 0.4;
/** Matches scoring below this are not reported, unless the caller asks for another threshold. */
export const DEFAULT_THRESHOLD = 0.5;
/** How far before a match a context word counts, in characters of normalized text. */
export const CONTEXT_BEFORE_CHARS = 64;
/** How far after a match a context word counts. */
export const CONTEXT_AFTER_CHARS = 32;
/** How far before an unvalidated match a negative context word ("facture", "réf") counts. */
export const NEGATIVE_CONTEXT_BEFORE_CHARS = 32;
/** A context word after a match is treated as this many characters farther than one before it. */
export const AFTER_CONTEXT_PENALTY_CHARS = 24;
/** The longest gap between two matches that still reads as a list ("X, Y et Z"). */
export const LIST_GAP_MAX_CHARS = 16;

const SCORE_EPSILON = 1e-9;
/**
 * Punctuation and conjunctions (French, English, Arabic, Darija) that separate items of a list on one line; a line
 * break ends the list (the next line is another sentence as often as another item).
 */
const LIST_GAP =
  /^[ \t,;:/&|+\-()]*(?:(?:et|ou|and|or|w|wa|u|و|[اأ]و)[ \t,;:/&|+\-()]*)?(?:(?:le|la|les|l'|de|du|des)[ \t,;:-]*)?$/i;

export interface ScannerOptions {
  /** Default threshold for this scanner's scans (DEFAULT_THRESHOLD if absent). */
  threshold?: number;
  /** Context window before a match, in characters (CONTEXT_BEFORE_CHARS if absent). */
  contextBefore?: number;
  /** Context window after a match, in characters (CONTEXT_AFTER_CHARS if absent). */
  contextAfter?: number;
}

export interface ScanOptions {
  /** Only these types; every one must have a recognizer. */
  types?: readonly EntityType[];
  /** Minimum score in [0, 1]. */
  threshold?: number;
}

export interface Scanner {
  /** Entities in the original text's offsets, sorted by start. Throws a coded MizanError on failure. */
  scan(text: string, options?: ScanOptions): Entity[];
  /** The entity types this scanner can detect. */
  readonly entities: readonly EntityType[];
}

interface CompiledPattern {
  spec: PatternSpec;
  regex: RegExp;
  /** Index in the scanner's distinct prefilters, or -1. */
  prefilter: number;
}

interface CompiledRecognizer {
  order: number;
  recognizer: Recognizer;
  patterns: CompiledPattern[];
  context: RegExp | undefined;
  negativeContext: RegExp | undefined;
  prefilter: number;
}

/** Distinct prefilters of a scanner: recognizers often share one (/\d/), tested once per text. */
class Prefilters {
  readonly regexes: RegExp[] = [];
  private readonly ids = new Map<string, number>();
  idOf(regex: RegExp | undefined): number {
    if (regex === undefined) return -1;
    const key = `${regex.source}/${regex.flags}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.regexes.length;
      this.regexes.push(new RegExp(regex.source, regex.flags));
      this.ids.set(key, id);
    }
    return id;
  }
}

interface Hit {
  rec: CompiledRecognizer;
  start: number;
  end: number;
  pattern: string;
  baseScore: number;
  validated: boolean | undefined;
  requiresContext: boolean;
  score: number;
  contextWord: string | undefined;
}

export function createScanner(recognizers: readonly Recognizer[], options: ScannerOptions = {}): Scanner {
  const defaultThreshold = checkThreshold(options.threshold ?? DEFAULT_THRESHOLD);
  const before = checkWindow('contextBefore', options.contextBefore ?? CONTEXT_BEFORE_CHARS);
  const after = checkWindow('contextAfter', options.contextAfter ?? CONTEXT_AFTER_CHARS);
  const prefilters = new Prefilters();
  const compiled = recognizers.map((r, order) => compileRecognizer(r, order, prefilters));
  const entities = [...new Set(compiled.map((c) => c.recognizer.entity))];

  const select = (types: readonly EntityType[] | undefined): CompiledRecognizer[] => {
    if (types === undefined) return compiled;
    if (!Array.isArray(types))
      throw privacyErrors.invalidOption('types', 'types must be an array of entity types');
    const unknown = types.filter((t) => typeof t !== 'string' || !isEntityType(t));
    if (unknown.length > 0) {
      throw privacyErrors.invalidOption('types', `unknown entity types: ${unknown.map(String).join(', ')}`);
    }
    const missing = types.filter((t) => !entities.includes(t));
    if (missing.length > 0) throw privacyErrors.noRecognizer(missing);
    return compiled.filter((c) => types.includes(c.recognizer.entity));
  };

  return {
    entities,
    scan(text, scanOptions) {
      if (typeof text !== 'string') throw privacyErrors.invalidInput(text === null ? 'null' : typeof text);
      scanOptions ??= {};
      const threshold =
        scanOptions.threshold === undefined ? defaultThreshold : checkThreshold(scanOptions.threshold);
      const active = select(scanOptions.types);
      try {
        return detect(text, active, prefilters.regexes, threshold, before, after);
      } catch (error) {
        if (isMizanError(error)) throw error;
        throw privacyErrors.detectionFailed(error);
      }
    },
  };
}

function checkWindow(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw privacyErrors.invalidOption(name, `${name} must be a whole number of characters`);
  }
  return value;
}

function checkThreshold(value: number): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw privacyErrors.invalidOption('threshold', 'threshold must be a number between 0 and 1');
  }
  return value;
}

function compileRecognizer(
  recognizer: Recognizer,
  order: number,
  prefilters: Prefilters,
): CompiledRecognizer {
  const entity = String(recognizer.entity);
  if (!isEntityType(entity)) throw privacyErrors.invalidRecognizer(entity, 'unknown entity type');
  if (recognizer.prefilter && (recognizer.prefilter.global || recognizer.prefilter.sticky)) {
    throw privacyErrors.invalidRecognizer(entity, 'the prefilter must be neither global nor sticky');
  }
  const patterns = recognizer.patterns.map((spec): CompiledPattern => {
    if (!spec.regex.global)
      throw privacyErrors.invalidRecognizer(entity, `pattern ${spec.name} lacks the g flag`);
    if (spec.regex.sticky) throw privacyErrors.invalidRecognizer(entity, `pattern ${spec.name} is sticky`);
    if (spec.prefilter && (spec.prefilter.global || spec.prefilter.sticky)) {
      throw privacyErrors.invalidRecognizer(
        entity,
        `pattern ${spec.name}: the prefilter must be neither global nor sticky`,
      );
    }
    if (!(spec.score >= 0 && spec.score <= 1)) {
      throw privacyErrors.invalidRecognizer(entity, `pattern ${spec.name} has a score outside [0, 1]`);
    }
    // A private copy: lastIndex is state, and group offsets need the d flag.
    const flags =
      spec.group !== undefined && !spec.regex.hasIndices ? spec.regex.flags + 'd' : spec.regex.flags;
    return { spec, regex: new RegExp(spec.regex.source, flags), prefilter: prefilters.idOf(spec.prefilter) };
  });
  return {
    order,
    recognizer,
    patterns,
    context: compileContextWords(recognizer.context),
    negativeContext: compileContextWords(recognizer.negativeContext ?? []),
    prefilter: prefilters.idOf(recognizer.prefilter),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Context words

/** Letters of the scripts context words are written in; a context word must not touch one at either end. */
const WORD_CHAR = 'A-Za-z0-9\\u00C0-\\u024F\\u0621-\\u064A\\u0660-\\u0669\\u066E-\\u06D3\\u06F0-\\u06F9';
const NOT_WORD_BEFORE = `(?<![${WORD_CHAR}])`;
const NOT_WORD_AFTER = `(?![${WORD_CHAR}])`;
/** What may separate the words of a phrase ("carte d'identité", "carte-nationale", "c.i.n"). */
const PHRASE_GAP = `[^${WORD_CHAR}]{0,3}`;
/** Arabic proclitics (and, so, with, for, like, the) and Darija's Latin-script ones ("lcin", "fl cnss"). */
const ARABIC_PROCLITICS = '(?:وال|بال|فال|كال|ولل|لل|ال|و|ف|ب|ل|ك)?';
const LATIN_PROCLITICS = '(?:[lfdb]|bl|fl|dl)?';
/** Possessive and plural suffixes, e.g. رقمي "my number", بطاقتك "your card". */
const ARABIC_SUFFIXES = '(?:ي|ك|ه|ها|نا|كم|هم|ات|ين|ون|يه)?';
const PRONOUN_SUFFIXES = '(?:ي|ك|ه|ها|نا|كم|هم)';

/**
 * Letter classes that make matching insensitive to accents and to Arabic spelling variants without rewriting the
 * text (the case is handled by the i flag): hamza forms of alef, ta marbuta / ha, alef maqsura / ya, and the
 * Persian or Maghrebi letters used to write Darija (گ ڭ ڤ پ).
 */
const LETTER_CLASS: Readonly<Record<string, string>> = {
  a: '[aàâäáãåæ]',
  c: '[cç]',
  e: '[eéèêë]',
  i: '[iîïíì]',
  n: '[nñ]',
  o: '[oôöóòõœ°º]',
  u: '[uùûüú]',
  y: '[yÿ]',
  "'": "['’‘`´ʼ]",
  ا: '[اأإآٱ]',
  ه: '[هةۀہ]',
  ي: '[يىی]',
  ك: '[كکگڭ]',
  ف: '[فڤ]',
  ب: '[بپ]',
};

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Base letters, lower case: accents and marks removed, Arabic hamza-alef, ta marbuta, alef maqsura unified. */
function baseForm(word: string): string {
  return normalizeForDetection(word)
    .text.normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ةۀہ]/g, 'ه')
    .replace(/[ىی]/g, 'ي')
    .replace(/[کگڭ]/g, 'ك')
    .replace(/ڤ/g, 'ف')
    .replace(/پ/g, 'ب')
    .replace(/[’‘`´ʼ]/g, "'")
    .trim();
}

const letterSource = (ch: string) => LETTER_CLASS[ch] ?? escapeRegex(ch);

/** A context word or phrase as a regex source: variant letters as classes, separators as short gaps. */
function phraseSource(base: string): string {
  return base
    .split(new RegExp(`[^${WORD_CHAR}]+`))
    .filter((part) => part.length > 0)
    .map((part) => [...part].map(letterSource).join(''))
    .join(PHRASE_GAP);
}

/**
 * One case-insensitive regex per recognizer for its context words, with word boundaries, clitics (Arabic
 * proclitics and possessive suffixes, Darija's glued l/f/d/b for words of four letters or more) and plural s.
 */
export function compileContextWords(words: readonly string[]): RegExp | undefined {
  const latinLong: string[] = [];
  const latinShort: string[] = [];
  const arabic: string[] = [];
  for (const word of words) {
    const base = baseForm(word);
    const source = phraseSource(base);
    if (source.length === 0) continue;
    if (/^[\u0621-\u064A\u066E-\u06D3]/.test(base)) {
      arabic.push(source);
      // ة becomes ت before a possessive suffix: بطاقة → بطاقتي.
      if (base.endsWith('ه')) arabic.push(`${phraseSource(base.slice(0, -1))}ت${PRONOUN_SUFFIXES}`);
    } else if (base.replace(new RegExp(`[^${WORD_CHAR}]`, 'g'), '').length >= 4) {
      latinLong.push(source);
    } else {
      latinShort.push(source);
    }
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  const branches: string[] = [];
  if (latinLong.length > 0)
    branches.push(`${LATIN_PROCLITICS}(?:${latinLong.sort(byLength).join('|')})[sx]?`);
  if (latinShort.length > 0) branches.push(`(?:${latinShort.sort(byLength).join('|')})s?`);
  if (arabic.length > 0)
    branches.push(`${ARABIC_PROCLITICS}(?:${arabic.sort(byLength).join('|')})${ARABIC_SUFFIXES}`);
  if (branches.length === 0) return undefined;
  return new RegExp(`${NOT_WORD_BEFORE}(?:${branches.join('|')})${NOT_WORD_AFTER}`, 'gi');
}

interface Cluster {
  start: number;
  end: number;
  hits: Hit[];
  contextWord: string | undefined;
}

/**
 * Every occurrence of a context word lying wholly within [from, to) of the text. The slice keeps one character
 * on each side so that the word boundaries of the pattern see what surrounds the window.
 */
function* contextOccurrences(
  text: string,
  context: RegExp,
  from: number,
  to: number,
): Generator<{ start: number; end: number }> {
  const ws = Math.max(0, from);
  const we = Math.min(text.length, to);
  const sliceStart = Math.max(0, ws - 1);
  const window = text.slice(sliceStart, Math.min(text.length, we + 1));
  context.lastIndex = 0;
  for (let m = context.exec(window); m !== null; m = context.exec(window)) {
    if (m[0].length === 0) {
      context.lastIndex++;
      continue;
    }
    const start = sliceStart + m.index;
    const end = start + m[0].length;
    if (start >= ws && end <= we) yield { start, end };
  }
}

/** Finds, for each cluster of one recognizer's overlapping hits, the context word that belongs to it. */
function attachContext(
  text: string,
  clusters: Cluster[],
  context: RegExp,
  before: number,
  after: number,
): void {
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    if (allValidated(c.hits)) continue;
    const prev = clusters[i - 1];
    const next = clusters[i + 1];
    let best: { distance: number; start: number; end: number } | undefined;
    for (const { start, end } of contextOccurrences(text, context, c.start - before, c.end + after)) {
      const distance = distanceTo(c, start, end, after);
      if (distance === undefined) continue;
      // The occurrence belongs to the nearest cluster: a neighbour that is strictly nearer takes it.
      const rival = Math.min(
        prev ? (distanceTo(prev, start, end, after) ?? Infinity) : Infinity,
        next ? (distanceTo(next, start, end, after) ?? Infinity) : Infinity,
      );
      if (rival < distance) continue;
      if (best === undefined || distance < best.distance) best = { distance, start, end };
    }
    if (best) c.contextWord = text.slice(best.start, best.end);
  }
}

function allValidated(hits: readonly Hit[]): boolean {
  for (const h of hits) if (h.validated !== true) return false;
  return true;
}

/** Whether a negative context word ends within NEGATIVE_CONTEXT_BEFORE_CHARS before the cluster. */
function hasNegativeContext(text: string, c: Cluster, negative: RegExp): boolean {
  if (allValidated(c.hits)) return false;
  const ws = Math.max(0, c.start - NEGATIVE_CONTEXT_BEFORE_CHARS);
  const sliceStart = Math.max(0, ws - 1);
  const window = text.slice(sliceStart, c.start);
  negative.lastIndex = 0;
  for (let m = negative.exec(window); m !== null; m = negative.exec(window)) {
    if (m[0].length === 0) {
      negative.lastIndex++;
      continue;
    }
    if (sliceStart + m.index >= ws) return true;
  }
  return false;
}

/** Distance from a cluster to a context word, counting words after the cluster as farther. */
function distanceTo(c: Cluster, start: number, end: number, after: number): number | undefined {
  if (end <= c.start) return c.start - end;
  if (start >= c.end) return start - c.end > after ? undefined : start - c.end + AFTER_CONTEXT_PENALTY_CHARS;
  return 0;
}

function clustersOf(hits: Hit[]): Cluster[] {
  hits.sort(byPosition);
  const clusters: Cluster[] = [];
  for (const h of hits) {
    const last = clusters[clusters.length - 1];
    if (last && h.start < last.end) {
      last.hits.push(h);
      if (h.end > last.end) last.end = h.end;
    } else {
      clusters.push({ start: h.start, end: h.end, hits: [h], contextWord: undefined });
    }
  }
  return clusters;
}

// ---------------------------------------------------------------------------------------------------------------
// Detection

function detect(
  original: string,
  recognizers: readonly CompiledRecognizer[],
  prefilters: readonly RegExp[],
  threshold: number,
  before: number,
  after: number,
): Entity[] {
  const normalized = normalizeForDetection(original);
  const text = normalized.text;
  const kept: Hit[] = [];

  const prefilterResults = new Int8Array(prefilters.length); // 0 untested, 1 passed, 2 failed
  for (const rec of recognizers) {
    const r = rec.recognizer;
    if (rec.prefilter >= 0 && !passes(prefilters, rec.prefilter, text, prefilterResults)) continue;
    const hits: Hit[] = [];
    for (const { spec, regex, prefilter } of rec.patterns) {
      if (prefilter >= 0 && !passes(prefilters, prefilter, text, prefilterResults)) continue;
      const requires = r.requiresContext === true || spec.requiresContext === true;
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        if (m[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        if (spec.group === undefined) {
          addHit(hits, rec, text, m.index, m.index + m[0].length, spec.score, spec.name, requires);
        } else {
          const span = m.indices?.[spec.group];
          if (span) addHit(hits, rec, text, span[0], span[1], spec.score, spec.name, requires);
        }
      }
    }
    if (r.find) {
      for (const c of r.find(text)) {
        addHit(hits, rec, text, c.start, c.end, c.score, c.pattern, r.requiresContext === true);
      }
    }
    if (hits.length === 0) continue;

    const clusters = clustersOf(hits);
    if (rec.context) attachContext(text, clusters, rec.context, before, after);
    inheritListContext(text, clusters);
    for (const c of clusters) {
      const unlikely =
        c.contextWord === undefined &&
        rec.negativeContext !== undefined &&
        hasNegativeContext(text, c, rec.negativeContext);
      for (const h of c.hits) {
        if (h.validated === true) {
          h.score = MAX_SCORE;
        } else if (c.contextWord !== undefined) {
          h.score = Math.min(MAX_SCORE, Math.max(h.baseScore + CONTEXT_BOOST, CONTEXT_FLOOR));
          h.contextWord = c.contextWord;
        } else if (h.requiresContext || unlikely) {
          continue;
        }
        if (h.score > 0 && h.score + SCORE_EPSILON >= threshold) kept.push(h);
      }
    }
  }

  const resolved = resolveOverlaps(kept, text, before, after);
  const entities: Entity[] = [];
  for (const h of resolved) entities.push(toEntity(h, original, normalized));
  return entities.sort(byPosition);
}

function passes(prefilters: readonly RegExp[], id: number, text: string, results: Int8Array): boolean {
  if (results[id] === 0) results[id] = prefilters[id]!.test(text) ? 1 : 2;
  return results[id] === 1;
}

/** Validates a proposed span (true → certain, false → dropped, undefined → kept at its score) and records it. */
function addHit(
  hits: Hit[],
  rec: CompiledRecognizer,
  text: string,
  start: number,
  end: number,
  score: number,
  pattern: string,
  requiresContext: boolean,
): void {
  if (!(start >= 0 && end > start && end <= text.length)) return;
  const validate = rec.recognizer.validate;
  const validated = validate ? validate.call(rec.recognizer, text.slice(start, end)) : undefined;
  if (validated === false) return;
  hits.push({
    rec,
    start,
    end,
    pattern,
    baseScore: score,
    validated,
    requiresContext,
    score,
    contextWord: undefined,
  });
}

const byPosition = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start - b.start || a.end - b.end;

function toEntity(h: Hit, original: string, normalized: NormalizedText): Entity {
  const start = normalized.toOriginal(h.start);
  const end = normalized.toOriginalEnd(h.end);
  const explanation: Explanation = {
    recognizer: h.rec.recognizer.entity,
    pattern: h.pattern,
    baseScore: h.baseScore,
  };
  if (h.validated !== undefined) explanation.validated = h.validated;
  if (h.contextWord !== undefined) explanation.contextWord = h.contextWord;
  return {
    type: h.rec.recognizer.entity,
    start,
    end,
    text: original.slice(start, end),
    score: Math.round(h.score * 1e6) / 1e6,
    explanation,
  };
}
/** "CNSS : X, Y et Z": a match right after another in a list shares its context. */
function inheritListContext(text: string, clusters: Cluster[]): void {
  for (let i = 1; i < clusters.length; i++) {
    const c = clusters[i]!;
    const prev = clusters[i - 1]!;
    if (c.contextWord !== undefined || prev.contextWord === undefined) continue;
    if (c.start - prev.end > LIST_GAP_MAX_CHARS) continue;
    if (LIST_GAP.test(text.slice(prev.end, c.start))) c.contextWord = prev.contextWord;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Overlaps

/**
 * Sort order of competing hits: score, then a checksum's certainty, then length, then a context word of the hit's own
 * type nearby, then registry order.
 */
const better = (a: Hit, b: Hit): number =>
  Math.abs(a.score - b.score) > SCORE_EPSILON
    ? b.score - a.score
    : Number(b.validated === true) - Number(a.validated === true) ||
      b.end - b.start - (a.end - a.start) ||
      Number(b.contextWord !== undefined) - Number(a.contextWord !== undefined) ||
      a.rec.order - b.rec.order ||
      a.start - b.start;

/**
 * Higher score wins, then a validated hit, then the longer span, then the hit with its own context word nearby, then
 * registry order; overlapping hits of one type merge into their union (keeping the best hit's explanation). Hits are
 * grouped into connected runs of overlaps, and within a run each character records which accepted group owns it, so
 * the work is the total length of the hits.
 */
function resolveOverlaps(hits: Hit[], text: string, before: number, after: number): Hit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  let i = 0;
  while (i < hits.length) {
    let j = i + 1;
    let end = hits[i]!.end;
    while (j < hits.length && hits[j]!.start < end) {
      end = Math.max(end, hits[j]!.end);
      j++;
    }
    if (j === i + 1) out.push(hits[i]!);
    else {
      const run = hits.slice(i, j);
      findContextOfValidated(run, text, before, after);
      out.push(...resolveRun(run, hits[i]!.start, end));
    }
    i = j;
  }
  return out;
}

/**
 * Validated hits skip the context search (their score is already certain). When validated hits of two types overlap
 * (an Amex number that is also a valid ICE), each one's own context word decides: look for it now, in the same
 * window as for unvalidated hits.
 */
function findContextOfValidated(run: Hit[], text: string, before: number, after: number): void {
  let firstType: EntityType | undefined;
  let contested = false;
  for (const h of run) {
    if (h.validated !== true) continue;
    const type = h.rec.recognizer.entity;
    if (firstType === undefined) firstType = type;
    else if (type !== firstType) contested = true;
  }
  if (!contested) return;
  for (const h of run) {
    if (h.validated !== true || h.contextWord !== undefined || h.rec.context === undefined) continue;
    h.contextWord = nearestContextWord(text, h, h.rec.context, before, after);
  }
}

/** The context word nearest to one hit within the window, or undefined. */
function nearestContextWord(
  text: string,
  h: Hit,
  context: RegExp,
  before: number,
  after: number,
): string | undefined {
  const c: Cluster = { start: h.start, end: h.end, hits: [h], contextWord: undefined };
  let best: { distance: number; start: number; end: number } | undefined;
  for (const { start, end } of contextOccurrences(text, context, h.start - before, h.end + after)) {
    const distance = distanceTo(c, start, end, after);
    if (distance === undefined) continue;
    if (best === undefined || distance < best.distance) best = { distance, start, end };
  }
  return best ? text.slice(best.start, best.end) : undefined;
}

function resolveRun(run: Hit[], base: number, end: number): Hit[] {
  run.sort(better);
  const owner = new Int32Array(end - base).fill(-1);
  const groups: { hit: Hit; start: number; end: number; parent: number }[] = [];
  const root = (g: number): number => {
    while (groups[g]!.parent !== g) {
      groups[g]!.parent = groups[groups[g]!.parent]!.parent;
      g = groups[g]!.parent;
    }
    return g;
  };
  for (const h of run) {
    const type = h.rec.recognizer.entity;
    const touched: number[] = [];
    let conflict = false;
    for (let p = h.start; p < h.end; p++) {
      const o = owner[p - base]!;
      if (o < 0) continue;
      const g = root(o);
      if (groups[g]!.hit.rec.recognizer.entity !== type) {
        conflict = true;
        break;
      }
      if (!touched.includes(g)) touched.push(g);
    }
    if (conflict) continue;
    let g: number;
    if (touched.length === 0) {
      g = groups.length;
      groups.push({ hit: h, start: h.start, end: h.end, parent: g });
    } else {
      g = touched[0]!;
      const target = groups[g]!;
      for (const other of touched.slice(1)) {
        const o = groups[other]!;
        o.parent = g;
        target.start = Math.min(target.start, o.start);
        target.end = Math.max(target.end, o.end);
        if (better(o.hit, target.hit) < 0) target.hit = o.hit;
      }
      target.start = Math.min(target.start, h.start);
      target.end = Math.max(target.end, h.end);
    }
    for (let p = h.start; p < h.end; p++) if (owner[p - base]! < 0) owner[p - base] = g;
  }
  const out: Hit[] = [];
  groups.forEach((grp, index) => {
    if (grp.parent !== index) return;
    out.push(
      grp.start === grp.hit.start && grp.end === grp.hit.end
        ? grp.hit
        : { ...grp.hit, start: grp.start, end: grp.end },
    );
  });
  return out;
}
