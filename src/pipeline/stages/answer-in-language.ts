import { answerInstruction } from '../../language/answer-instruction.js';
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
    const instruction = { role: 'system' as const, content: answerInstruction(language) };
    const messages = ctx.operation.messages;
    // After the application's own system messages, so its instructions come first and ours is closest to the user.
    const at = messages.findIndex((m) => m.role !== 'system' && m.role !== 'developer');
    const position = at < 0 ? messages.length : at;
    return {
      ...ctx,
      operation: {
        ...ctx.operation,
        messages: [...messages.slice(0, position), instruction, ...messages.slice(position)],
      },
    };
  },
});
