import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ingestDocument, type IngestOptions } from './ingest/ingest-document.js';
import type { CorpusStore } from './store.js';
import type { Collection } from './types.js';

/** The demo corpus shipped with Mizan: Moroccan law texts and demo procedure pages, Markdown with provenance. */
export const DEMO_CORPUS_DIR = fileURLToPath(new URL('../../corpus/demo/', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/u;

/** The collection a demo file names in its front matter (`collection: lois`), else `demo`. */
function collectionOf(source: string): string {
  const yaml = FRONT_MATTER.exec(source)?.[1];
  const name = yaml === undefined ? undefined : (parseYaml(yaml) as { collection?: unknown } | null)?.collection;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : 'demo';
}

type CollectionSettings = Omit<Collection, 'id' | 'tenantId' | 'name'>;

/** `collections.yaml`: visibility and personal-data rule per collection name. */
function collectionSettings(file: string): Record<string, CollectionSettings> {
  if (!existsSync(file)) return {};
  const document = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as Record<string, { visibility?: unknown; allow_personal_data?: unknown }>;
  return Object.fromEntries(
    Object.entries(document).map(([name, value]) => [
      name,
      { visibility: value.visibility === 'internal' ? 'internal' : 'public', allowPersonalData: value.allow_personal_data === true },
    ]),
  );
}

/**
 * Loads the demo corpus into the platform's public collections. Idempotent: a file already stored with the same
 * text adds nothing, a changed file becomes a new version. Returns how many documents were new or changed.
 */
export async function loadDemoCorpus(
  store: CorpusStore,
  options: IngestOptions & { dir?: string },
): Promise<{ files: number; changed: number }> {
  const dir = options.dir ?? DEMO_CORPUS_DIR;
  const files = markdownFiles(dir);
  const settings = collectionSettings(join(dir, 'collections.yaml'));
  let changed = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    const name = collectionOf(bytes.toString('utf8'));
    const collection = await store.ensureCollection(null, name, settings[name] ?? { visibility: 'public', allowPersonalData: false });
    const added = await ingestDocument(
      store,
      { collection, fileName: file.slice(file.lastIndexOf('/') + 1), bytes, provenance: {}, ingestedBy: 'mizan demo corpus' },
      options,
    );
    if (added.created) changed++;
  }
  return { files: files.length, changed };
}
