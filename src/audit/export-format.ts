import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { errors } from '../errors.js';
import { canonicalJson } from './canonical.js';
import type { AuditRecord } from './record.js';

/**
 * The export an auditor verifies offline (`mizan audit export` writes it, `mizan audit verify` reads it): a folder
 * with the manifest, every leaf in order, every signed head and the public keys.
 *
 * - manifest.json: ExportManifest, with the SHA-256 of the three other files.
 * - records.jsonl: exactly tree_size lines in leaf order, each an ExportLine: a record in the export's filter in
 *   full, any other as its leaf hash alone (which reveals nothing of it, yet keeps the whole tree verifiable).
 * - heads.jsonl: the signed tree heads (SignedTreeHead) up to tree_size, ascending; the last one of tree_size.
 * - keys.json: ExportKey[], the public keys that signed them.
 */
export const EXPORT_FORMAT = 'mizan-audit-export/v1';
export const MANIFEST_FILE = 'manifest.json';
export const RECORDS_FILE = 'records.jsonl';
export const HEADS_FILE = 'heads.jsonl';
export const KEYS_FILE = 'keys.json';
/** The files the manifest vouches for, in the order they are checked. */
export const EXPORT_FILES = [RECORDS_FILE, HEADS_FILE, KEYS_FILE] as const;

export interface ManifestFilter {
  from?: string;
  to?: string;
  application?: string;
  tenant?: string;
}

export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  log_id: string;
  exported_at: string;
  tree_size: number;
  filter: ManifestFilter;
  records_in_full: number;
  /** SHA-256 (hex) of each of EXPORT_FILES. */
  files: Record<string, string>;
}

/** One leaf: in full when it is in the export's filter, otherwise its hash alone. */
export interface ExportLine {
  index: number;
  /** Hex; for a record in full, recordLeafHash(record). */
  leaf_hash: string;
  record?: AuditRecord;
}

export interface ExportKey {
  key_id: string;
  algorithm: 'Ed25519';
  /** SubjectPublicKeyInfo PEM. */
  public_key: string;
}

/**
 * A line of records.jsonl as the writer should write it: canonical JSON, so that the record within is already in
 * canonical order and the verifier re-serializes it on its fast path (any other key order verifies too, slower).
 */
export const exportLine = (line: ExportLine): string => `${canonicalJson(line)}\n`;

const SHA256_HEX = /^[0-9a-f]{64}$/;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const malformed = (message: string) => errors.invalidRequest('export_malformed', message);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The manifest read from its JSON text; throws export_malformed naming what is wrong. */
export function parseManifest(text: string): ExportManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed(`${MANIFEST_FILE} is not JSON`);
  }
  if (!isObject(value)) throw malformed(`${MANIFEST_FILE} is not a JSON object`);
  if (value.format !== EXPORT_FORMAT)
    throw malformed(
      `${MANIFEST_FILE} has format ${JSON.stringify(value.format)}; this verifier reads ${EXPORT_FORMAT}`,
    );
  if (typeof value.log_id !== 'string') throw malformed(`${MANIFEST_FILE} has no log_id`);
  for (const field of ['tree_size', 'records_in_full'] as const) {
    const n = value[field];
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
      throw malformed(`${MANIFEST_FILE} has no valid ${field}`);
  }
  if (!isObject(value.files)) throw malformed(`${MANIFEST_FILE} lists no file hashes`);
  for (const file of EXPORT_FILES) {
    const hash = value.files[file];
    if (typeof hash !== 'string' || !SHA256_HEX.test(hash))
      throw malformed(`${MANIFEST_FILE} has no SHA-256 for ${file}`);
  }
  return {
    format: EXPORT_FORMAT,
    log_id: value.log_id,
    exported_at: typeof value.exported_at === 'string' ? value.exported_at : '',
    tree_size: value.tree_size as number,
    filter: isObject(value.filter) ? (value.filter as ManifestFilter) : {},
    records_in_full: value.records_in_full as number,
    files: value.files as Record<string, string>,
  };
}

/** keys.json read from its JSON text (the keys' PEM is checked by whoever uses them); throws export_malformed. */
export function parseKeys(text: string): ExportKey[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed(`${KEYS_FILE} is not JSON`);
  }
  if (!Array.isArray(value)) throw malformed(`${KEYS_FILE} is not a JSON array`);
  return value.map((key: unknown, i) => {
    if (
      !isObject(key) ||
      typeof key.key_id !== 'string' ||
      key.algorithm !== 'Ed25519' ||
      typeof key.public_key !== 'string'
    )
      throw malformed(`${KEYS_FILE} entry ${i + 1} is not {key_id, algorithm: "Ed25519", public_key}`);
    return { key_id: key.key_id, algorithm: 'Ed25519', public_key: key.public_key };
  });
}

/** An export line's shape, before its hash is checked; a string says what is wrong with it. */
export function parseExportLine(text: string): ExportLine | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (!isObject(value)) return 'not a JSON object';
  if (typeof value.index !== 'number' || !Number.isSafeInteger(value.index) || value.index < 0)
    return 'no valid index';
  if (typeof value.leaf_hash !== 'string' || !SHA256_HEX.test(value.leaf_hash))
    return 'no valid leaf_hash (64 hex digits)';
  if (value.record !== undefined && !isObject(value.record)) return 'a record that is not a JSON object';
  return value as unknown as ExportLine;
}

/**
 * Streams a file in blocks of whole lines (each ends with '\n', except the file's last block when the file does not),
 * hashing the bytes on the way so the file is read once. `sha256()` is the file's hash once iteration has ended.
 * Each block is read into memory of its own, so it can be moved to a worker thread without a copy.
 */
export class BlockReader implements AsyncIterable<Uint8Array> {
  readonly #path: string;
  readonly #blockBytes: number;
  readonly #hash = createHash('sha256');
  #digest: string | undefined;

  constructor(path: string, blockBytes = 1 << 20) {
    this.#path = path;
    this.#blockBytes = blockBytes;
  }

  sha256(): string {
    if (this.#digest === undefined) throw new Error('the file has not been read to its end');
    return this.#digest;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const file = await open(this.#path, 'r');
    try {
      let rest = new Uint8Array(0);
      for (;;) {
        // The unfinished line of the last block goes in front of the next one.
        const buffer = new Uint8Array(rest.length + this.#blockBytes);
        buffer.set(rest);
        const { bytesRead } = await file.read(buffer, rest.length, this.#blockBytes, null);
        if (bytesRead === 0) break;
        this.#hash.update(buffer.subarray(rest.length, rest.length + bytesRead));
        const filled = rest.length + bytesRead;
        const end = buffer.lastIndexOf(10, filled - 1) + 1;
        rest = end === 0 ? buffer.subarray(0, filled) : buffer.slice(end, filled);
        if (end > 0) yield buffer.subarray(0, end);
      }
      this.#digest = this.#hash.digest('hex');
      if (rest.length > 0) yield rest;
    } finally {
      await file.close();
    }
  }
}

/** Calls `each` with every line of a block (without its '\n'); a final segment without '\n' is a line too. */
export function forEachLine(block: Uint8Array, each: (text: string, line: number) => void): number {
  const bytes = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  let line = 0;
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(10, start);
    const end = newline === -1 ? bytes.length : newline;
    each(bytes.toString('utf8', start, end), line++);
    start = end + 1;
  }
  return line;
}
