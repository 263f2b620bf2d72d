import { SpanKind, type Attributes, type Span, type Tracing } from '../observability/tracing.js';
import type { EmbedResult, GenerateResult, ModelProvider, Usage } from './spec.js';

// OpenTelemetry's GenAI attributes are still incubating: copied here, as its documentation advises.
const GEN_AI_OPERATION = 'gen_ai.operation.name';
const GEN_AI_REQUEST_MODEL = 'gen_ai.request.model';
const GEN_AI_FINISH_REASONS = 'gen_ai.response.finish_reasons';
const GEN_AI_INPUT_TOKENS = 'gen_ai.usage.input_tokens';
const GEN_AI_OUTPUT_TOKENS = 'gen_ai.usage.output_tokens';

/** The span attribute the provider's retries set on its call's span. */
export const RETRIES_ATTRIBUTE = 'mizan.upstream.retries';

const usageAttributes = (usage: Usage | undefined): Attributes =>
  usage ? { [GEN_AI_INPUT_TOKENS]: usage.promptTokens, [GEN_AI_OUTPUT_TOKENS]: usage.completionTokens } : {};

/**
 * The provider with a span per call (a client span for a model server, an internal one for an in-process
 * model), child of the stage that made it. Its attributes say which provider, model and country served, how many
 * retries it took and how it ended; never the messages, the passages or the answer. A stream's span ends with its
 * first part, as the upstream latency metric does. Readiness pings are not traced.
 */
export function tracedProvider(provider: ModelProvider, tracing: Tracing): ModelProvider {
  const kind = provider.type === 'openai-compatible' ? SpanKind.CLIENT : SpanKind.INTERNAL;
  const call = <T>(operation: string, model: string, work: (span: Span) => Promise<T>) =>
    tracing.inSpan(
      `${operation} ${model}`,
      {
        kind,
        attributes: {
          [GEN_AI_OPERATION]: operation,
          [GEN_AI_REQUEST_MODEL]: model,
          'mizan.provider.id': provider.id,
          'mizan.provider.type': provider.type,
          'mizan.hosting.country': provider.hosting.country,
          'mizan.hosting.sovereign': provider.hosting.sovereign,
        },
      },
      work,
    );
  const answered = (span: Span, result: GenerateResult) => {
    span.setAttributes({ [GEN_AI_FINISH_REASONS]: [result.finishReason], ...usageAttributes(result.usage) });
    return result;
  };
  const embedded = (span: Span, result: EmbedResult) => {
    span.setAttributes(usageAttributes(result.usage));
    return result;
  };
  const embed = provider.embed?.bind(provider);
  return {
    ...provider,
    generate: (options) =>
      call('chat', options.model, async (span) => answered(span, await provider.generate(options))),
    stream: (options) => call('chat', options.model, () => provider.stream(options)),
    ...(embed
      ? {
          embed: (options) =>
            call('embeddings', options.model, async (span) => embedded(span, await embed(options))),
        }
      : {}),
  };
}

/** Every provider traced, when tracing is on; the same map otherwise. */
export function tracedProviders(
  providers: Map<string, ModelProvider>,
  tracing: Tracing,
): Map<string, ModelProvider> {
  if (!tracing.enabled) return providers;
  return new Map([...providers].map(([id, provider]) => [id, tracedProvider(provider, tracing)]));
}
