import type { Kysely, Selectable } from 'kysely';
import { newId } from './ids.js';
import type { AuditEventsTable, DatabaseSchema } from './schema.js';

/**
 * One entry of the append-only audit log: a flow (what one request did) or a decision a person or the gateway
 * took. `detail` holds counts, codes, ids and hashes, never personal data in clear. The verifiable log of the audit
 * issue (Merkle tree, signed heads) is built over these entries, in `seq` order.
 */
export interface AuditEvent {
  id: string;
  seq: number;
  at: Date;
  tenantId: string | null;
  applicationId: string | null;
  kind: 'flow' | 'oversight' | 'governance';
  action: string;
  /** `platform-admin`, `staff:<id>`, `application:<id>` or `gateway`. */
  actor: string;
  /** What the entry is about: a review case, a sandbox, a model, an application. */
  subject: string | null;
  detail: Record<string, unknown>;
}

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'seq' | 'at'> & { id?: string };

export interface AuditFilter {
  tenantId?: string;
  applicationId?: string;
  subject?: string;
  kind?: AuditEvent['kind'];
  /** Entries after this sequence number (pagination). */
  after?: number;
  limit?: number;
}

export interface AuditLog {
  append(event: NewAuditEvent): Promise<AuditEvent>;
  /** Oldest first. */
  list(filter?: AuditFilter): Promise<AuditEvent[]>;
}

const toEvent = (row: Selectable<AuditEventsTable>): AuditEvent => ({
  id: row.id,
  // bigserial comes back as a string from pg: sequence numbers stay far below 2^53.
  seq: Number(row.seq),
  at: row.at,
  tenantId: row.tenant_id,
  applicationId: row.application_id,
  kind: row.kind as AuditEvent['kind'],
  action: row.action,
  actor: row.actor,
  subject: row.subject,
  detail: row.detail as Record<string, unknown>,
});

const MAX_PAGE = 1000;

export const createAuditStore = (db: Kysely<DatabaseSchema>): AuditLog => ({
  async append(event) {
    const row = await db
      .insertInto('audit_events')
      .values({
        id: event.id ?? newId('evt'),
        tenant_id: event.tenantId,
        application_id: event.applicationId,
        kind: event.kind,
        action: event.action,
        actor: event.actor,
        subject: event.subject,
        detail: JSON.stringify(event.detail),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEvent(row);
  },

  async list({ tenantId, applicationId, subject, kind, after, limit = 100 } = {}) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .$if(tenantId !== undefined, (q) => q.where('tenant_id', '=', tenantId!))
      .$if(applicationId !== undefined, (q) => q.where('application_id', '=', applicationId!))
      .$if(subject !== undefined, (q) => q.where('subject', '=', subject!))
      .$if(kind !== undefined, (q) => q.where('kind', '=', kind!))
      .$if(after !== undefined, (q) => q.where('seq', '>', String(after)))
      .orderBy('seq')
      .limit(Math.min(Math.max(limit, 1), MAX_PAGE))
      .execute();
    return rows.map(toEvent);
  },
});
