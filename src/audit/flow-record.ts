import type { FlowContext, Operation } from '../pipeline/flow-context.js';
import type { Halt, StageTiming } from '../pipeline/pipeline.js';
import type { NewAuditEvent } from '../store/audit-store.js';
import type { FlowContent, SealedContent } from './content.js';

/**
 * The audit record of one request, written before its answer is released: who (application, key, the person as
 * a pseudonymous subject), under which rules (purpose, legal basis, tier, sandbox), what was decided (refusal and
 * its code, review triggers and case, model and where it is hosted, data categories found and the operators
 * applied, sources cited, grounding), latency and tokens — ids, codes, counts and salted commitments to the
 * content, never the content. The tier's `full` audit detail adds the time of each stage. A request refused
 * before its caller was known is recorded too (actor `anonymous`, with its error code), so that every request the
 * gateway received is in the log.
 */
export function flowRecord(
  ctx: FlowContext,
  halt: Halt | undefined,
  timings: StageTiming[],
  sealed: SealedContent | undefined,
): NewAuditEvent {
  const principal = ctx.principal;
  const oversight = ctx.policy?.oversight;
  const outcome = ctx.outcome;
  const entry = outcome && 'entry' in outcome ? outcome.entry : undefined;
  const held = ctx.review?.held;
  const grounding = ctx.sources?.grounding;
  return {
    id: ctx.auditId,
    kind: 'flow',
    tenantId: principal?.tenant.id ?? null,
    applicationId: principal?.application.id ?? null,
    action: ctx.operation.kind,
    actor: principal ? `application:${principal.application.id}` : 'anonymous',
    subject: principal?.sandboxId ?? held?.caseId ?? null,
    dataSubject: ctx.dataSubject ?? null,
    detail: {
      request_id: ctx.requestId,
      key_id: principal?.keyId ?? null,
      outcome: halt ? 'refused' : held ? 'held' : (outcome?.kind ?? 'none'),
      ...(halt ? { error: halt.error.code, stage: halt.stage } : {}),
      purpose: oversight?.processing.purpose ?? null,
      legal_basis: oversight?.processing.legalBasis ?? null,
      risk_tier: oversight?.tier ?? null,
      sandbox_id: principal?.sandboxId ?? null,
      language: ctx.language?.lang ?? null,
      review: ctx.review?.triggers.length
        ? { triggers: ctx.review.triggers, case_id: held?.caseId ?? null }
        : null,
      // Per data category found, the operator applied and how many times.
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
      guard: guardSummary(ctx, halt),
      latency_ms: Date.now() - ctx.receivedAt,
      ...(outcome?.kind === 'completion' && outcome.result.usage
        ? {
            tokens: outcome.result.usage.totalTokens,
            ...(outcome.entry.energyWhPer1kTokens === undefined
              ? {}
              : {
                  energy_wh_estimate:
                    Math.round(outcome.result.usage.totalTokens * outcome.entry.energyWhPer1kTokens) / 1000,
                }),
          }
        : {}),
      ...(sealed ? { content: { ...sealed.commitments, kept: sealed.ciphertext !== null } } : {}),
      ...(oversight?.controls.auditDetail === 'full'
        ? { timings_ms: Object.fromEntries(timings.map((t) => [t.stage, Math.round(t.ms * 100) / 100])) }
        : {}),
    },
  };
}

/**
 * What the user exchanged in this flow, as they sent and received it: the operation as it arrived (before the
 * privacy stage pseudonymized it and other stages added instructions) and the released answer. A stream's answer
 * is not known when its record is written, and a list of models has no content.
 */
export function flowContent(received: Operation, ctx: FlowContext): FlowContent | undefined {
  if (received.kind === 'list-models') return undefined;
  const request = received.kind === 'chat' ? received.messages : received.input;
  const outcome = ctx.outcome;
  const answer =
    outcome?.kind === 'completion'
      ? outcome.result.text
      : outcome?.kind === 'held'
        ? outcome.message
        : undefined;
  return answer === undefined ? { request } : { request, answer };
}

/** The guard's decision and reason codes; a refusal by the guard is a block even though it ended the flow early. */
function guardSummary(ctx: FlowContext, halt: Halt | undefined) {
  if (halt?.error.type === 'guard_blocked') return { decision: 'block', reasons: [halt.error.code] };
  return ctx.guard ? { decision: ctx.guard.decision, reasons: ctx.guard.reasons } : null;
}
