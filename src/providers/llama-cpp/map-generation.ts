import type { LLamaChatGenerateResponseOptions, LlamaChatResponse } from 'node-llama-cpp';
import type { FinishReason, GenerationParams } from '../spec.js';
import { unsupportedParameter } from './errors.js';

type SamplingOptions = Pick<
  LLamaChatGenerateResponseOptions,
  'temperature' | 'topP' | 'seed' | 'customStopTriggers' | 'repeatPenalty'
>;

const number = (value: unknown) => (typeof value === 'number' ? value : undefined);

/**
 * OpenAI's sampling parameters in node-llama-cpp's terms. Without a temperature the engine decodes greedily
 * (its default), which suits a public service's answers better than OpenAI's default of 1.
 */
export function samplingOptions(params: GenerationParams): SamplingOptions {
  const stop = params.stop === undefined ? [] : [params.stop].flat().filter((s) => s.length > 0);
  const presencePenalty = number(params.presence_penalty);
  const frequencyPenalty = number(params.frequency_penalty);
  return {
    ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
    ...(params.top_p !== undefined ? { topP: params.top_p } : {}),
    ...(params.seed !== undefined ? { seed: params.seed } : {}),
    ...(stop.length > 0 ? { customStopTriggers: stop } : {}),
    ...(presencePenalty || frequencyPenalty ? { repeatPenalty: { presencePenalty, frequencyPenalty } } : {}),
  };
}

/** `max_completion_tokens` is the newer name of `max_tokens`. */
export const requestedMaxTokens = (params: GenerationParams): number | undefined =>
  number(params.max_tokens) ?? number(params.max_completion_tokens);

/**
 * Refuses what the engine would otherwise ignore silently: tool calling and structured output are not wired to the
 * engine's grammars, and a client relying on them must get another model or an error, not free text.
 */
export function rejectUnsupported(providerId: string, params: GenerationParams): void {
  if (Array.isArray(params.tools) && params.tools.length > 0) throw unsupportedParameter(providerId, 'tools');
  const format = params.response_format as { type?: unknown } | undefined;
  if (format && format.type !== 'text') throw unsupportedParameter(providerId, 'response_format');
}

type StopReason = LlamaChatResponse['metadata']['stopReason'];

/** Why the engine stopped, in the gateway's closed set; an abort never gets here (it ends in a cancellation). */
export function finishReason(stopReason: StopReason): FinishReason {
  switch (stopReason) {
    case 'eogToken':
    case 'stopGenerationTrigger':
    case 'customStopTrigger':
      return 'stop';
    case 'maxTokens':
      return 'length';
    case 'functionCalls':
      return 'tool_calls';
    case 'abort':
      return 'other';
  }
}
