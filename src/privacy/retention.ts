import type { AuditLog } from '../audit/writer.js';
import type { Logger } from '../observability/logger.js';
import type { RightsStore } from '../store/rights-store.js';
import type { VaultStore } from '../store/vault-store.js';
import { retentionCutoff } from './rights/deadlines.js';

export interface RetentionDependencies {
  store: Pick<RightsStore, 'retentionPeriods' | 'applyRetention'>;
  vaults: Pick<VaultStore, 'purgeExpired'>;
  audit: AuditLog;
}

export interface RetentionReport {
  /** Per application with a register entry: its declared retention and what was purged. */
  applications: Record<string, { retention_days: number; contents: number; review_cases: number }>;
  vault_entries: number;
}

/**
 * One pass of retention (Law 09-08 art. 3 and 55, LAW.md R7): for each registered application, the content of
 * its flows older than its declared `retention_days` is deleted and the text of its decided review cases blanked,
 * except what a legal hold covers; expired vault entries are purged. The audit records themselves are never
 * deleted: they hold ids, codes, counts and salted commitments, nothing that names anyone, and deleting any would
 * break the log's proofs. The pass is recorded with its counts; running it again changes nothing.
 */
export async function runRetention(
  deps: RetentionDependencies,
  now: Date = new Date(),
): Promise<RetentionReport> {
  const report: RetentionReport = { applications: {}, vault_entries: 0 };
  for (const { applicationId, retentionDays } of await deps.store.retentionPeriods()) {
    const purged = await deps.store.applyRetention(applicationId, retentionCutoff(now, retentionDays));
    report.applications[applicationId] = {
      retention_days: retentionDays,
      contents: purged.contents,
      review_cases: purged.reviewCases,
    };
  }
  report.vault_entries = await deps.vaults.purgeExpired(now);
  await deps.audit.append({
    kind: 'retention',
    tenantId: null,
    applicationId: null,
    action: 'retention.run',
    actor: 'gateway',
    subject: null,
    detail: { ...report, at: now.toISOString() },
  });
  return report;
}

/** Runs retention every `intervalMs`; the timer never keeps the process alive. */
export function createRetentionJob(deps: RetentionDependencies & { intervalMs: number; logger: Logger }) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const runOnce = (now?: Date): Promise<RetentionReport> => {
    // One pass at a time in a process; replicas running at once only find less to do.
    const pass = running.then(() => runRetention(deps, now));
    running = pass.catch(() => undefined);
    return pass;
  };
  const sweep = () => {
    runOnce().catch((error: unknown) => deps.logger.error({ err: error }, 'retention sweep failed'));
  };
  return {
    runOnce,
    start() {
      timer = setInterval(sweep, deps.intervalMs);
      timer.unref();
    },
    /** Stops the timer and waits for a pass under way, so the database can be closed after. */
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

export type RetentionJob = ReturnType<typeof createRetentionJob>;
