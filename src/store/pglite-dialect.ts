import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/** Commands whose row count Kysely reports as `numAffectedRows`, as its own PostgreSQL driver does. */
const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** A FIFO lock: `lock()` resolves once every earlier holder has called its release function. */
const createMutex = () => {
  let tail: Promise<void> = Promise.resolve();
  return {
    async lock(): Promise<() => void> {
      const previous = tail;
      let release!: () => void;
      tail = new Promise((resolve) => (release = resolve));
      await previous;
      return release;
    },
  };
};

const createConnection = (pglite: PGlite): DatabaseConnection => {
  const executeQuery = async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
    const { rows, command, affectedRows } = await pglite.query<R>(query.sql, [...query.parameters]);
    const isWrite = command !== undefined && WRITE_COMMANDS.has(command);
    return { rows, numAffectedRows: isWrite ? BigInt(affectedRows ?? 0) : undefined };
  };
  return {
    executeQuery,
    // PGlite hands back whole results, so a stream is a single chunk.
    async *streamQuery<R>(query: CompiledQuery) {
      yield await executeQuery<R>(query);
    },
  };
};

const createDriver = (pglite: PGlite): Driver => {
  // PGlite is one session: a transaction must own it from BEGIN to COMMIT, so every acquisition waits its turn.
  const mutex = createMutex();
  const connection = createConnection(pglite);
  let release: (() => void) | undefined;

  const run = (text: string) => connection.executeQuery(CompiledQuery.raw(text)).then(() => undefined);

  // Savepoints are optional in Kysely's Driver and Mizan never nests transactions, so they are not offered.
  return {
    init: async () => {},
    async acquireConnection() {
      release = await mutex.lock();
      return connection;
    },
    async releaseConnection() {
      release?.();
      release = undefined;
    },
    // Kysely validates the settings against its closed lists before they reach the driver.
    beginTransaction: (_connection, { isolationLevel, accessMode }: TransactionSettings) =>
      run(
        ['start transaction', isolationLevel && `isolation level ${isolationLevel}`, accessMode]
          .filter(Boolean)
          .join(' '),
      ),
    commitTransaction: () => run('commit'),
    rollbackTransaction: () => run('rollback'),
    // Waits for the work in flight so the owner can close PGlite right after `db.destroy()`.
    async destroy() {
      await mutex.lock();
    },
  };
};

/**
 * A Kysely dialect over one PGlite instance. The caller owns the instance: it creates it and closes it after
 * `db.destroy()`, which returns once no query or transaction is using it.
 */
export const pgliteDialect = (pglite: PGlite): Dialect => ({
  createDriver: () => createDriver(pglite),
  createAdapter: () => new PostgresAdapter(),
  createIntrospector: (db) => new PostgresIntrospector(db),
  createQueryCompiler: () => new PostgresQueryCompiler(),
});
