import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Sign-in sessions (OpenID Connect, issue 10). The session token lives only in the browser's cookie: the table holds
 * its HMAC. People are named by their pairwise pseudonym, never by the provider's `sub`, a name or an e-mail address.
 */
export const identitySessions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (col) => col.notNull().unique())
      .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('citizen', 'staff')`))
      .addColumn('subject', 'text', (col) => col.notNull())
      .addColumn('roles', 'jsonb', (col) => col.notNull().check(sql`jsonb_typeof(roles) = 'array'`))
      .addColumn('issuer', 'text', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
      .addColumn('ended_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();
  },
};
