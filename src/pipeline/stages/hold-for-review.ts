import { createHash } from 'node:crypto';
import { toCitations } from '../../corpus/citations.js';
import { humanHandoffMessage, reviewPendingMessage } from '../../oversight/messages.js';
import type { ReviewProtector } from '../../oversight/review/protect-for-review.js';
import type { ReviewService, ReviewTrigger } from '../../oversight/review/review-service.js';
import { messageText } from '../../providers/chat-messages.js';
import type { FlowContext } from '../flow-context.js';
import type { Stage } from '../pipeline.js';
import { whenStreamEnds } from './stream-text.js';
import { requirePolicy, requirePrincipal } from './require.js';

export interface HoldForReviewDependencies {
  reviews: ReviewService;
  protect: ReviewProtector;
  /** A sampled case that could not be opened is reported, never failing an answer already released. */
  onSampleError: (error: unknown) => void;
}

/** Sampling by the flow id: the same request is always sampled or not, and no shared counter is needed. */
const sampled = (auditId: string, rate: number) =>
  rate > 0 && createHash('sha256').update(auditId).digest().readUInt32BE(0) / 2 ** 32 < rate;

function groundingTrigger(ctx: FlowContext): ReviewTrigger | undefined {
  const grounding = ctx.sources?.grounding;
  if (grounding?.supported) return undefined;
  return { kind: 'grounding_failed', detail: grounding?.unsupported[0]?.reason ?? 'no_sources' };
}

/**
 * After the answer: holds it for a reviewer when a trigger fired before generation or its grounding check failed
 * where the tier requires grounding; the client then gets a short message and the case to fetch the outcome from.
 * Otherwise the answer is released, and a share of released answers is queued for after-the-fact review.
 */
export const holdForReview = (deps: HoldForReviewDependencies): Stage => ({
  name: 'hold-for-review',
  async run(ctx) {
    const { operation, outcome, review } = ctx;
    if (operation.kind !== 'chat' || !outcome || !review) return ctx;
    const { controls, assuranceRun } = requirePolicy(ctx, 'hold-for-review').oversight;
    const { tenant, application, sandboxId } = requirePrincipal(ctx, 'hold-for-review');
    const lastUser = operation.messages.findLast((m) => m.role === 'user');
    const openCase = async (kind: 'hold' | 'sample', answer: string, triggers: ReviewTrigger[]) => {
      const draft = await deps.protect(ctx, answer);
      return deps.reviews.open({
        tenantId: tenant.id,
        applicationId: application.id,
        sandboxId,
        flowId: ctx.auditId,
        kind,
        triggers,
        language: ctx.language?.lang ?? null,
        conversationId: draft.conversationId,
        question: lastUser ? messageText(lastUser) : '',
        draft: draft.text,
        citations: ctx.passages ? toCitations(ctx.passages) : [],
        grounding: ctx.sources?.grounding ?? null,
        modelId: outcome.kind === 'completion' || outcome.kind === 'stream' ? outcome.entry.id : null,
      });
    };
    const sample = sampled(ctx.auditId, controls.samplingRate);

    if (outcome.kind === 'completion') {
      const failed = controls.groundingRequired ? groundingTrigger(ctx) : undefined;
      const triggers = failed ? [...review.triggers, failed] : review.triggers;
      // An assurance run measures the draft and notes that it would have been held; reviewers get no synthetic cases.
      if (assuranceRun) return { ...ctx, review: { ...review, triggers } };
      if (triggers.length > 0) {
        const held = await openCase('hold', outcome.result.text, triggers);
        const message = triggers.some((t) => t.kind === 'human_requested')
          ? humanHandoffMessage(held.language, held.expectedBy)
          : reviewPendingMessage(held.language, held.expectedBy);
        return {
          ...ctx,
          sources: { citations: [], grounding: null },
          review: { ...review, triggers, held: { caseId: held.id, expectedBy: held.expectedBy } },
          outcome: { kind: 'held', entry: outcome.entry, message },
        };
      }
      if (sample) await openCase('sample', outcome.result.text, [{ kind: 'sampled' }]);
      return ctx;
    }
    if (outcome.kind === 'stream' && sample && !assuranceRun) {
      const parts = whenStreamEnds(outcome.parts, (text) =>
        openCase('sample', text, [{ kind: 'sampled' }]).catch(deps.onSampleError),
      );
      return { ...ctx, outcome: { ...outcome, parts } };
    }
    return ctx;
  },
});
