/**
 * Whether the replicas wrote one consistent audit log with a record for every accepted request: once every record
 * is placed in the tree, the log is exported as an auditor would get it and checked by the offline verifier (every
 * signed head, from whichever replica, against the one tree recomputed from the records, signatures pinned to the
 * deployment's key); then each 200 answer's audit id is looked for among the exported records.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { RECORDS_FILE } from '../../src/audit/export-format.js';
import { exportLog } from '../../src/audit/export.js';
import { publicKeyFrom } from '../../src/audit/signed-head.js';
import { verifyExport } from '../../src/audit/verify-export.js';
import { createAuditStore } from '../../src/store/audit-store.js';
import { openDatabase } from '../../src/store/database.js';

const INTEGRATION_TIMEOUT_MS = 60_000;
const POLL_MS = 200;

export interface AuditCheck {
  /** 200 answers (warm-up included) and their distinct audit ids. */
  answered: number;
  distinctIds: number;
  /** Flow records in the database: one per request the gateways received. */
  flowRecords: number;
  /** Records of any kind in the tree, and signed heads checked by the verifier. */
  treeSize: number;
  headsChecked: number;
  /** Keys that signed heads. */
  signingKeys: number;
  /** Audit ids of 200 answers absent from the exported log. */
  missing: string[];
  /** The verifier's verdict and, when it failed, its problems. */
  valid: boolean;
  problems: string[];
}

export const auditIntact = (check: AuditCheck): boolean =>
  check.valid && check.missing.length === 0 && check.distinctIds === check.answered;

export async function checkAuditLog(options: {
  databaseUrl: string;
  logId: string;
  publicKeyPem: string;
  auditIds: string[];
}): Promise<AuditCheck> {
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  let flowRecords: number;
  try {
    flowRecords = await waitForIntegration(client);
  } finally {
    await client.end();
  }

  const dir = mkdtempSync(join(tmpdir(), 'mizan-scale-export-'));
  const database = await openDatabase({ url: options.databaseUrl, dataDir: dir });
  try {
    const exported = join(dir, 'export');
    await exportLog(createAuditStore(database.db), exported, {}, options.logId);
    const { keyId, publicKey } = publicKeyFrom(options.publicKeyPem);
    const report = await verifyExport(exported, { pinnedKeys: new Map([[keyId, publicKey]]) });
    const inLog = new Set<string>();
    for (const line of readFileSync(join(exported, RECORDS_FILE), 'utf8').split('\n')) {
      if (line) inLog.add((JSON.parse(line) as { record?: { id: string } }).record?.id ?? '');
    }
    const keys = JSON.parse(readFileSync(join(exported, 'keys.json'), 'utf8')) as unknown[];
    return {
      answered: options.auditIds.length,
      distinctIds: new Set(options.auditIds).size,
      flowRecords,
      treeSize: report.tree_size,
      headsChecked: report.heads_checked,
      signingKeys: keys.length,
      missing: options.auditIds.filter((id) => !inLog.has(id)),
      valid: report.valid,
      problems: report.problems.map((p) => `${p.code}: ${p.message}`),
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until every record has its leaf and the latest signed head covers them all; returns the flow records. */
async function waitForIntegration(client: Client): Promise<number> {
  const deadline = performance.now() + INTEGRATION_TIMEOUT_MS;
  for (;;) {
    const { rows } = await client.query<{
      total: string;
      pending: string;
      flows: string;
      head: string | null;
    }>(
      `select count(*) as total, count(*) filter (where leaf_index is null) as pending,
              count(*) filter (where kind = 'flow') as flows,
              (select max(tree_size) from audit_heads) as head
         from audit_events`,
    );
    const row = rows[0]!;
    if (row.pending === '0' && row.head === row.total) return Number(row.flows);
    if (performance.now() > deadline) {
      throw new Error(
        `the log was not integrated within ${INTEGRATION_TIMEOUT_MS / 1000} s: ${row.pending} of ${row.total} records pending, latest head ${row.head}`,
      );
    }
    await sleep(POLL_MS);
  }
}
