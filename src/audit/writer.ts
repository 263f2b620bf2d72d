import { errors, isMizanError } from '../errors.js';
import type { Logger } from '../observability/logger.js';
import type {
  AuditContentRow,
  AuditEvent,
  AuditFilter,
  AuditStore,
  NewAuditEvent,
  PreparedAuditEvent,
} from '../store/audit-store.js';
import { newId } from '../store/ids.js';
import type { AuditSpool } from './spool.js';

/** What the rest of the platform writes audit events through. */
export interface AuditLog {
  /** Resolves once the event is durable: committed in the database, or synced to the spool. */
  append(event: NewAuditEvent, content?: Omit<AuditContentRow, 'recordId' | 'createdAt'>): Promise<void>;
  /** Oldest first. */
  list(filter?: AuditFilter): Promise<AuditEvent[]>;
}

export interface AuditWriter extends AuditLog {
  /** False while the database is unreachable and there is no spool: the gateway then refuses new requests. */
  accepting(): boolean;
  /** Records waiting in the spool for the database. */
  spooled(): number;
  close(): Promise<void>;
}

export interface AuditWriterOptions {
  store: AuditStore;
  /** Where records go while the database is unreachable; without one, requests are refused instead. */
  spool?: AuditSpool;
  logger?: Logger;
  /** How long to wait before trying the database again after it failed. */
  retryMs?: number;
  /** Called after each durable batch (metrics). */
  onBatch?: (records: number, seconds: number, where: 'database' | 'spool') => void;
}

/** SQLSTATE classes and socket errors that mean "the database cannot be reached", not "this record is wrong". */
const UNREACHABLE_STATES = /^(08|57P0[1-3]|53300)/;
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const UNREACHABLE_MESSAGES =
  /connection terminated|connection error|timeout exceeded when trying to connect|not queryable/i;

export function databaseUnreachable(error: unknown): boolean {
  if (isMizanError(error) || !(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_STATES.test(code) || UNREACHABLE_CODES.has(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(databaseUnreachable);
  return UNREACHABLE_MESSAGES.test(error.message);
}

const MAX_BATCH = 2_000;

/** 503 while the log cannot be written and there is no spool: nothing is served unaudited. */
export const auditUnavailable = (retryMs: number) =>
  errors.unavailable(
    'audit_unavailable',
    'the audit log cannot be written, so nothing is served until the database is back',
    Math.ceil(retryMs / 1000),
  );

interface Waiting {
  item: PreparedAuditEvent;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: appends that arrive while a batch is being written wait for the next one, which writes them all
 * in one transaction, so many concurrent requests cost one commit. One batch at a time per process keeps the
 * spool's order; the database's sequence orders the batches of several processes.
 */
export function createAuditWriter({
  store,
  spool,
  logger,
  retryMs = 1_000,
  onBatch,
}: AuditWriterOptions): AuditWriter {
  const queue: Waiting[] = [];
  let writing: Promise<void> | undefined;
  let spooledCount = 0;
  let spoolChecked = false;
  let failedAt: number | undefined;

  /** Moves the spool into the database, in order; true when it is empty afterwards. */
  async function replaySpool(): Promise<boolean> {
    if (!spool) return true;
    // Read once at the first write (records a previous run left); afterwards this process knows what it spooled.
    let records: PreparedAuditEvent[] | undefined;
    if (!spoolChecked) {
      records = await spool.read();
      spooledCount = records.length;
      spoolChecked = true;
    }
    if (spooledCount === 0) return true;
    if (failedAt !== undefined && Date.now() - failedAt < retryMs) return false;
    records ??= await spool.read();
    try {
      for (let i = 0; i < records.length; i += MAX_BATCH) await store.insert(records.slice(i, i + MAX_BATCH));
    } catch (error) {
      if (!databaseUnreachable(error)) throw error;
      failedAt = Date.now();
      return false;
    }
    await spool.clear();
    logger?.info({ records: records.length }, 'audit spool replayed into the database');
    spooledCount = 0;
    failedAt = undefined;
    return true;
  }

  async function writeBatch(items: PreparedAuditEvent[]): Promise<void> {
    const started = performance.now();
    const done = (where: 'database' | 'spool') =>
      onBatch?.(items.length, (performance.now() - started) / 1000, where);
    // While the spool holds records, new ones go after them, so that the log keeps their order.
    if (await replaySpool()) {
      try {
        await store.insert(items);
        failedAt = undefined;
        return done('database');
      } catch (error) {
        if (!databaseUnreachable(error)) {
          throw errors.internal('audit_write_failed', 'the audit record could not be written', error);
        }
        failedAt = Date.now();
        if (!spool) throw auditUnavailable(retryMs);
        logger?.warn('the database is unreachable: audit records go to the local spool until it is back');
      }
    }
    await spool!.write(items);
    spooledCount += items.length;
    done('spool');
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      try {
        await writeBatch(batch.map((w) => w.item));
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
  }

  function kick(): Promise<void> {
    writing ??= drain().finally(() => {
      writing = undefined;
      if (queue.length > 0) void kick();
    });
    return writing;
  }

  // Replays the spool even when no request comes to do it; never keeps the process alive.
  const timer = spool
    ? setInterval(() => {
        if (spooledCount > 0 && !writing)
          writing = replaySpool()
            .then(() => undefined)
            .catch((error: unknown) => logger?.error({ err: error }, 'audit spool replay failed'))
            .finally(() => {
              writing = undefined;
              if (queue.length > 0) void kick();
            });
      }, retryMs)
    : undefined;
  timer?.unref();

  return {
    append(event, content) {
      const id = event.id ?? newId('evt');
      const at = new Date();
      const item: PreparedAuditEvent = {
        event: { ...event, id, at, dataSubject: event.dataSubject ?? null },
        ...(content ? { content: { ...content, recordId: id, createdAt: at } } : {}),
      };
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        void kick();
      });
    },
    list: (filter) => store.list(filter),
    accepting: () => spool !== undefined || failedAt === undefined || Date.now() - failedAt >= retryMs,
    spooled: () => spooledCount,
    async close() {
      clearInterval(timer);
      await writing;
      await kick();
      await spool?.close();
    },
  };
}
