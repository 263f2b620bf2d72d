import { loadConfig } from '../config/load.js';
import type { MizanConfig } from '../config/schema.js';
import { openDatabase, type Database } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { createTenancyStore } from '../store/tenancy-store.js';
import { resolveKeyHashSecret } from '../tenancy/server-secret.js';
import { createTenancyService, type TenancyService } from '../tenancy/tenancy-service.js';

export interface CliOptions {
  config?: string;
  json: boolean;
}

/** The administration commands work on the database directly: open, migrate, act, close. */
export async function withTenancy<T>(
  options: CliOptions,
  action: (tenancy: TenancyService, config: MizanConfig) => Promise<T>,
): Promise<T> {
  const { config } = loadConfig({ file: options.config });
  const secret = resolveKeyHashSecret(config);
  const database: Database = await openDatabase({ url: config.database.url, dataDir: config.data_dir });
  try {
    await migrateToLatest(database.db);
    return await action(createTenancyService(createTenancyStore(database.db), secret), config);
  } finally {
    await database.close();
  }
}
