import type { Logger } from '../observability/logger.js';
import type { UsageQuery, UsageRow, UsageStore } from '../store/usage-store.js';

export interface UsageEntry {
  tenantId: string;
  applicationId: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** Undefined when the model's energy and size are unknown. */
  energyWh: number | undefined;
}

export interface UsageAccounting {
  record(entry: UsageEntry, at?: Date): void;
  /** Writes what was counted since the last flush. */
  flush(): Promise<void>;
  /** This process's counts flushed first, so that a reader sees every request it answered. */
  list(query: UsageQuery): Promise<UsageRow[]>;
  close(): Promise<void>;
}

/**
 * Counts usage in memory and adds it to the database every `flushMs`, one upsert per application, model and day:
 * a write per request would put every replica's requests in line for the same row. What a failed write held is
 * kept for the next one; a crash loses at most `flushMs` of counts (the audit log keeps each request's tokens).
 */
export function createUsageAccounting(store: UsageStore, flushMs: number, logger: Logger): UsageAccounting {
  let pending = new Map<string, UsageRow>();
  let flushing: Promise<void> = Promise.resolve();
  let failing = false;

  const merge = (into: Map<string, UsageRow>, row: UsageRow) => {
    const key = `${row.applicationId}\u0000${row.model}\u0000${row.day}`;
    const existing = into.get(key);
    if (!existing) into.set(key, { ...row });
    else {
      existing.requests += row.requests;
      existing.promptTokens += row.promptTokens;
      existing.completionTokens += row.completionTokens;
      if (row.energyWh !== null) existing.energyWh = (existing.energyWh ?? 0) + row.energyWh;
    }
  };

  const write = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    try {
      await store.add([...batch.values()]);
      if (failing) logger.info('usage is written again');
      failing = false;
    } catch (error) {
      for (const row of batch.values()) merge(pending, row);
      // Once per outage, not once per flush.
      if (!failing) logger.error({ err: error }, 'usage could not be written; it is kept for the next try');
      failing = true;
      throw error;
    }
  };
  // One write at a time, so that a row is never in two statements at once.
  const flush = () => (flushing = flushing.catch(() => undefined).then(write));

  const timer = setInterval(() => void flush().catch(() => undefined), flushMs);
  timer.unref();

  return {
    record(entry, at = new Date()) {
      merge(pending, {
        tenantId: entry.tenantId,
        applicationId: entry.applicationId,
        model: entry.model,
        day: at.toISOString().slice(0, 10),
        requests: 1,
        promptTokens: entry.promptTokens,
        completionTokens: entry.completionTokens,
        energyWh: entry.energyWh ?? null,
      });
    },
    flush,
    async list(query) {
      await flush();
      return store.list(query);
    },
    async close() {
      clearInterval(timer);
      await flush().catch(() => undefined);
    },
  };
}
