import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errors } from '../errors.js';
import type { AuditEvent, AuditStore } from '../store/audit-store.js';
import {
  EXPORT_FORMAT,
  HEADS_FILE,
  KEYS_FILE,
  MANIFEST_FILE,
  RECORDS_FILE,
  sha256File,
  type ExportKey,
  exportLine,
  type ExportManifest,
} from './export-format.js';
import { auditRecord, signedHead } from './record.js';

export interface ExportFilter {
  from?: Date;
  to?: Date;
  applicationId?: string;
  /** A tenant's auditor sees only that tenant's records in full. */
  tenantId?: string;
}

const PAGE = 10_000;

const inFilter = (event: AuditEvent, f: ExportFilter) =>
  (f.from === undefined || event.at >= f.from) &&
  (f.to === undefined || event.at < f.to) &&
  (f.applicationId === undefined || event.applicationId === f.applicationId) &&
  (f.tenantId === undefined || event.tenantId === f.tenantId);

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/**
 * Writes the log up to its latest signed head in the export format the offline verifier reads: every leaf in
 * order (records in the filter in full, the others as their leaf hash only, which reveals nothing), every head up
 * to that size, and the public keys that signed them. An auditor can then check the whole tree without the
 * database and without trusting the operator (pinning the public key they obtained separately).
 */
export async function exportLog(
  store: AuditStore,
  dir: string,
  filter: ExportFilter,
  logId: string,
): Promise<ExportManifest> {
  const toSigned = signedHead(logId);
  const head = await store.latestHead();
  if (!head) throw errors.unavailable('audit_log_empty', 'the audit log has no signed head yet', 1);
  await mkdir(dir, { recursive: true });

  const records = createWriteStream(join(dir, RECORDS_FILE), { flags: 'wx' });
  let inFull = 0;
  for (let from = 0; from < head.treeSize; from += PAGE) {
    const to = Math.min(from + PAGE, head.treeSize);
    const [events, leaves] = await Promise.all([
      store.byLeafRange(from, to),
      store.nodes(Array.from({ length: to - from }, (_, i) => ({ level: 0, index: from + i }))),
    ]);
    const leafHash = new Map(leaves.map((n) => [n.index, n.hash.toString('hex')]));
    const byIndex = new Map(events.map((e) => [e.leafIndex!, e]));
    let lines = '';
    for (let index = from; index < to; index++) {
      const hash = leafHash.get(index);
      const event = byIndex.get(index);
      if (!hash || !event)
        throw errors.internal('audit_tree_incomplete', `leaf ${index} is missing from the store`);
      const full = inFilter(event, filter);
      if (full) inFull++;
      lines += exportLine(
        full ? { index, leaf_hash: hash, record: auditRecord(event) } : { index, leaf_hash: hash },
      );
    }
    await write(records, lines);
  }
  await close(records);

  const heads = createWriteStream(join(dir, HEADS_FILE), { flags: 'wx' });
  for (let after = -1; ;) {
    const page = await store.heads(after, head.treeSize, PAGE);
    if (page.length === 0) break;
    await write(heads, page.map((h) => JSON.stringify(toSigned(h)) + '\n').join(''));
    after = page.at(-1)!.treeSize;
  }
  await close(heads);

  const keys: ExportKey[] = (await store.keys()).map((k) => ({
    key_id: k.keyId,
    algorithm: 'Ed25519',
    public_key: k.publicKey,
  }));
  await writeFile(join(dir, KEYS_FILE), JSON.stringify(keys, null, 2) + '\n', { flag: 'wx' });

  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    log_id: logId,
    exported_at: new Date().toISOString(),
    tree_size: head.treeSize,
    filter: {
      ...(filter.from ? { from: filter.from.toISOString() } : {}),
      ...(filter.to ? { to: filter.to.toISOString() } : {}),
      ...(filter.applicationId ? { application: filter.applicationId } : {}),
      ...(filter.tenantId ? { tenant: filter.tenantId } : {}),
    },
    records_in_full: inFull,
    files: {
      [RECORDS_FILE]: await sha256File(join(dir, RECORDS_FILE)),
      [HEADS_FILE]: await sha256File(join(dir, HEADS_FILE)),
      [KEYS_FILE]: await sha256File(join(dir, KEYS_FILE)),
    },
  };
  await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', { flag: 'wx' });
  return manifest;
}
