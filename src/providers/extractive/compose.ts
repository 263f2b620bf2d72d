import type { Passage } from '../../corpus/types.js';
import { readsAs } from '../../language/labels.js';
import { normalizeForSearch } from '../../language/normalize/index.js';
import { notFoundMessage, noModelMessage, quotingPreface, untranslatedNote } from './messages.js';

/** Passages scoring below this share of the best one add noise, not support. */
const RELATIVE_SCORE = 0.5;
const MAX_QUOTES = 3;
/** Longer passages are quoted from their most relevant sentences, up to about this length. */
const QUOTE_CHARS = 700;

const words = (text: string) =>
  new Set(
    normalizeForSearch(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );

function split(text: string): string[] {
  return text.split(/(?<=[.!?؟;؛])\s+|\n+/u).filter((s) => s.trim() !== '');
}

/**
 * Markdown heading lines (the citation names the article already) and blockquoted notes (such as a demo page's
 * warning, which its citation flags as `demo`) are not part of what a quotation quotes.
 */
const withoutHeadings = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\s{0,3}(#{1,6}\s|>)/u.test(line))
    .join('\n')
    .trim();

/** The passage itself when short, else the run of sentences around the one sharing most words with the question. */
export function excerpt(passage: string, question: string): string {
  const text = withoutHeadings(passage);
  if (text.length <= QUOTE_CHARS) return text;
  const asked = words(question);
  const parts = split(text);
  let best = 0;
  let bestScore = -1;
  parts.forEach((sentence, i) => {
    const overlap = [...words(sentence)].filter((w) => asked.has(w)).length;
    if (overlap > bestScore) [best, bestScore] = [i, overlap];
  });
  let quote = parts[best]!.trim();
  for (let i = best + 1; i < parts.length && quote.length + parts[i]!.length < QUOTE_CHARS; i++)
    quote += ` ${parts[i]!.trim()}`;
  return `${best > 0 ? '… ' : ''}${quote}${text.trim().endsWith(quote) ? '' : ' …'}`;
}

/**
 * The built-in answerer's answer: quotations of the best passages, each introduced by its source and cited
 * `[n]` (n is the passage's place in the retrieved list, as in `mizan.citations`), after a one-line preface that
 * says what the answer is. No corpus at all: it says that no model is configured; nothing found: it says so.
 */
export function composeAnswer(
  question: string,
  passages: readonly Passage[] | undefined,
  language: string | null,
): string {
  if (passages === undefined) return noModelMessage(language);
  if (passages.length === 0) return notFoundMessage(language);
  const top = passages[0]!.score;
  const chosen = passages
    .map((passage, i) => ({
      passage,
      n: i + 1,
      quote: excerpt(passage.text, question).replace(/\s*\n+\s*/gu, ' '),
    }))
    .filter(({ passage, quote }) => passage.score >= top * RELATIVE_SCORE && quote !== '')
    .slice(0, MAX_QUOTES);
  if (chosen.length === 0) return notFoundMessage(language);
  const lines = [quotingPreface(language)];
  if (chosen.some(({ passage }) => !readsAs(passage.language, language ?? '')))
    lines.push(untranslatedNote(language));
  for (const { passage, n, quote } of chosen) {
    const source = [passage.title, passage.article].filter(Boolean).join(', ');
    // One line per quotation: its citation closes the paragraph, so it covers every sentence quoted.
    lines.push('', `[${n}] ${source} :`, `« ${quote} » [${n}]`);
  }
  return lines.join('\n');
}
