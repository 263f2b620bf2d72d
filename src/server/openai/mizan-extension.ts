import type { FlowContext } from '../../pipeline/flow-context.js';
import type { ModelEntry } from '../../providers/model-registry.js';
import type { Hosting } from '../../providers/spec.js';

/**
 * The `mizan` object added to every answer: what a citizen, a developer or an auditor needs to trust it.
 * Citations, privacy and review are filled by the corpus, privacy and oversight stages.
 */
export interface MizanExtension {
  audit_id: string;
  language: string | null;
  citations: unknown[];
  privacy: Record<string, unknown>;
  review: unknown;
  model: { id: string; provider: string; hosting: Hosting };
}

export function mizanExtension(ctx: FlowContext, entry: ModelEntry): MizanExtension {
  const language = ctx.language?.label;
  return {
    audit_id: ctx.auditId,
    language: language && language !== 'und' ? language : null,
    citations: [],
    privacy: {},
    review: null,
    model: { id: entry.id, provider: entry.provider.id, hosting: entry.provider.hosting },
  };
}
