import type { ModelEntry } from '../providers/model-registry.js';

/** Texts to unit vectors, so that a dot product is a cosine. */
export type Embed = (texts: string[]) => Promise<Float32Array[]>;

const BATCH = 32;
const TIMEOUT_MS = 60_000;

function unit(vector: readonly number[]): Float32Array {
  const out = Float32Array.from(vector);
  let norm = 0;
  for (const x of out) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

/**
 * Dense search through an embedding model served by an OpenAI-compatible `/v1/embeddings`. Queries are embedded
 * before the privacy stage has run, so only a model hosted in Morocco may serve it (checked at start).
 */
export function createEmbedder(entry: ModelEntry): Embed {
  const embed = entry.provider.embed;
  if (!embed) throw new Error(`model "${entry.id}" has no embeddings endpoint`);
  return async (texts) => {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const result = await embed.call(entry.provider, {
        model: entry.upstreamModel,
        input: texts.slice(i, i + BATCH),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      out.push(...result.embeddings.map(unit));
    }
    return out;
  };
}
