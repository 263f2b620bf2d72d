/**
 * A corpus store on PGlite in memory, as the benchmark uses it: opened and migrated, its searchable chunks read
 * back (for the peers, which must index exactly what Mizan indexes), and retrieved passages mapped to the
 * (document external id, label) pairs the questions name.
 */
import { sql } from 'kysely';
import os from 'node:os';
import path from 'node:path';
import { createCorpusStore, type CorpusStore } from '../../src/corpus/store.js';
import type { Passage } from '../../src/corpus/types.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { passageLabels, type Hit } from './questions.js';

export interface BenchStore {
  database: Database;
  store: CorpusStore;
  /** Retrieved passages as hits, the document's external id looked up once per document. */
  hits(passages: readonly Passage[]): Promise<Hit[]>;
}

export async function openBenchStore(): Promise<BenchStore> {
  const database = await openDatabase({
    dataDir: path.join(os.tmpdir(), 'mizan-bench-unused'),
    inMemory: true,
  });
  await migrateToLatest(database.db);
  const store = createCorpusStore(database.db);
  const externalIds = new Map<string, string>();
  return {
    database,
    store,
    async hits(passages) {
      const out: Hit[] = [];
      for (const p of passages) {
        let externalId = externalIds.get(p.documentId);
        if (externalId === undefined) {
          externalId = (await store.getDocument(p.documentId))?.externalId ?? `?${p.documentId}`;
          externalIds.set(p.documentId, externalId);
        }
        out.push({
          documentId: externalId,
          labels: passageLabels(p.article, p.headingPath, p.text),
          text: p.text,
        });
      }
      return out;
    },
  };
}

/** A searchable chunk with what a full-text engine indexes (title, headings, text) and what scoring needs. */
export interface IndexedChunk {
  id: string;
  documentId: string;
  title: string;
  headingPath: string[];
  article: string | null;
  text: string;
  language: string;
  documentLanguage: string;
}

export async function readChunks(database: Database): Promise<IndexedChunk[]> {
  const { rows } = await sql<{
    id: string | number;
    external_id: string;
    title: string;
    heading_path: string[] | string;
    article: string | null;
    text: string;
    language: string;
    document_language: string;
  }>`
    select c.id, d.external_id, d.title, c.heading_path, c.article, c.text, c.language, d.language as document_language
    from corpus_chunks c join corpus_documents d on d.id = c.document_id
    where c.searchable and d.withdrawn_at is null
    order by c.id
  `.execute(database.db);
  return rows.map((r) => ({
    id: String(r.id),
    documentId: r.external_id,
    title: r.title,
    headingPath:
      typeof r.heading_path === 'string' ? (JSON.parse(r.heading_path) as string[]) : r.heading_path,
    article: r.article,
    text: r.text,
    language: r.language,
    documentLanguage: r.document_language,
  }));
}

export const chunkHit = (c: IndexedChunk): Hit => ({
  documentId: c.documentId,
  labels: passageLabels(c.article, c.headingPath, c.text),
  text: c.text,
});
