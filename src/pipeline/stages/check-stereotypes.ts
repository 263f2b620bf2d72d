import { findStereotype } from '../../guard/stereotypes.js';
import type { AnswerFlags } from '../flow-context.js';
import type { Stage } from '../pipeline.js';
import { whenStreamEnds } from './stream-text.js';
import { requirePolicy } from './require.js';

/**
 * After the answer: a sentence that generalises about a group of people ("les ruraux ne savent pas…") is flagged in
 * `mizan.oversight.flags`, and, where the tier says so, the answer is held for a reviewer. A streamed answer has
 * left already: it is flagged when the stream ends.
 */
export const checkStereotypes = (): Stage => ({
  name: 'check-stereotypes',
  run(ctx) {
    const outcome = ctx.outcome;
    if (ctx.operation.kind !== 'chat' || !outcome) return ctx;
    const { stereotypeCheck } = requirePolicy(ctx, 'check-stereotypes').oversight.controls;
    const flags: AnswerFlags = { stereotype: null };
    if (outcome.kind === 'completion') {
      const found = findStereotype(outcome.result.text);
      if (!found) return { ...ctx, flags };
      const review =
        stereotypeCheck === 'review' && ctx.review
          ? {
              ...ctx.review,
              triggers: [...ctx.review.triggers, { kind: 'stereotype' as const, detail: found.group }],
            }
          : ctx.review;
      return { ...ctx, flags: { stereotype: found }, ...(review ? { review } : {}) };
    }
    if (outcome.kind === 'stream') {
      const parts = whenStreamEnds(outcome.parts, (text) => {
        flags.stereotype = findStereotype(text) ?? null;
      });
      return { ...ctx, flags, outcome: { ...outcome, parts } };
    }
    return ctx;
  },
});
