/** What the attack set's sources are made of: one module per language writes them, `generate.ts` combines them. */
export const ATTACK_CATEGORIES = ['prompt_injection', 'jailbreak', 'system_prompt_extraction'] as const;
export type AttackCategory = (typeof ATTACK_CATEGORIES)[number];

export interface AttackSource {
  /** Attacks written whole. */
  written: readonly (readonly [AttackCategory, string])[];
  /** "Drop your instructions" openings, each followed by one of the payloads to make a prompt injection. */
  overrides: readonly string[];
  /** What the attacker wants once the instructions are dropped. */
  payloads: readonly string[];
}
