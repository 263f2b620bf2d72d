import type { FlowContext } from '../pipeline/flow-context.js';
import type { Halt, StageTiming } from '../pipeline/pipeline.js';
import type { NewAuditEvent } from '../store/audit-store.js';

/**
 * The audit entry of one request, written before its answer is released: who (application, key), under which
 * rules (tier, sandbox), what was decided (refusal and its code, review triggers and case, model and where it is
 * hosted, data categories protected, sources cited, grounding) — ids, codes and counts, never the content. The
 * tier's `full` audit detail adds the time of each stage. Requests refused before the caller was known are not
 * recorded: they are counted in the metrics.
 */
export function flowRecord(
  ctx: FlowContext,
  halt: Halt | undefined,
  timings: StageTiming[],
): NewAuditEvent | undefined {
  const principal = ctx.principal;
  if (!principal) return undefined;
  const oversight = ctx.policy?.oversight;
  const outcome = ctx.outcome;
  const entry = outcome && 'entry' in outcome ? outcome.entry : undefined;
  const held = ctx.review?.held;
  const grounding = ctx.sources?.grounding;
  return {
    id: ctx.auditId,
    kind: 'flow',
    tenantId: principal.tenant.id,
    applicationId: principal.application.id,
    action: ctx.operation.kind,
    actor: `application:${principal.application.id}`,
    subject: principal.sandboxId ?? held?.caseId ?? null,
    detail: {
      request_id: ctx.requestId,
      key_id: principal.keyId,
      outcome: halt ? 'refused' : held ? 'held' : (outcome?.kind ?? 'none'),
      ...(halt ? { error: halt.error.code, stage: halt.stage } : {}),
      risk_tier: oversight?.tier ?? null,
      sandbox_id: principal.sandboxId,
      language: ctx.language?.lang ?? null,
      review: ctx.review?.triggers.length
        ? { triggers: ctx.review.triggers, case_id: held?.caseId ?? null }
        : null,
      data_categories: ctx.privacy?.counts ?? {},
      model: entry
        ? { id: entry.id, provider: entry.provider.id, country: entry.provider.hosting.country }
        : null,
      sources: (ctx.sources?.citations ?? []).map((c) => ({
        document_id: c.document_id,
        version: c.version,
        sha256: c.sha256,
      })),
      // Known before release only for whole answers; a stream's check ends with the stream.
      grounded: grounding ? grounding.supported : null,
      flags: ctx.flags?.stereotype ? ['stereotyped_generalisation'] : [],
      ...(outcome?.kind === 'completion' && outcome.result.usage
        ? { tokens: outcome.result.usage.totalTokens }
        : {}),
      ...(oversight?.controls.auditDetail === 'full'
        ? { timings_ms: Object.fromEntries(timings.map((t) => [t.stage, Math.round(t.ms * 100) / 100])) }
        : {}),
    },
  };
}
