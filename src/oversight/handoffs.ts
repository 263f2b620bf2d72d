import type { AuditLog } from '../audit/writer.js';
import { errors } from '../errors.js';
import { redactText } from '../privacy/redact-text.js';
import type { Entity } from '../privacy/types.js';
import type { AuditEvent } from '../store/audit-store.js';
import type { CitizenVoiceStore, Handoff } from '../store/citizen-voice-store.js';
import { actorLabel, authorize, tenantScope, type Actor, type StaffRole } from './actors.js';
import { answerOfCaller } from './answer-of-caller.js';
import type { CitizenVoiceCaller, HandoffReason } from './citizen-voice.js';
import { humanHandoffMessage } from './messages.js';
import type { UseCaseEntry } from './register/use-case.js';

/** Who takes a hand-over: the agents who answer citizens, the reviewers, and the tenant's administrators. */
export const HANDOFF_HANDLERS: readonly StaffRole[] = ['reviewer', 'agent', 'tenant_admin'];

export interface HandoffInput {
  auditId?: string | undefined;
  reason: HandoffReason;
  message?: string | undefined;
}

const handoffNotFound = (id: string) => errors.notFound('handoff_not_found', `no hand-over "${id}"`, 'id');

/** A hand-over as staff see it: the message is already redacted, the person named by reference only. */
export const handoffView = (h: Handoff) => ({
  object: 'mizan.handoff' as const,
  id: h.id,
  reference: h.reference,
  application_id: h.applicationId,
  audit_id: h.auditId,
  reason: h.reason,
  message: h.message,
  language: h.language,
  status: h.status,
  created_at: h.createdAt.toISOString(),
  closed_at: h.closedAt?.toISOString() ?? null,
  closed_by: h.closedBy,
  resolution: h.resolution,
});

/**
 * "Talk to a person": a citizen (or an application on their behalf) asks for an agent, about an answer they were
 * given or in general. The request gets a reference to quote, the administration answerable for the service, and
 * the time by which an agent answers (the review SLA); staff of the tenant list the open ones and close them.
 */
export function createHandoffService(deps: {
  store: CitizenVoiceStore;
  audit: AuditLog;
  findFlow(auditId: string): Promise<AuditEvent | undefined>;
  scan(text: string): Entity[];
  useCaseOf(applicationId: string): Promise<UseCaseEntry | undefined>;
  slaMs: number;
}) {
  const record = (h: Handoff, action: string, actor: string, detail: Record<string, unknown>) =>
    deps.audit.append({
      kind: 'oversight',
      tenantId: h.tenantId,
      applicationId: h.applicationId,
      action,
      actor,
      subject: h.id,
      dataSubject: h.dataSubject,
      detail,
    });

  return {
    async open(caller: CitizenVoiceCaller, input: HandoffInput) {
      const flow = input.auditId ? await answerOfCaller(deps.findFlow, caller, input.auditId) : undefined;
      const language = typeof flow?.detail.language === 'string' ? flow.detail.language : null;
      const message = input.message ? redactText(input.message, deps.scan) : undefined;
      const handoff = await deps.store.addHandoff({
        tenantId: caller.tenantId,
        applicationId: caller.applicationId,
        auditId: input.auditId ?? null,
        reason: input.reason,
        message: message?.text ?? null,
        language,
        dataSubject: caller.dataSubject,
      });
      await record(handoff, 'handoff.opened', caller.actor, {
        reference: handoff.reference,
        reason: input.reason,
        audit_id: handoff.auditId,
        message: message ? { redacted: message.counts } : null,
      });
      const useCase = await deps.useCaseOf(caller.applicationId);
      const expectedBy = new Date(handoff.createdAt.getTime() + deps.slaMs);
      return {
        ...handoffView(handoff),
        expected_by: expectedBy.toISOString(),
        // In the language of the answer it is about; French otherwise.
        notice: humanHandoffMessage(language, expectedBy),
        contact: useCase
          ? { name: useCase.controller.name, address: useCase.controller.address ?? null }
          : null,
      };
    },

    async list(actor: Actor, filter: { status?: 'open' | 'closed' } = {}) {
      if (actor.kind === 'staff')
        authorize(actor, HANDOFF_HANDLERS, actor.tenantId, () => handoffNotFound('*'));
      const tenantId = tenantScope(actor);
      return (await deps.store.listHandoffs({ ...filter, ...(tenantId ? { tenantId } : {}) })).map(
        handoffView,
      );
    },

    async close(actor: Actor, id: string, resolution: string | null) {
      const found = await deps.store.findHandoff(id);
      if (!found) throw handoffNotFound(id);
      authorize(actor, HANDOFF_HANDLERS, found.tenantId, () => handoffNotFound(id));
      const closed = await deps.store.closeHandoff(id, actorLabel(actor), resolution);
      if (!closed)
        throw errors.conflict('handoff_closed', `the hand-over ${found.reference} is closed already`);
      await record(closed, 'handoff.closed', actorLabel(actor), { reference: closed.reference });
      return handoffView(closed);
    },
  };
}

export type HandoffService = ReturnType<typeof createHandoffService>;
