import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Each application's privacy rules: its own operator policy (null: the platform default) and the countries to
 * which it may transfer personal data (Law 09-08 art. 43-44), recorded by the operator from its authorisation.
 */
export const applicationPrivacy: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('applications')
      .addColumn('privacy_policy', 'jsonb')
      .addColumn('authorised_transfers', 'jsonb', (col) =>
        col
          .notNull()
          .defaultTo(sql`'[]'::jsonb`)
          .check(sql`jsonb_typeof(authorised_transfers) = 'array'`),
      )
      .execute();
  },
};
