import { compileCues, type MatchKey } from '../../oversight/review/sensitive-topics.js';

/**
 * Whether a cue phrase in an answer is said as a statement to the reader, or only mentioned: in a question ("Avez-vous
 * le diabète ?", "واش عندك السكر"), under a condition ("si vous avez le diabète, …", "if your application is
 * rejected, …", "ila kan 3ndek sokkar"), or negated ("ne prenez pas plus de 3 comprimés"). An answer that explains
 * what happens if a request is rejected decides nothing; one that says the request is rejected does.
 */

/** How many words before a cue a question, condition or negation word still governs it, within its clause. */
const LOOKBACK_WORDS = 5;
/** How many words after a cue a condition still qualifies it ("vous êtes éligible au crédit si …"). */
const LOOKAHEAD_WORDS = 3;

const CONDITIONS = [
  // French
  'si',
  's il',
  's ils',
  'lorsque',
  'lorsqu',
  'quand',
  'au cas ou',
  'en cas de',
  'des que',
  'apres que',
  'une fois que',
  'a condition que',
  'a condition de',
  'pourvu que',
  'sous reserve',
  // English
  'if',
  'whether',
  'unless',
  'when',
  'once',
  'in case',
  'provided',
  'as long as',
  // Arabic and Darija
  'اذا',
  'لو',
  'ان كان',
  'ان كنت',
  'في حال',
  'في حاله',
  'عندما',
  'شرط',
  'بشرط',
  'الا',
  'يلا',
  'كون',
  'ila',
  'ida',
  'yla',
  'ilakan',
  'ila kan',
  'kon',
  'kun',
  'b chart',
  'bchart',
];

/** English questions are left to the question mark: "do", "is" and "are" open statements as often. */
const QUESTIONS = ['est ce que', 'est ce qu', 'savoir si', 'هل', 'واش', 'wach', 'wash'];

/** Darija's negation wraps the verb (ما تاخدش): the cue does not match it in the first place. */
const NEGATIONS = ['ne', 'n', 'jamais', 'not', 'never', 'don t', 'dont', 'لا', 'لم', 'لن'];

const CONDITION_OR_QUESTION = compileCues([...CONDITIONS, ...QUESTIONS]);
const CONDITION_OR_QUESTION_OR_NEGATION = compileCues([...CONDITIONS, ...QUESTIONS, ...NEGATIONS]);
const CONDITION = compileCues(CONDITIONS);

const CLAUSE_END = /[.!?؟;:,،؛\n]/u;
const SENTENCE_END = /[.!?؟\n]/u;
const QUESTION_MARK = /[?؟]/u;

export interface AssertionOptions {
  /**
   * Whether a negation before the cue withdraws it: "ne prenez pas" is no prescription; a decision's cues carry
   * their negation inside ("votre demande n'est pas acceptée") and keep this off.
   */
  negationWithdraws: boolean;
  /** A last say on a statement, given the matched part of the folded key (the medical check's echo rule). */
  accept?: (keyFragment: string) => boolean;
}

function lastIndexMatching(text: string, pattern: RegExp, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (pattern.test(text[i]!)) return i;
  return -1;
}

function firstIndexMatching(text: string, pattern: RegExp, from: number): number {
  for (let i = from; i < text.length; i++) if (pattern.test(text[i]!)) return i;
  return text.length;
}

/**
 * The first place where `cues` matches the answer as a statement to the reader, as written (at most a few dozen
 * characters), or undefined.
 */
export function findAssertion(
  prepared: MatchKey,
  cues: RegExp,
  options: AssertionOptions,
): string | undefined {
  const { text, key, keyStarts, spans } = prepared;
  const wordAt = (offset: number): number => {
    let index = 0;
    while (index + 1 < keyStarts.length && keyStarts[index + 1]! <= offset) index++;
    return index;
  };
  const keyBetween = (from: number, to: number): string =>
    from >= to ? '' : key.slice(keyStarts[from], to < keyStarts.length ? keyStarts[to] : key.length);
  const withdrawing = options.negationWithdraws ? CONDITION_OR_QUESTION_OR_NEGATION : CONDITION_OR_QUESTION;

  const all = new RegExp(cues.source, 'gu');
  for (const match of key.matchAll(all)) {
    const first = wordAt(match.index);
    const last = wordAt(match.index + match[0].length - 1);
    const [start] = spans[first]!;
    const [, end] = spans[last]!;

    const sentenceStart = lastIndexMatching(text, SENTENCE_END, start);
    const sentenceEnd = firstIndexMatching(text, SENTENCE_END, end);
    if (QUESTION_MARK.test(text[sentenceEnd] ?? '')) continue;

    // Words of the same clause just before the cue, and the first word of the sentence ("Si …, vous avez …").
    const clauseStart = lastIndexMatching(text, CLAUSE_END, start);
    let from = first;
    while (from > 0 && first - from < LOOKBACK_WORDS && spans[from - 1]![0] > clauseStart) from--;
    if (withdrawing.test(keyBetween(from, first))) continue;
    let opening = first;
    while (opening > 0 && spans[opening - 1]![0] > sentenceStart) opening--;
    if (opening < first && CONDITION.test(keyBetween(opening, Math.min(opening + 2, first)))) continue;

    // A condition right after the cue, in the same clause.
    const clauseEnd = firstIndexMatching(text, CLAUSE_END, end);
    let to = last + 1;
    while (to < spans.length && to - last <= LOOKAHEAD_WORDS && spans[to]![1] <= clauseEnd) to++;
    if (CONDITION.test(keyBetween(last + 1, to))) continue;

    if (options.accept && !options.accept(match[0])) continue;
    return text.slice(start, end);
  }
  return undefined;
}
