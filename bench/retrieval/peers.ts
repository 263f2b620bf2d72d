/**
 * The peers: MiniSearch and Orama, in-process full-text engines (BM25 family), given the exact chunks Mizan
 * stored, each indexing title, heading path and text with its default tokenizer. Both live in memory only: an
 * index is rebuilt from the chunks at every start. Neither has Darija transliteration, a bridging lexicon or
 * Arabic normalization: a question is searched as written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../environment.js';
import type { IndexedChunk } from './store.js';

export interface PeerIndex {
  /** Chunk ids, best first. */
  search(question: string, limit: number): Promise<string[]> | string[];
}

export interface Peer {
  name: string;
  version: string;
  settings: string;
  build(chunks: readonly IndexedChunk[]): Promise<PeerIndex>;
}

const versionOf = (pkg: string): string => {
  try {
    const file = path.join(REPO_ROOT, 'node_modules', pkg, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
};

interface PeerDoc {
  id: string;
  title: string;
  heading: string;
  text: string;
}

const toDoc = (c: IndexedChunk): PeerDoc => ({
  id: c.id,
  title: c.title,
  heading: c.headingPath.join(' › '),
  text: c.text,
});

const FIELDS = ['title', 'heading', 'text'] as const;

function miniSearch(options: { prefix: boolean; fuzzy: number | false }): Peer {
  const label = options.prefix || options.fuzzy ? ` (prefix, fuzzy ${options.fuzzy})` : '';
  return {
    name: `MiniSearch${label}`,
    version: versionOf('minisearch'),
    settings: `fields title, heading path, text; default tokenizer (splits on spaces and punctuation, Unicode) and term processing (lower case); BM25+ with default parameters, terms OR-ed; prefix ${options.prefix ? 'on' : 'off'}, fuzzy ${options.fuzzy === false ? 'off' : options.fuzzy}`,
    async build(chunks) {
      const { default: MiniSearch } = await import('minisearch');
      const index = new MiniSearch<PeerDoc>({ fields: [...FIELDS], storeFields: [] });
      index.addAll(chunks.map(toDoc));
      return {
        search: (question, limit) =>
          index
            .search(question, { prefix: options.prefix, fuzzy: options.fuzzy })
            .slice(0, limit)
            .map((r) => String(r.id)),
      };
    },
  };
}

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

/**
 * Orama's tokenizer takes one language per index, and its splitters keep only that language's letters (the
 * French one drops Arabic letters, the Arabic one drops accented Latin letters): chunks go to a French index or
 * an Arabic one by script, a question is searched in both, and the results are merged by score.
 */
function orama(): Peer {
  return {
    name: 'Orama',
    version: versionOf('@orama/orama'),
    settings:
      'fields title, heading path, text; two indexes, `language: "french"` for Latin-script chunks and `language: "arabic"` for Arabic-script ones (its default tokenizer per language: lower case, split on what is not a letter of that language, diacritics folded; stemming off, its default, as stemmers are a separate package), a question searched in both and merged by score; BM25 with default parameters, `threshold` 1 (any term), `tolerance` 0; every word of the question is matched as a prefix, its default (`exact: true` is no way out: it also keeps only the documents that contain every word of the question as written, case-sensitive), so one- and two-letter words (l’, d’, de, la) match much of the vocabulary',
    async build(chunks) {
      const { create, insertMultiple, search } = await import('@orama/orama');
      const schema = { title: 'string', heading: 'string', text: 'string' } as const;
      const indexes = (['french', 'arabic'] as const).map((language) => {
        const db = create({ schema, language });
        const docs = chunks.filter((c) => ARABIC_SCRIPT.test(c.text) === (language === 'arabic')).map(toDoc);
        return { db, docs };
      });
      for (const { db, docs } of indexes) await insertMultiple(db, docs, 1000);
      return {
        async search(question, limit) {
          const hits: { id: string; score: number }[] = [];
          for (const { db, docs } of indexes) {
            if (docs.length === 0) continue;
            const found = await search(db, { term: question, properties: [...FIELDS], limit });
            hits.push(...found.hits.map((h) => ({ id: h.id, score: h.score })));
          }
          return hits
            .sort((a, b) => b.score - a.score)
            .slice(0, limit)
            .map((h) => h.id);
        },
      };
    },
  };
}

export const PEERS: readonly Peer[] = [
  miniSearch({ prefix: false, fuzzy: false }),
  miniSearch({ prefix: true, fuzzy: 0.2 }),
  orama(),
];
