import type { LanguageLabel } from '../language/labels.js';

export type Visibility = 'public' | 'internal';
export type Classification = 'public' | 'internal' | 'confidential';
export const CLASSIFICATIONS: readonly Classification[] = ['public', 'internal', 'confidential'];

export interface Collection {
  id: string;
  /** Null for the platform's own collections, visible to every tenant. */
  tenantId: string | null;
  name: string;
  visibility: Visibility;
  /** Whether documents with personal data may be ingested (a register of decisions, say); off by default. */
  allowPersonalData: boolean;
}

/** Where a document comes from and how far it may travel: every answer that cites it carries this. */
export interface Provenance {
  title: string;
  publisher: string;
  sourceUri: string;
  licence: string;
  language: LanguageLabel;
  classification: Classification;
  /** The source's own version label (an edition, a date). */
  versionLabel?: string | undefined;
  /** ISO dates: the text applies from, and until. */
  validFrom?: string | undefined;
  validTo?: string | undefined;
  /** Written for the demo, to be replaced by official content. */
  demo?: boolean | undefined;
}

export interface DocumentSummary extends Provenance {
  id: string;
  collectionId: string;
  externalId: string;
  currentVersion: number;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
}

export interface VersionSummary {
  version: number;
  label: string | null;
  sha256: string;
  format: string;
  byteSize: number;
  validFrom: string | null;
  validTo: string | null;
  ingestedBy: string;
  ingestedAt: Date;
  chunks: number;
  quarantined: number;
}

/** A retrieved chunk with everything a citation needs. */
export interface Passage {
  chunkId: string;
  documentId: string;
  version: number;
  title: string;
  publisher: string;
  uri: string;
  licence: string;
  language: string;
  demo: boolean;
  article: string | null;
  headingPath: string[];
  text: string;
  /** Offsets of the passage in its version's text (JavaScript string offsets, end exclusive). */
  start: number;
  end: number;
  /** SHA-256 of the version's text: the exact text the answer relied on. */
  sha256: string;
  score: number;
}
