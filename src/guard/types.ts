/**
 * The guard's vocabulary, shared by its input checks (rule packs, the compact classifier, the optional guard
 * model, the scope check), its output checks and the pipeline stages that act on them. A check only reports
 * findings; the policy (src/guard/policy.ts) turns findings into one decision.
 */

/** Why the guard stepped in; also the `error.code` of a `guard_blocked` refusal. */
export const GUARD_REASONS = [
  // Input
  'prompt_injection',
  'jailbreak',
  'system_prompt_extraction',
  /** Instructions to a model hidden in a retrieved passage, a tool result or an uploaded document. */
  'indirect_injection',
  'harmful_content',
  /** Self-harm: answered with Moroccan help resources, never with the request. */
  'self_harm',
  'out_of_scope',
  // Output
  /** Personal data in the answer that the user did not provide. */
  'personal_data_leak',
  'system_prompt_leak',
  /** Advice the sector's policy forbids the assistant to give (a diagnosis, a credit decision…). */
  'forbidden_advice',
] as const;
export type GuardReason = (typeof GUARD_REASONS)[number];

/** Instructions to a model, whoever wrote them. */
export const INSTRUCTION_REASONS: ReadonlySet<GuardReason> = new Set([
  'prompt_injection',
  'jailbreak',
  'system_prompt_extraction',
  'indirect_injection',
]);

/** What kind of harm a `harmful_content` (or `self_harm`) finding is about. */
export const HARM_CATEGORIES = [
  'violence',
  'weapons',
  'hate',
  'harassment',
  'sexual',
  'sexual_minors',
  'self_harm',
  'illegal_activity',
  'fraud',
  'extremism',
] as const;
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

/** Advice a sector may forbid the assistant to give (register entry `guard.forbidden_advice`). */
export const FORBIDDEN_ADVICE = [
  'medical_diagnosis',
  'prescription',
  'credit_decision',
  'legal_verdict',
  'administrative_decision',
  'grading_decision',
] as const;
export type ForbiddenAdvice = (typeof FORBIDDEN_ADVICE)[number];

export const GUARD_DECISIONS = ['allow', 'warn', 'review', 'block'] as const;
export type GuardDecision = (typeof GUARD_DECISIONS)[number];

/** Which check found it. */
export type GuardSource = 'rules' | 'classifier' | 'model' | 'scope' | 'output';

export interface GuardFinding {
  reason: GuardReason;
  /** 0–1: how sure the check is (a rule's weight, a probability). */
  score: number;
  source: GuardSource;
  /** The rule (`pack@version:rule`), the classifier version, the guard model, the topic or the entity type. */
  detail?: string;
  category?: HarmCategory;
  /** The normalization view that revealed it (`as_written`, `base64`, `homoglyph`…). */
  view?: string;
}

/** One reading of a text after undoing an obfuscation; `as_written` comes first. */
export interface GuardView {
  transform: string;
  text: string;
}
