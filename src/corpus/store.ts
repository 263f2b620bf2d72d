import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { errors } from '../errors.js';
import { isLanguageLabel } from '../language/labels.js';
import { newId, UNIQUE_VIOLATION } from '../store/ids.js';
import type { CorpusCollectionsTable, CorpusDocumentsTable, DatabaseSchema } from '../store/schema.js';
import { QUERY_CONFIGS, searchableText, textSearchConfig } from './analysis.js';
import type { Chunk } from './chunk.js';
import type {
  Classification,
  Collection,
  DocumentSummary,
  Passage,
  Provenance,
  VersionSummary,
  Visibility,
} from './types.js';

export interface NewVersion {
  collectionId: string;
  /** The document's id in its source (front matter `id`, or the file name): a new text with the same id is a new version. */
  externalId: string;
  provenance: Provenance;
  format: string;
  byteSize: number;
  text: string;
  sha256: string;
  ingestedBy: string;
  chunks: (Chunk & { language: string; quarantineReason?: string | undefined; embedding?: Float32Array | undefined })[];
}

export interface AddedVersion {
  document: DocumentSummary;
  version: number;
  /** False when this exact text (same SHA-256) was already a version of the document: nothing was written. */
  created: boolean;
  quarantined: number;
}

export interface SearchQuery {
  /** Texts to search for, each with a weight (1 for the user's words, less for expansions). */
  terms: { text: string; weight: number }[];
  collectionIds: readonly string[];
  classifications: readonly Classification[];
  languages?: readonly string[] | undefined;
  /** Only texts valid on this date (ISO); default today. */
  validOn?: string | undefined;
  limit: number;
}

/** BM25 parameters: the usual values, tuned on nothing. */
const K1 = 1.2;
const B = 0.75;
/** Corpus statistics are cached this long for writes made by other replicas; local writes refresh them at once. */
const STATS_TTL_MS = 30_000;

export interface CorpusStore {
  createCollection(input: Omit<Collection, 'id'>): Promise<Collection>;
  /** The collection of that owner and name, created with `defaults` if it does not exist. */
  ensureCollection(tenantId: string | null, name: string, defaults: Omit<Collection, 'id' | 'tenantId' | 'name'>): Promise<Collection>;
  getCollection(id: string): Promise<Collection | undefined>;
  /** The tenant's collections and the platform's. */
  listCollections(tenantId: string | null): Promise<Collection[]>;
  addVersion(input: NewVersion): Promise<AddedVersion>;
  /** The stored version of that document with exactly this text, if any: re-ingesting it would change nothing. */
  findVersion(collectionId: string, externalId: string, sha256: string): Promise<AddedVersion | undefined>;
  withdraw(documentId: string, reason: string): Promise<DocumentSummary>;
  getDocument(id: string): Promise<(DocumentSummary & { versions: VersionSummary[] }) | undefined>;
  listDocuments(collectionId: string): Promise<DocumentSummary[]>;
  /** The text of one version, for reading a cited passage in its context. */
  versionText(documentId: string, version: number): Promise<string | undefined>;
  search(query: SearchQuery): Promise<Passage[]>;
  /** The chunks closest to a unit vector (cosine), among those that have an embedding, with the same filters. */
  searchDense(vector: Float32Array, filter: Omit<SearchQuery, 'terms'>): Promise<Passage[]>;
  /** Number of searchable chunks visible through these collections. */
  countSearchable(collectionIds: readonly string[]): Promise<number>;
}

type CollectionRow = Selectable<CorpusCollectionsTable>;
type DocumentRow = Selectable<CorpusDocumentsTable>;

const toCollection = (row: CollectionRow): Collection => ({
  id: row.id,
  tenantId: row.tenant_id,
  name: row.name,
  visibility: row.visibility,
  allowPersonalData: row.allow_personal_data,
});

function toDocument(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    collectionId: row.collection_id,
    externalId: row.external_id,
    title: row.title,
    publisher: row.publisher,
    sourceUri: row.source_uri,
    licence: row.licence,
    language: isLanguageLabel(row.language) ? row.language : 'und',
    classification: row.classification,
    demo: row.demo,
    currentVersion: row.current_version,
    withdrawnAt: row.withdrawn_at,
    withdrawnReason: row.withdrawn_reason,
  };
}

const today = () => new Date().toISOString().slice(0, 10);

const isoDate = (value: unknown): string | null =>
  value === null || value === undefined ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

