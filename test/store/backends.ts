import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { Client } from 'pg';
import { openDatabase, type Database } from '../../src/store/database.js';

/** A database the storage suite runs against, like Kysely's DIALECTS. */
export interface Backend {
  readonly name: 'pglite' | 'postgres';
  /** A new, empty database; its close() also disposes of it. */
  open(): Promise<Database>;
}

// dataDir is required by openDatabase but unused by these backends: nothing is written there.
const pglite: Backend = { name: 'pglite', open: () => openDatabase({ dataDir: tmpdir(), inMemory: true }) };

/** Runs one statement (create or drop database) on the server's maintenance database. */
export const onMaintenanceConnection = async (url: string, statement: string): Promise<void> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};

/** Each open() creates `mizan_test_<random>` through the server at `maintenanceUrl`; close() drops it. */
const postgres = (maintenanceUrl: string): Backend => ({
  name: 'postgres',
  async open() {
    const name = `mizan_test_${randomBytes(6).toString('hex')}`;
    await onMaintenanceConnection(maintenanceUrl, `create database ${name}`);
    const url = new URL(maintenanceUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.href, dataDir: tmpdir() });
    return {
      ...database,
      async close() {
        await database.close();
        await onMaintenanceConnection(maintenanceUrl, `drop database ${name} with (force)`);
      },
    };
  },
});

const postgresUrl = process.env.MIZAN_TEST_DATABASE_URL;

/** PGlite always; PostgreSQL when MIZAN_TEST_DATABASE_URL names a server the suite may create databases on. */
export const BACKENDS: readonly Backend[] = postgresUrl ? [pglite, postgres(postgresUrl)] : [pglite];
