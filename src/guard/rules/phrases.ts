/**
 * Phrase matching for the rule packs: the phrase syntax of the sensitive-topic lexicons, compiled for speed.
 *
 * A text's key is its words folded one by one with the fold of src/oversight/review/sensitive-topics.ts
 * (`matchKey`): case, accents, Arabic spelling variants, Tifinagh letters, invisible characters and the spellings
 * Arabizi writers use interchangeably (3 → a, 9 → q, ch/sh → c, e dropped, doubled letters once…) all meet, so
 * "ta3limat", "t3limat" and "taalimat" are one key word. Words are separated by single spaces, with a space at
 * both ends, so that every phrase compiles to ` (?:…)(?= )`: a regular expression that starts with a literal
 * space, which the regex engine skips to quickly, rather than with a look-behind it must try at every position.
 *
 * Phrase syntax, as in the lexicons: "(a|b|)" alternatives (a space that belongs to an optional word goes inside
 * the group: "(tres |)mal"); "…" up to four other words, "…{n}" up to n; "*" any letters ("pirat*", "*qtl").
 * Words are written in their usual spelling and folded like the text. An Arabic word may carry the proclitics
 * و ف ب ل ك د and the article (والتعليمات matches التعليمات), as in the lexicons.
 */
import { phraseTokens } from '../../language/anchors.js';
import { matchKey } from '../../oversight/review/sensitive-topics.js';

/** A text ready for phrase matching. */
export interface PhraseKey {
  text: string;
  /** The folded words, one space between them and one at each end. */
  key: string;
  /** Per word of the text that has a key: where its key starts in `key`, and its span in `text`. */
  starts: number[];
  spans: Array<readonly [number, number]>;
}

/** Words repeat (Zipf): the fold of a chunk is remembered, up to a bound. */
const REMEMBERED_CHUNKS = 50_000;
const folds = new Map<string, string>();

/** The key of a chunk of text without whitespace; punctuation splits it into several key words. */
export function foldChunk(chunk: string): string {
  let key = folds.get(chunk);
  if (key === undefined) {
    if (folds.size >= REMEMBERED_CHUNKS) folds.clear();
    key = matchKey(chunk).key;
    folds.set(chunk, key);
  }
  return key;
}

const CHUNK = /\S+/g;

export function phraseKey(text: string): PhraseKey {
  const starts: number[] = [];
  const spans: Array<readonly [number, number]> = [];
  let key = ' ';
  for (const m of text.matchAll(CHUNK)) {
    const folded = foldChunk(m[0]);
    if (folded === '') continue;
    starts.push(key.length);
    spans.push([m.index, m.index + m[0].length]);
    key += folded + ' ';
  }
  return { text, key, starts, spans };
}

/** The words of the text behind key[from, to) (a match, with its leading space), as written, at most `max` characters. */
export function wordsAt(prepared: PhraseKey, from: number, to: number, max = 80): string {
  const { starts, spans, text, key } = prepared;
  while (key[from] === ' ') from++;
  let first = 0;
  while (first + 1 < starts.length && starts[first + 1]! <= from) first++;
  let last = first;
  while (last + 1 < starts.length && starts[last + 1]! < to) last++;
  if (spans.length === 0) return '';
  const words = text.slice(spans[first]![0], spans[last]![1]);
  return words.length <= max ? words : `${words.slice(0, max - 1).trimEnd()}…`;
}

// ----------------------------------------------------------------------------------------------------
// Compiling phrases

export class PhraseError extends Error {}

const DEFAULT_GAP = 4;
const GAP_LENGTH = /\{(\d{1,2})\}/;
const ARABIC = /^[\u0621-\u064a]/;
/** و or ف, then a preposition with or without the article, or the article alone: والتعليمات، فالدار، بالقانون. */
const PROCLITICS = '(?:[وف]?(?:[بلكد]?ال|لل|[بلكد])?)';
/** The article of a word written with it, when three letters or more follow: the proclitics include it. */
const ARTICLE = /^ال(?=[\u0621-\u064a]{3})/;
const SPECIAL = /[.*+?^${}()|[\]\\]/g;

const escapeRegex = (text: string): string => text.replace(SPECIAL, '\\$&');

function literalSource(literal: string, atWordStart: boolean): string {
  const key = foldChunk(literal);
  if (key === '') throw new PhraseError(`"${literal}" folds to nothing: write the words around it`);
  return key
    .split(' ')
    .map((word, i) =>
      (i > 0 || atWordStart) && ARABIC.test(word)
        ? PROCLITICS + escapeRegex(word.replace(ARTICLE, ''))
        : escapeRegex(word),
    )
    .join(' ');
}

/** The regular expression source of one phrase, to be placed between ` (?:` and `)(?= )`. */
export function phraseSource(phrase: string): string {
  let out = '';
  /** Whether the next literal begins a word, where an Arabic word takes proclitics; per open group, at its start. */
  let wordStart = true;
  const groupStarts: boolean[] = [];
  /** After a gap, the space that follows is part of it. */
  let afterGap = false;
  for (const token of phraseTokens(phrase)) {
    const wasGap = afterGap;
    afterGap = false;
    if (token.startsWith('…')) {
      if (out === '') throw new PhraseError('a phrase cannot start with "…"');
      if (!out.endsWith(' ')) out += ' ';
      out += `(?:[^ ]+ ){0,${GAP_LENGTH.exec(token)?.[1] ?? DEFAULT_GAP}}`;
      afterGap = wordStart = true;
    } else if (/^\s/.test(token)) {
      if (!wasGap) out += ' ';
      wordStart = true;
    } else if (token === '(') {
      groupStarts.push(wordStart);
      out += '(?:';
    } else if (token === '|') {
      wordStart = groupStarts.at(-1) ?? true;
      out += '|';
    } else if (token === ')') {
      // Past "(x |)" the next word starts a word, whichever alternative matched.
      const opened = groupStarts.pop() ?? false;
      wordStart = opened && (out.endsWith(' ') || out.endsWith('|') || out.endsWith('(?:'));
      out += ')';
    } else if (token === '*') {
      out += '[^ ]*';
      wordStart = false;
    } else {
      out += literalSource(token, wordStart);
      wordStart = false;
    }
  }
  if (afterGap) throw new PhraseError('a phrase cannot end with "…"');
  return out;
}

/**
 * One expression for several phrases: ` (?:p1|p2|…)(?= )`, whole words only, on a key. Refuses a phrase that does
 * not compile or that matches no words at all (an empty alternative on its own).
 */
export function compilePhrases(phrases: readonly string[], flags = ''): RegExp {
  const sources = phrases.map((phrase) => {
    let source: string;
    try {
      source = phraseSource(phrase);
      new RegExp(` (?:${source})(?= )`);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new PhraseError(`phrase "${phrase}": ${message}`);
    }
    if (new RegExp(`^ (?:${source}) $`).test('  '))
      throw new PhraseError(`phrase "${phrase}" matches no words`);
    return source;
  });
  return new RegExp(` (?:${sources.join('|')})(?= )`, flags);
}
