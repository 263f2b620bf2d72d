import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The conversation vault: pseudonym → encrypted value, per (tenant, conversation). Deleting a tenant deletes its
 * vault. Indexed for erasing a data subject (by subject hash) and for the retention purge (by expiry).
 */
export const privacyVault: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('vault_entries')
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('conversation_id', 'text', (col) => col.notNull())
      .addColumn('token', 'text', (col) => col.notNull())
      .addColumn('entity_type', 'text', (col) => col.notNull())
      .addColumn('value_ciphertext', 'text', (col) => col.notNull())
      .addColumn('subject_hash', 'text', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('vault_entries_pkey', ['tenant_id', 'conversation_id', 'token'])
      .execute();

    await db.schema
      .createIndex('vault_entries_subject_idx')
      .on('vault_entries')
      .columns(['tenant_id', 'subject_hash'])
      .execute();
    await db.schema
      .createIndex('vault_entries_expires_at_idx')
      .on('vault_entries')
      .column('expires_at')
      .execute();
  },
};
