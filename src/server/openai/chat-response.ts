import type { FlowContext } from '../../pipeline/flow-context.js';
import type { ModelEntry } from '../../providers/model-registry.js';
import type { FinishReason, GenerateResult, Usage } from '../../providers/spec.js';
import { mizanExtension, type MizanExtension } from './mizan-extension.js';

type WireFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

/** Back onto OpenAI's values; reasons without an equivalent read as a normal stop. */
export function wireFinishReason(reason: FinishReason): WireFinishReason {
  return reason === 'length' || reason === 'tool_calls' || reason === 'content_filter' ? reason : 'stop';
}

export function wireUsage(usage: Usage) {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.totalTokens,
  };
}

export const completionId = (ctx: FlowContext) => `chatcmpl-${ctx.auditId}`;
const createdSeconds = (ctx: FlowContext) => Math.floor(ctx.receivedAt / 1000);

/** The model field names the model that answered, or the one asked for when the guard answered itself. */
const modelId = (ctx: FlowContext, entry: ModelEntry | undefined) =>
  entry?.id ?? (ctx.operation.kind === 'chat' ? ctx.operation.model : '');

export function completionBody(ctx: FlowContext, entry: ModelEntry | undefined, result: GenerateResult) {
  return {
    id: completionId(ctx),
    object: 'chat.completion',
    created: createdSeconds(ctx),
    model: modelId(ctx, entry),
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: result.text,
          refusal: null,
          ...(result.toolCalls ? { tool_calls: result.toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: wireFinishReason(result.finishReason),
      },
    ],
    usage: result.usage ? wireUsage(result.usage) : null,
    mizan: mizanExtension(ctx, entry),
  };
}

/** Serialized `chat.completion.chunk` events sharing one id, timestamp and model, as OpenAI streams them. */
export function createChunkSerializer(ctx: FlowContext, entry: ModelEntry | undefined) {
  const head = `{"id":${JSON.stringify(completionId(ctx))},"object":"chat.completion.chunk","created":${createdSeconds(ctx)},"model":${JSON.stringify(modelId(ctx, entry))}`;
  const choice = (delta: object, finish: WireFinishReason | null) =>
    `${head},"choices":[{"index":0,"delta":${JSON.stringify(delta)},"logprobs":null,"finish_reason":${finish === null ? 'null' : `"${finish}"`}}]}`;
  return {
    delta: (delta: { role?: 'assistant'; content?: string; tool_calls?: unknown[] }) => choice(delta, null),
    finish: (reason: FinishReason) => choice({}, wireFinishReason(reason)),
    usage: (usage: Usage) => `${head},"choices":[],"usage":${JSON.stringify(wireUsage(usage))}}`,
    extension: (mizan: MizanExtension) => `${head},"choices":[],"mizan":${JSON.stringify(mizan)}}`,
  };
}
