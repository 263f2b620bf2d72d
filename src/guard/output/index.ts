import type { Sector } from '../../oversight/register/use-case.js';
import { matchKey } from '../../oversight/review/sensitive-topics.js';
import type { ForbiddenAdvice, GuardFinding } from '../types.js';
import { findForbiddenAdvice } from './forbidden-advice.js';
import { findPersonalDataLeaks } from './personal-data.js';
import { findSystemPromptLeak } from './system-prompt.js';

export { REDACTION_MARKER } from './personal-data.js';

export interface OutputCheckInput {
  /** The answer as the reader will read it, pseudonyms restored. */
  answer: string;
  /** Everything the reader wrote in the conversation: personal data found there is theirs to read back. */
  userTexts: readonly string[];
  /** The application's system prompts, which the answer must not reproduce. */
  systemPrompts: readonly string[];
  /** The advice the application's sector forbids (register entry, or `defaultForbiddenAdvice`). */
  forbidden: readonly ForbiddenAdvice[];
  /**
   * Texts the application published and may show (retrieved corpus passages, its own contact details): personal
   * data found there is no leak either. Optional.
   */
  sources?: readonly string[];
}

export interface OutputCheckResult {
  findings: GuardFinding[];
  /** The answer with personal data the reader did not give replaced by REDACTION_MARKER; the answer otherwise. */
  redacted: string;
}

/**
 * The checks on an answer before the reader gets it: personal data the reader did not give (redacted in
 * `redacted`), the system prompt reproduced, and advice the sector forbids. Harmful content in answers is the rule
 * packs' to check. Findings only: the policy decides what happens.
 */
export function checkOutput(input: OutputCheckInput): OutputCheckResult {
  const { findings: leaks, redacted } = findPersonalDataLeaks(input.answer, [
    ...input.userTexts,
    ...(input.sources ?? []),
  ]);
  const answer = matchKey(input.answer);
  const promptLeak = findSystemPromptLeak(answer, input.systemPrompts);
  const advice = findForbiddenAdvice(answer, input.forbidden, input.userTexts);
  return { findings: [...leaks, ...(promptLeak ? [promptLeak] : []), ...advice], redacted };
}

const SECTOR_FORBIDDEN_ADVICE: Readonly<Record<Sector, readonly ForbiddenAdvice[]>> = {
  health: ['medical_diagnosis', 'prescription'],
  financial_inclusion: ['credit_decision'],
  education: ['grading_decision'],
  administrative_services: ['administrative_decision', 'legal_verdict'],
  other: [],
};

/** The advice a sector forbids when the register entry names none. */
export function defaultForbiddenAdvice(sector: Sector): ForbiddenAdvice[] {
  return [...SECTOR_FORBIDDEN_ADVICE[sector]];
}
