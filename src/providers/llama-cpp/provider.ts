import type { LlamaChat } from 'node-llama-cpp';
import type { LlamaCppProviderConfig } from '../../config/schema.js';
import { isMizanError } from '../../errors.js';
import { cancelledError } from '../errors.js';
import {
  PROVIDER_SPEC,
  type CallOptions,
  type GenerateResult,
  type ModelProvider,
  type StreamPart,
} from '../spec.js';
import { toChatHistory } from './chat-history.js';
import { loadEngine, type LlamaCppEngine, type NodeLlamaCpp } from './engine.js';
import { contextExceeded, generationFailed, queueFull } from './errors.js';
import { finishReason, rejectUnsupported, requestedMaxTokens, samplingOptions } from './map-generation.js';
import { PartQueue } from './part-queue.js';
import { createSlots } from './slots.js';

export interface LlamaCppProviderOptions {
  /** Where node-llama-cpp comes from; tests replace it to play a machine without the optional package. */
  importModule?: () => Promise<NodeLlamaCpp>;
}

/**
 * A GGUF chat model run in this process by llama.cpp, for sites without a model server or a network. The model
 * is loaded on first use (a readiness probe is one), once; requests beyond `max_concurrency` wait in a queue;
 * each request gets a fresh sequence of `context_size` tokens, so conversations never share state. The model name
 * a request asks for is not sent anywhere: the provider serves the one model of its `model_path`.
 */
export function createLlamaCppProvider(
  config: LlamaCppProviderConfig,
  options: LlamaCppProviderOptions = {},
): ModelProvider {
  let loading: Promise<LlamaCppEngine> | undefined;
  const engine = (): Promise<LlamaCppEngine> => {
    // A failed load is forgotten, so that a model file placed later is picked up by the next request.
    loading ??= loadEngine(config, options.importModule).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  const slots = createSlots({
    capacity: config.max_concurrency,
    maxWaiting: config.max_queue,
    full: () => queueFull(config.id),
    cancelled: cancelledError,
  });

  /** One generation in a slot of its own; each piece of text is handed to `onText` as it comes. */
  async function run(
    o: CallOptions,
    signal: AbortSignal,
    onText?: (text: string) => void,
  ): Promise<GenerateResult> {
    rejectUnsupported(config.id, o.params);
    const ready = await untilAborted(engine(), signal);
    const history = toChatHistory(o.messages);
    // Refused rather than shifted: the engine would otherwise drop the start of the conversation silently.
    const promptTokens = ready.countPromptTokens(history);
    const room = config.context_size - promptTokens;
    if (room <= 0) throw contextExceeded(config.id, promptTokens, config.context_size);
    const release = await slots.acquire(signal);
    let chat: LlamaChat | undefined;
    try {
      const sequence = ready.context.getSequence();
      chat = new ready.module.LlamaChat({
        contextSequence: sequence,
        chatWrapper: ready.chatWrapper,
        autoDisposeSequence: true,
      });
      const response = await chat.generateResponse(history, {
        ...samplingOptions(o.params),
        maxTokens: Math.min(requestedMaxTokens(o.params) ?? room, room),
        signal,
        ...(onText ? { onTextChunk: onText } : {}),
      });
      const { usedInputTokens, usedOutputTokens } = sequence.tokenMeter;
      return {
        text: response.response,
        finishReason: finishReason(response.metadata.stopReason),
        usage: {
          promptTokens: usedInputTokens,
          completionTokens: usedOutputTokens,
          totalTokens: usedInputTokens + usedOutputTokens,
        },
      };
    } catch (error) {
      if (signal.aborted) throw cancelledError();
      throw isMizanError(error) ? error : generationFailed(config.id, error);
    } finally {
      chat?.dispose();
      release();
    }
  }

  return {
    spec: PROVIDER_SPEC,
    id: config.id,
    type: config.type,
    hosting: config.hosting,

    generate: (o) => run(o, o.signal),

    async stream(o): Promise<AsyncIterable<StreamPart>> {
      // Stopping the stream early (the reader gave up) stops the generation and frees its slot.
      const stop = new AbortController();
      const queue = new PartQueue<StreamPart>();
      run(o, AbortSignal.any([o.signal, stop.signal]), (delta) =>
        queue.push({ type: 'text-delta', delta }),
      ).then(
        (result) => {
          queue.push({ type: 'finish', reason: result.finishReason });
          if (result.usage) queue.push({ type: 'usage', usage: result.usage });
          queue.end();
        },
        (error: unknown) => queue.fail(error),
      );
      await queue.firstPart();
      return (async function* () {
        try {
          yield* queue;
        } finally {
          stop.abort();
        }
      })();
    },

    async ping(signal) {
      await untilAborted(engine(), signal);
    },

    async close() {
      const loaded = await loading?.catch(() => undefined);
      loading = undefined;
      await loaded?.dispose();
    },
  };
}

/** Waits for `promise`, or rejects as soon as the signal aborts; the work behind the promise goes on. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
