import type { Kysely, Migration } from 'kysely';

/**
 * Usage per application, model and UTC day (src/quota/usage.ts): requests, tokens and the energy estimate, added to
 * by an upsert so that every replica's counts land in the same row. `day` is `YYYY-MM-DD` text, which sorts as
 * dates do and reads back alike on PGlite and PostgreSQL. `energy_wh` stays null while the model's size is unknown.
 */
export const usage: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('usage_daily')
      .addColumn('application_id', 'text', (col) =>
        col.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('model', 'text', (col) => col.notNull())
      .addColumn('day', 'text', (col) => col.notNull())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('requests', 'bigint', (col) => col.notNull().defaultTo(0))
      .addColumn('prompt_tokens', 'bigint', (col) => col.notNull().defaultTo(0))
      .addColumn('completion_tokens', 'bigint', (col) => col.notNull().defaultTo(0))
      .addColumn('energy_wh', 'double precision')
      .addPrimaryKeyConstraint('usage_daily_pkey', ['application_id', 'model', 'day'])
      .execute();
    await db.schema
      .createIndex('usage_daily_tenant_idx')
      .on('usage_daily')
      .columns(['tenant_id', 'day'])
      .execute();
  },
};
