import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Consent to an application's processing, where its register entry names consent as the legal basis (Law 09-08
 * art. 4): when the person gave it and, once they withdraw it, when. Rows are kept after withdrawal, as the
 * controller's proof of what was consented to and until when; at most one standing consent per person and
 * application. People are named by their data-subject reference, never in clear.
 */
export const consents: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('consents')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (col) =>
        col.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('data_subject', 'text', (col) => col.notNull())
      .addColumn('given_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('withdrawn_at', 'timestamptz')
      .execute();
    await db.schema
      .createIndex('consents_standing_idx')
      .unique()
      .on('consents')
      .columns(['application_id', 'data_subject'])
      .where(sql.ref('withdrawn_at'), 'is', null)
      .execute();
  },
};
