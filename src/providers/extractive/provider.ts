import {
  PROVIDER_SPEC,
  type CallOptions,
  type GenerateResult,
  type ModelProvider,
  type StreamPart,
} from '../spec.js';
import { messageText } from '../chat-messages.js';
import { composeAnswer } from './compose.js';

/**
 * The built-in answerer, always available without a model server: it answers by quoting the passages retrieved
 * from the governed corpus, with citations, after a preface in the user's language; with no corpus, it says that
 * no generative model is configured. It runs in-process, so it is sovereign.
 */
export function createExtractiveProvider(id: string): ModelProvider {
  const answer = (o: CallOptions): GenerateResult => {
    const question = o.messages.findLast((m) => m.role === 'user');
    const text = composeAnswer(question ? messageText(question) : '', o.passages, o.language ?? null);
    const promptTokens = estimateTokens(
      o.messages.map((m) => (typeof m.content === 'string' ? m.content : '')),
    );
    const completionTokens = estimateTokens([text]);
    return {
      text,
      finishReason: 'stop',
      usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
    };
  };

  return {
    spec: PROVIDER_SPEC,
    id,
    type: 'extractive',
    hosting: { operator: 'mizan', country: 'MA', sovereign: true },
    generate: async (o) => answer(o),
    async stream(o) {
      const result = answer(o);
      async function* parts(): AsyncGenerator<StreamPart> {
        for (const piece of result.text.match(/\S+\s*/gu) ?? []) yield { type: 'text-delta', delta: piece };
        yield { type: 'finish', reason: result.finishReason };
        if (result.usage) yield { type: 'usage', usage: result.usage };
      }
      return parts();
    },
    ping: async () => undefined,
    close: async () => undefined,
  };
}

/** A rough count (about four characters a token) where no tokenizer is at hand. */
function estimateTokens(texts: string[]): number {
  return Math.ceil(texts.reduce((sum, t) => sum + t.length, 0) / 4);
}
