import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Human oversight (issue 6). An application serves the public only once it has a use-case register entry, a
 * signed risk assessment and has been promoted to production; until then it runs in sandboxes, on keys of their
 * own. People who govern (tenant admins, DPOs, reviewers, auditors) sign in with staff tokens. Every decision they
 * or the gateway take is appended to `audit_events`, which is never updated.
 */
export const oversight: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('applications')
      .addColumn('stage', 'text', (col) =>
        col
          .notNull()
          .defaultTo('development')
          .check(sql`stage in ('development', 'production')`),
      )
      .addColumn('promoted_at', 'timestamptz')
      .addColumn('promoted_by', 'text')
      .execute();

    await db.schema
      .createTable('use_cases')
      .addColumn('application_id', 'text', (col) =>
        col.primaryKey().references('applications.id').onDelete('cascade'),
      )
      .addColumn('entry', 'jsonb', (col) => col.notNull())
      // Only the platform's own demo application: shown as a demonstration, never as a declared processing.
      .addColumn('demo', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('updated_by', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();

    await db.schema
      .createTable('risk_assessments')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('application_id', 'text', (col) =>
        col.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('questionnaire_id', 'text', (col) => col.notNull())
      .addColumn('questionnaire_version', 'integer', (col) => col.notNull())
      .addColumn('answers', 'jsonb', (col) => col.notNull())
      .addColumn('result', 'jsonb', (col) => col.notNull())
      .addColumn('tier', 'text', (col) =>
        col.notNull().check(sql`tier in ('minimal', 'limited', 'high', 'prohibited')`),
      )
      .addColumn('submitted_by', 'text', (col) => col.notNull())
      .addColumn('submitted_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('signed_by', 'text')
      .addColumn('signed_at', 'timestamptz')
      .addColumn('reassess_by', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('risk_assessments_application_idx')
      .on('risk_assessments')
      .columns(['application_id', 'submitted_at'])
      .execute();

    await db.schema
      .createTable('staff')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('roles', 'jsonb', (col) => col.notNull().check(sql`jsonb_typeof(roles) = 'array'`))
      .addColumn('prefix', 'text', (col) => col.notNull())
      .addColumn('hash', 'text', (col) => col.notNull().unique())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('revoked_at', 'timestamptz')
      .execute();

    await db.schema
      .createTable('sandboxes')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (col) =>
        col.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('purpose', 'text', (col) => col.notNull())
      .addColumn('starts_at', 'timestamptz', (col) => col.notNull())
      .addColumn('ends_at', 'timestamptz', (col) => col.notNull())
      .addColumn('max_requests', 'integer', (col) => col.notNull())
      .addColumn('max_tokens', 'integer', (col) => col.notNull())
      .addColumn('used_requests', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('used_tokens', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('opened_by', 'text', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('closed_at', 'timestamptz')
      .addColumn('closed_by', 'text')
      .addColumn('report', 'jsonb')
      .execute();

    await db.schema
      .alterTable('api_keys')
      .addColumn('sandbox_id', 'text', (col) => col.references('sandboxes.id').onDelete('cascade'))
      .execute();

    await db.schema
      .createTable('review_cases')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (col) =>
        col.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('sandbox_id', 'text')
      .addColumn('flow_id', 'text', (col) => col.notNull())
      // `hold`: the answer waits for a reviewer; `sample`: released already, reviewed after the fact.
      .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('hold', 'sample')`))
      .addColumn('status', 'text', (col) =>
        col.notNull().check(sql`status in ('pending', 'claimed', 'approved', 'rejected')`),
      )
      .addColumn('triggers', 'jsonb', (col) => col.notNull())
      .addColumn('language', 'text')
      .addColumn('conversation_id', 'text')
      // Question and draft as the model saw them: pseudonymized, so reviewers see no identifier in clear.
      .addColumn('question', 'text', (col) => col.notNull())
      .addColumn('draft', 'text', (col) => col.notNull())
      .addColumn('citations', 'jsonb', (col) => col.notNull())
      .addColumn('grounding', 'jsonb')
      .addColumn('model_id', 'text')
      .addColumn('answer', 'text')
      .addColumn('edited', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('reason', 'text')
      .addColumn('scores', 'jsonb')
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_at', 'timestamptz')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'timestamptz')
      .addColumn('expected_by', 'timestamptz', (col) => col.notNull())
      .addColumn('escalated_at', 'timestamptz')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createIndex('review_cases_queue_idx')
      .on('review_cases')
      .columns(['tenant_id', 'status', 'expected_by'])
      .execute();

    await db.schema
      .createTable('model_approvals')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('model_id', 'text', (col) => col.notNull())
      .addColumn('tier', 'text', (col) => col.notNull().check(sql`tier in ('minimal', 'limited', 'high')`))
      .addColumn('evaluation_reports', 'jsonb', (col) => col.notNull())
      .addColumn('note', 'text')
      .addColumn('approved_by', 'text', (col) => col.notNull())
      .addColumn('approved_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('revoked_by', 'text')
      .addColumn('revoked_at', 'timestamptz')
      .execute();
    // One standing approval per model and tier; a revoked one stays as history.
    await sql`create unique index model_approvals_active_key on model_approvals (model_id, tier) where revoked_at is null`.execute(
      db,
    );

    await db.schema
      .createTable('suspensions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('target_kind', 'text', (col) =>
        col.notNull().check(sql`target_kind in ('application', 'model')`),
      )
      .addColumn('target_id', 'text', (col) => col.notNull())
      // Null: platform-wide (a platform admin's or the breaker's suspension of a model).
      .addColumn('tenant_id', 'text', (col) => col.references('tenants.id').onDelete('cascade'))
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('automatic', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('suspended_by', 'text', (col) => col.notNull())
      .addColumn('suspended_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('lifted_by', 'text')
      .addColumn('lifted_at', 'timestamptz')
      .execute();

    await db.schema
      .createTable('audit_events')
      .addColumn('seq', 'bigserial', (col) => col.primaryKey())
      .addColumn('id', 'text', (col) => col.notNull().unique())
      .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('tenant_id', 'text')
      .addColumn('application_id', 'text')
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('actor', 'text', (col) => col.notNull())
      .addColumn('subject', 'text')
      .addColumn('detail', 'jsonb', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('audit_events_tenant_idx')
      .on('audit_events')
      .columns(['tenant_id', 'seq'])
      .execute();
    await db.schema.createIndex('audit_events_subject_idx').on('audit_events').column('subject').execute();
  },
};
