import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool, TypeOverrides, types } from 'pg';
import { acquireDataDirLock } from './data-dir-lock.js';
import { pgliteDialect } from './pglite-dialect.js';
import type { DatabaseSchema } from './schema.js';

export interface DatabaseOptions {
  /** A `postgres://` URL; without it Mizan uses the embedded PGlite. */
  url?: string;
  /** PGlite keeps its files in `<dataDir>/pglite`. */
  dataDir: string;
  /** PGlite in memory (tests, demos): nothing is written to `dataDir`. */
  inMemory?: boolean;
}

export interface Database {
  db: Kysely<DatabaseSchema>;
  kind: 'pglite' | 'postgres';
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Parsers that make `pg` return what PGlite returns: int8 as a number when it fits, a bigint otherwise (pg's
 * default is a string). timestamptz (Date) and json/jsonb (parsed) already agree. Per pool, not global.
 */
const pgTypeParsers = (): TypeOverrides => {
  const overrides = new TypeOverrides();
  overrides.setTypeParser(types.builtins.INT8, (text: string) => {
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : BigInt(text);
  });
  return overrides;
};

const toDatabase = (
  db: Kysely<DatabaseSchema>,
  kind: Database['kind'],
  close: () => Promise<void>,
): Database => {
  let closing: Promise<void> | undefined;
  return {
    db,
    kind,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    // A second close() waits for the first instead of closing twice.
    close: () => (closing ??= close()),
  };
};

const openPostgres = (url: string): Database => {
  const pool = new Pool({ connectionString: url, types: pgTypeParsers() });
  // Without a listener a client's network error (the server restarting) would crash the process: an idle client's
  // reaches the pool, which drops it; a checked-out one's (between the queries of a transaction) reaches the client.
  // Either way the query in progress, or the next one, reports the failure.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return toDatabase(db, 'postgres', () => db.destroy());
};

const pgliteDatabase = (pglite: PGlite, afterClose: () => void): Database => {
  const db = new Kysely<DatabaseSchema>({ dialect: pgliteDialect(pglite) });
  return toDatabase(db, 'pglite', async () => {
    try {
      await db.destroy();
      await pglite.close();
    } finally {
      afterClose();
    }
  });
};

const openPGlite = async ({ dataDir, inMemory }: DatabaseOptions): Promise<Database> => {
  if (inMemory) return pgliteDatabase(await PGlite.create(), () => {});

  await mkdir(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  try {
    return pgliteDatabase(await PGlite.create(join(dataDir, 'pglite')), lock.release);
  } catch (error) {
    lock.release();
    throw error;
  }
};

/** Opens PostgreSQL when `url` is set, else PGlite; migrations are a separate step (`migrateToLatest`). */
export const openDatabase = async (options: DatabaseOptions): Promise<Database> =>
  options.url ? openPostgres(options.url) : openPGlite(options);
