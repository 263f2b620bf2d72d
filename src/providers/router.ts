import { isUpstreamError } from './errors.js';
import type { ModelEntry } from './model-registry.js';
import { errors } from '../errors.js';
import type { CallOptions, EmbedResult, GenerateResult, StreamPart } from './spec.js';

export interface AttemptObserver {
  /** Called once per model tried, with the time to its answer (or to its first part when streaming). */
  (entry: ModelEntry, outcome: 'ok' | string, seconds: number): void;
}

export interface Routed<T> {
  entry: ModelEntry;
  result: T;
}

/**
 * Tries each model of the chain in turn. A model's failure hands over to the next one only when the failure
 * allows it (see `UpstreamError.fallback`) and nothing has reached the client yet; the last failure is raised.
 */
async function firstThatServes<T>(
  chain: ModelEntry[],
  call: (entry: ModelEntry) => Promise<T>,
  signal: AbortSignal,
  observe?: AttemptObserver,
): Promise<Routed<T>> {
  for (let i = 0; ; i++) {
    const entry = chain[i]!;
    const started = performance.now();
    try {
      const result = await call(entry);
      observe?.(entry, 'ok', (performance.now() - started) / 1000);
      return { entry, result };
    } catch (error) {
      const code = isUpstreamError(error) ? error.code : 'internal_error';
      observe?.(entry, code, (performance.now() - started) / 1000);
      const last = i === chain.length - 1;
      if (last || signal.aborted || !isUpstreamError(error) || !error.fallback) throw error;
    }
  }
}

type Options = Omit<CallOptions, 'model'>;

export const generateWithFallback = (chain: ModelEntry[], o: Options, observe?: AttemptObserver) =>
  firstThatServes<GenerateResult>(
    chain,
    (e) => e.provider.generate({ ...o, model: e.upstreamModel }),
    o.signal,
    observe,
  );

export const streamWithFallback = (chain: ModelEntry[], o: Options, observe?: AttemptObserver) =>
  firstThatServes<AsyncIterable<StreamPart>>(
    chain,
    (e) => e.provider.stream({ ...o, model: e.upstreamModel }),
    o.signal,
    observe,
  );

export const embedWithFallback = (
  chain: ModelEntry[],
  o: { input: string[]; signal: AbortSignal },
  observe?: AttemptObserver,
) =>
  firstThatServes<EmbedResult>(
    chain,
    (e) => {
      if (!e.provider.embed) {
        throw errors.invalidRequest(
          'model_cannot_embed',
          `the model "${e.id}" cannot compute embeddings`,
          'model',
        );
      }
      return e.provider.embed({ model: e.upstreamModel, input: o.input, signal: o.signal });
    },
    o.signal,
    observe,
  );
