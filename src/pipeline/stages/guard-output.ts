import { guardMessage } from '../../guard/messages.js';
import { checkOutput } from '../../guard/output/index.js';
import { ALLOW, decide, mergeVerdicts, type GuardPolicy, type GuardVerdict } from '../../guard/policy.js';
import { guardViews } from '../../guard/normalize/index.js';
import { matchRules } from '../../guard/rules/index.js';
import { messageText } from '../../providers/chat-messages.js';
import type { ForbiddenAdvice } from '../../guard/types.js';
import type { FlowContext } from '../flow-context.js';
import type { Stage } from '../pipeline.js';
import { requirePolicy } from './require.js';
import { whenStreamEnds } from './stream-text.js';

export interface GuardOutputDependencies {
  policy: GuardPolicy;
  count: (verdict: GuardVerdict) => void;
}

/** What the user gave: their words and every value of theirs the conversation pseudonymized (the vault). */
function userTexts(ctx: FlowContext): string[] {
  const messages = ctx.operation.kind === 'chat' ? ctx.operation.messages : [];
  return [
    ...messages.filter((m) => m.role === 'user').map(messageText),
    ...(ctx.privacy?.vault.entries().map((e) => e.value) ?? []),
  ];
}

/** The application's own instructions, as it sent them: the platform's (sources, language) are public. */
function systemPrompts(ctx: FlowContext): string[] {
  const received = ctx.received ?? ctx.operation;
  return received.kind === 'chat'
    ? received.messages.filter((m) => m.role === 'system' || m.role === 'developer').map(messageText)
    : [];
}

/**
 * After the answer, as the user will read it: personal data the user did not give is redacted; the system prompt
 * repeated, harmful content, or advice the sector forbids (a diagnosis, a credit decision) replace the answer by a
 * message saying so, with OpenAI's `content_filter` finish — or hold it for a reviewer where the tier has them.
 * A streamed answer has left already: its verdict is in the stream's closing `mizan.guard`.
 */
export const guardOutput = (deps: GuardOutputDependencies): Stage => ({
  name: 'guard-output',
  run(ctx) {
    const outcome = ctx.outcome;
    if (ctx.operation.kind !== 'chat' || !outcome) return ctx;
    const { oversight } = requirePolicy(ctx, 'guard-output');
    const check = (answer: string) => {
      const output = checkOutput({
        answer,
        userTexts: userTexts(ctx),
        // The governed passages it quotes: an office's phone number there is public, not a leak.
        sources: (ctx.passages ?? []).map((p) => p.text),
        systemPrompts: systemPrompts(ctx),
        forbidden: oversight.guard.forbiddenAdvice,
      });
      const harmful = matchRules(guardViews(answer)).filter((f) => f.reason === 'harmful_content');
      let verdict = decide([...output.findings, ...harmful], deps.policy);
      if (verdict.decision === 'review' && oversight.controls.humanReview === 'none')
        verdict = { ...verdict, decision: 'warn' };
      deps.count(verdict);
      return { verdict, redacted: output.redacted };
    };
    const before = ctx.guard ?? ALLOW;
    if (outcome.kind === 'completion') {
      const { verdict, redacted } = check(outcome.result.text);
      if (verdict.decision === 'allow') return ctx;
      const guard = mergeVerdicts(before, verdict);
      if (verdict.decision === 'block') {
        const reason = verdict.reasons[0]!;
        const advice = verdict.findings.find((f) => f.reason === 'forbidden_advice')?.detail;
        const text = guardMessage(reason, ctx.language?.lang, {
          purpose: oversight.processing.purpose,
          ...(reason === 'forbidden_advice' && advice ? { advice: advice as ForbiddenAdvice } : {}),
        });
        const result = { ...outcome.result, text, finishReason: 'content_filter' as const };
        return { ...ctx, guard, outcome: { ...outcome, result } };
      }
      const result = { ...outcome.result, text: redacted };
      const review =
        verdict.decision === 'review' && ctx.review
          ? {
              ...ctx.review,
              triggers: [
                ...ctx.review.triggers,
                ...verdict.reasons.map((detail) => ({ kind: 'guard_flag' as const, detail })),
              ],
            }
          : ctx.review;
      return { ...ctx, guard, ...(review ? { review } : {}), outcome: { ...outcome, result } };
    }
    if (outcome.kind === 'stream') {
      // Filled in when the stream ends, before the closing chunk that reports it is written.
      const guard: GuardVerdict = { ...before };
      const parts = whenStreamEnds(outcome.parts, (text) => {
        Object.assign(guard, mergeVerdicts(before, check(text).verdict));
      });
      return { ...ctx, guard, outcome: { ...outcome, parts } };
    }
    return ctx;
  },
});
