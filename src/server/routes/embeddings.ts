import type { FastifyInstance } from 'fastify';
import { errors } from '../../errors.js';
import type { Platform } from '../../platform.js';
import { wireUsage } from '../openai/chat-response.js';
import { parseEmbeddingsRequest } from '../openai/embeddings-request.js';
import { mizanExtension } from '../openai/mizan-extension.js';
import { runFlow } from '../flow.js';

/** OpenAI's `base64` encoding is little-endian float32, which the official clients ask for by default. */
const toBase64 = (vector: number[]) => Buffer.from(new Float32Array(vector).buffer).toString('base64');

export function embeddingsRoute(app: FastifyInstance, platform: Platform): void {
  app.post('/v1/embeddings', async (request, reply) => {
    const { operation, encoding } = parseEmbeddingsRequest(request.body);
    const { ctx } = await runFlow(platform, request, reply, operation);
    if (ctx.outcome?.kind !== 'embeddings')
      throw errors.internal('no_outcome', 'the pipeline produced no embeddings');
    const { entry, result } = ctx.outcome;
    const usage = result.usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
    return {
      object: 'list',
      data: result.embeddings.map((vector, index) => ({
        object: 'embedding',
        index,
        embedding: encoding === 'base64' ? toBase64(vector) : vector,
      })),
      model: entry.id,
      usage: { prompt_tokens: wireUsage(usage).prompt_tokens, total_tokens: wireUsage(usage).total_tokens },
      mizan: mizanExtension(ctx, entry),
    };
  });
}
