import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The governed corpus. A collection belongs to a tenant (or, with no tenant, to the platform: the public demo
 * texts). A document keeps every version it ever had; withdrawing it stops it from answering but keeps the
 * record, so past answers stay traceable to the exact text (sha256) that supported them. Chunks carry offsets
 * into their version's text; their terms (analysed by PostgreSQL's text-search configurations) feed BM25.
 */
export const corpus: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('corpus_collections')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.references('tenants.id').onDelete('cascade'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('visibility', 'text', (col) =>
        col.notNull().check(sql`visibility in ('public', 'internal')`),
      )
      .addColumn('allow_personal_data', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();
    // One name per owner; the platform's own collections have no tenant.
    await sql`create unique index corpus_collections_owner_name_key on corpus_collections (coalesce(tenant_id, ''), name)`.execute(
      db,
    );

    await db.schema
      .createTable('corpus_documents')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('collection_id', 'text', (col) =>
        col.notNull().references('corpus_collections.id').onDelete('cascade'),
      )
      .addColumn('external_id', 'text', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('publisher', 'text', (col) => col.notNull())
      .addColumn('source_uri', 'text', (col) => col.notNull())
      .addColumn('licence', 'text', (col) => col.notNull())
      .addColumn('language', 'text', (col) => col.notNull())
      .addColumn('classification', 'text', (col) =>
        col.notNull().check(sql`classification in ('public', 'internal', 'confidential')`),
      )
      .addColumn('demo', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('current_version', 'integer', (col) => col.notNull())
      .addColumn('withdrawn_at', 'timestamptz')
      .addColumn('withdrawn_reason', 'text')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('corpus_documents_collection_external_key', ['collection_id', 'external_id'])
      .execute();

    await db.schema
      .createTable('corpus_versions')
      .addColumn('document_id', 'text', (col) =>
        col.notNull().references('corpus_documents.id').onDelete('cascade'),
      )
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('label', 'text')
      .addColumn('sha256', 'text', (col) => col.notNull())
      .addColumn('format', 'text', (col) => col.notNull())
      .addColumn('byte_size', 'integer', (col) => col.notNull())
      .addColumn('text', 'text', (col) => col.notNull())
      .addColumn('valid_from', 'date')
      .addColumn('valid_to', 'date')
      .addColumn('ingested_by', 'text', (col) => col.notNull())
      .addColumn('ingested_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('corpus_versions_pkey', ['document_id', 'version'])
      .addUniqueConstraint('corpus_versions_document_sha256_key', ['document_id', 'sha256'])
      .execute();

    await db.schema
      .createTable('corpus_chunks')
      .addColumn('id', 'bigserial', (col) => col.primaryKey())
      .addColumn('document_id', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('collection_id', 'text', (col) => col.notNull())
      .addColumn('ordinal', 'integer', (col) => col.notNull())
      .addColumn('start_offset', 'integer', (col) => col.notNull())
      .addColumn('end_offset', 'integer', (col) => col.notNull())
      .addColumn('text', 'text', (col) => col.notNull())
      .addColumn('heading_path', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('article', 'text')
      .addColumn('language', 'text', (col) => col.notNull())
      /** Number of analysed terms: the document length of BM25. */
      .addColumn('term_count', 'integer', (col) => col.notNull())
      /** Current version of an active document, not quarantined: the only chunks search may return. */
      .addColumn('searchable', 'boolean', (col) => col.notNull())
      .addColumn('quarantine_reason', 'text')
      /** The chunk's embedding when an embedding model is configured (dense search); null otherwise. */
      .addColumn('embedding', sql`real[]`)
      .addForeignKeyConstraint(
        'corpus_chunks_version_fkey',
        ['document_id', 'version'],
        'corpus_versions',
        ['document_id', 'version'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();
    await db.schema
      .createIndex('corpus_chunks_document_idx')
      .on('corpus_chunks')
      .columns(['document_id', 'version'])
      .execute();

    // Postings: one row per (term, chunk) with its frequency; `df` keeps each term's document frequency.
    await db.schema
      .createTable('corpus_postings')
      .addColumn('term', 'text', (col) => col.notNull())
      .addColumn('chunk_id', 'bigint', (col) =>
        col.notNull().references('corpus_chunks.id').onDelete('cascade'),
      )
      .addColumn('tf', 'integer', (col) => col.notNull())
      .addPrimaryKeyConstraint('corpus_postings_pkey', ['term', 'chunk_id'])
      .execute();
    await db.schema
      .createIndex('corpus_postings_chunk_idx')
      .on('corpus_postings')
      .column('chunk_id')
      .execute();
  },
};
