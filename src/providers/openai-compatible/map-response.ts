import type { FinishReason, GenerateResult, StreamPart, Usage } from '../spec.js';

/** Vendor finish reasons onto the closed set; unknown ones become `other` and keep their raw value. */
export function mapFinishReason(raw: string | null | undefined): { reason: FinishReason; raw?: string } {
  switch (raw) {
    case 'stop':
    case 'eos':
    case 'end_turn':
      return { reason: 'stop' };
    case 'length':
    case 'max_tokens':
      return { reason: 'length' };
    case 'tool_calls':
    case 'function_call':
      return { reason: 'tool_calls' };
    case 'content_filter':
      return { reason: 'content_filter' };
    default:
      return { reason: 'other', raw: raw ?? 'unknown' };
  }
}

interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

export function convertUsage(usage: WireUsage | null | undefined): Usage | undefined {
  if (!usage) return undefined;
  const promptTokens = usage.prompt_tokens ?? 0;
  const completionTokens = usage.completion_tokens ?? 0;
  return {
    promptTokens,
    completionTokens,
    totalTokens: usage.total_tokens ?? promptTokens + completionTokens,
  };
}

interface WireChoice {
  message?: { content?: string | null; tool_calls?: unknown[] };
  delta?: { content?: string | null; tool_calls?: unknown[] };
  finish_reason?: string | null;
}

interface WireCompletion {
  choices?: WireChoice[];
  usage?: WireUsage | null;
}

export function mapCompletion(body: WireCompletion): GenerateResult {
  const choice = body.choices?.[0];
  const finish = mapFinishReason(choice?.finish_reason);
  const toolCalls = choice?.message?.tool_calls;
  return {
    text: choice?.message?.content ?? '',
    ...(toolCalls && toolCalls.length > 0 ? { toolCalls } : {}),
    finishReason: finish.reason,
    ...(finish.raw === undefined ? {} : { rawFinishReason: finish.raw }),
    ...(body.usage ? { usage: convertUsage(body.usage) } : {}),
  };
}

/** One streamed chunk can carry a delta, a finish reason and usage at once; each becomes its own part. */
export function mapChunk(chunk: WireCompletion): StreamPart[] {
  const parts: StreamPart[] = [];
  const choice = chunk.choices?.[0];
  if (choice?.delta?.content) parts.push({ type: 'text-delta', delta: choice.delta.content });
  if (choice?.delta?.tool_calls && choice.delta.tool_calls.length > 0) {
    parts.push({ type: 'tool-call-delta', toolCalls: choice.delta.tool_calls });
  }
  if (choice?.finish_reason) {
    const finish = mapFinishReason(choice.finish_reason);
    parts.push({
      type: 'finish',
      reason: finish.reason,
      ...(finish.raw === undefined ? {} : { raw: finish.raw }),
    });
  }
  const usage = convertUsage(chunk.usage);
  if (usage) parts.push({ type: 'usage', usage });
  return parts;
}
