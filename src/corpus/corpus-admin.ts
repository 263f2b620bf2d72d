import { errors } from '../errors.js';
import { isLanguageLabel, type LanguageLabel } from '../language/labels.js';
import { ingestDocument, type ProvenanceInput } from './ingest/ingest-document.js';
import { searchTerms } from './query.js';
import type { Retriever } from './retriever.js';
import type { AddedVersion, CorpusStore } from './store.js';
import {
  CLASSIFICATIONS,
  type Classification,
  type Collection,
  type DocumentSummary,
  type Passage,
  type VersionSummary,
  type Visibility,
} from './types.js';

/** `tenant` is a tenant's id or name, as everywhere in the administration; omitted, the platform's own. */
export interface NewCollectionInput {
  tenant?: string | undefined;
  name: string;
  /** Default: `public` for a platform collection (an internal one would be read by no one), else `internal`. */
  visibility?: Visibility | undefined;
  allowPersonalData?: boolean | undefined;
}

/** Provenance as an operator types it: the language and classification are checked here. */
export type ProvenanceOptions = Omit<ProvenanceInput, 'language' | 'classification'> & {
  language?: string | undefined;
  classification?: string | undefined;
};

/** The admin API's query parameter for each provenance option of an upload. */
export const PROVENANCE_PARAMS = {
  title: 'title',
  publisher: 'publisher',
  sourceUri: 'source_uri',
  licence: 'licence',
  language: 'language',
  classification: 'classification',
  versionLabel: 'version',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  externalId: 'external_id',
} as const satisfies Record<Exclude<keyof ProvenanceOptions, 'demo'>, string>;

export interface NewDocumentInput {
  /** The collection's id, or its name among the owner's (the tenant's, or the platform's when no tenant is given). */
  collection: string;
  tenant?: string | undefined;
  fileName: string;
  bytes: Uint8Array;
  provenance: ProvenanceOptions;
}

export interface AddedDocument extends AddedVersion {
  /** Chunks of the stored version (of the existing one when nothing changed), quarantined ones included. */
  chunks: number;
}

export type DocumentDetail = DocumentSummary & { versions: VersionSummary[] };

export interface CorpusSearchResult {
  /** The language the question was read in. */
  language: LanguageLabel;
  passages: Passage[];
}

/**
 * Administration of the governed corpus: what `mizan corpus` does, on the database directly or through a
 * running server's admin API, and what that API serves. Unknown tenants, collections and documents are 404s.
 */
export interface CorpusAdmin {
  createCollection(input: NewCollectionInput): Promise<Collection>;
  /** The tenant's collections and the platform's; without a tenant, the platform's only. */
  listCollections(tenant?: string): Promise<Collection[]>;
  addDocument(input: NewDocumentInput): Promise<AddedDocument>;
  listDocuments(collection: string, tenant?: string): Promise<DocumentSummary[]>;
  getDocument(id: string): Promise<DocumentDetail>;
  withdraw(id: string, reason: string): Promise<DocumentSummary>;
  /** What the assistant would retrieve for this question, for a tenant (or for the platform's public collections). */
  search(question: string, tenant?: string): Promise<CorpusSearchResult>;
}

export interface LocalCorpusAdminOptions {
  store: CorpusStore;
  retriever: Retriever;
  findTenant(idOrName: string): Promise<{ id: string } | undefined>;
  maxBytes: number;
  /** Recorded with every version: who ingested it. */
  ingestedBy: string;
}

/** Checks what the ingestion trusts its caller for: front matter values are checked there, options here. */
function checkProvenance({ language, classification, ...rest }: ProvenanceOptions): ProvenanceInput {
  if (language !== undefined && !isLanguageLabel(language)) {
    throw errors.invalidRequest(
      'invalid_language',
      `"${language}" is not a language label such as fra_Latn or arb_Arab`,
      'language',
    );
  }
  if (classification !== undefined && !isClassification(classification)) {
    throw errors.invalidRequest(
      'invalid_classification',
      `classification must be one of ${CLASSIFICATIONS.join(', ')}`,
      'classification',
    );
  }
  return { ...rest, language, classification };
}

const isClassification = (value: string): value is Classification =>
  (CLASSIFICATIONS as readonly string[]).includes(value);

/** The corpus administration over the store itself: the server's, and the CLI's when it opens the database. */
export function createCorpusAdmin(options: LocalCorpusAdminOptions): CorpusAdmin {
  const { store, retriever } = options;

  async function tenantIdOf(tenant: string | undefined): Promise<string | null> {
    if (tenant === undefined) return null;
    const found = await options.findTenant(tenant);
    if (!found) throw errors.notFound('tenant_not_found', `no tenant "${tenant}"`, 'tenant');
    return found.id;
  }

  /** By id (of the tenant's or of the platform's, when a tenant is given), else by name among the owner's. */
  async function findCollection(idOrName: string, tenant: string | undefined): Promise<Collection> {
    const tenantId = await tenantIdOf(tenant);
    const byId = await store.getCollection(idOrName);
    if (byId && (tenant === undefined || byId.tenantId === tenantId || byId.tenantId === null)) return byId;
    const byName = (await store.listCollections(tenantId)).find(
      (c) => c.name === idOrName && c.tenantId === tenantId,
    );
    if (byName) return byName;
    const owner = tenant === undefined ? 'the platform' : `tenant "${tenant}"`;
    throw errors.notFound('collection_not_found', `no collection "${idOrName}" of ${owner}`, 'collection');
  }

  async function getDocument(id: string): Promise<DocumentDetail> {
    const document = await store.getDocument(id);
    if (!document) throw errors.notFound('document_not_found', `no document "${id}"`, 'id');
    return document;
  }

  return {
    async createCollection(input) {
      const tenantId = await tenantIdOf(input.tenant);
      const collection = await store.createCollection({
        tenantId,
        name: input.name,
        visibility: input.visibility ?? (tenantId === null ? 'public' : 'internal'),
        allowPersonalData: input.allowPersonalData === true,
      });
      retriever.invalidate();
      return collection;
    },

    listCollections: async (tenant) => store.listCollections(await tenantIdOf(tenant)),

    async addDocument(input) {
      const provenance = checkProvenance(input.provenance);
      const collection = await findCollection(input.collection, input.tenant);
      const added = await ingestDocument(
        store,
        {
          collection,
          fileName: input.fileName,
          bytes: input.bytes,
          provenance,
          ingestedBy: options.ingestedBy,
        },
        { maxBytes: options.maxBytes },
      );
      if (added.created) retriever.invalidate();
      const stored = (await getDocument(added.document.id)).versions.find((v) => v.version === added.version);
      return { ...added, chunks: stored?.chunks ?? 0 };
    },

    listDocuments: async (collection, tenant) =>
      store.listDocuments((await findCollection(collection, tenant)).id),

    getDocument,

    async withdraw(id, reason) {
      const document = await store.withdraw(id, reason);
      retriever.invalidate();
      return document;
    },

    async search(question, tenant) {
      const tenantId = await tenantIdOf(tenant);
      const passages = (await retriever.retrieve(question, tenantId)) ?? [];
      return { language: searchTerms(question).language, passages };
    },
  };
}
