import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { errors } from '../errors.js';
import { tenancy } from './migrations/0001-tenancy.js';
import { privacyVault } from './migrations/0002-privacy-vault.js';
import { applicationPrivacy } from './migrations/0003-application-privacy.js';
import { corpus } from './migrations/0004-corpus.js';
import { oversight } from './migrations/0005-oversight.js';
import { assurance } from './migrations/0006-assurance.js';
import { verifiableAudit } from './migrations/0007-verifiable-audit.js';
import { subjectRights } from './migrations/0008-subject-rights.js';
import { identitySessions } from './migrations/0009-identity-sessions.js';
import { usage } from './migrations/0010-usage.js';
import { feedbackHandoffs } from './migrations/0011-feedback-handoffs.js';
import { consents } from './migrations/0012-consents.js';
import type { DatabaseSchema } from './schema.js';

/**
 * Every migration, oldest first. Listed rather than read from disk so the same code runs from dist/ and tsx.
 * Append only: Kysely applies them in name order and refuses a history where a new one sorts before an old one.
 */
const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001-tenancy', tenancy],
  ['0002-privacy-vault', privacyVault],
  ['0003-application-privacy', applicationPrivacy],
  ['0004-corpus', corpus],
  ['0005-oversight', oversight],
  ['0006-assurance', assurance],
  ['0007-verifiable-audit', verifiableAudit],
  ['0008-subject-rights', subjectRights],
  ['0009-identity-sessions', identitySessions],
  ['0010-usage', usage],
  ['0011-feedback-handoffs', feedbackHandoffs],
  ['0012-consents', consents],
];

const provider: MigrationProvider = { getMigrations: async () => Object.fromEntries(MIGRATIONS) };

/** Applies the migrations this database has not seen yet, and returns their names (none when up to date). */
export const migrateToLatest = async (db: Kysely<DatabaseSchema>): Promise<{ applied: string[] }> => {
  const { error, results = [] } = await new Migrator({ db, provider }).migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    const cause = error instanceof Error ? error.message : String(error);
    throw errors.internal(
      'migration_failed',
      failed === undefined
        ? `Migrating the database failed: ${cause}`
        : `Migration ${failed} failed: ${cause}`,
      error,
    );
  }
  return { applied: results.map((result) => result.migrationName) };
};
