import { GUARD_DECISIONS, type GuardDecision, type GuardFinding, type GuardReason } from './types.js';

/**
 * How findings become one decision. A finding's score places it on the ladder (warn, review, block thresholds);
 * its reason's action caps it: a jailbreak the rules are sure of is blocked, a warn-only reason never blocks.
 */
export interface GuardPolicy {
  thresholds: { warn: number; review: number; block: number };
  actions: Readonly<Record<GuardReason, GuardDecision>>;
}

export const DEFAULT_GUARD_POLICY: GuardPolicy = {
  thresholds: { warn: 0.5, review: 0.7, block: 0.85 },
  actions: {
    prompt_injection: 'block',
    jailbreak: 'block',
    system_prompt_extraction: 'block',
    // Quarantined, not refused: the user did not write it.
    indirect_injection: 'warn',
    harmful_content: 'block',
    self_harm: 'block',
    out_of_scope: 'block',
    // Redacted in place: the rest of the answer stands.
    personal_data_leak: 'warn',
    system_prompt_leak: 'block',
    forbidden_advice: 'block',
  },
};

/** What the guard decided, with why: `reasons` are those that carried the decision, strongest first. */
export interface GuardVerdict {
  decision: GuardDecision;
  reasons: GuardReason[];
  /** The highest combined score behind the decision (0 when nothing was found). */
  score: number;
  findings: GuardFinding[];
}

export const ALLOW: GuardVerdict = { decision: 'allow', reasons: [], score: 0, findings: [] };

const rank = (decision: GuardDecision) => GUARD_DECISIONS.indexOf(decision);
const weaker = (a: GuardDecision, b: GuardDecision) => (rank(a) <= rank(b) ? a : b);

function ladder(score: number, { thresholds }: GuardPolicy): GuardDecision {
  if (score >= thresholds.block) return 'block';
  if (score >= thresholds.review) return 'review';
  if (score >= thresholds.warn) return 'warn';
  return 'allow';
}

/**
 * One score per reason: independent checks that agree make the reason surer (noisy-or), and one check seeing it
 * in several views counts once (its best).
 */
function scoreByReason(findings: readonly GuardFinding[]) {
  const best = new Map<string, number>();
  for (const f of findings) {
    const key = `${f.reason}\u0000${f.source}`;
    best.set(key, Math.max(best.get(key) ?? 0, f.score));
  }
  const combined = new Map<GuardReason, { score: number; classifierOnly: boolean }>();
  for (const [key, score] of best) {
    const at = key.indexOf('\u0000');
    const reason = key.slice(0, at) as GuardReason;
    const fromClassifier = key.slice(at + 1) === 'classifier';
    const before = combined.get(reason) ?? { score: 0, classifierOnly: true };
    combined.set(reason, {
      score: 1 - (1 - before.score) * (1 - score),
      classifierOnly: before.classifierOnly && fromClassifier,
    });
  }
  return combined;
}

/**
 * The compact classifier alone never blocks: it sends a request to a reviewer (or, where the tier has none, lets it
 * through with a warning). A block needs a rule, the guard model, or the classifier agreeing with one of them — a
 * citizen must not be refused on a statistical guess.
 */
const CLASSIFIER_ALONE: GuardDecision = 'review';

export function decide(findings: readonly GuardFinding[], policy: GuardPolicy): GuardVerdict {
  let decision: GuardDecision = 'allow';
  const ranked: { reason: GuardReason; decision: GuardDecision; score: number }[] = [];
  for (const [reason, { score, classifierOnly }] of scoreByReason(findings)) {
    const capped = weaker(ladder(score, policy), policy.actions[reason]);
    const own = classifierOnly ? weaker(capped, CLASSIFIER_ALONE) : capped;
    if (own === 'allow') continue;
    ranked.push({ reason, decision: own, score });
    if (rank(own) > rank(decision)) decision = own;
  }
  const carrying = ranked.filter((r) => r.decision === decision).sort((a, b) => b.score - a.score);
  return {
    decision,
    reasons: carrying.map((r) => r.reason),
    score: carrying[0]?.score ?? 0,
    findings: [...findings],
  };
}

/** Two verdicts on one flow (input, output) as the one the answer reports. */
export function mergeVerdicts(a: GuardVerdict, b: GuardVerdict): GuardVerdict {
  if (rank(a.decision) !== rank(b.decision)) return rank(a.decision) > rank(b.decision) ? a : b;
  return {
    decision: a.decision,
    reasons: [...new Set([...a.reasons, ...b.reasons])],
    score: Math.max(a.score, b.score),
    findings: [...a.findings, ...b.findings],
  };
}

/** The configured policy: thresholds as given, actions over the defaults. */
export const guardPolicy = (config: {
  thresholds: GuardPolicy['thresholds'];
  actions: Partial<Record<GuardReason, GuardDecision>>;
}): GuardPolicy => ({
  thresholds: config.thresholds,
  actions: { ...DEFAULT_GUARD_POLICY.actions, ...config.actions },
});