export function createCorpusStore(db: Kysely<DatabaseSchema>): CorpusStore {
  let stats: { at: number; count: number; averageLength: number } | undefined;
  /** Chunks written by this process, and how many of them the planner's statistics had seen at the last analyse. */
  let written = 0;
  let analysed = 0;

  /**
   * PGlite runs no autovacuum: without fresh statistics the planner joins 100k passages in seconds instead of
   * milliseconds. Each time this process has grown the corpus by a quarter (and at least 200 chunks), the corpus
   * tables are analysed; on PostgreSQL autovacuum would get there too, this gets there first.
   */
  async function analyseIfGrown(chunks: number): Promise<void> {
    written += chunks;
    if (written - analysed < Math.max(200, analysed / 4)) return;
    analysed = written;
    await sql`analyze corpus_postings, corpus_chunks, corpus_documents, corpus_versions`.execute(db);
  }

  async function corpusStats(): Promise<{ count: number; averageLength: number }> {
    if (stats && Date.now() - stats.at < STATS_TTL_MS) return stats;
    const row = await db
      .selectFrom('corpus_chunks')
      .where('searchable', '=', true)
      .select([sql<string>`count(*)`.as('count'), sql<string | null>`avg(term_count)`.as('average')])
      .executeTakeFirstOrThrow();
    stats = { at: Date.now(), count: Number(row.count), averageLength: Number(row.average ?? 1) || 1 };
    return stats;
  }

  interface DenseRow {
    id: string;
    collection: string;
    classification: string;
    language: string;
    validFrom: string | null;
    validTo: string | null;
  }
  let dense: { at: number; rows: DenseRow[]; vectors: Float32Array; dimensions: number } | undefined;

  /**
   * The embeddings of every searchable chunk, in memory as one matrix, reloaded after a local write or after
   * the statistics' lifetime (writes of other replicas). Brute force is exact and, at the sizes of a governed
   * corpus, fast enough; pgvector is the next step for very large ones.
   */
  async function denseIndex() {
    if (dense && stats && Date.now() - dense.at < STATS_TTL_MS) return dense;
    await corpusStats();
    const rows = await db
      .selectFrom('corpus_chunks as c')
      .innerJoin('corpus_documents as d', 'd.id', 'c.document_id')
      .innerJoin('corpus_versions as v', (join) => join.onRef('v.document_id', '=', 'c.document_id').onRef('v.version', '=', 'c.version'))
      .select(['c.id', 'c.collection_id', 'd.classification', 'c.language', 'v.valid_from', 'v.valid_to', 'c.embedding'])
      .where('c.searchable', '=', true)
      .where('c.embedding', 'is not', null)
      .execute();
    const dimensions = rows[0]?.embedding?.length ?? 0;
    const vectors = new Float32Array(rows.length * dimensions);
    rows.forEach((row, r) => vectors.set((row.embedding ?? []).slice(0, dimensions), r * dimensions));
    dense = {
      at: Date.now(),
      dimensions,
      vectors,
      rows: rows.map((row) => ({
        id: String(row.id),
        collection: row.collection_id,
        classification: row.classification,
        language: row.language,
        validFrom: isoDate(row.valid_from),
        validTo: isoDate(row.valid_to),
      })),
    };
    return dense;
  }

  /** The passages of scored chunk ids, in the order given, with their provenance. */
  async function hydrate(scored: { id: string; score: number }[]): Promise<Passage[]> {
    if (scored.length === 0) return [];
    const rows = await db
      .selectFrom('corpus_chunks as c')
      .innerJoin('corpus_documents as d', 'd.id', 'c.document_id')
      .innerJoin('corpus_versions as v', (join) => join.onRef('v.document_id', '=', 'c.document_id').onRef('v.version', '=', 'c.version'))
      .select([
        'c.id',
        'c.document_id',
        'c.version',
        'c.text',
        'c.start_offset',
        'c.end_offset',
        'c.article',
        'c.heading_path',
        'c.language',
        'd.title',
        'd.publisher',
        'd.source_uri',
        'd.licence',
        'd.demo',
        'v.sha256',
      ])
      .where(
        'c.id',
        'in',
        scored.map((s) => s.id),
      )
      .execute();
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    return scored.flatMap(({ id, score }) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        {
          chunkId: id,
          documentId: row.document_id,
          version: row.version,
          title: row.title,
          publisher: row.publisher,
          uri: row.source_uri,
          licence: row.licence,
          language: row.language,
          demo: row.demo,
          article: row.article,
          headingPath: typeof row.heading_path === 'string' ? (JSON.parse(row.heading_path) as string[]) : row.heading_path,
          text: row.text,
          start: row.start_offset,
          end: row.end_offset,
          sha256: row.sha256,
          score,
        },
      ];
    });
  }

  async function indexChunks(trx: Transaction<DatabaseSchema>, input: NewVersion, documentId: string, version: number): Promise<number> {
    if (input.chunks.length === 0) return 0;
    const inserted = await trx
      .insertInto('corpus_chunks')
      .values(
        input.chunks.map((chunk) => ({
          document_id: documentId,
          version,
          collection_id: input.collectionId,
          ordinal: chunk.ordinal,
          start_offset: chunk.start,
          end_offset: chunk.end,
          text: chunk.text,
          heading_path: JSON.stringify(chunk.headingPath),
          article: chunk.article ?? null,
          language: chunk.language,
          term_count: 0,
          searchable: chunk.quarantineReason === undefined,
          quarantine_reason: chunk.quarantineReason ?? null,
          embedding: chunk.embedding ? Array.from(chunk.embedding) : null,
        })),
      )
      .returning(['id', 'ordinal'])
      .execute();
    const byOrdinal = new Map(inserted.map((row) => [row.ordinal, row.id]));
    const ids = input.chunks.map((chunk) => byOrdinal.get(chunk.ordinal)!);
    // Headings belong to the chunk's words ("Chapitre II – Des droits de la personne concernée" is what people
    // search for) and say what it is about better than any sentence of it: they count twice. The document's
    // title, first in every path, counts once.
    const bodies = input.chunks.map((chunk) => {
      const [title = '', ...headings] = chunk.headingPath;
      return searchableText([title, ...headings, ...headings, chunk.text].join('\n'));
    });
    const configs = input.chunks.map((chunk) => textSearchConfig(chunk.language));
    // Terms, and pairs of consecutive terms (stop words skipped: "droits de la personne" gives "droit personn"),
    // so that a question's phrases count for more than its words scattered over a long article.
    await sql`
      insert into corpus_postings (term, chunk_id, tf)
      with tokens as (
        select c.id, t.lexeme, p.pos
        from unnest(${ids}::bigint[], ${configs}::text[], ${bodies}::text[]) as c(id, config, body),
        lateral unnest(to_tsvector(c.config::regconfig, c.body)) as t,
        lateral unnest(t.positions) as p(pos)
      ),
      ordered as (
        select id, lexeme, lead(lexeme) over (partition by id order by pos) as next from tokens
      )
      select lexeme, id, count(*) from ordered group by lexeme, id
      union all
      select lexeme || ' ' || next, id, count(*) from ordered where next is not null group by lexeme || ' ' || next, id
    `.execute(trx);
    await sql`
      update corpus_chunks set term_count = s.n
      from (
        select chunk_id, sum(tf) as n from corpus_postings
        where chunk_id = any(${ids}::bigint[]) and position(' ' in term) = 0 group by chunk_id
      ) s
      where corpus_chunks.id = s.chunk_id
    `.execute(trx);
    return input.chunks.filter((c) => c.quarantineReason !== undefined).length;
  }

  return {
    async createCollection(input) {
      try {
        const row = await db
          .insertInto('corpus_collections')
          .values({
            id: newId('col'),
            tenant_id: input.tenantId,
            name: input.name,
            visibility: input.visibility,
            allow_personal_data: input.allowPersonalData,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toCollection(row);
      } catch (error) {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
          throw errors.conflict('collection_exists', `A collection named "${input.name}" already exists.`, 'name');
        }
        throw error;
      }
    },

    async ensureCollection(tenantId, name, defaults) {
      const existing = await db
        .selectFrom('corpus_collections')
        .selectAll()
        .where('name', '=', name)
        .where(tenantId === null ? sql<boolean>`tenant_id is null` : sql<boolean>`tenant_id = ${tenantId}`)
        .executeTakeFirst();
      return existing ? toCollection(existing) : this.createCollection({ tenantId, name, ...defaults });
    },

    async getCollection(id) {
      const row = await db.selectFrom('corpus_collections').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toCollection(row);
    },

    async listCollections(tenantId) {
      const rows = await db
        .selectFrom('corpus_collections')
        .selectAll()
        .where(tenantId === null ? sql<boolean>`tenant_id is null` : sql<boolean>`(tenant_id is null or tenant_id = ${tenantId})`)
        .orderBy('created_at')
        .execute();
      return rows.map(toCollection);
    },

    async addVersion(input) {
      const result = await db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('corpus_documents')
          .selectAll()
          .where('collection_id', '=', input.collectionId)
          .where('external_id', '=', input.externalId)
          .forUpdate()
          .executeTakeFirst();
        if (existing) {
          const same = await trx
            .selectFrom('corpus_versions')
            .select('version')
            .where('document_id', '=', existing.id)
            .where('sha256', '=', input.sha256)
            .executeTakeFirst();
          if (same) return { document: toDocument(existing), version: same.version, created: false, quarantined: 0 };
        }
        const documentId = existing?.id ?? newId('doc');
        const version = (existing?.current_version ?? 0) + 1;
        const p = input.provenance;
        const fields = {
          title: p.title,
          publisher: p.publisher,
          source_uri: p.sourceUri,
          licence: p.licence,
          language: p.language,
          classification: p.classification,
          demo: p.demo === true,
          current_version: version,
          withdrawn_at: null,
          withdrawn_reason: null,
        };
        const document = existing
          ? await trx.updateTable('corpus_documents').set(fields).where('id', '=', documentId).returningAll().executeTakeFirstOrThrow()
          : await trx
              .insertInto('corpus_documents')
              .values({ id: documentId, collection_id: input.collectionId, external_id: input.externalId, ...fields })
              .returningAll()
              .executeTakeFirstOrThrow();
        await trx
          .insertInto('corpus_versions')
          .values({
            document_id: documentId,
            version,
            label: p.versionLabel ?? null,
            sha256: input.sha256,
            format: input.format,
            byte_size: input.byteSize,
            text: input.text,
            valid_from: p.validFrom ?? null,
            valid_to: p.validTo ?? null,
            ingested_by: input.ingestedBy,
          })
          .execute();
        // Older versions stay for the record, but only the current one answers.
        await trx.updateTable('corpus_chunks').set({ searchable: false }).where('document_id', '=', documentId).execute();
        const quarantined = await indexChunks(trx, input, documentId, version);
        return { document: toDocument(document), version, created: true, quarantined };
      });
      if (result.created) {
        stats = dense = undefined;
        await analyseIfGrown(input.chunks.length);
      }
      return result;
    },

    async findVersion(collectionId, externalId, sha256) {
      const row = await db
        .selectFrom('corpus_documents as d')
        .innerJoin('corpus_versions as v', 'v.document_id', 'd.id')
        .selectAll('d')
        .select('v.version as found_version')
        .where('d.collection_id', '=', collectionId)
        .where('d.external_id', '=', externalId)
        .where('v.sha256', '=', sha256)
        .executeTakeFirst();
      return row && { document: toDocument(row), version: row.found_version, created: false, quarantined: 0 };
    },

    async withdraw(documentId, reason) {
      const row = await db.transaction().execute(async (trx) => {
        // A second withdrawal keeps the first date and reason: the record says when it stopped answering.
        const updated =
          (await trx
            .updateTable('corpus_documents')
            .set({ withdrawn_at: new Date(), withdrawn_reason: reason })
            .where('id', '=', documentId)
            .where('withdrawn_at', 'is', null)
            .returningAll()
            .executeTakeFirst()) ??
          (await trx.selectFrom('corpus_documents').selectAll().where('id', '=', documentId).executeTakeFirst());
        if (!updated) throw errors.notFound('document_not_found', `No document ${documentId}.`);
        await trx.updateTable('corpus_chunks').set({ searchable: false }).where('document_id', '=', documentId).execute();
        return updated;
      });
      stats = dense = undefined;
      return toDocument(row);
    },

    async getDocument(id) {
      const row = await db.selectFrom('corpus_documents').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const versions = await db
        .selectFrom('corpus_versions as v')
        .leftJoin('corpus_chunks as c', (join) => join.onRef('c.document_id', '=', 'v.document_id').onRef('c.version', '=', 'v.version'))
        .select([
          'v.version',
          'v.label',
          'v.sha256',
          'v.format',
          'v.byte_size',
          'v.valid_from',
          'v.valid_to',
          'v.ingested_by',
          'v.ingested_at',
          sql<string>`count(c.id)`.as('chunks'),
          sql<string>`count(c.quarantine_reason)`.as('quarantined'),
        ])
        .where('v.document_id', '=', id)
        .groupBy(['v.version', 'v.label', 'v.sha256', 'v.format', 'v.byte_size', 'v.valid_from', 'v.valid_to', 'v.ingested_by', 'v.ingested_at'])
        .orderBy('v.version')
        .execute();
      return {
        ...toDocument(row),
        versions: versions.map((v) => ({
          version: v.version,
          label: v.label,
          sha256: v.sha256,
          format: v.format,
          byteSize: v.byte_size,
          validFrom: isoDate(v.valid_from),
          validTo: isoDate(v.valid_to),
          ingestedBy: v.ingested_by,
          ingestedAt: v.ingested_at,
          chunks: Number(v.chunks),
          quarantined: Number(v.quarantined),
        })),
      };
    },

    async listDocuments(collectionId) {
      const rows = await db.selectFrom('corpus_documents').selectAll().where('collection_id', '=', collectionId).orderBy('created_at').execute();
      return rows.map(toDocument);
    },

    async versionText(documentId, version) {
      const row = await db
        .selectFrom('corpus_versions')
        .select('text')
        .where('document_id', '=', documentId)
        .where('version', '=', version)
        .executeTakeFirst();
      return row?.text;
    },

    async countSearchable(collectionIds) {
      if (collectionIds.length === 0) return 0;
      const row = await db
        .selectFrom('corpus_chunks')
        .select(sql<string>`count(*)`.as('n'))
        .where('searchable', '=', true)
        .where('collection_id', 'in', collectionIds)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async search(query) {
      const terms = query.terms.filter((t) => t.text.trim() !== '');
      if (terms.length === 0 || query.collectionIds.length === 0) return [];
      const { count, averageLength } = await corpusStats();
      const validOn = query.validOn ?? today();
      const languages = query.languages && query.languages.length > 0 ? [...query.languages] : null;
      const scored = await sql<{ chunk_id: string; score: number }>`
        -- The query's terms, analysed like the chunks were; then their postings, each through the index on term
        -- (materialized, so the planner cannot start from the whole postings table); the document frequency of a
        -- term is the number of its postings.
        with tokens as (
          select w.n, cfg, w.weight, t.lexeme, p.pos
          from unnest(${terms.map((t) => searchableText(t.text))}::text[], ${terms.map((t) => t.weight)}::float8[])
            with ordinality as w(body, weight, n),
          unnest(${QUERY_CONFIGS}::regconfig[]) as cfg,
          lateral unnest(to_tsvector(cfg, w.body)) as t,
          lateral unnest(t.positions) as p(pos)
        ),
        ordered as (
          select weight, lexeme, lead(lexeme) over (partition by n, cfg order by pos) as next from tokens
        ),
        q as materialized (
          select term, max(weight) as weight from (
            select lexeme as term, weight from ordered
            union all
            select lexeme || ' ' || next, weight from ordered where next is not null
          ) all_terms
          group by term
        ),
        hits as materialized (
          select p.chunk_id, p.tf, q.weight, count(*) over (partition by q.term)::float8 as df
          from q cross join lateral (select chunk_id, tf from corpus_postings where term = q.term) p
        )
        select h.chunk_id, sum(
          h.weight * ln(1 + (${count}::float8 - h.df + 0.5) / (h.df + 0.5))
          * h.tf * ${K1 + 1}::float8 / (h.tf + ${K1}::float8 * (1 - ${B}::float8 + ${B}::float8 * c.term_count / ${averageLength}::float8))
        ) as score
        from hits h
        join corpus_chunks c on c.id = h.chunk_id
        join corpus_documents d on d.id = c.document_id
        join corpus_versions v on v.document_id = c.document_id and v.version = c.version
        where c.searchable
          and c.collection_id = any(${[...query.collectionIds]}::text[])
          and d.classification = any(${[...query.classifications]}::text[])
          and (${languages}::text[] is null or c.language = any(${languages}::text[]))
          and (v.valid_from is null or v.valid_from <= ${validOn}::date)
          and (v.valid_to is null or v.valid_to >= ${validOn}::date)
        group by h.chunk_id
        order by score desc, h.chunk_id
        limit ${query.limit}::int
      `.execute(db);
      return hydrate(scored.rows.map((row) => ({ id: String(row.chunk_id), score: Number(row.score) })));
    },

    async searchDense(vector, filter) {
      if (filter.collectionIds.length === 0) return [];
      const index = await denseIndex();
      const validOn = filter.validOn ?? today();
      const collections = new Set(filter.collectionIds);
      const classes = new Set<string>(filter.classifications);
      const languages = filter.languages && filter.languages.length > 0 ? new Set(filter.languages) : undefined;
      const hits: { id: string; score: number }[] = [];
      index.rows.forEach((row, r) => {
        if (!collections.has(row.collection) || !classes.has(row.classification)) return;
        if (languages && !languages.has(row.language)) return;
        if ((row.validFrom && row.validFrom > validOn) || (row.validTo && row.validTo < validOn)) return;
        if (index.dimensions !== vector.length) return;
        let dot = 0;
        const offset = r * index.dimensions;
        for (let k = 0; k < vector.length; k++) dot += vector[k]! * index.vectors[offset + k]!;
        hits.push({ id: row.id, score: dot });
      });
      hits.sort((a, b) => b.score - a.score);
      return hydrate(hits.slice(0, filter.limit));
    },
  };
}

export type { Classification, Visibility };
