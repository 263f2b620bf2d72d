import { sql, type Kysely, type Migration } from 'kysely';

/**
 * What citizens say besides asking (issue 11): feedback on an answer (a rating, reasons, and a comment kept only with
 * its personal data redacted) and requests to talk to a person (hand-overs), which a tenant's staff list and close.
 * People are named by their data-subject reference, never in clear.
 */
export const feedbackHandoffs: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('citizen_feedback')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (col) =>
        col.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('audit_id', 'text', (col) => col.notNull())
      .addColumn('rating', 'text', (col) => col.notNull().check(sql`rating in ('helpful', 'not_helpful')`))
      .addColumn('reasons', 'jsonb', (col) => col.notNull().check(sql`jsonb_typeof(reasons) = 'array'`))
      .addColumn('comment', 'text')
      .addColumn('data_subject', 'text')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createIndex('citizen_feedback_tenant_idx')
      .on('citizen_feedback')
      .columns(['tenant_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('handoffs')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('reference', 'text', (col) => col.notNull().unique())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (col) =>
        col.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('audit_id', 'text')
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('message', 'text')
      .addColumn('language', 'text')
      .addColumn('data_subject', 'text')
      .addColumn('status', 'text', (col) =>
        col
          .notNull()
          .defaultTo('open')
          .check(sql`status in ('open', 'closed')`),
      )
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('closed_at', 'timestamptz')
      .addColumn('closed_by', 'text')
      .addColumn('resolution', 'text')
      .execute();
    await db.schema
      .createIndex('handoffs_tenant_idx')
      .on('handoffs')
      .columns(['tenant_id', 'status', 'created_at'])
      .execute();
  },
};
