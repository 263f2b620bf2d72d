import { answerInstruction } from '../../language/answer-instruction.js';
import { withPlatformInstruction } from '../../providers/chat-messages.js';
import type { Stage } from '../pipeline.js';

/**
 * Tells the model which language and script to answer in: the one detected in the user's latest message.
 * Models left to themselves tend to answer Darija in Modern Standard Arabic or French, and Tamazight not at all.
 * Nothing is added when the language is unknown.
 */
export const answerInLanguage = (): Stage => ({
  name: 'answer-in-language',
  run(ctx) {
    const language = ctx.language?.lang;
    if (ctx.operation.kind !== 'chat' || !language || language === 'und') return ctx;
    const messages = withPlatformInstruction(ctx.operation.messages, answerInstruction(language));
    return { ...ctx, operation: { ...ctx.operation, messages } };
  },
});
