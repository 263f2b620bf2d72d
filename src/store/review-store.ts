import type { Kysely, Selectable } from 'kysely';
import { newId } from './ids.js';
import type { DatabaseSchema, ReviewCasesTable } from './schema.js';

export type ReviewStatus = 'pending' | 'claimed' | 'approved' | 'rejected';

export interface ReviewCase {
  id: string;
  tenantId: string;
  applicationId: string;
  sandboxId: string | null;
  /** The flow (audit id) whose answer this case is about. */
  flowId: string;
  kind: 'hold' | 'sample';
  status: ReviewStatus;
  triggers: object[];
  language: string | null;
  conversationId: string | null;
  /** Pseudonymized, as the model read it. */
  question: string;
  draft: string;
  citations: object[];
  grounding: object | null;
  modelId: string | null;
  /** The released text: the draft, or the reviewer's edit of it. */
  answer: string | null;
  edited: boolean;
  reason: string | null;
  scores: object | null;
  claimedBy: string | null;
  claimedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  expectedBy: Date;
  escalatedAt: Date | null;
  createdAt: Date;
}

export type NewReviewCase = Pick<
  ReviewCase,
  | 'tenantId'
  | 'applicationId'
  | 'sandboxId'
  | 'flowId'
  | 'kind'
  | 'triggers'
  | 'language'
  | 'conversationId'
  | 'question'
  | 'draft'
  | 'citations'
  | 'grounding'
  | 'modelId'
  | 'expectedBy'
>;

const toCase = (row: Selectable<ReviewCasesTable>): ReviewCase => ({
  id: row.id,
  tenantId: row.tenant_id,
  applicationId: row.application_id,
  sandboxId: row.sandbox_id,
  flowId: row.flow_id,
  kind: row.kind,
  status: row.status,
  triggers: row.triggers,
  language: row.language,
  conversationId: row.conversation_id,
  question: row.question,
  draft: row.draft,
  citations: row.citations,
  grounding: row.grounding,
  modelId: row.model_id,
  answer: row.answer,
  edited: row.edited,
  reason: row.reason,
  scores: row.scores,
  claimedBy: row.claimed_by,
  claimedAt: row.claimed_at,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  expectedBy: row.expected_by,
  escalatedAt: row.escalated_at,
  createdAt: row.created_at,
});

const OPEN: ReviewStatus[] = ['pending', 'claimed'];

/**
 * The review queue's SQL. Every transition is one conditional UPDATE, so two reviewers (or two replicas) acting
 * on one case at once cannot both win: the loser gets undefined and the service says why.
 */
export const createReviewStore = (db: Kysely<DatabaseSchema>) => ({
  async create(input: NewReviewCase): Promise<ReviewCase> {
    const row = await db
      .insertInto('review_cases')
      .values({
        id: newId('rev'),
        tenant_id: input.tenantId,
        application_id: input.applicationId,
        sandbox_id: input.sandboxId,
        flow_id: input.flowId,
        kind: input.kind,
        status: 'pending',
        triggers: JSON.stringify(input.triggers),
        language: input.language,
        conversation_id: input.conversationId,
        question: input.question,
        draft: input.draft,
        citations: JSON.stringify(input.citations),
        grounding: input.grounding === null ? null : JSON.stringify(input.grounding),
        model_id: input.modelId,
        expected_by: input.expectedBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toCase(row);
  },

  async find(id: string): Promise<ReviewCase | undefined> {
    const row = await db.selectFrom('review_cases').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCase(row);
  },

  /** Oldest deadline first: the queue a reviewer works through. */
  async list(filter: {
    tenantId?: string;
    applicationId?: string;
    statuses?: ReviewStatus[];
    kind?: 'hold' | 'sample';
    limit?: number;
  }): Promise<ReviewCase[]> {
    const rows = await db
      .selectFrom('review_cases')
      .selectAll()
      .$if(filter.tenantId !== undefined, (q) => q.where('tenant_id', '=', filter.tenantId!))
      .$if(filter.applicationId !== undefined, (q) => q.where('application_id', '=', filter.applicationId!))
      .$if(filter.statuses !== undefined, (q) => q.where('status', 'in', filter.statuses!))
      .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind!))
      .orderBy('expected_by')
      .orderBy('id')
      .limit(Math.min(filter.limit ?? 100, 500))
      .execute();
    return rows.map(toCase);
  },

  /** Claims an open case for a reviewer (again, if it is theirs); undefined when someone else holds it or it is decided. */
  async claim(id: string, reviewer: string): Promise<ReviewCase | undefined> {
    const row = await db
      .updateTable('review_cases')
      .set({ status: 'claimed', claimed_by: reviewer, claimed_at: new Date() })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'claimed'), eb('claimed_by', '=', reviewer)]),
        ]),
      )
      .returningAll()
      .executeTakeFirst();
    return row && toCase(row);
  },

  /** Saves an edit of the answer by the reviewer who holds the case. */
  async edit(id: string, reviewer: string, answer: string): Promise<ReviewCase | undefined> {
    const row = await db
      .updateTable('review_cases')
      .set({ answer, edited: true })
      .where('id', '=', id)
      .where('status', '=', 'claimed')
      .where('claimed_by', '=', reviewer)
      .returningAll()
      .executeTakeFirst();
    return row && toCase(row);
  },

  /** Decides an open case not held by someone else; undefined otherwise (decided already, or claimed by another). */
  async decide(
    id: string,
    input: {
      reviewer: string;
      status: 'approved' | 'rejected';
      answer: string | null;
      edited: boolean;
      reason: string | null;
      scores: object | null;
    },
  ): Promise<ReviewCase | undefined> {
    const row = await db
      .updateTable('review_cases')
      .set({
        status: input.status,
        answer: input.answer,
        edited: input.edited,
        reason: input.reason,
        scores: input.scores === null ? null : JSON.stringify(input.scores),
        decided_by: input.reviewer,
        decided_at: new Date(),
      })
      .where('id', '=', id)
      .where('status', 'in', OPEN)
      .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', input.reviewer)]))
      .returningAll()
      .executeTakeFirst();
    return row && toCase(row);
  },

  /** Marks the open cases past their deadline as escalated, once; returns those it marked. */
  async escalateOverdue(now: Date): Promise<ReviewCase[]> {
    const rows = await db
      .updateTable('review_cases')
      .set({ escalated_at: now })
      .where('status', 'in', OPEN)
      .where('expected_by', '<', now)
      .where('escalated_at', 'is', null)
      .returningAll()
      .execute();
    return rows.map(toCase);
  },
});

export type ReviewStore = ReturnType<typeof createReviewStore>;
