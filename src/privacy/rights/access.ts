import { openContent, type FlowContent } from '../../audit/content.js';
import type { AuditEvent } from '../../store/audit-store.js';
import type { RightsScope, SubjectRequest } from '../../store/rights-store.js';
import { restoreText } from '../restore.js';
import type { ConversationVault } from '../vault.js';
import type { RightsContext } from './context.js';

/** What happened to a flow record's content: kept (and given here), never kept, erased, or unreadable. */
export type ContentState = 'kept' | 'not_kept' | 'erased' | 'unreadable' | 'none';

/**
 * The access export (Law 09-08 art. 7): everything the tenant holds about a person, machine-readable. Review
 * texts are given with the person's own values restored where their conversation's vault still holds them.
 */
export interface SubjectExport {
  object: 'mizan.subject_export';
  version: 1;
  generated_at: string;
  tenant_id: string;
  /** Null: every application of the tenant. */
  application_id: string | null;
  data_subject: string;
  records: Array<{
    id: string;
    at: string;
    kind: string;
    action: string;
    application_id: string | null;
    actor: string;
    detail: Record<string, unknown>;
    content_state: ContentState;
    content: FlowContent | null;
  }>;
  conversations: Array<{ id: string; entries: Array<{ token: string; type: string; value: string }> }>;
  /**
   * Conversations the person's flows used that someone else's flows also used (the client chose their ids): not
   * given, since their vaults may hold another person's values. The DPO can answer for them by hand.
   */
  withheld_conversations: number;
  review_cases: Array<{
    id: string;
    application_id: string;
    flow_id: string;
    kind: string;
    status: string;
    question: string;
    draft: string;
    answer: string | null;
    reason: string | null;
    created_at: string;
    decided_at: string | null;
  }>;
  objections: Array<{ id: string; application_id: string | null; since: string; lifted_at: string | null }>;
  requests: SubjectRequestSummary[];
}

/** A rights request as the person (in their export) and the DPO's tools see it. */
export interface SubjectRequestSummary {
  id: string;
  application_id: string | null;
  kind: string;
  status: string;
  received_at: string;
  due_at: string;
  completed_at: string | null;
  reason: string | null;
}

const AUDIT_PAGE = 1000;
const iso = (date: Date | null) => (date === null ? null : date.toISOString());

async function subjectEvents(
  ctx: RightsContext,
  scope: RightsScope,
  dataSubject: string,
): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (let after: number | undefined; ;) {
    const batch = await ctx.audit.list({
      tenantId: scope.tenantId,
      dataSubject,
      ...(scope.applicationId === null ? {} : { applicationId: scope.applicationId }),
      ...(after === undefined ? {} : { after }),
      limit: AUDIT_PAGE,
    });
    events.push(...batch);
    if (batch.length < AUDIT_PAGE) return events;
    after = batch.at(-1)!.seq;
  }
}

/** Builds a person's access export within a scope (one application, or the whole tenant). */
export async function buildAccessExport(
  ctx: RightsContext,
  scope: RightsScope,
  dataSubject: string,
): Promise<SubjectExport> {
  const { tenantId } = scope;
  const encryption = ctx.keys(tenantId).encryption;
  const [events, contents, conversations, cases, objections, requests] = await Promise.all([
    subjectEvents(ctx, scope, dataSubject),
    ctx.store.subjectContents(scope, dataSubject),
    ctx.store.subjectConversations(scope, dataSubject),
    ctx.store.subjectReviewCases(scope, dataSubject),
    ctx.store.listObjections({ tenantId, dataSubject }),
    ctx.store.listRequests({ tenantId, dataSubject }),
  ]);
  const inScope = (row: { applicationId: string | null }) =>
    scope.applicationId === null || row.applicationId === null || row.applicationId === scope.applicationId;
  const contentOf = new Map(contents.map((row) => [row.recordId, row]));
  const vaults = new Map<string, ConversationVault>();
  for (const id of conversations.owned) vaults.set(id, await ctx.vaults.load(tenantId, id));

  /** A pseudonymized text, with the values the person's own conversation vault holds put back. */
  const restored = (text: string, conversationId: string | null, options?: { json: boolean }) => {
    const vault = conversationId === null ? undefined : vaults.get(conversationId);
    return vault ? restoreText(text, vault, options) : text;
  };
  const opened = (event: AuditEvent): { content_state: ContentState; content: FlowContent | null } => {
    const row = contentOf.get(event.id);
    if (!row) return { content_state: 'content' in event.detail ? 'erased' : 'none', content: null };
    if (row.ciphertext === null) return { content_state: 'not_kept', content: null };
    let content: FlowContent;
    try {
      content = openContent(encryption, tenantId, event.id, row.ciphertext);
    } catch {
      return { content_state: 'unreadable', content: null };
    }
    // The content is kept as the model read it: restored through JSON, values escaped as JSON strings.
    const json = restored(JSON.stringify(content), row.conversationId, { json: true });
    return { content_state: 'kept', content: JSON.parse(json) as FlowContent };
  };

  return {
    object: 'mizan.subject_export',
    version: 1,
    generated_at: ctx.now().toISOString(),
    tenant_id: tenantId,
    application_id: scope.applicationId,
    data_subject: dataSubject,
    records: events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      kind: event.kind,
      action: event.action,
      application_id: event.applicationId,
      actor: event.actor,
      detail: event.detail,
      ...opened(event),
    })),
    conversations: [...vaults].map(([id, vault]) => ({
      id,
      entries: vault.entries().map(({ token, type, value }) => ({ token, type, value })),
    })),
    withheld_conversations: conversations.shared.length,
    review_cases: cases.map((c) => ({
      id: c.id,
      application_id: c.applicationId,
      flow_id: c.flowId,
      kind: c.kind,
      status: c.status,
      question: restored(c.question, c.conversationId),
      draft: restored(c.draft, c.conversationId),
      answer: c.answer === null ? null : restored(c.answer, c.conversationId),
      reason: c.reason,
      created_at: c.createdAt.toISOString(),
      decided_at: iso(c.decidedAt),
    })),
    objections: objections.filter(inScope).map((o) => ({
      id: o.id,
      application_id: o.applicationId,
      since: o.since.toISOString(),
      lifted_at: iso(o.liftedAt),
    })),
    requests: requests.filter(inScope).map((r: SubjectRequest) => ({
      id: r.id,
      application_id: r.applicationId,
      kind: r.kind,
      status: r.status,
      received_at: r.receivedAt.toISOString(),
      due_at: r.dueAt.toISOString(),
      completed_at: iso(r.completedAt),
      reason: r.reason,
    })),
  };
}

/** What the request's outcome and its audit event say about an export: counts only. */
export const exportCounts = (exported: SubjectExport) => ({
  records: exported.records.length,
  contents: exported.records.filter((r) => r.content_state === 'kept').length,
  conversations: exported.conversations.length,
  vault_entries: exported.conversations.reduce((n, c) => n + c.entries.length, 0),
  withheld_conversations: exported.withheld_conversations,
  review_cases: exported.review_cases.length,
});
