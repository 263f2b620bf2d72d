/**
 * Writes audit exports in the format `mizan audit verify` reads, without a database: the verifier's tests build
 * them (and then tamper with them), and the audit benchmark builds a large one. Uses the log's own pieces (canonical
 * JSON, TreeBuilder, signed heads), so an untouched export must verify.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EXPORT_FILES,
  EXPORT_FORMAT,
  exportLine,
  HEADS_FILE,
  KEYS_FILE,
  MANIFEST_FILE,
  RECORDS_FILE,
  sha256File,
  type ExportKey,
  type ExportManifest,
} from '../../src/audit/export-format.js';
import { recordLeafHash, TreeBuilder } from '../../src/audit/merkle.js';
import type { AuditRecord } from '../../src/audit/record.js';
import { signTreeHead, type SignedTreeHead, type SigningKey } from '../../src/audit/signed-head.js';

export const TEST_LOG_ID = 'mizan-test-log';
const EPOCH = Date.parse('2026-11-01T08:00:00.000Z');

/** A flow record as the gateway writes it, about 700 bytes of JSON. */
export const sampleRecord = (i: number): AuditRecord => ({
  id: `evt_${i.toString(16).padStart(12, '0')}`,
  at: new Date(EPOCH + i * 250).toISOString(),
  tenant_id: i % 4 === 0 ? 'ten_b' : 'ten_a',
  application_id: `app_${i % 8}`,
  kind: 'flow',
  action: 'chat',
  actor: `application:app_${i % 8}`,
  subject: null,
  data_subject: `sub_${(i % 5000).toString(16).padStart(32, '0')}`,
  detail: {
    request_id: `req-${i}`,
    outcome: i % 50 === 0 ? 'refused' : 'completion',
    purpose: 'Information des usagers sur les démarches administratives',
    legal_basis: 'public_interest',
    risk_tier: 'limited',
    language: 'ary_Arab',
    data_categories: i % 3 === 0 ? { MA_PHONE: { pseudonymize: 1 } } : {},
    model: { id: 'atlas', provider: 'dc', country: 'MA' },
    sources: [{ document_id: 'doc_1', version: 3, sha256: 'ab'.repeat(32) }],
    grounded: true,
    latency_ms: 180 + (i % 40),
    tokens: 420,
    content: { request: 'cd'.repeat(32), answer: 'ef'.repeat(32), kept: false },
  },
});

export interface ExportSpec {
  records: number;
  key: SigningKey;
  logId?: string;
  /** Tree sizes at which heads were signed; a head of the full size is always added. */
  headsAt?: number[];
  /** Which records are in the export's filter (in full); the others are written as their leaf hash. */
  inFull?: (index: number) => boolean;
  record?: (index: number) => AuditRecord;
}

export interface WrittenExport {
  manifest: ExportManifest;
  heads: SignedTreeHead[];
}

const LINES_PER_WRITE = 5_000;

/** Writes an export of `spec.records` records to `dir` (created if needed). */
export async function writeExport(dir: string, spec: ExportSpec): Promise<WrittenExport> {
  const { key, logId = TEST_LOG_ID, inFull = () => true, record = sampleRecord } = spec;
  await mkdir(dir, { recursive: true });
  const headSizes = new Set([...(spec.headsAt ?? []), spec.records]);
  const headAt = (size: number) =>
    signTreeHead(key, logId, size, builder.root(), new Date(EPOCH + size * 250 + 1));
  const builder = new TreeBuilder();
  const heads: SignedTreeHead[] = headSizes.has(0) ? [headAt(0)] : [];
  const records = createWriteStream(join(dir, RECORDS_FILE));
  let inFullCount = 0;
  let chunk = '';
  for (let index = 0; index < spec.records; index++) {
    const full = inFull(index);
    const content = record(index);
    const leaf = recordLeafHash(content);
    if (full) inFullCount++;
    chunk += exportLine({ index, leaf_hash: leaf.toString('hex'), ...(full ? { record: content } : {}) });
    builder.append(leaf);
    if (headSizes.has(builder.size)) heads.push(headAt(builder.size));
    if ((index + 1) % LINES_PER_WRITE === 0) {
      const flowing = records.write(chunk);
      chunk = '';
      if (!flowing) await once(records, 'drain');
    }
  }
  records.end(chunk);
  await once(records, 'finish');
  await writeFile(join(dir, HEADS_FILE), heads.map((h) => `${JSON.stringify(h)}\n`).join(''));
  const keys: ExportKey[] = [{ key_id: key.keyId, algorithm: 'Ed25519', public_key: key.publicKeyPem }];
  await writeFile(join(dir, KEYS_FILE), `${JSON.stringify(keys, null, 2)}\n`);
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    log_id: logId,
    exported_at: new Date(EPOCH + spec.records * 250 + 1000).toISOString(),
    tree_size: spec.records,
    filter: {},
    records_in_full: inFullCount,
    files: {},
  };
  await writeManifest(dir, manifest);
  return { manifest, heads };
}

/** Writes the manifest with the current hashes of the files: what someone rewriting an export would do. */
export async function writeManifest(dir: string, manifest: ExportManifest): Promise<void> {
  for (const file of EXPORT_FILES) manifest.files[file] = await sha256File(join(dir, file));
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export const readManifest = async (dir: string): Promise<ExportManifest> =>
  JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as ExportManifest;
