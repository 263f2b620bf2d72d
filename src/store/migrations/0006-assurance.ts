import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Assurance runs (issue 7): a pack run against an application's pipeline with one model, its results case by case
 * (so that an interrupted run resumes where it stopped) and its report. A run goes through a sandbox of its own,
 * flagged `assurance`: its key never leaves the process, and its prompts are the pack's synthetic ones.
 */
export const assurance: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('sandboxes')
      .addColumn('assurance', 'boolean', (col) => col.notNull().defaultTo(false))
      .execute();

    await db.schema
      .createTable('assurance_runs')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (col) =>
        col.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('pack_id', 'text', (col) => col.notNull())
      .addColumn('pack_version', 'integer', (col) => col.notNull())
      .addColumn('model_id', 'text', (col) => col.notNull())
      // The model as it was served (id, upstream name, provider): a report holds for this version only.
      .addColumn('model_fingerprint', 'text', (col) => col.notNull())
      .addColumn('assessment_id', 'text')
      // The seed the cases were sampled with: a resumed run draws the same sample.
      .addColumn('seed', 'integer', (col) => col.notNull())
      .addColumn('sandbox_id', 'text')
      .addColumn('status', 'text', (col) =>
        col.notNull().check(sql`status in ('running', 'interrupted', 'finished')`),
      )
      .addColumn('total_cases', 'integer', (col) => col.notNull())
      .addColumn('started_by', 'text', (col) => col.notNull())
      .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('finished_at', 'timestamptz')
      .addColumn('grade', 'text')
      .addColumn('passed', 'boolean')
      .addColumn('report', 'jsonb')
      .execute();
    await db.schema
      .createIndex('assurance_runs_application_idx')
      .on('assurance_runs')
      .columns(['application_id', 'started_at'])
      .execute();

    await db.schema
      .createTable('assurance_results')
      .addColumn('run_id', 'text', (col) => col.notNull().references('assurance_runs.id').onDelete('cascade'))
      .addColumn('case_id', 'text', (col) => col.notNull())
      .addColumn('result', 'jsonb', (col) => col.notNull())
      .addPrimaryKeyConstraint('assurance_results_pkey', ['run_id', 'case_id'])
      .execute();
  },
};
