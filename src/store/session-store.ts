import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';
import { newId } from './ids.js';

export type SessionKind = 'citizen' | 'staff';

export interface SessionRecord {
  id: string;
  tenantId: string;
  kind: SessionKind;
  /** The person's pairwise pseudonym. */
  subject: string;
  roles: string[];
  issuer: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface NewSession {
  tenantId: string;
  /** HMAC of the token the cookie carries; the token itself is never stored. */
  tokenHash: string;
  kind: SessionKind;
  subject: string;
  roles: string[];
  issuer: string;
  expiresAt: Date;
}

/** Sign-in sessions, found by the hash of their token while they are neither ended nor expired. */
export const createSessionStore = (db: Kysely<DatabaseSchema>) => ({
  async create(input: NewSession): Promise<SessionRecord> {
    const id = newId('ses');
    const row = await db
      .insertInto('sessions')
      .values({
        id,
        tenant_id: input.tenantId,
        token_hash: input.tokenHash,
        kind: input.kind,
        subject: input.subject,
        roles: JSON.stringify(input.roles),
        issuer: input.issuer,
        expires_at: input.expiresAt,
      })
      .returning('created_at')
      .executeTakeFirstOrThrow();
    const { tenantId, kind, subject, roles, issuer, expiresAt } = input;
    return { id, tenantId, kind, subject, roles, issuer, expiresAt, createdAt: row.created_at };
  },

  async findActive(tokenHash: string, now = new Date()): Promise<SessionRecord | undefined> {
    const row = await db
      .selectFrom('sessions')
      .select(['id', 'tenant_id', 'kind', 'subject', 'roles', 'issuer', 'created_at', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .where('ended_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        tenantId: row.tenant_id,
        kind: row.kind,
        subject: row.subject,
        roles: row.roles,
        issuer: row.issuer,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      }
    );
  },

  /** Ends the session (logout); true when there was an active one. */
  async end(tokenHash: string, now = new Date()): Promise<boolean> {
    const result = await db
      .updateTable('sessions')
      .set({ ended_at: now })
      .where('token_hash', '=', tokenHash)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** Forgets sessions that ended or expired before `before`. */
  async purge(before: Date): Promise<number> {
    const result = await db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<', before), eb('ended_at', '<', before)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
});

export type SessionStore = ReturnType<typeof createSessionStore>;
