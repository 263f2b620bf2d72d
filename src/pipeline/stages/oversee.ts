import { asksForHuman } from '../../oversight/review/human-request.js';
import type { ReviewTrigger } from '../../oversight/review/review-service.js';
import { classifySensitiveTopics } from '../../oversight/review/sensitive-topics.js';
import { messageText } from '../../providers/chat-messages.js';
import type { Stage } from '../pipeline.js';
import { requirePolicy } from './require.js';

/**
 * Before the answer is written: does a person have to see it first? The tier's rule (every answer, or answers on
 * a sensitive topic — health advice, eligibility to a benefit or credit, school assessment, administrative
 * decisions), the guard's call for a review, and always the user asking for a person. Where the
 * answer may be held, or must pass its grounding check before release, it is generated whole, even for a stream.
 */
export const oversee = (): Stage => ({
  name: 'oversee',
  run(ctx) {
    if (ctx.operation.kind !== 'chat') return ctx;
    const { controls } = requirePolicy(ctx, 'oversee').oversight;
    const lastUser = ctx.operation.messages.findLast((m) => m.role === 'user');
    const question = lastUser ? messageText(lastUser) : '';
    const triggers: ReviewTrigger[] = [];
    if (controls.humanReview === 'all') triggers.push({ kind: 'tier_rule' });
    if (controls.humanReview === 'sensitive_topics') {
      for (const { topic } of classifySensitiveTopics(question))
        triggers.push({ kind: 'sensitive_topic', detail: topic });
    }
    // The guard asks for a person only where the tier has reviewers (guard-input downgrades it otherwise).
    if (ctx.guard?.decision === 'review')
      for (const reason of ctx.guard.reasons) triggers.push({ kind: 'guard_flag', detail: reason });
    if (asksForHuman(question)) triggers.push({ kind: 'human_requested' });
    return { ...ctx, review: { triggers, buffer: triggers.length > 0 || controls.groundingRequired } };
  },
});
