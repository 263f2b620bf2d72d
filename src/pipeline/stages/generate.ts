import { errors } from '../../errors.js';
import {
  embedWithFallback,
  generateWithFallback,
  streamWithFallback,
  type AttemptObserver,
} from '../../providers/router.js';
import type { Stage } from '../pipeline.js';

/**
 * Asks the routed chain of models for an answer (or embeddings); a stream is handed on once its first part
 * has arrived.
 */
export const generate = (observe?: AttemptObserver): Stage => ({
  name: 'generate',
  async run(ctx) {
    const operation = ctx.operation;
    const chain = ctx.chain;
    if (!chain || chain.length === 0) {
      throw errors.noProvider('no_provider', 'no model server is available for this request');
    }
    if (operation.kind === 'chat') {
      const options = {
        messages: operation.messages,
        params: operation.params,
        language: ctx.language?.lang ?? null,
        passages: ctx.passages,
        signal: ctx.signal,
      };
      // An answer that may be held, or must be checked before release, is generated whole.
      if (operation.stream && !ctx.review?.buffer) {
        const { entry, result } = await streamWithFallback(chain, options, observe);
        return { ...ctx, outcome: { kind: 'stream', entry, parts: result } };
      }
      const { entry, result } = await generateWithFallback(chain, options, observe);
      return { ...ctx, outcome: { kind: 'completion', entry, result } };
    }
    if (operation.kind === 'embeddings') {
      const { entry, result } = await embedWithFallback(
        chain,
        { input: operation.input, signal: ctx.signal },
        observe,
      );
      return { ...ctx, outcome: { kind: 'embeddings', entry, result } };
    }
    return ctx;
  },
});
