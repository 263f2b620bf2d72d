import { errors } from '../errors.js';
import type { AuditEvent } from '../store/audit-store.js';
import type { CitizenVoiceCaller } from './citizen-voice.js';

/**
 * The flow record of an answer the caller was given: of their application and, for a citizen, filed under their own
 * reference. Anyone else's answer is not found, so that its existence does not leak.
 */
export async function answerOfCaller(
  findFlow: (auditId: string) => Promise<AuditEvent | undefined>,
  caller: CitizenVoiceCaller,
  auditId: string,
): Promise<AuditEvent> {
  const flow = await findFlow(auditId);
  const theirs =
    flow?.kind === 'flow' &&
    flow.applicationId === caller.applicationId &&
    (caller.dataSubject === null || flow.dataSubject === caller.dataSubject);
  if (!flow || !theirs)
    throw errors.notFound('answer_not_found', `no answer with audit id "${auditId}"`, 'audit_id');
  return flow;
}
