import type { Citation } from '../../corpus/citations.js';
import type { GroundingReport } from '../../corpus/grounding.js';
import type { FlowContext } from '../../pipeline/flow-context.js';
import type { ModelEntry } from '../../providers/model-registry.js';
import type { OperatorCounts } from '../../privacy/operators.js';
import type { TransferDecision } from '../../privacy/transfer.js';
import type { Hosting } from '../../providers/spec.js';

/**
 * The `mizan` object added to every answer: what a citizen, a developer or an auditor needs to trust it.
 * Citations, privacy and review are filled by the corpus, privacy and oversight stages.
 */
export interface MizanExtension {
  audit_id: string;
  language: string | null;
  citations: Citation[];
  /** The grounding check of the answer's sentences against the passages they cite; null without sources. */
  grounding: GroundingReport | null;
  privacy: PrivacySummary | Record<string, never>;
  review: unknown;
  model: { id: string; provider: string; hosting: Hosting };
}

/** What the privacy layer did to this request: counts per type and operator and the transfer decision, never values. */
export interface PrivacySummary {
  entities: OperatorCounts;
  personal_data_forwarded: boolean;
  transfer: { country: string; decision: TransferDecision };
  conversation_id: string | null;
}

function privacySummary(ctx: FlowContext, entry: ModelEntry): PrivacySummary | Record<string, never> {
  if (!ctx.privacy) return {};
  return {
    entities: ctx.privacy.counts,
    personal_data_forwarded: ctx.privacy.personalDataRemains,
    transfer: {
      country: entry.provider.hosting.country,
      decision: ctx.transfers?.get(entry.id) ?? 'domestic',
    },
    conversation_id: ctx.conversationId ?? null,
  };
}

export function mizanExtension(ctx: FlowContext, entry: ModelEntry): MizanExtension {
  const language = ctx.language?.lang;
  return {
    audit_id: ctx.auditId,
    language: language && language !== 'und' ? language : null,
    citations: ctx.sources?.citations ?? [],
    grounding: ctx.sources?.grounding ?? null,
    privacy: privacySummary(ctx, entry),
    review: null,
    model: { id: entry.id, provider: entry.provider.id, hosting: entry.provider.hosting },
  };
}
