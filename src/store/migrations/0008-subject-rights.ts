import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Data-subject rights (Law 09-08 art. 7-9, LAW.md R7 and R10). People are named by `data_subject`, the keyed hash
 * `subjectRef` gives, never by an identifier in clear. `application_id` null means every application of the
 * tenant. Requests, objections and holds are history: they are closed (completed, lifted), never deleted.
 */
export const subjectRights: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('subject_requests')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (col) => col.references('applications.id').onDelete('cascade'))
      .addColumn('data_subject', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) =>
        col.notNull().check(sql`kind in ('access', 'rectification', 'opposition', 'erasure')`),
      )
      .addColumn('status', 'text', (col) =>
        col.notNull().check(sql`status in ('received', 'completed', 'refused')`),
      )
      .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      // Art. 8: rectification and erasure within 10 days of receipt (configurable, `rights.deadline_days`).
      .addColumn('due_at', 'timestamptz', (col) => col.notNull())
      .addColumn('completed_at', 'timestamptz')
      // `application:<id>` or `staff:<id>`.
      .addColumn('requested_by', 'text', (col) => col.notNull())
      .addColumn('handled_by', 'text')
      // Counts and codes only: what was found, changed or erased.
      .addColumn('outcome', 'jsonb')
      .addColumn('reason', 'text')
      // The corrections a rectification asks for hold personal values: encrypted under the tenant's key.
      .addColumn('corrections_ciphertext', 'text')
      // Set once, when the people on duty were told the deadline is near.
      .addColumn('alerted_at', 'timestamptz')
      .execute();
    await db.schema
      .createIndex('subject_requests_open_idx')
      .on('subject_requests')
      .columns(['status', 'due_at'])
      .execute();
    await db.schema
      .createIndex('subject_requests_tenant_idx')
      .on('subject_requests')
      .columns(['tenant_id', 'received_at'])
      .execute();
    await db.schema
      .createIndex('subject_requests_subject_idx')
      .on('subject_requests')
      .columns(['tenant_id', 'data_subject'])
      .execute();

    await db.schema
      .createTable('objections')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (col) => col.references('applications.id').onDelete('cascade'))
      .addColumn('data_subject', 'text', (col) => col.notNull())
      .addColumn('request_id', 'text', (col) => col.references('subject_requests.id').onDelete('set null'))
      .addColumn('since', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('lifted_by', 'text')
      .addColumn('lifted_at', 'timestamptz')
      .execute();
    // One standing objection per person and scope; a lifted one stays as history.
    await sql`create unique index objections_active_key on objections
              (tenant_id, coalesce(application_id, ''), data_subject) where lifted_at is null`.execute(db);

    await db.schema
      .createTable('legal_holds')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (col) => col.references('applications.id').onDelete('cascade'))
      // Null: everyone's data in the scope.
      .addColumn('data_subject', 'text')
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('placed_by', 'text', (col) => col.notNull())
      .addColumn('placed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('lifted_by', 'text')
      .addColumn('lifted_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('legal_holds_tenant_idx').on('legal_holds').columns(['tenant_id']).execute();
  },
};
