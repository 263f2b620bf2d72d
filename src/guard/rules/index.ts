/**
 * The rule packs of packs/guard/, loaded and compiled once on first use, and the two ways the platform asks them:
 * `matchRules` for the input guard's findings, `findInjection` for ingestion, which quarantines a passage that
 * holds an instruction to a model.
 */
import { DEFAULT_GUARD_POLICY } from '../policy.js';
import { guardViews } from '../normalize/index.js';
import { INSTRUCTION_REASONS, type GuardFinding, type GuardView } from '../types.js';
import { compileRulePacks, type RuleEngine } from './engine.js';
import { GUARD_PACKS_DIR, loadRulePacks } from './pack.js';

export { compileRulePacks } from './engine.js';
export type { RuleEngine, RuleMatch, RulePackSummary } from './engine.js';
export {
  GUARD_PACK_INVALID,
  GUARD_PACKS_DIR,
  loadRulePack,
  loadRulePacks,
  RULE_FAMILIES,
  RULE_REASONS,
} from './pack.js';
export type { GuardRule, GuardRulePack, RuleFamily } from './pack.js';

let shipped: RuleEngine | undefined;

/** The engine of the shipped packs, compiled on first use. */
export function defaultRuleEngine(): RuleEngine {
  shipped ??= compileRulePacks(loadRulePacks(GUARD_PACKS_DIR));
  return shipped;
}

/** What the shipped packs find in the views of a text (guardViews). */
export function matchRules(views: readonly GuardView[]): GuardFinding[] {
  return defaultRuleEngine().match(views);
}

/**
 * The words of the surest instruction to a model in a text, in any of its views, or undefined. Only rules sure
 * enough to send a message for review count: a passage is quarantined on them, never shown to a model.
 */
export function findInjection(text: string): string | undefined {
  let best: { score: number; phrase: string } | undefined;
  for (const { finding, phrase } of defaultRuleEngine().scan(guardViews(text))) {
    if (!INSTRUCTION_REASONS.has(finding.reason) || finding.score < DEFAULT_GUARD_POLICY.thresholds.review)
      continue;
    if (!best || finding.score > best.score) best = { score: finding.score, phrase };
  }
  return best?.phrase;
}
