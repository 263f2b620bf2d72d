import { loadConfig } from '../../config/load.js';
import { openDatabase } from '../../store/database.js';
import { migrateToLatest } from '../../store/migrate.js';
import type { CliOptions } from '../context.js';

export async function migrate(options: CliOptions): Promise<void> {
  const { config } = loadConfig({ file: options.config });
  const database = await openDatabase({ url: config.database.url, dataDir: config.data_dir });
  try {
    const { applied } = await migrateToLatest(database.db);
    console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  } finally {
    await database.close();
  }
}
