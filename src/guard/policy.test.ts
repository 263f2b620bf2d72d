import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALLOW, decide, DEFAULT_GUARD_POLICY, guardPolicy, mergeVerdicts } from './policy.js';
import type { GuardFinding } from './types.js';

const finding = (over: Partial<GuardFinding>): GuardFinding => ({
  reason: 'prompt_injection',
  score: 0.9,
  source: 'rules',
  ...over,
});

describe('guard policy', () => {
  it('allows when nothing was found', () => assert.deepEqual(decide([], DEFAULT_GUARD_POLICY), ALLOW));

  it('places a finding on the ladder by its score', () => {
    const at = (score: number) => decide([finding({ score })], DEFAULT_GUARD_POLICY).decision;
    assert.deepEqual([at(0.3), at(0.55), at(0.75), at(0.9)], ['allow', 'warn', 'review', 'block']);
  });

  it('caps a reason at its action: a sure indirect injection only warns, a sure jailbreak blocks', () => {
    const verdict = decide(
      [finding({ reason: 'indirect_injection', score: 1 }), finding({ reason: 'jailbreak', score: 0.95 })],
      DEFAULT_GUARD_POLICY,
    );
    assert.equal(verdict.decision, 'block');
    assert.deepEqual(verdict.reasons, ['jailbreak']);
  });

  it('makes a reason surer when independent checks agree, but counts one check once across views', () => {
    const twoChecks = decide(
      [finding({ score: 0.6 }), finding({ score: 0.7, source: 'classifier' })],
      DEFAULT_GUARD_POLICY,
    );
    assert.equal(twoChecks.decision, 'block');
    assert.ok(Math.abs(twoChecks.score - 0.88) < 1e-9);
    const oneCheckManyViews = decide(
      [finding({ score: 0.6, view: 'as_written' }), finding({ score: 0.6, view: 'base64' })],
      DEFAULT_GUARD_POLICY,
    );
    assert.equal(oneCheckManyViews.decision, 'warn');
  });

  it('never blocks on the classifier alone: a sure classifier score asks for a review', () => {
    const alone = decide([finding({ source: 'classifier', score: 0.99 })], DEFAULT_GUARD_POLICY);
    assert.equal(alone.decision, 'review');
    const withRule = decide(
      [finding({ source: 'classifier', score: 0.9 }), finding({ score: 0.5 })],
      DEFAULT_GUARD_POLICY,
    );
    assert.equal(withRule.decision, 'block');
  });

  it('lists the reasons that carried the decision, strongest first', () => {
    const verdict = decide(
      [
        finding({ reason: 'jailbreak', score: 0.9 }),
        finding({ reason: 'harmful_content', score: 0.99 }),
        finding({ reason: 'out_of_scope', score: 0.6 }),
      ],
      DEFAULT_GUARD_POLICY,
    );
    assert.deepEqual(verdict.reasons, ['harmful_content', 'jailbreak']);
    assert.equal(verdict.score, 0.99);
  });

  it('takes configured actions over the defaults', () => {
    const policy = guardPolicy({
      thresholds: DEFAULT_GUARD_POLICY.thresholds,
      actions: { out_of_scope: 'warn' },
    });
    assert.equal(decide([finding({ reason: 'out_of_scope', score: 1 })], policy).decision, 'warn');
    assert.equal(policy.actions.jailbreak, 'block');
  });

  it('reports the stronger of an input and an output verdict, or both reasons when equal', () => {
    const warnA = decide([finding({ reason: 'indirect_injection', score: 1 })], DEFAULT_GUARD_POLICY);
    const warnB = decide(
      [finding({ reason: 'personal_data_leak', score: 1, source: 'output' })],
      DEFAULT_GUARD_POLICY,
    );
    const block = decide(
      [finding({ reason: 'system_prompt_leak', score: 1, source: 'output' })],
      DEFAULT_GUARD_POLICY,
    );
    assert.deepEqual(mergeVerdicts(warnA, warnB).reasons, ['indirect_injection', 'personal_data_leak']);
    assert.equal(mergeVerdicts(warnA, block), block);
    assert.equal(mergeVerdicts(ALLOW, warnA), warnA);
  });
});
