import { fairnessInstruction } from '../../language/fairness-instruction.js';
import { withPlatformInstruction } from '../../providers/chat-messages.js';
import type { Stage } from '../pipeline.js';
import { requirePolicy } from './require.js';

/**
 * Where the application's tier asks for it, tells the model to answer in neutral language and to infer nothing
 * about the person from a name, a region, a language or an origin: the same question gets the same answer.
 */
export const instructFairness = (): Stage => ({
  name: 'instruct-fairness',
  run(ctx) {
    if (ctx.operation.kind !== 'chat') return ctx;
    if (!requirePolicy(ctx, 'instruct-fairness').oversight.controls.fairnessInstruction) return ctx;
    const messages = withPlatformInstruction(ctx.operation.messages, fairnessInstruction(ctx.language?.lang));
    return { ...ctx, operation: { ...ctx.operation, messages } };
  },
});
