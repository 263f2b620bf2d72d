import type { MizanConfig, RiskTier } from '../config/schema.js';
import type { ModelProvider } from './spec.js';

export interface ModelEntry {
  id: string;
  aliases: string[];
  kind: 'chat' | 'embedding';
  provider: ModelProvider;
  /** The name sent upstream. */
  upstreamModel: string;
  licence: string;
  languages: string[];
  contextLength: number | undefined;
  parametersBillions?: number | undefined;
  /** Where the weights come from (config `source`). */
  source?: string | undefined;
  /** Measured on its hardware by the operator; the audit record's energy estimate is tokens × this. */
  energyWhPer1kTokens: number | undefined;
  approvedFor: RiskTier[];
  fallback: string[];
}

export interface ModelRegistry {
  /** By id or alias. */
  resolve(name: string): ModelEntry | undefined;
  /** The model followed by its fallbacks, each once. */
  chain(entry: ModelEntry): ModelEntry[];
  list(): ModelEntry[];
}

export function createModelRegistry(
  models: MizanConfig['models'],
  providers: ReadonlyMap<string, ModelProvider>,
): ModelRegistry {
  const entries = models.map((m): ModelEntry => {
    const provider = providers.get(m.provider);
    if (!provider) throw new Error(`model "${m.id}" names unknown provider "${m.provider}"`);
    return {
      id: m.id,
      aliases: m.aliases,
      kind: m.kind,
      provider,
      upstreamModel: m.upstream_model ?? m.id,
      licence: m.licence,
      languages: m.languages,
      contextLength: m.context_length,
      parametersBillions: m.parameters_billions,
      source: m.source,
      energyWhPer1kTokens: m.energy_wh_per_1k_tokens,
      approvedFor: m.approved_for,
      fallback: m.fallback,
    };
  });
  const byName = new Map<string, ModelEntry>();
  for (const entry of entries) for (const name of [entry.id, ...entry.aliases]) byName.set(name, entry);

  return {
    resolve: (name) => byName.get(name),
    chain(entry) {
      const chain = [entry];
      for (const name of entry.fallback) {
        const next = byName.get(name);
        if (next && !chain.includes(next)) chain.push(next);
      }
      return chain;
    },
    list: () => entries,
  };
}
