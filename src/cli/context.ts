import { loadConfig } from '../config/load.js';
import type { MizanConfig } from '../config/schema.js';
import { openDatabase, type Database } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { createTenancyStore } from '../store/tenancy-store.js';
import { resolveKeyHashSecret } from '../tenancy/server-secret.js';
import { createTenancyService, type TenancyAdmin } from '../tenancy/tenancy-service.js';
import { isMizanError } from '../errors.js';
import { findLocalServer } from './local-server.js';
import { createRemoteTenancy } from './remote-tenancy.js';

export interface CliOptions {
  config?: string;
  json: boolean;
}

/**
 * The administration commands work on the database directly (open, migrate, act, close), or through the admin
 * API of the server that holds the embedded database open.
 */
export async function withTenancy<T>(
  options: CliOptions,
  action: (tenancy: TenancyAdmin, config: MizanConfig) => Promise<T>,
): Promise<T> {
  const { config } = loadConfig({ file: options.config });
  const secret = resolveKeyHashSecret(config);
  let database: Database;
  try {
    database = await openDatabase({ url: config.database.url, dataDir: config.data_dir });
  } catch (error) {
    const server = isMizanError(error) && error.code === 'store_locked' ? findLocalServer(config) : undefined;
    if (!server) throw error;
    return action(createRemoteTenancy(server), config);
  }
  try {
    await migrateToLatest(database.db);
    return await action(createTenancyService(createTenancyStore(database.db), secret), config);
  } finally {
    await database.close();
  }
}
