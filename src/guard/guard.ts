import { loadGuardClassifier, type ClassifierScores } from './classifier/index.js';
import { guardViews } from './normalize/index.js';
import { decide, DEFAULT_GUARD_POLICY, type GuardPolicy, type GuardVerdict } from './policy.js';
import { matchRules } from './rules/index.js';
import { INSTRUCTION_REASONS, type GuardFinding, type GuardReason } from './types.js';

export type { GuardVerdict } from './policy.js';

export interface InputGuardOptions {
  /** Run the compact classifier besides the rule packs (default true). */
  classifier?: boolean;
  policy?: GuardPolicy;
}

export interface InputGuard {
  /** A user's message: rule packs and the compact classifier over every view of the text. In-process, synchronous. */
  checkInput(text: string): GuardVerdict;
  /**
   * Content the user did not write but a model will read (a retrieved passage, a tool result, a document): any
   * instruction to the model the rule packs find in it is an indirect injection.
   */
  checkContent(text: string): GuardVerdict;
}

const CLASSIFIER_LABELS = [
  'prompt_injection',
  'jailbreak',
  'harmful_content',
] as const satisfies readonly (keyof ClassifierScores & GuardReason)[];

export function createInputGuard(options: InputGuardOptions = {}): InputGuard {
  const policy = options.policy ?? DEFAULT_GUARD_POLICY;
  const classifier = options.classifier === false ? undefined : loadGuardClassifier();
  const detail = classifier && `classifier@${classifier.version}`;

  function findingsOf(text: string): GuardFinding[] {
    const views = guardViews(text);
    const findings = matchRules(views);
    if (!classifier) return findings;
    // The classifier folds case and script variants itself: only views that change the words are worth a pass.
    for (const view of views) {
      if (view.transform === 'folded') continue;
      const scores = classifier.classify(view.text);
      for (const label of CLASSIFIER_LABELS) {
        const score = scores[label];
        if (score >= policy.thresholds.warn)
          findings.push({ reason: label, score, source: 'classifier', detail, view: view.transform });
      }
    }
    return findings;
  }

  return {
    checkInput: (text) => decide(findingsOf(text), policy),
    checkContent(text) {
      // Rules only: the classifier learnt from what users write, and official texts (upper-case, OCR'd, full of
      // "ignore", "règles", "dispositions ci-dessus") are not that.
      const findings = matchRules(guardViews(text))
        .filter((f) => INSTRUCTION_REASONS.has(f.reason))
        .map((f) => ({ ...f, reason: 'indirect_injection' as const }));
      return decide(findings, { ...policy, actions: { ...policy.actions, indirect_injection: 'block' } });
    },
  };
}
