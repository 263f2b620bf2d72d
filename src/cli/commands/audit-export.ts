import { exportLog, type ExportFilter } from '../../audit/export.js';
import { loadConfig } from '../../config/load.js';
import { errors, isMizanError } from '../../errors.js';
import { createAuditStore } from '../../store/audit-store.js';
import { openDatabase } from '../../store/database.js';
import { migrateToLatest } from '../../store/migrate.js';
import type { CliOptions } from '../context.js';
import { UsageError } from '../output.js';

export interface AuditExportArgs {
  out?: string;
  from?: string;
  to?: string;
  app?: string;
  tenant?: string;
}

const time = (value: string | undefined, flag: string): Date | undefined => {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--${flag} must be a date or time, e.g. 2026-11-01`);
  return date;
};

/**
 * `mizan audit export --out DIR [--from T] [--to T] [--app A] [--tenant T]`: the log up to its latest signed head,
 * for `mizan audit verify`. Reads the database directly (the operator's tool); records outside the filter are
 * written as their leaf hashes, so a tenant's export reveals nothing of other tenants yet verifies the whole tree.
 */
export async function auditExport(options: CliOptions, args: AuditExportArgs): Promise<void> {
  if (!args.out)
    throw new UsageError('usage: mizan audit export --out DIR [--from T] [--to T] [--app A] [--tenant T]');
  const filter: ExportFilter = {
    ...(args.from ? { from: time(args.from, 'from')! } : {}),
    ...(args.to ? { to: time(args.to, 'to')! } : {}),
    ...(args.app ? { applicationId: args.app } : {}),
    ...(args.tenant ? { tenantId: args.tenant } : {}),
  };
  const { config } = loadConfig({ file: options.config });
  let database;
  try {
    database = await openDatabase({ url: config.database.url, dataDir: config.data_dir });
  } catch (error) {
    if (isMizanError(error) && error.code === 'store_locked') {
      throw errors.conflict(
        'store_locked',
        'the embedded database is held by the running server: stop it to export, or run Mizan on PostgreSQL',
      );
    }
    throw error;
  }
  try {
    await migrateToLatest(database.db);
    const manifest = await exportLog(createAuditStore(database.db), args.out, filter, config.audit.log_id);
    if (options.json) console.log(JSON.stringify(manifest));
    else
      console.log(
        `exported ${manifest.tree_size} leaves (${manifest.records_in_full} records in full) to ${args.out}; check it with: mizan audit verify --export ${args.out}`,
      );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(`${args.out} already holds an export: choose an empty or new folder`);
    throw error;
  } finally {
    await database.close();
  }
}
