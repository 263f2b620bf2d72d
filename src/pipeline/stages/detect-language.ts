import type { Identification } from '../../language/identify.js';
import { messageText } from '../../providers/chat-messages.js';
import type { Stage } from '../pipeline.js';

/**
 * The language of the user's latest message: the answer, the search and the quality reports follow it.
 * `observe` counts requests per language, for per-language quality reports.
 */
export const detectLanguage = (
  identify: (text: string) => Identification,
  observe?: (language: string) => void,
): Stage => ({
  name: 'detect-language',
  run(ctx) {
    if (ctx.operation.kind !== 'chat') return ctx;
    const lastUser = ctx.operation.messages.findLast((m) => m.role === 'user');
    const language = identify(lastUser ? messageText(lastUser) : '');
    observe?.(language.lang);
    return { ...ctx, language };
  },
});
