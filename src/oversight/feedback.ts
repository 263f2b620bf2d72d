import type { AuditLog } from '../audit/writer.js';
import { redactText } from '../privacy/redact-text.js';
import type { Entity } from '../privacy/types.js';
import type { AuditEvent } from '../store/audit-store.js';
import type { CitizenVoiceStore, FeedbackRow } from '../store/citizen-voice-store.js';
import { authorize, tenantScope, type Actor, type StaffRole } from './actors.js';
import { answerOfCaller } from './answer-of-caller.js';
import {
  FEEDBACK_REASONS,
  type CitizenVoiceCaller,
  type FeedbackRating,
  type FeedbackReason,
} from './citizen-voice.js';
import { errors } from '../errors.js';

/** Who reads the feedback: those who review answers and those who answer for the service. */
export const FEEDBACK_READERS: readonly StaffRole[] = ['tenant_admin', 'dpo', 'reviewer', 'auditor', 'agent'];

export interface FeedbackInput {
  auditId: string;
  rating: FeedbackRating;
  reasons: readonly FeedbackReason[];
  comment?: string | undefined;
}

interface Tally {
  total: number;
  helpful: number;
  not_helpful: number;
  by_reason: Record<FeedbackReason, number>;
}

const emptyTally = (): Tally => ({
  total: 0,
  helpful: 0,
  not_helpful: 0,
  by_reason: Object.fromEntries(FEEDBACK_REASONS.map((r) => [r, 0])) as Record<FeedbackReason, number>,
});

function add(tally: Tally, row: FeedbackRow): void {
  tally.total++;
  tally[row.rating]++;
  for (const reason of row.reasons)
    if (reason in tally.by_reason) tally.by_reason[reason as FeedbackReason]++;
}

/**
 * Citizens' feedback on answers: a rating, reasons when it did not help, and a comment stored only once its
 * personal data is redacted (it is never logged). Staff read the counts, by reason and by application.
 */
export function createFeedbackService(deps: {
  store: CitizenVoiceStore;
  audit: AuditLog;
  findFlow(auditId: string): Promise<AuditEvent | undefined>;
  scan(text: string): Entity[];
}) {
  return {
    async submit(caller: CitizenVoiceCaller, input: FeedbackInput): Promise<{ id: string }> {
      await answerOfCaller(deps.findFlow, caller, input.auditId);
      if (input.rating === 'helpful' && input.reasons.length > 0)
        throw errors.invalidRequest(
          'reasons_for_helpful',
          'reasons say what was wrong: send them with a not_helpful rating',
          'reasons',
        );
      const comment = input.comment ? redactText(input.comment, deps.scan) : undefined;
      const reasons = [...new Set(input.reasons)];
      const id = await deps.store.addFeedback({
        tenantId: caller.tenantId,
        applicationId: caller.applicationId,
        auditId: input.auditId,
        rating: input.rating,
        reasons,
        comment: comment?.text ?? null,
        dataSubject: caller.dataSubject,
      });
      await deps.audit.append({
        kind: 'oversight',
        tenantId: caller.tenantId,
        applicationId: caller.applicationId,
        action: 'feedback.received',
        actor: caller.actor,
        subject: input.auditId,
        dataSubject: caller.dataSubject,
        // Whether there was a comment and what was redacted from it; never its words.
        detail: {
          feedback_id: id,
          rating: input.rating,
          reasons,
          comment: comment ? { redacted: comment.counts } : null,
        },
      });
      return { id };
    },

    /** Counts of the actor's tenant (every tenant for the platform admin), overall and per application. */
    async summary(actor: Actor, filter: { applicationId?: string; since?: Date } = {}) {
      const tenantId = tenantScope(actor);
      if (actor.kind === 'staff')
        authorize(actor, FEEDBACK_READERS, actor.tenantId, () => errors.notFound('not_found', 'not found'));
      const rows = await deps.store.listFeedback({ ...filter, ...(tenantId ? { tenantId } : {}) });
      const overall = emptyTally();
      const byApplication = new Map<string, Tally>();
      for (const row of rows) {
        add(overall, row);
        const tally = byApplication.get(row.applicationId) ?? emptyTally();
        add(tally, row);
        byApplication.set(row.applicationId, tally);
      }
      return {
        object: 'mizan.feedback_summary' as const,
        ...overall,
        by_application: [...byApplication].map(([application_id, tally]) => ({ application_id, ...tally })),
      };
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
