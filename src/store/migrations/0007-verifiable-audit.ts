import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The verifiable audit log (issue 8). `audit_events` rows are appended by any replica; an integrator (one at a
 * time, holding the `audit_tree` row) gives each pending row its position in one Merkle tree (RFC 6962), stores the
 * tree's complete subtrees in `audit_nodes` so that proofs need no recomputation, and signs a tree head. A row's
 * position is set once, by the integrator; nothing else in it ever changes.
 *
 * `audit_contents` holds what a record must not: the salt of its content commitments and, when the application's
 * retention policy keeps content, the content encrypted under the tenant's key. Erasing a subject deletes these
 * rows; the records keep only the commitments, so the log still verifies.
 */
export const verifiableAudit: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('audit_events')
      .addColumn('leaf_index', 'bigint', (col) => col.unique())
      // The pseudonymous subject (a keyed hash of the login's subject), never an identifier in clear.
      .addColumn('data_subject', 'text')
      .execute();
    await db.schema
      .createIndex('audit_events_pending_idx')
      .on('audit_events')
      .column('seq')
      .where(sql.ref('leaf_index'), 'is', null)
      .execute();
    await db.schema
      .createIndex('audit_events_data_subject_idx')
      .on('audit_events')
      .columns(['tenant_id', 'data_subject'])
      .execute();
    await db.schema.createIndex('audit_events_at_idx').on('audit_events').column('at').execute();

    // Complete subtrees of 2^level leaves starting at leaf idx * 2^level; level 0 is the leaves themselves.
    await db.schema
      .createTable('audit_nodes')
      .addColumn('level', 'smallint', (col) => col.notNull())
      .addColumn('idx', 'bigint', (col) => col.notNull())
      .addColumn('hash', 'bytea', (col) => col.notNull())
      .addPrimaryKeyConstraint('audit_nodes_pk', ['level', 'idx'])
      .execute();

    // Every key that has signed a head, so that an export carries the keys its heads need after a rotation.
    await db.schema
      .createTable('audit_keys')
      .addColumn('key_id', 'text', (col) => col.primaryKey())
      .addColumn('public_key', 'text', (col) => col.notNull())
      .addColumn('first_used_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();

    await db.schema
      .createTable('audit_heads')
      .addColumn('tree_size', 'bigint', (col) => col.primaryKey())
      .addColumn('root_hash', 'bytea', (col) => col.notNull())
      .addColumn('timestamp', 'timestamptz', (col) => col.notNull())
      .addColumn('key_id', 'text', (col) => col.notNull())
      .addColumn('signature', 'bytea', (col) => col.notNull())
      .execute();

    // One row: the integrator locks it, so replicas integrate one batch at a time into one tree.
    await db.schema
      .createTable('audit_tree')
      .addColumn('id', 'smallint', (col) => col.primaryKey().check(sql`id = 1`))
      .addColumn('tree_size', 'bigint', (col) => col.notNull())
      .execute();
    await sql`insert into audit_tree (id, tree_size) values (1, 0)`.execute(db);

    await db.schema
      .createTable('audit_contents')
      .addColumn('record_id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('application_id', 'text')
      .addColumn('data_subject', 'text')
      .addColumn('conversation_id', 'text')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('salt', 'bytea')
      // base64 of AES-256-GCM (iv | tag | ciphertext) of the content JSON; null when content is not kept.
      .addColumn('ciphertext', 'text')
      .execute();
    await db.schema
      .createIndex('audit_contents_subject_idx')
      .on('audit_contents')
      .columns(['tenant_id', 'data_subject'])
      .execute();
    await db.schema
      .createIndex('audit_contents_created_idx')
      .on('audit_contents')
      .columns(['application_id', 'created_at'])
      .execute();
  },
};
