import type { LanguageGuess } from '../flow-context.js';
import type { Stage } from '../pipeline.js';

/** The language of the user's latest message: answers, search and quality reports follow it. */
export const detectLanguage = (detect: (text: string) => LanguageGuess): Stage => ({
  name: 'detect-language',
  run(ctx) {
    if (ctx.operation.kind !== 'chat') return ctx;
    const lastUser = ctx.operation.messages.findLast((m) => m.role === 'user');
    const content = lastUser?.content;
    const text =
      typeof content === 'string'
        ? content
        : (content ?? []).map((part) => (typeof part.text === 'string' ? part.text : '')).join(' ');
    return { ...ctx, language: detect(text) };
  },
});
