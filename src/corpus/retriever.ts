import { readsAs, type LanguageLabel } from '../language/labels.js';
import type { Embed } from './embedder.js';
import { searchTerms } from './query.js';
import type { CorpusStore } from './store.js';
import type { Passage } from './types.js';

export interface RetrieverOptions {
  topK: number;
  /** Dense search too, fused with full-text search, when an embedding model is configured. */
  embed?: Embed | undefined;
  /** How long a tenant's list of collections (and whether they hold anything) is reused. */
  cacheMs?: number;
}

/** Reciprocal rank fusion's constant (Cormack et al., 2009): ranks matter, raw scores of different kinds do not. */
const RRF_K = 60;

/** Full-text and dense rankings fused by reciprocal rank; a passage found by both rises. */
export function fuseRankings(rankings: readonly (readonly Passage[])[]): Passage[] {
  const fused = new Map<string, { passage: Passage; score: number }>();
  for (const ranking of rankings) {
    ranking.forEach((passage, rank) => {
      const entry = fused.get(passage.chunkId) ?? { passage, score: 0 };
      entry.score += 1 / (RRF_K + rank + 1);
      fused.set(passage.chunkId, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score).map(({ passage, score }) => ({ ...passage, score }));
}

/** Passages in the reader's own language (for Darija readers: Arabic script) rank this much higher. */
const OWN_LANGUAGE_BOOST = 1.25;


/**
 * Finds the passages that answer a question, among the collections a tenant may read (its own and the
 * platform's public ones). Returns undefined when those collections hold nothing searchable, so the caller can
 * tell "no corpus" from "nothing found".
 */
export function createRetriever(store: CorpusStore, options: RetrieverOptions) {
  const cacheMs = options.cacheMs ?? 10_000;
  const visible = new Map<string, { at: number; ids: string[]; searchable: number }>();

  async function collectionsOf(tenantId: string | null) {
    const key = tenantId ?? '';
    const cached = visible.get(key);
    if (cached && Date.now() - cached.at < cacheMs) return cached;
    const collections = await store.listCollections(tenantId);
    const ids = collections.filter((c) => c.tenantId !== null || c.visibility === 'public').map((c) => c.id);
    const entry = { at: Date.now(), ids, searchable: await store.countSearchable(ids) };
    visible.set(key, entry);
    return entry;
  }

  return {
    /** `language`: the question's, when the caller has identified it already. */
    async retrieve(question: string, tenantId: string | null, language?: LanguageLabel): Promise<Passage[] | undefined> {
      const { ids, searchable } = await collectionsOf(tenantId);
      if (searchable === 0) return undefined;
      const { language: asked, terms } = searchTerms(question, language);
      const filter = {
        collectionIds: ids,
        classifications: tenantId === null ? ['public' as const] : ['public' as const, 'internal' as const],
        limit: options.topK * 3,
      };
      const fullText = await store.search({ ...filter, terms });
      const found = options.embed
        ? fuseRankings([fullText, await store.searchDense((await options.embed([question]))[0]!, filter)])
        : fullText;
      const boosted = found
        .map((p) => ({ ...p, score: readsAs(p.language, asked) ? p.score * OWN_LANGUAGE_BOOST : p.score }))
        .sort((a, b) => b.score - a.score);
      return boosted.slice(0, options.topK);
    },
    /** Forget cached collection lists, after ingesting or withdrawing. */
    invalidate: () => visible.clear(),
  };
}

export type Retriever = ReturnType<typeof createRetriever>;
