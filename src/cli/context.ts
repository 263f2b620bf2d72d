import { loadConfig } from '../config/load.js';
import type { MizanConfig } from '../config/schema.js';
import { openDatabase, type Database } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { createTenancyStore } from '../store/tenancy-store.js';
import { resolveKeyHashSecret } from '../tenancy/server-secret.js';
import { createTenancyService, type TenancyAdmin } from '../tenancy/tenancy-service.js';
import { isMizanError } from '../errors.js';
import { findLocalServer, type LocalServer } from './local-server.js';
import { createRemoteTenancy } from './remote-tenancy.js';

export interface CliOptions {
  config?: string;
  json: boolean;
}

/** One administration (tenancy, corpus) made two ways: over the open database, or over a running server's API. */
export interface AdminBackends<A> {
  local(database: Database): A;
  remote(server: LocalServer): A;
}

/**
 * The administration commands work on the database directly (open, migrate, act, close), or through the admin
 * API of the server that holds the embedded database open.
 */
export async function withAdmin<A, T>(
  options: CliOptions,
  backendsFor: (config: MizanConfig) => AdminBackends<A>,
  action: (admin: A, config: MizanConfig) => Promise<T>,
): Promise<T> {
  const { config } = loadConfig({ file: options.config });
  const backends = backendsFor(config);
  let database: Database;
  try {
    database = await openDatabase({ url: config.database.url, dataDir: config.data_dir });
  } catch (error) {
    const server = isMizanError(error) && error.code === 'store_locked' ? findLocalServer(config) : undefined;
    if (!server) throw error;
    return action(backends.remote(server), config);
  }
  try {
    await migrateToLatest(database.db);
    return await action(backends.local(database), config);
  } finally {
    await database.close();
  }
}

export async function withTenancy<T>(
  options: CliOptions,
  action: (tenancy: TenancyAdmin, config: MizanConfig) => Promise<T>,
): Promise<T> {
  return withAdmin(
    options,
    (config) => {
      const secret = resolveKeyHashSecret(config);
      return {
        local: (database) => createTenancyService(createTenancyStore(database.db), secret),
        remote: createRemoteTenancy,
      };
    },
    action,
  );
}
