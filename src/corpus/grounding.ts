import { normalizeForSearch } from '../language/normalize/index.js';
import { citedNumbers, type Citation } from './citations.js';

export interface GroundingReport {
  /** True when every sentence that makes a claim is supported by the passages it cites. */
  supported: boolean;
  checked: number;
  unsupported: {
    sentence: string;
    reason: 'no_citation' | 'unknown_source' | 'low_overlap' | 'number_not_in_source' | 'name_not_in_source';
  }[];
}

/** Below this share of its content words found in the cited passages, a sentence is not supported. */
const MIN_OVERLAP = 0.5;
/** Words too common to show support: articles, pronouns, auxiliaries, in the platform's languages. */
const STOP_WORDS = new Set(
  (
    'le la les l un une des de du d et ou a au aux en dans par pour sur avec sans que qui quoi dont est sont ete etre ' +
    'ce cet cette ces il elle ils elles on nous vous se sa son ses leur leurs ne pas plus peut doit the of and or to in ' +
    'is are be by for on with that this as an it its from at was were which ' +
    'في من على الى إلى عن أن ان او أو و ما لا هذا هذه ذلك التي الذي الذين كل كما قد هو هي ' +
    'dyal diyal f fi l wa w o had hadi li ila 3la'
  )
    .split(' ')
    .map((w) => normalizeForSearch(w)),
);

const words = (text: string) =>
  normalizeForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/u.test(w));

const numbers = (text: string) =>
  [...normalizeForSearch(text).matchAll(/\d+(?:[.,]\d+)*/gu)].map((m) => m[0].replace(',', '.'));

/** Capitalized words inside a sentence (not its first word): names of people, places, bodies. */
const names = (text: string) =>
  [...text.matchAll(/(?<=\s)\p{Lu}[\p{Ll}\p{Lu}]{2,}/gu)].map((m) => normalizeForSearch(m[0]));

/**
 * The sentences of an answer, each with the sources it cites: its own `[n]` markers, or, when it has none, those
 * of the next sentence of its paragraph that has some (a quotation or a run of sentences is often cited once, at
 * its end). A sentence with no citation after it in its paragraph cites nothing.
 */
export function citedSentences(text: string): { sentence: string; cited: number[] }[] {
  return text.split(/\n+/u).flatMap((paragraph) => {
    const parts = paragraph
      // After final punctuation, unless a closing quote or a citation marker still belongs to the sentence.
      .split(/(?<=[.!?؟](?:\s*[»”"])?(?:\s*\[\d{1,2}\])*)\s+(?![»”"]|\[\d)/u)
      .map((sentence) => sentence.trim())
      // A piece without letters ("9). » [3]" after "art.") belongs to the sentence before it.
      .reduce<string[]>((merged, piece) => {
        if (!/\p{L}/u.test(piece) && merged.length > 0) merged[merged.length - 1] += ` ${piece}`;
        else if (/\p{L}/u.test(piece)) merged.push(piece);
        return merged;
      }, [])
      .map((sentence) => ({ sentence, cited: [...citedNumbers(sentence)] }));
    for (let i = parts.length - 2; i >= 0; i--)
      if (parts[i]!.cited.length === 0) parts[i]!.cited = parts[i + 1]!.cited;
    return parts;
  });
}

/**
 * Checks each sentence of an answer against the passages it cites: its content words must mostly appear in
 * them, and every number, date or amount and every name it states must appear there. A sentence that introduces
 * a list or quotation (ending with ':') makes no claim of its own.
 */
export function checkGrounding(answer: string, citations: readonly Citation[]): GroundingReport {
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  const unsupported: GroundingReport['unsupported'] = [];
  let checked = 0;
  for (const { sentence, cited } of citedSentences(answer)) {
    if (sentence.endsWith(':')) continue;
    checked++;
    if (cited.length === 0) {
      unsupported.push({ sentence, reason: 'no_citation' });
      continue;
    }
    const sources = cited.map((n) => byNumber.get(n));
    if (sources.some((s) => s === undefined)) {
      unsupported.push({ sentence, reason: 'unknown_source' });
      continue;
    }
    const sourceText = sources.map((s) => s!.passage).join('\n');
    const sourceWords = new Set(words(sourceText));
    const claim = words(sentence.replace(/\[\d{1,2}\]/gu, ''));
    const found = claim.filter(
      (w) =>
        sourceWords.has(w) ||
        [...sourceWords].some((s) => s.length > 4 && (s.startsWith(w) || w.startsWith(s))),
    );
    const sourceNumbers = new Set(numbers(sourceText));
    if (numbers(sentence.replace(/\[\d{1,2}\]/gu, '')).some((n) => !sourceNumbers.has(n))) {
      unsupported.push({ sentence, reason: 'number_not_in_source' });
    } else if (names(sentence).some((name) => !sourceWords.has(name))) {
      unsupported.push({ sentence, reason: 'name_not_in_source' });
    } else if (claim.length > 0 && found.length / claim.length < MIN_OVERLAP) {
      unsupported.push({ sentence, reason: 'low_overlap' });
    }
  }
  return { supported: unsupported.length === 0, checked, unsupported };
}
