import { sql, type Expression, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import { newId, UNIQUE_VIOLATION } from './ids.js';
import type { DatabaseSchema, LegalHoldsTable, ObjectionsTable, SubjectRequestsTable } from './schema.js';

export const SUBJECT_REQUEST_KINDS = ['access', 'rectification', 'opposition', 'erasure'] as const;
export type SubjectRequestKind = (typeof SUBJECT_REQUEST_KINDS)[number];
export const SUBJECT_REQUEST_STATUSES = ['received', 'completed', 'refused'] as const;
export type SubjectRequestStatus = (typeof SUBJECT_REQUEST_STATUSES)[number];

/** Where a right is exercised: one application of a tenant, or all of them (`applicationId` null). */
export interface RightsScope {
  tenantId: string;
  applicationId: string | null;
}

/** A request a person made about their data, tracked until its legal deadline. */
export interface SubjectRequest extends RightsScope {
  id: string;
  /** The person, as `subjectRef` names them. */
  dataSubject: string;
  kind: SubjectRequestKind;
  status: SubjectRequestStatus;
  receivedAt: Date;
  dueAt: Date;
  completedAt: Date | null;
  /** `application:<id>` or `staff:<id>`. */
  requestedBy: string;
  handledBy: string | null;
  /** Counts and codes only. */
  outcome: Record<string, unknown> | null;
  reason: string | null;
  /** A rectification's corrections, encrypted under the tenant's key. */
  correctionsCiphertext: string | null;
  alertedAt: Date | null;
}

export interface Objection extends RightsScope {
  id: string;
  dataSubject: string;
  requestId: string | null;
  since: Date;
  liftedBy: string | null;
  liftedAt: Date | null;
}

/** Keeps data beyond its retention and against erasure, for a claim or an investigation. */
export interface LegalHold extends RightsScope {
  id: string;
  /** Null: everyone's data in the scope. */
  dataSubject: string | null;
  reason: string;
  placedBy: string;
  placedAt: Date;
  liftedBy: string | null;
  liftedAt: Date | null;
}

/** One flow's content row, as a subject's access export reads it. */
export interface SubjectContentRow {
  recordId: string;
  applicationId: string | null;
  conversationId: string | null;
  createdAt: Date;
  /** Null when the application does not keep content (or once erased). */
  ciphertext: string | null;
}

/** What a subject's review cases show them: the text, and the decision without the reviewers' identities. */
export interface SubjectReviewCase {
  id: string;
  applicationId: string;
  flowId: string;
  kind: 'hold' | 'sample';
  status: string;
  conversationId: string | null;
  question: string;
  draft: string;
  answer: string | null;
  reason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

export interface ErasureCounts {
  contents: number;
  vaultEntries: number;
  reviewCases: number;
}

export interface RetentionCounts {
  contents: number;
  reviewCases: number;
}

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

const toRequest = (row: Selectable<SubjectRequestsTable>): SubjectRequest => ({
  id: row.id,
  tenantId: row.tenant_id,
  applicationId: row.application_id,
  dataSubject: row.data_subject,
  kind: row.kind,
  status: row.status,
  receivedAt: row.received_at,
  dueAt: row.due_at,
  completedAt: row.completed_at,
  requestedBy: row.requested_by,
  handledBy: row.handled_by,
  outcome: row.outcome as Record<string, unknown> | null,
  reason: row.reason,
  correctionsCiphertext: row.corrections_ciphertext,
  alertedAt: row.alerted_at,
});

const toObjection = (row: Selectable<ObjectionsTable>): Objection => ({
  id: row.id,
  tenantId: row.tenant_id,
  applicationId: row.application_id,
  dataSubject: row.data_subject,
  requestId: row.request_id,
  since: row.since,
  liftedBy: row.lifted_by,
  liftedAt: row.lifted_at,
});

const toHold = (row: Selectable<LegalHoldsTable>): LegalHold => ({
  id: row.id,
  tenantId: row.tenant_id,
  applicationId: row.application_id,
  dataSubject: row.data_subject,
  reason: row.reason,
  placedBy: row.placed_by,
  placedAt: row.placed_at,
  liftedBy: row.lifted_by,
  liftedAt: row.lifted_at,
});

const MAX_PAGE = 500;
const page = (limit: number | undefined) => Math.min(Math.max(limit ?? 100, 1), MAX_PAGE);

/** The flow records of a subject (ids of `audit_events`), within a scope: review cases are linked to them. */
const subjectFlowIds = (db: Db, scope: RightsScope, dataSubject: string) =>
  db
    .selectFrom('audit_events')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('data_subject', '=', dataSubject)
    .where('kind', '=', 'flow')
    .$if(scope.applicationId !== null, (q) => q.where('application_id', '=', scope.applicationId!));

/**
 * A standing legal hold covering data of `tenant`, `application` and `subject` (SQL expressions of the row being
 * kept): one on the whole tenant, on the application, on the person, or on the person within the application.
 */
const heldBy = (
  tenant: Expression<string>,
  application: Expression<string | null>,
  subject: Expression<string | null>,
) =>
  sql<SqlBool>`exists (select 1 from legal_holds h where h.lifted_at is null and h.tenant_id = ${tenant}
    and (h.application_id is null or h.application_id = ${application})
    and (h.data_subject is null or h.data_subject = ${subject}))`;

const holdsCovering = async (db: Db, scope: RightsScope, dataSubject: string): Promise<LegalHold[]> => {
  const rows = await db
    .selectFrom('legal_holds')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('lifted_at', 'is', null)
    .where((eb) => eb.or([eb('data_subject', 'is', null), eb('data_subject', '=', dataSubject)]))
    .$if(scope.applicationId !== null, (q) =>
      q.where((eb) =>
        eb.or([eb('application_id', 'is', null), eb('application_id', '=', scope.applicationId!)]),
      ),
    )
    .orderBy('placed_at')
    .execute();
  return rows.map(toHold);
};

/** Text of review cases, blanked: the decision (status, triggers, scores, who and when) is kept. */
const BLANK_REVIEW_TEXT = {
  question: '',
  draft: '',
  answer: sql<string | null>`case when answer is null then null else '' end`,
};
const hasReviewText = sql<SqlBool>`(question <> '' or draft <> '' or coalesce(answer, '') <> '')`;

/**
 * The SQL of data-subject rights and retention: requests with their deadlines, objections, legal holds, and what
 * a person's rights reach (their flows' content rows, their conversations' vault entries, their review cases).
 */
export const createRightsStore = (db: Kysely<DatabaseSchema>) => ({
  async createRequest(
    input: Pick<
      SubjectRequest,
      'id' | 'tenantId' | 'applicationId' | 'dataSubject' | 'kind' | 'receivedAt' | 'dueAt' | 'requestedBy'
    > & { correctionsCiphertext?: string | null },
  ): Promise<SubjectRequest> {
    const row = await db
      .insertInto('subject_requests')
      .values({
        id: input.id,
        tenant_id: input.tenantId,
        application_id: input.applicationId,
        data_subject: input.dataSubject,
        kind: input.kind,
        status: 'received',
        received_at: input.receivedAt,
        due_at: input.dueAt,
        requested_by: input.requestedBy,
        corrections_ciphertext: input.correctionsCiphertext ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRequest(row);
  },

  async findRequest(id: string): Promise<SubjectRequest | undefined> {
    const row = await db.selectFrom('subject_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRequest(row);
  },

  /** Newest first. */
  async listRequests(filter: {
    tenantId: string;
    status?: SubjectRequestStatus;
    kind?: SubjectRequestKind;
    dataSubject?: string;
    limit?: number;
  }): Promise<SubjectRequest[]> {
    const rows = await db
      .selectFrom('subject_requests')
      .selectAll()
      .where('tenant_id', '=', filter.tenantId)
      .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
      .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind!))
      .$if(filter.dataSubject !== undefined, (q) => q.where('data_subject', '=', filter.dataSubject!))
      .orderBy('received_at', 'desc')
      .orderBy('id')
      .limit(page(filter.limit))
      .execute();
    return rows.map(toRequest);
  },

  /** Closes a request still open; undefined when it was closed already (by someone else, or another replica). */
  async closeRequest(
    id: string,
    input: {
      status: 'completed' | 'refused';
      handledBy: string;
      outcome?: Record<string, unknown> | null;
      reason?: string | null;
      at: Date;
    },
  ): Promise<SubjectRequest | undefined> {
    const row = await db
      .updateTable('subject_requests')
      .set({
        status: input.status,
        handled_by: input.handledBy,
        completed_at: input.at,
        ...(input.outcome === undefined ? {} : { outcome: input.outcome && JSON.stringify(input.outcome) }),
        ...(input.reason === undefined ? {} : { reason: input.reason }),
      })
      .where('id', '=', id)
      .where('status', '=', 'received')
      .returningAll()
      .executeTakeFirst();
    return row && toRequest(row);
  },

  /** Records what an open request has done so far (a rectification partly applied), leaving it open. */
  async noteOutcome(id: string, outcome: Record<string, unknown>): Promise<SubjectRequest | undefined> {
    const row = await db
      .updateTable('subject_requests')
      .set({ outcome: JSON.stringify(outcome) })
      .where('id', '=', id)
      .where('status', '=', 'received')
      .returningAll()
      .executeTakeFirst();
    return row && toRequest(row);
  },

  /**
   * Marks the open requests due by `dueBefore` and not yet alerted as alerted, once across replicas (one
   * conditional UPDATE), and returns them.
   */
  async claimAlerts(dueBefore: Date, now: Date): Promise<SubjectRequest[]> {
    const rows = await db
      .updateTable('subject_requests')
      .set({ alerted_at: now })
      .where('status', '=', 'received')
      .where('due_at', '<=', dueBefore)
      .where('alerted_at', 'is', null)
      .returningAll()
      .execute();
    return rows.map(toRequest);
  },

  /** Records an objection; the standing one is returned when the person already objected in this scope. */
  async addObjection(
    input: RightsScope & { dataSubject: string; requestId: string | null },
  ): Promise<{ objection: Objection; created: boolean }> {
    try {
      const row = await db
        .insertInto('objections')
        .values({
          id: newId('obj'),
          tenant_id: input.tenantId,
          application_id: input.applicationId,
          data_subject: input.dataSubject,
          request_id: input.requestId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { objection: toObjection(row), created: true };
    } catch (error) {
      if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
      const row = await db
        .selectFrom('objections')
        .selectAll()
        .where('tenant_id', '=', input.tenantId)
        .where((eb) =>
          input.applicationId === null
            ? eb('application_id', 'is', null)
            : eb('application_id', '=', input.applicationId),
        )
        .where('data_subject', '=', input.dataSubject)
        .where('lifted_at', 'is', null)
        .executeTakeFirstOrThrow();
      return { objection: toObjection(row), created: false };
    }
  },

  async findObjection(id: string): Promise<Objection | undefined> {
    const row = await db.selectFrom('objections').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toObjection(row);
  },

  async liftObjection(id: string, by: string, at: Date): Promise<Objection | undefined> {
    const row = await db
      .updateTable('objections')
      .set({ lifted_by: by, lifted_at: at })
      .where('id', '=', id)
      .where('lifted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row && toObjection(row);
  },

  /** Oldest first. */
  async listObjections(filter: {
    tenantId: string;
    dataSubject?: string;
    active?: boolean;
    limit?: number;
  }): Promise<Objection[]> {
    const rows = await db
      .selectFrom('objections')
      .selectAll()
      .where('tenant_id', '=', filter.tenantId)
      .$if(filter.dataSubject !== undefined, (q) => q.where('data_subject', '=', filter.dataSubject!))
      .$if(filter.active === true, (q) => q.where('lifted_at', 'is', null))
      .$if(filter.active === false, (q) => q.where('lifted_at', 'is not', null))
      .orderBy('since')
      .orderBy('id')
      .limit(page(filter.limit))
      .execute();
    return rows.map(toObjection);
  },

  /** Every standing objection, of every tenant: what each replica's gate reads on its short refresh. */
  async activeObjections(): Promise<Array<RightsScope & { dataSubject: string }>> {
    const rows = await db
      .selectFrom('objections')
      .select(['tenant_id', 'application_id', 'data_subject'])
      .where('lifted_at', 'is', null)
      .execute();
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      applicationId: r.application_id,
      dataSubject: r.data_subject,
    }));
  },

  async placeHold(
    input: RightsScope & { dataSubject: string | null; reason: string; placedBy: string },
  ): Promise<LegalHold> {
    const row = await db
      .insertInto('legal_holds')
      .values({
        id: newId('hold'),
        tenant_id: input.tenantId,
        application_id: input.applicationId,
        data_subject: input.dataSubject,
        reason: input.reason,
        placed_by: input.placedBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toHold(row);
  },

  async findHold(id: string): Promise<LegalHold | undefined> {
    const row = await db.selectFrom('legal_holds').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toHold(row);
  },

  async liftHold(id: string, by: string, at: Date): Promise<LegalHold | undefined> {
    const row = await db
      .updateTable('legal_holds')
      .set({ lifted_by: by, lifted_at: at })
      .where('id', '=', id)
      .where('lifted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row && toHold(row);
  },

  /** Newest first. */
  async listHolds(filter: { tenantId: string; active?: boolean; limit?: number }): Promise<LegalHold[]> {
    const rows = await db
      .selectFrom('legal_holds')
      .selectAll()
      .where('tenant_id', '=', filter.tenantId)
      .$if(filter.active === true, (q) => q.where('lifted_at', 'is', null))
      .$if(filter.active === false, (q) => q.where('lifted_at', 'is not', null))
      .orderBy('placed_at', 'desc')
      .orderBy('id')
      .limit(page(filter.limit))
      .execute();
    return rows.map(toHold);
  },

  /**
   * The standing holds that overlap a subject's data in a scope: on the tenant, on the person, on the scope's
   * application (on any application, when the scope is the whole tenant), or on the person within it.
   */
  holdsCovering: (scope: RightsScope, dataSubject: string) => holdsCovering(db, scope, dataSubject),

  /** The content rows of a subject's flows, oldest first. */
  async subjectContents(scope: RightsScope, dataSubject: string): Promise<SubjectContentRow[]> {
    const rows = await db
      .selectFrom('audit_contents')
      .select(['record_id', 'application_id', 'conversation_id', 'created_at', 'ciphertext'])
      .where('tenant_id', '=', scope.tenantId)
      .where('data_subject', '=', dataSubject)
      .$if(scope.applicationId !== null, (q) => q.where('application_id', '=', scope.applicationId!))
      .orderBy('created_at')
      .orderBy('record_id')
      .execute();
    return rows.map((r) => ({
      recordId: r.record_id,
      applicationId: r.application_id,
      conversationId: r.conversation_id,
      createdAt: r.created_at,
      ciphertext: r.ciphertext,
    }));
  },

  /**
   * The conversations (vault scopes) a subject's flows used: those their content rows name, and those of their
   * review cases. A conversation id is the client's choice, so one that another named person's flow also used is
   * `shared`: access and rectification reach only what is theirs (`owned`), revealing nobody else's values. Flows
   * that named nobody (the application did not send `user`, or the request was refused before it was read) do not
   * make a conversation shared.
   */
  async subjectConversations(
    scope: RightsScope,
    dataSubject: string,
  ): Promise<{ owned: string[]; shared: string[] }> {
    const fromContents = await db
      .selectFrom('audit_contents')
      .select('conversation_id')
      .distinct()
      .where('tenant_id', '=', scope.tenantId)
      .where('data_subject', '=', dataSubject)
      .where('conversation_id', 'is not', null)
      .$if(scope.applicationId !== null, (q) => q.where('application_id', '=', scope.applicationId!))
      .execute();
    const fromReviews = await db
      .selectFrom('review_cases')
      .select('conversation_id')
      .distinct()
      .where('tenant_id', '=', scope.tenantId)
      .where('conversation_id', 'is not', null)
      .where('flow_id', 'in', subjectFlowIds(db, scope, dataSubject))
      .execute();
    const all = [...new Set([...fromContents, ...fromReviews].map((r) => r.conversation_id!))].sort();
    if (all.length === 0) return { owned: [], shared: [] };
    const sharedRows = await db
      .selectFrom('audit_contents')
      .select('conversation_id')
      .distinct()
      .where('tenant_id', '=', scope.tenantId)
      .where('conversation_id', 'in', all)
      .where('data_subject', 'is not', null)
      .where('data_subject', '<>', dataSubject)
      .execute();
    const shared = new Set(sharedRows.map((r) => r.conversation_id!));
    return { owned: all.filter((c) => !shared.has(c)), shared: all.filter((c) => shared.has(c)) };
  },

  /** The review cases opened on a subject's flows, oldest first. */
  async subjectReviewCases(scope: RightsScope, dataSubject: string): Promise<SubjectReviewCase[]> {
    const rows = await db
      .selectFrom('review_cases')
      .select([
        'id',
        'application_id',
        'flow_id',
        'kind',
        'status',
        'conversation_id',
        'question',
        'draft',
        'answer',
        'reason',
        'created_at',
        'decided_at',
      ])
      .where('tenant_id', '=', scope.tenantId)
      .where('flow_id', 'in', subjectFlowIds(db, scope, dataSubject))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      applicationId: r.application_id,
      flowId: r.flow_id,
      kind: r.kind,
      status: r.status,
      conversationId: r.conversation_id,
      question: r.question,
      draft: r.draft,
      answer: r.answer,
      reason: r.reason,
      createdAt: r.created_at,
      decidedAt: r.decided_at,
    }));
  },

  /** Vault rows of these conversations holding a value of `entityType` whose keyed hash is `subjectHash`. */
  async findVaultEntries(
    tenantId: string,
    conversationIds: readonly string[],
    entityType: string,
    subjectHash: string,
  ): Promise<Array<{ conversationId: string; token: string }>> {
    if (conversationIds.length === 0) return [];
    const rows = await db
      .selectFrom('vault_entries')
      .select(['conversation_id', 'token'])
      .where('tenant_id', '=', tenantId)
      .where('conversation_id', 'in', conversationIds)
      .where('entity_type', '=', entityType)
      .where('subject_hash', '=', subjectHash)
      .execute();
    return rows.map((r) => ({ conversationId: r.conversation_id, token: r.token }));
  },

  /** Replaces the value of one vault entry (already encrypted for its row) and its keyed hash. */
  async rewriteVaultEntry(
    entry: { tenantId: string; conversationId: string; token: string },
    value: { ciphertext: string; subjectHash: string },
  ): Promise<boolean> {
    const result = await db
      .updateTable('vault_entries')
      .set({ value_ciphertext: value.ciphertext, subject_hash: value.subjectHash })
      .where('tenant_id', '=', entry.tenantId)
      .where('conversation_id', '=', entry.conversationId)
      .where('token', '=', entry.token)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /**
   * Erases a subject's data in one transaction, unless a legal hold covers it (then nothing is touched and the
   * holds are returned): the content rows of their flows (content and commitment salts; the records keep only
   * commitments, so the log still verifies), the vault entries of `conversationIds`, and the text of the review
   * cases of their flows.
   */
  eraseSubject(
    scope: RightsScope,
    dataSubject: string,
    conversationIds: readonly string[],
  ): Promise<{ held: LegalHold[] } | { erased: ErasureCounts }> {
    return db.transaction().execute(async (trx) => {
      const held = await holdsCovering(trx, scope, dataSubject);
      if (held.length > 0) return { held };
      const reviews = await trx
        .updateTable('review_cases')
        .set(BLANK_REVIEW_TEXT)
        .where('tenant_id', '=', scope.tenantId)
        .where('flow_id', 'in', subjectFlowIds(trx, scope, dataSubject))
        .where(hasReviewText)
        .executeTakeFirst();
      const vault =
        conversationIds.length === 0
          ? undefined
          : await trx
              .deleteFrom('vault_entries')
              .where('tenant_id', '=', scope.tenantId)
              .where('conversation_id', 'in', conversationIds)
              .executeTakeFirst();
      const contents = await trx
        .deleteFrom('audit_contents')
        .where('tenant_id', '=', scope.tenantId)
        .where('data_subject', '=', dataSubject)
        .$if(scope.applicationId !== null, (q) => q.where('application_id', '=', scope.applicationId!))
        .executeTakeFirst();
      return {
        erased: {
          contents: Number(contents.numDeletedRows),
          vaultEntries: Number(vault?.numDeletedRows ?? 0),
          reviewCases: Number(reviews.numUpdatedRows),
        },
      };
    });
  },

  /** Every application with a register entry, and the retention (days) it declares. */
  async retentionPeriods(): Promise<
    Array<{ tenantId: string; applicationId: string; retentionDays: number }>
  > {
    const rows = await db
      .selectFrom('use_cases')
      .innerJoin('applications', 'applications.id', 'use_cases.application_id')
      .select([
        'applications.tenant_id as tenant_id',
        'use_cases.application_id as application_id',
        sql<string>`use_cases.entry->>'retention_days'`.as('retention_days'),
      ])
      .orderBy('use_cases.application_id')
      .execute();
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      applicationId: r.application_id,
      retentionDays: Number(r.retention_days),
    }));
  },

  /**
   * Applies an application's retention: deletes its flows' content rows created before `before` and blanks the
   * text of its decided review cases opened before then, except what a standing legal hold covers.
   */
  async applyRetention(applicationId: string, before: Date): Promise<RetentionCounts> {
    const contents = await db
      .deleteFrom('audit_contents')
      .where('application_id', '=', applicationId)
      .where('created_at', '<', before)
      .where(({ not }) =>
        not(
          heldBy(
            sql.ref('audit_contents.tenant_id'),
            sql.ref('audit_contents.application_id'),
            sql.ref('audit_contents.data_subject'),
          ),
        ),
      )
      .executeTakeFirst();
    const reviews = await db
      .updateTable('review_cases')
      .set(BLANK_REVIEW_TEXT)
      .where('application_id', '=', applicationId)
      .where('created_at', '<', before)
      // An open case still serves its purpose: it is blanked once decided.
      .where('status', 'in', ['approved', 'rejected'])
      .where(hasReviewText)
      .where(({ not }) =>
        not(
          heldBy(
            sql.ref('review_cases.tenant_id'),
            sql.ref('review_cases.application_id'),
            sql`(select e.data_subject from audit_events e where e.id = review_cases.flow_id)`,
          ),
        ),
      )
      .executeTakeFirst();
    return { contents: Number(contents.numDeletedRows), reviewCases: Number(reviews.numUpdatedRows) };
  },
});

export type RightsStore = ReturnType<typeof createRightsStore>;
