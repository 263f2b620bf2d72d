import { matchKey, type MatchKey } from '../../oversight/review/sensitive-topics.js';
import type { GuardFinding } from '../types.js';

/**
 * Whether an answer reproduces the application's system prompt. Texts are compared as words of the spelling-folded
 * key (case, accents, Arabic variants and Arabizi spellings do not matter), two ways:
 * - sentence by sentence: a prompt sentence of MIN_SENTENCE_WORDS words or more counts as reproduced when most of
 *   its word trigrams are in the answer, so that a changed word here and there does not hide it; the leak is the
 *   share of such sentences' words in the prompt;
 * - verbatim: the longest run of prompt words the answer repeats in order.
 * Short sentences ("Vous êtes un assistant.", "Réponds en français.") are generic and never count, and an answer that
 * shares only a topic's words with the prompt ("carte nationale d'identité électronique") reproduces none.
 * A prompt translated into another language is not recognized.
 */

const MIN_SENTENCE_WORDS = 8;
/** Share of a sentence's trigrams the answer must contain: one changed word in ten keeps 5 of 8. */
const SENTENCE_TRIGRAM_SHARE = 0.6;
/** Fewer reproduced words than this is too little to call a leak, whatever the share. */
const MIN_LEAKED_WORDS = 20;
const LEAK_SHARE = { block: 0.4, review: 0.2 } as const;
/** The window for verbatim runs: a run of SHINGLE words or more shows as consecutive shared shingles. */
const SHINGLE = 8;
const VERBATIM_RUN_WORDS = 25;
/** A short prompt repeated (nearly) whole is a leak too. */
const WHOLE_PROMPT = { minWords: 12, share: 0.8 } as const;

const SCORE = { block: 0.95, verbatim: 0.9, review: 0.75 } as const;

const SENTENCES = /[^.!?؟;\n]+/gu;

const wordsOf = (text: string): string[] =>
  matchKey(text)
    .key.split(' ')
    .filter((word) => word !== '');

function ngrams(words: readonly string[], n: number): string[] {
  const grams: string[] = [];
  for (let i = 0; i + n <= words.length; i++) grams.push(words.slice(i, i + n).join(' '));
  return grams;
}

/** The longest run of `prompt` words that the answer repeats in order (0 below SHINGLE words). */
function longestVerbatimRun(prompt: readonly string[], answerShingles: ReadonlySet<string>): number {
  let longest = 0;
  let consecutive = 0;
  for (const shingle of ngrams(prompt, SHINGLE)) {
    consecutive = answerShingles.has(shingle) ? consecutive + 1 : 0;
    longest = Math.max(longest, consecutive === 0 ? 0 : consecutive + SHINGLE - 1);
  }
  return longest;
}

interface ParsedPrompt {
  words: string[];
  /** The words of each sentence long enough to be distinctive. */
  sentences: string[][];
}

/** An application sends the same system prompt with every request: it is parsed once. */
const PARSED_PROMPTS = new Map<string, ParsedPrompt>();
const PARSED_PROMPTS_MAX = 64;

function parsePrompt(prompt: string): ParsedPrompt {
  let parsed = PARSED_PROMPTS.get(prompt);
  if (parsed) return parsed;
  const sentences = [...prompt.matchAll(SENTENCES)]
    .map((match) => wordsOf(match[0]))
    .filter((words) => words.length >= MIN_SENTENCE_WORDS);
  parsed = { words: wordsOf(prompt), sentences };
  if (PARSED_PROMPTS.size >= PARSED_PROMPTS_MAX) PARSED_PROMPTS.delete(PARSED_PROMPTS.keys().next().value!);
  PARSED_PROMPTS.set(prompt, parsed);
  return parsed;
}

function leakScore(
  prompt: ParsedPrompt,
  answerTrigrams: ReadonlySet<string>,
  answerShingles: ReadonlySet<string>,
) {
  let distinctive = 0;
  let leaked = 0;
  for (const words of prompt.sentences) {
    distinctive += words.length;
    const trigrams = ngrams(words, 3);
    const shared = trigrams.filter((gram) => answerTrigrams.has(gram)).length;
    if (shared >= SENTENCE_TRIGRAM_SHARE * trigrams.length) leaked += words.length;
  }
  const run = longestVerbatimRun(prompt.words, answerShingles);
  const share = distinctive === 0 ? 0 : leaked / distinctive;

  if (leaked >= MIN_LEAKED_WORDS && share >= LEAK_SHARE.block) return SCORE.block;
  if (run >= VERBATIM_RUN_WORDS) return SCORE.verbatim;
  if (prompt.words.length >= WHOLE_PROMPT.minWords && run >= WHOLE_PROMPT.share * prompt.words.length)
    return SCORE.verbatim;
  if (leaked >= MIN_LEAKED_WORDS && share >= LEAK_SHARE.review) return SCORE.review;
  return 0;
}

/** A finding when the answer reproduces one of the system prompts, with the score of the worst. */
export function findSystemPromptLeak(
  answer: MatchKey,
  systemPrompts: readonly string[],
): GuardFinding | undefined {
  if (systemPrompts.length === 0) return undefined;
  const answerWords = answer.key.split(' ').filter((word) => word !== '');
  const answerTrigrams = new Set(ngrams(answerWords, 3));
  const answerShingles = new Set(ngrams(answerWords, SHINGLE));
  const score = Math.max(
    0,
    ...systemPrompts.map((prompt) => leakScore(parsePrompt(prompt), answerTrigrams, answerShingles)),
  );
  return score === 0 ? undefined : { reason: 'system_prompt_leak', score, source: 'output' };
}
