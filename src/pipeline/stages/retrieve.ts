import { sourcesInstruction } from '../../corpus/citations.js';
import type { Passage } from '../../corpus/types.js';
import type { LanguageLabel } from '../../language/labels.js';
import { messageText, withPlatformInstruction } from '../../providers/chat-messages.js';
import type { Stage } from '../pipeline.js';
import { requirePrincipal } from './require.js';

export type Retrieve = (
  question: string,
  tenantId: string,
  language: LanguageLabel | undefined,
) => Promise<Passage[] | undefined>;

/**
 * Searches the governed corpus for the user's latest message and hands the passages to the model, numbered, as
 * a system message after the application's own; the built-in answerer quotes them. Runs before the privacy
 * stage, so the passages are scanned with the rest of what the model will read.
 */
export const retrieve = (search: Retrieve): Stage => ({
  name: 'retrieve',
  async run(ctx) {
    if (ctx.operation.kind !== 'chat') return ctx;
    const { tenant } = requirePrincipal(ctx, 'retrieve');
    const lastUser = ctx.operation.messages.findLast((m) => m.role === 'user');
    const question = lastUser ? messageText(lastUser) : '';
    if (question.trim() === '') return ctx;
    // The language stage identified this message already: the search reuses it.
    const passages = await search(question, tenant.id, ctx.language?.lang);
    if (passages === undefined) return ctx;
    if (passages.length === 0) return { ...ctx, passages };
    const messages = withPlatformInstruction(ctx.operation.messages, sourcesInstruction(passages));
    return { ...ctx, passages, operation: { ...ctx.operation, messages } };
  },
});
