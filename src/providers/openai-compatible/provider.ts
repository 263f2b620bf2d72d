import { Agent, type Dispatcher } from 'undici';
import type { OpenAICompatibleProviderConfig } from '../../config/schema.js';
import type { UpstreamError } from '../errors.js';
import { cancelledError, isUpstreamError, upstreamTimeout } from '../errors.js';
import { withRetries, type RetryPolicy } from '../retry.js';
import {
  PROVIDER_SPEC,
  type CallOptions,
  type EmbedResult,
  type GenerateResult,
  type ModelProvider,
  type StreamPart,
} from '../spec.js';
import { badResponse, classifyNetworkError, classifyStatus, endedEarly } from './classify-failure.js';
import { convertUsage, mapChunk, mapCompletion } from './map-response.js';
import { decodeSseData } from './sse-decoder.js';

const PING_TIMEOUT_MS = 2_000;

export interface OpenAICompatibleProviderOptions {
  env?: Record<string, string | undefined>;
  /** Called before each retry (the first is 1), for metrics and traces. */
  onRetry?: (providerId: string, error: unknown, retry: number) => void;
  /** The W3C trace-context headers of the current span, so that the model server's own traces join Mizan's. */
  traceHeaders?: () => Record<string, string>;
}

/** Any server speaking OpenAI's chat-completions protocol: vLLM, Ollama, llama.cpp's server, Mistral… */
export function createOpenAICompatibleProvider(
  config: OpenAICompatibleProviderConfig,
  options: OpenAICompatibleProviderOptions = {},
): ModelProvider {
  const base = new URL(config.base_url.endsWith('/') ? config.base_url : `${config.base_url}/`);
  const apiKey =
    config.api_key ?? (config.api_key_env ? (options.env ?? process.env)[config.api_key_env] : undefined);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
  };
  const timeouts = config.timeouts;
  const dispatcher = new Agent({
    connect: { timeout: timeouts.connect_ms },
    connections: config.max_connections,
    headersTimeout: timeouts.first_byte_ms,
    bodyTimeout: timeouts.idle_ms,
  });
  const retryPolicy: RetryPolicy = {
    max: config.retries.max,
    baseDelayMs: config.retries.base_delay_ms,
    maxDelayMs: config.retries.max_delay_ms,
  };
  const onRetry = (error: unknown, attempt: number) => options.onRetry?.(config.id, error, attempt + 1);
  const traceHeaders = options.traceHeaders;

  /** One attempt's deadline, joined with the client's own cancellation. */
  function deadline(clientSignal: AbortSignal) {
    const timeout = AbortSignal.timeout(timeouts.total_ms);
    return { clientSignal, timeout, signal: AbortSignal.any([clientSignal, timeout]) };
  }
  type Deadline = ReturnType<typeof deadline>;

  function failure(error: unknown, d: Deadline, phase: 'headers' | 'body'): UpstreamError {
    if (isUpstreamError(error)) return error;
    if (d.clientSignal.aborted) return cancelledError();
    if (d.timeout.aborted) return upstreamTimeout(config.id, 'total', error);
    return classifyNetworkError(config.id, error, phase);
  }

  async function send(
    method: 'GET' | 'POST',
    path: string,
    payload: unknown,
    d: Deadline,
  ): Promise<Dispatcher.ResponseData> {
    let response: Dispatcher.ResponseData;
    try {
      response = await dispatcher.request({
        origin: base.origin,
        path: base.pathname + path,
        method,
        headers: traceHeaders ? { ...headers, ...traceHeaders() } : headers,
        body: payload === undefined ? null : JSON.stringify(payload),
        signal: d.signal,
      });
    } catch (error) {
      throw failure(error, d, 'headers');
    }
    if (response.statusCode >= 400) {
      const text = await response.body.text().catch(() => '');
      const retryAfter = response.headers['retry-after'];
      throw classifyStatus(
        config.id,
        response.statusCode,
        text,
        Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      );
    }
    return response;
  }

  /** Each attempt gets its own deadline; retries follow the provider's policy. */
  const retrying = <T>(signal: AbortSignal, attempt: (d: Deadline) => Promise<T>): Promise<T> =>
    withRetries(retryPolicy, signal, () => attempt(deadline(signal)), onRetry);

  async function readJson<T>(response: Dispatcher.ResponseData, d: Deadline): Promise<T> {
    try {
      return (await response.body.json()) as T;
    } catch (error) {
      throw error instanceof SyntaxError ? badResponse(config.id, error) : failure(error, d, 'body');
    }
  }

  const chatPayload = (o: CallOptions, stream: boolean) => ({
    ...o.params,
    model: o.model,
    messages: o.messages,
    stream,
    // Usage is always asked for, whether or not the client wants it, because the audit records tokens.
    ...(stream ? { stream_options: { include_usage: true } } : {}),
  });

  async function* parts(body: Dispatcher.ResponseData['body'], d: Deadline): AsyncGenerator<StreamPart> {
    let finished = false;
    try {
      for await (const data of decodeSseData(body)) {
        if (data === '[DONE]') return;
        let chunk: Parameters<typeof mapChunk>[0] & { error?: unknown };
        try {
          chunk = JSON.parse(data) as typeof chunk;
        } catch (error) {
          throw badResponse(config.id, error);
        }
        if (chunk.error) throw classifyStatus(config.id, 500, data, undefined);
        for (const part of mapChunk(chunk)) {
          finished ||= part.type === 'finish';
          yield part;
        }
      }
      // Without [DONE], an answer is whole only if its finish reason came: otherwise it was cut short.
      if (!finished) throw endedEarly(config.id);
    } catch (error) {
      throw failure(error, d, 'body');
    } finally {
      if (!body.destroyed) body.destroy();
    }
  }

  return {
    spec: PROVIDER_SPEC,
    id: config.id,
    type: config.type,
    hosting: config.hosting,

    generate: (o: CallOptions): Promise<GenerateResult> =>
      retrying(o.signal, async (d) => {
        const response = await send('POST', 'chat/completions', chatPayload(o, false), d);
        return mapCompletion(await readJson<Parameters<typeof mapCompletion>[0]>(response, d));
      }),

    stream: (o: CallOptions): Promise<AsyncIterable<StreamPart>> =>
      retrying(o.signal, async (d) => {
        const response = await send('POST', 'chat/completions', chatPayload(o, true), d);
        const iterator = parts(response.body, d);
        // Waiting for the first part keeps failures before the first byte retryable.
        const first = await iterator.next();
        return continueFrom(first, iterator);
      }),

    embed: ({ model, input, signal }): Promise<EmbedResult> =>
      retrying(signal, async (d) => {
        const response = await send('POST', 'embeddings', { model, input }, d);
        const body = await readJson<{
          data?: Array<{ index: number; embedding: number[] }>;
          usage?: Parameters<typeof convertUsage>[0];
        }>(response, d);
        const data = [...(body.data ?? [])].sort((x, y) => x.index - y.index);
        const usage = convertUsage(body.usage);
        return { embeddings: data.map((item) => item.embedding), ...(usage ? { usage } : {}) };
      }),

    async ping(signal: AbortSignal): Promise<void> {
      const d = deadline(AbortSignal.any([signal, AbortSignal.timeout(PING_TIMEOUT_MS)]));
      const response = await send('GET', 'models', undefined, d);
      await response.body.dump();
    },

    close: () => dispatcher.close(),
  };
}

async function* continueFrom(
  first: IteratorResult<StreamPart>,
  rest: AsyncGenerator<StreamPart>,
): AsyncGenerator<StreamPart> {
  try {
    if (first.done) return;
    yield first.value;
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}
