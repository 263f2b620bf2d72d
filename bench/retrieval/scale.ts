/**
 * The latency corpus: the law provisions (one document per law, one section per article) and the PIAF and XQuAD
 * contexts (one document per QA article, one section per paragraph), cycled with a suffix on the document id
 * (`~r2`, `~r3`…) until the target number of passages. Documents go to `store.addVersion` pre-chunked: each
 * section is cut by the product's `chunkDocument`, every chunk keeping the section's heading and article — what
 * `ingestDocument` does after extraction, without its per-document personal-data scan, injection check and
 * per-chunk language identification (the language is the source's).
 */
import { createHash } from 'node:crypto';
import { chunkDocument, normalizeArticleLabel } from '../../src/corpus/chunk.js';
import type { Collection } from '../../src/corpus/types.js';
import type { NewVersion } from '../../src/corpus/store.js';
import type { KnownLanguage } from '../../src/language/labels.js';
import type { Provision, QaSet } from './open-data.js';
import type { BenchStore } from './store.js';

interface Section {
  heading: string[];
  article?: string | undefined;
  text: string;
}

export interface BulkDocument {
  externalId: string;
  title: string;
  publisher: string;
  sourceUri: string;
  licence: string;
  language: KnownLanguage;
  sections: Section[];
}

const LAW_LICENCE = 'Official text (Morocco, law 2-00 art. 8); collection Apache-2.0';

export function bulkDocuments(provisions: readonly Provision[], sets: readonly QaSet[]): BulkDocument[] {
  const laws = new Map<string, BulkDocument>();
  for (const p of provisions) {
    let doc = laws.get(p.docId);
    if (!doc) {
      doc = {
        externalId: p.docId,
        title: p.docTitle,
        publisher: p.lang === 'fr' ? 'SGG / DGSSI' : 'Ministère de la Justice (adala)',
        sourceUri: p.sourceUrl,
        licence: LAW_LICENCE,
        language: p.lang === 'fr' ? 'fra_Latn' : 'arb_Arab',
        sections: [],
      };
      laws.set(p.docId, doc);
    }
    doc.sections.push({ heading: [p.article], article: normalizeArticleLabel(p.article), text: p.text });
  }
  const qa = sets.flatMap((set) => {
    const byTitle = new Map<string, BulkDocument>();
    for (const c of set.contexts) {
      const key = c.id.slice(0, c.id.lastIndexOf('/'));
      let doc = byTitle.get(key);
      if (!doc) {
        doc = {
          externalId: key,
          title: c.title,
          publisher: set.publisher,
          sourceUri: set.sourceUri,
          licence: set.licence,
          language: set.language,
          sections: [],
        };
        byTitle.set(key, doc);
      }
      doc.sections.push({ heading: [c.title], text: c.text });
    }
    return [...byTitle.values()];
  });
  return [...laws.values(), ...qa];
}

/** A document as `addVersion` takes it, each section chunked on its own. */
export function toNewVersion(collection: Collection, doc: BulkDocument, maxChunks: number): NewVersion {
  const chunks: NewVersion['chunks'] = [];
  let text = '';
  for (const section of doc.sections) {
    if (chunks.length >= maxChunks) break;
    if (text !== '') text += '\n\n';
    const offset = text.length;
    text += section.text;
    for (const c of chunkDocument(section.text)) {
      if (chunks.length >= maxChunks) break;
      chunks.push({
        ordinal: chunks.length,
        start: c.start + offset,
        end: c.end + offset,
        text: c.text,
        headingPath: [...section.heading, ...c.headingPath],
        ...((section.article ?? c.article) ? { article: section.article ?? c.article } : {}),
        language: doc.language,
      });
    }
  }
  return {
    collectionId: collection.id,
    externalId: doc.externalId,
    provenance: {
      title: doc.title,
      publisher: doc.publisher,
      sourceUri: doc.sourceUri,
      licence: doc.licence,
      language: doc.language,
      classification: 'public',
    },
    format: 'text',
    byteSize: Buffer.byteLength(text),
    text,
    sha256: createHash('sha256').update(text).digest('hex'),
    ingestedBy: 'mizan bench retrieval',
    chunks,
  };
}

/** Feeds the store passage by passage, cycling through the documents with a suffix per round. */
export class BulkIngest {
  passages = 0;
  documents = 0;
  /** Time spent in `addVersion` (the preparation of the inputs is not counted). */
  ingestMs = 0;
  private next = 0;

  constructor(
    private readonly bench: BenchStore,
    private readonly collection: Collection,
    private readonly docs: readonly BulkDocument[],
  ) {}

  /** Adds documents until `target` passages or `deadline` (a `performance.now()`); returns whether it got there. */
  async fill(target: number, deadline: number, progress?: (passages: number) => void): Promise<boolean> {
    let reported = this.passages;
    while (this.passages < target) {
      if (performance.now() > deadline) return false;
      const round = Math.floor(this.next / this.docs.length);
      const doc = this.docs[this.next % this.docs.length]!;
      this.next++;
      const suffix = round === 0 ? '' : `~r${round + 1}`;
      const input = toNewVersion(
        this.collection,
        { ...doc, externalId: doc.externalId + suffix, title: doc.title + suffix },
        target - this.passages,
      );
      if (input.chunks.length === 0) continue;
      const t0 = performance.now();
      await this.bench.store.addVersion(input);
      this.ingestMs += performance.now() - t0;
      this.passages += input.chunks.length;
      this.documents++;
      if (progress && this.passages - reported >= 5000) {
        progress(this.passages);
        reported = this.passages;
      }
    }
    return true;
  }
}
