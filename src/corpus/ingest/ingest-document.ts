import { createHash } from 'node:crypto';
import { errors } from '../../errors.js';
import { findInjection } from '../../guard/rules/index.js';
import { identifyLanguage } from '../../language/identify.js';
import { isLanguageLabel, type LanguageLabel } from '../../language/labels.js';
import { scan } from '../../privacy/scan.js';
import { chunkDocument } from '../chunk.js';
import { extractDocument } from './extract.js';
import type { Embed } from '../embedder.js';
import type { AddedVersion, CorpusStore } from '../store.js';
import { CLASSIFICATIONS, type Classification, type Collection, type Provenance } from '../types.js';

/** Provenance given with the file; a Markdown file's front matter fills what is not given. */
export type ProvenanceInput = Partial<Provenance> & { externalId?: string | undefined };

export interface IngestInput {
  collection: Collection;
  fileName: string;
  bytes: Uint8Array;
  provenance: ProvenanceInput;
  ingestedBy: string;
}

export interface IngestOptions {
  maxBytes: number;
  /** Embeds the chunks for dense search, when an embedding model is configured. */
  embed?: Embed | undefined;
}

const REQUIRED = ['title', 'publisher', 'sourceUri', 'licence'] as const;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : value instanceof Date
      ? value.toISOString().slice(0, 10)
      : undefined;

/** Front matter is snake_case YAML; the API and CLI pass camelCase: both end up here. */
function fromFrontMatter(metadata: Record<string, unknown>): ProvenanceInput {
  const classification = text(metadata.classification);
  const language = text(metadata.language);
  return {
    externalId: text(metadata.id),
    title: text(metadata.title),
    publisher: text(metadata.publisher),
    sourceUri: text(metadata.source_uri),
    licence: text(metadata.licence) ?? text(metadata.license),
    language: language && isLanguageLabel(language) ? language : undefined,
    classification: CLASSIFICATIONS.includes(classification as Classification)
      ? (classification as Classification)
      : undefined,
    versionLabel: text(metadata.version),
    validFrom: text(metadata.valid_from),
    validTo: text(metadata.valid_to),
    demo: metadata.demo === true,
  };
}

const defined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * Takes one file into a collection: extracts its text, checks its provenance, refuses personal data unless the
 * collection allows it, quarantines passages that address a model, chunks it along its structure and stores it
 * as a new version of its document (or nothing, when this exact text is already stored). Nothing is written
 * unless every step succeeded.
 */
export async function ingestDocument(
  store: CorpusStore,
  input: IngestInput,
  options: IngestOptions,
): Promise<AddedVersion> {
  const extracted = await extractDocument(input.bytes, input.fileName, { maxBytes: options.maxBytes });
  const merged = { ...fromFrontMatter(extracted.metadata), ...defined(input.provenance) };
  const title = merged.title ?? extracted.title;
  const missing = REQUIRED.filter((field) => (field === 'title' ? title : merged[field]) === undefined);
  if (missing.length > 0) {
    throw errors.invalidRequest(
      'missing_provenance',
      `Every document needs its provenance; missing: ${missing.join(', ')} (front matter or options).`,
    );
  }
  for (const field of ['validFrom', 'validTo'] as const) {
    const value = merged[field];
    if (value !== undefined && !ISO_DATE.test(value)) {
      throw errors.invalidRequest(
        'invalid_date',
        `${field} must be a date as YYYY-MM-DD, not "${value}".`,
        field,
      );
    }
  }
  const sha256 = createHash('sha256').update(extracted.text, 'utf8').digest('hex');
  const externalId = merged.externalId ?? input.fileName;
  const stored = await store.findVersion(input.collection.id, externalId, sha256);
  if (stored) return stored;
  const detected = identifyLanguage(extracted.text.slice(0, 20_000)).lang;
  const language: LanguageLabel = merged.language ?? detected;

  if (!input.collection.allowPersonalData) {
    const found = scan(extracted.text).filter((e) => e.score >= 0.5);
    if (found.length > 0) {
      const types = [...new Set(found.map((e) => e.type))].join(', ');
      throw errors.invalidRequest(
        'personal_data_in_document',
        `The document contains personal data (${found.length} finding(s): ${types}) and the collection "${input.collection.name}" does not accept personal data.`,
      );
    }
  }

  const chunks = chunkDocument(extracted.text).map((chunk) => {
    const own = identifyLanguage(chunk.text);
    const injection = findInjection(chunk.text);
    return {
      ...chunk,
      language: own.lang !== 'und' && own.confidence >= 0.9 ? own.lang : language,
      quarantineReason: injection === undefined ? undefined : `instruction to a model: "${injection}"`,
    };
  });
  if (options.embed) {
    const open = chunks.filter((chunk) => chunk.quarantineReason === undefined);
    const vectors = await options.embed(open.map((chunk) => [...chunk.headingPath, chunk.text].join('\n')));
    open.forEach((chunk, i) => Object.assign(chunk, { embedding: vectors[i] }));
  }
  return store.addVersion({
    collectionId: input.collection.id,
    externalId,
    provenance: {
      title: title!,
      publisher: merged.publisher!,
      sourceUri: merged.sourceUri!,
      licence: merged.licence!,
      language,
      classification:
        merged.classification ?? (input.collection.visibility === 'public' ? 'public' : 'internal'),
      versionLabel: merged.versionLabel,
      validFrom: merged.validFrom,
      validTo: merged.validTo,
      demo: merged.demo,
    },
    format: extracted.format,
    byteSize: input.bytes.byteLength,
    text: extracted.text,
    sha256,
    ingestedBy: input.ingestedBy,
    chunks,
  });
}
