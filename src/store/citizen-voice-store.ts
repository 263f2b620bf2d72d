import type { Kysely, Selectable } from 'kysely';
import { newId } from './ids.js';
import type { DatabaseSchema, HandoffsTable } from './schema.js';

export interface NewFeedback {
  tenantId: string;
  applicationId: string;
  auditId: string;
  rating: 'helpful' | 'not_helpful';
  reasons: readonly string[];
  /** Already redacted: the store keeps what it is given. */
  comment: string | null;
  dataSubject: string | null;
}

export interface FeedbackRow {
  applicationId: string;
  rating: 'helpful' | 'not_helpful';
  reasons: string[];
  createdAt: Date;
}

export interface NewHandoff {
  tenantId: string;
  applicationId: string;
  auditId: string | null;
  reason: string;
  /** Already redacted. */
  message: string | null;
  language: string | null;
  dataSubject: string | null;
}

export interface Handoff extends NewHandoff {
  id: string;
  reference: string;
  status: 'open' | 'closed';
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  resolution: string | null;
}

const toHandoff = (row: Selectable<HandoffsTable>): Handoff => ({
  id: row.id,
  reference: row.reference,
  tenantId: row.tenant_id,
  applicationId: row.application_id,
  auditId: row.audit_id,
  reason: row.reason,
  message: row.message,
  language: row.language,
  dataSubject: row.data_subject,
  status: row.status,
  createdAt: row.created_at,
  closedAt: row.closed_at,
  closedBy: row.closed_by,
  resolution: row.resolution,
});

/** A reference a person reads out on the phone: `H-` and eight letters or digits none of which look alike. */
const newReference = () => `H-${newId('h').slice(2, 10).toUpperCase()}`;

/** Feedback on answers and hand-overs to a person (migration 0011-feedback-handoffs). */
export function createCitizenVoiceStore(db: Kysely<DatabaseSchema>) {
  return {
    async addFeedback(input: NewFeedback): Promise<string> {
      const id = newId('fbk');
      await db
        .insertInto('citizen_feedback')
        .values({
          id,
          tenant_id: input.tenantId,
          application_id: input.applicationId,
          audit_id: input.auditId,
          rating: input.rating,
          reasons: JSON.stringify(input.reasons),
          comment: input.comment,
          data_subject: input.dataSubject,
        })
        .execute();
      return id;
    },

    /** The ratings and reasons of a tenant's feedback (every tenant when undefined), newest first. */
    async listFeedback(filter: {
      tenantId?: string;
      applicationId?: string;
      since?: Date;
    }): Promise<FeedbackRow[]> {
      let query = db
        .selectFrom('citizen_feedback')
        .select(['application_id', 'rating', 'reasons', 'created_at'])
        .orderBy('created_at', 'desc');
      if (filter.tenantId) query = query.where('tenant_id', '=', filter.tenantId);
      if (filter.applicationId) query = query.where('application_id', '=', filter.applicationId);
      if (filter.since) query = query.where('created_at', '>=', filter.since);
      const rows = await query.execute();
      return rows.map((row) => ({
        applicationId: row.application_id,
        rating: row.rating,
        reasons: row.reasons,
        createdAt: row.created_at,
      }));
    },

    async addHandoff(input: NewHandoff): Promise<Handoff> {
      const row = await db
        .insertInto('handoffs')
        .values({
          id: newId('hof'),
          reference: newReference(),
          tenant_id: input.tenantId,
          application_id: input.applicationId,
          audit_id: input.auditId,
          reason: input.reason,
          message: input.message,
          language: input.language,
          data_subject: input.dataSubject,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toHandoff(row);
    },

    async findHandoff(id: string): Promise<Handoff | undefined> {
      const row = await db.selectFrom('handoffs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toHandoff(row);
    },

    /** Oldest first, so that whoever waited longest is served first. */
    async listHandoffs(filter: { tenantId?: string; status?: 'open' | 'closed' }): Promise<Handoff[]> {
      let query = db.selectFrom('handoffs').selectAll().orderBy('created_at').orderBy('id');
      if (filter.tenantId) query = query.where('tenant_id', '=', filter.tenantId);
      if (filter.status) query = query.where('status', '=', filter.status);
      return (await query.execute()).map(toHandoff);
    },

    /** Closes an open hand-over; undefined when it was closed already. */
    async closeHandoff(id: string, by: string, resolution: string | null): Promise<Handoff | undefined> {
      const row = await db
        .updateTable('handoffs')
        .set({ status: 'closed', closed_at: new Date(), closed_by: by, resolution })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .returningAll()
        .executeTakeFirst();
      return row && toHandoff(row);
    },
  };
}

export type CitizenVoiceStore = ReturnType<typeof createCitizenVoiceStore>;
