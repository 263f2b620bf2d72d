import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/load.js';
import type { MizanConfig } from '../config/schema.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { createAuditStore, type AuditStore } from '../store/audit-store.js';
import type { Database } from '../store/database.js';
import { readOrCreateSecretFile } from '../tenancy/server-secret.js';
import { exportLog, type ExportFilter } from './export.js';
import { flowStats, type FlowStatsQuery } from './flow-stats.js';
import { createIntegrator } from './integrator.js';
import { createProofs } from './proofs.js';
import { signedHead } from './record.js';
import { signingKeyFrom, type SigningKey } from './signed-head.js';
import { createAuditSpool } from './spool.js';
import { createAuditWriter } from './writer.js';

export const SIGNING_KEY_ENV = 'MIZAN_AUDIT_SIGNING_KEY';
export const SIGNING_KEY_FILE_ENV = 'MIZAN_AUDIT_SIGNING_KEY_FILE';
const SIGNING_KEY_FILE = 'audit-signing-key';

/**
 * The key that signs tree heads: `MIZAN_AUDIT_SIGNING_KEY` (an Ed25519 PKCS#8 PEM, or a 32-byte seed in base64 or
 * hex) or the file `MIZAN_AUDIT_SIGNING_KEY_FILE` names; on the embedded database, a seed created in the data
 * folder; with PostgreSQL and neither, a ConfigError, since every replica must sign as the same log.
 */
export function resolveSigningKey(
  env: Record<string, string | undefined>,
  dataDir: string,
  databaseUrl: string | undefined,
): SigningKey {
  const fromEnv = env[SIGNING_KEY_ENV]?.trim();
  if (fromEnv) return signingKeyFrom(fromEnv);
  const file = env[SIGNING_KEY_FILE_ENV]?.trim();
  if (file) return signingKeyFrom(readFileSync(file, 'utf8'));
  if (databaseUrl) {
    throw new ConfigError([
      {
        key: SIGNING_KEY_ENV,
        source: 'environment',
        message: `required with a PostgreSQL database, so that every replica signs the one audit log with the same key: set ${SIGNING_KEY_ENV} (or ${SIGNING_KEY_FILE_ENV}) to an Ed25519 private key in PEM, or to 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`)`,
      },
    ]);
  }
  return signingKeyFrom(readOrCreateSecretFile(dataDir, SIGNING_KEY_FILE));
}

export interface AuditServiceOptions {
  config: MizanConfig;
  database: Database;
  env: Record<string, string | undefined>;
  logger: Logger;
  metrics?: Metrics;
}

/**
 * The verifiable audit log, wired: the group-committing writer (with its spool), the integrator that builds the
 * Merkle tree and signs heads, proofs, exports and the dashboards' figures.
 */
export async function createAuditService({ config, database, env, logger, metrics }: AuditServiceOptions) {
  const { audit } = config;
  const key = resolveSigningKey(env, config.data_dir, config.database.url);
  const store: AuditStore = createAuditStore(database.db);
  await store.recordKey(key.keyId, key.publicKeyPem);

  const toSigned = signedHead(audit.log_id);
  const writer = createAuditWriter({
    store,
    ...(audit.on_database_unavailable === 'spool'
      ? { spool: createAuditSpool(audit.spool_path ?? join(config.data_dir, 'audit-spool.jsonl')) }
      : {}),
    logger,
    retryMs: audit.retry_ms,
    ...(metrics ? { onBatch: metrics.observeAuditBatch } : {}),
  });
  const integrator = createIntegrator({
    store,
    key,
    logId: audit.log_id,
    intervalMs: audit.integrate_interval_ms,
    logger,
  });
  // The first head (of the empty log) exists before the first request, so /v1/audit/sth always answers.
  await integrator.integrate();

  return {
    store,
    /** Where every event is appended (group commit, spool); also tells whether requests may be accepted. */
    log: writer,
    integrator,
    key,
    logId: audit.log_id,
    toSigned,
    proofs: createProofs(store, toSigned),
    export: (dir: string, filter: ExportFilter) => exportLog(store, dir, filter, audit.log_id),
    stats: (query: FlowStatsQuery) => flowStats(database.db, query),
    start: () => integrator.start(),
    async stop() {
      await writer.close();
      await integrator.stop();
    },
  };
}

export type AuditService = Awaited<ReturnType<typeof createAuditService>>;
