import { sql, type Kysely, type Migration } from 'kysely';

/** Tenants own applications, applications own API keys; deleting an owner deletes what it owns. */
export const tenancy: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tenants')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('name', 'text', (col) => col.notNull().unique())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();

    await db.schema
      .createTable('applications')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('allowed_models', 'jsonb', (col) =>
        col
          .notNull()
          .defaultTo(sql`'[]'::jsonb`)
          .check(sql`jsonb_typeof(allowed_models) = 'array'`),
      )
      .addColumn('rate_limit_rpm', 'integer')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('applications_tenant_id_name_key', ['tenant_id', 'name'])
      .execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('application_id', 'text', (col) =>
        col.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('prefix', 'text', (col) => col.notNull())
      .addColumn('hash', 'text', (col) => col.notNull().unique())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('expires_at', 'timestamptz')
      .addColumn('revoked_at', 'timestamptz')
      .execute();

    // Listing keys per application and revoking by the prefix a human reads off a key.
    await db.schema
      .createIndex('api_keys_application_id_idx')
      .on('api_keys')
      .column('application_id')
      .execute();
    await db.schema.createIndex('api_keys_prefix_idx').on('api_keys').column('prefix').execute();
  },
};
