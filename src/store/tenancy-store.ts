import { sql, type Kysely, type Selectable } from 'kysely';
import { errors, type MizanError } from '../errors.js';
import { FOREIGN_KEY_VIOLATION, newId, UNIQUE_VIOLATION } from './ids.js';
import type { ApiKeysTable, ApplicationsTable, DatabaseSchema, TenantsTable } from './schema.js';

export interface Tenant {
  id: string;
  name: string;
  createdAt: Date;
}

export interface Application {
  id: string;
  tenantId: string;
  name: string;
  /** Model ids or aliases; empty means every configured model. */
  allowedModels: string[];
  rateLimitRpm: number | null;
  /** Validated when written (`parsePrivacyPolicy`); null means the platform default. */
  privacyPolicy: object | null;
  /** ISO 3166-1 alpha-2 countries this application may transfer personal data to. */
  authorisedTransfers: string[];
  createdAt: Date;
  /** Only sandbox keys are served until the application is promoted to production. */
  stage: 'development' | 'production';
}

/** An API key as callers see it: the hash stays in the store. */
export interface ApiKeyRecord {
  id: string;
  applicationId: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** The sandbox this key belongs to: its requests run under the sandbox's rules. */
  sandboxId: string | null;
}

export interface NewApplication {
  tenantId: string;
  name: string;
  allowedModels?: string[];
  rateLimitRpm?: number | null;
  privacyPolicy?: object | null;
  authorisedTransfers?: string[];
}

export interface NewApiKey {
  applicationId: string;
  prefix: string;
  /** HMAC (hex) of the secret key. */
  hash: string;
  expiresAt?: Date | null;
  sandboxId?: string | null;
}

/** A usable key with the application and tenant it acts for. */
export interface ActiveApiKey {
  key: ApiKeyRecord;
  application: Application;
  tenant: Tenant;
}

export interface TenancyStore {
  createTenant(input: { name: string }): Promise<Tenant>;
  /** By name. */
  listTenants(): Promise<Tenant[]>;
  findTenant(idOrName: string): Promise<Tenant | undefined>;
  createApplication(input: NewApplication): Promise<Application>;
  /** By name. */
  listApplications(filter?: { tenantId?: string }): Promise<Application[]>;
  findApplication(id: string): Promise<Application | undefined>;
  /** The countries the application's register entry authorises personal data to be transferred to. */
  setAuthorisedTransfers(applicationId: string, countries: string[]): Promise<void>;
  createApiKey(input: NewApiKey): Promise<ApiKeyRecord>;
  /** Oldest first; keys created within the same millisecond (PGlite's clock) come in id order. */
  listApiKeys(filter?: { applicationId?: string; tenantId?: string }): Promise<ApiKeyRecord[]>;
  /** Sets `revokedAt` on the key with this id or prefix; a key revoked earlier keeps its first revocation time. */
  revokeApiKey(idOrPrefix: string): Promise<ApiKeyRecord | undefined>;
  /** The key with this hash if it is neither revoked nor expired at `now`. */
  findActiveKeyByHash(hash: string, now?: Date): Promise<ActiveApiKey | undefined>;
}

/** Runs a write, turning the listed SQLSTATE codes into domain errors; any other failure propagates as is. */
const translateErrors = async <T>(
  write: Promise<T>,
  byCode: Record<string, () => MizanError>,
): Promise<T> => {
  try {
    return await write;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw (typeof code === 'string' ? byCode[code]?.() : undefined) ?? error;
  }
};

const toTenant = (row: Selectable<TenantsTable>): Tenant => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
});

const toApplication = (
  row: Omit<Selectable<ApplicationsTable>, 'promoted_at' | 'promoted_by'>,
): Application => ({
  id: row.id,
  tenantId: row.tenant_id,
  name: row.name,
  allowedModels: row.allowed_models,
  rateLimitRpm: row.rate_limit_rpm,
  privacyPolicy: row.privacy_policy,
  authorisedTransfers: row.authorised_transfers,
  createdAt: row.created_at,
  stage: row.stage,
});

const toApiKey = (row: Omit<Selectable<ApiKeysTable>, 'hash'>): ApiKeyRecord => ({
  id: row.id,
  applicationId: row.application_id,
  prefix: row.prefix,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  sandboxId: row.sandbox_id,
});

/** Every api_keys column but `hash`, which never leaves the store. */
const API_KEY_COLUMNS = [
  'api_keys.id',
  'api_keys.application_id',
  'api_keys.prefix',
  'api_keys.created_at',
  'api_keys.expires_at',
  'api_keys.revoked_at',
  'api_keys.sandbox_id',
] as const;

export const createTenancyStore = (db: Kysely<DatabaseSchema>): TenancyStore => ({
  async createTenant({ name }) {
    const row = await translateErrors(
      db
        .insertInto('tenants')
        .values({ id: newId('ten'), name })
        .returningAll()
        .executeTakeFirstOrThrow(),
      {
        [UNIQUE_VIOLATION]: () =>
          errors.conflict('tenant_exists', `A tenant named "${name}" already exists.`),
      },
    );
    return toTenant(row);
  },

  async listTenants() {
    const rows = await db.selectFrom('tenants').selectAll().orderBy('name').execute();
    return rows.map(toTenant);
  },

  async findTenant(idOrName) {
    const row = await db
      .selectFrom('tenants')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
      // Should one tenant's name be another's id, the id wins.
      .orderBy(sql`id = ${idOrName}`, 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toTenant(row);
  },

  async createApplication({
    tenantId,
    name,
    allowedModels = [],
    rateLimitRpm = null,
    privacyPolicy = null,
    authorisedTransfers = [],
  }) {
    const row = await translateErrors(
      db
        .insertInto('applications')
        .values({
          id: newId('app'),
          tenant_id: tenantId,
          name,
          // pg would send a JS array as a PostgreSQL array, not JSON; text works for both drivers.
          allowed_models: JSON.stringify(allowedModels),
          rate_limit_rpm: rateLimitRpm,
          privacy_policy: privacyPolicy === null ? null : JSON.stringify(privacyPolicy),
          authorised_transfers: JSON.stringify(authorisedTransfers),
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
      {
        [UNIQUE_VIOLATION]: () =>
          errors.conflict(
            'application_exists',
            `Tenant ${tenantId} already has an application named "${name}".`,
          ),
        [FOREIGN_KEY_VIOLATION]: () =>
          errors.notFound('tenant_not_found', `No tenant has the id ${tenantId}.`),
      },
    );
    return toApplication(row);
  },

  async listApplications({ tenantId } = {}) {
    const rows = await db
      .selectFrom('applications')
      .selectAll()
      .$if(tenantId !== undefined, (query) => query.where('tenant_id', '=', tenantId!))
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(toApplication);
  },

  async findApplication(id) {
    const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toApplication(row);
  },

  async setAuthorisedTransfers(applicationId, countries) {
    await db
      .updateTable('applications')
      .set({ authorised_transfers: JSON.stringify(countries) })
      .where('id', '=', applicationId)
      .execute();
  },

  async createApiKey({ applicationId, prefix, hash, expiresAt = null, sandboxId = null }) {
    const row = await translateErrors(
      db
        .insertInto('api_keys')
        .values({
          id: newId('key'),
          application_id: applicationId,
          prefix,
          hash,
          expires_at: expiresAt,
          sandbox_id: sandboxId,
        })
        .returning(API_KEY_COLUMNS)
        .executeTakeFirstOrThrow(),
      {
        [UNIQUE_VIOLATION]: () =>
          errors.conflict('api_key_exists', 'An API key with the same hash already exists.'),
        [FOREIGN_KEY_VIOLATION]: () =>
          errors.notFound('application_not_found', `No application has the id ${applicationId}.`),
      },
    );
    return toApiKey(row);
  },

  async listApiKeys({ applicationId, tenantId } = {}) {
    const rows = await db
      .selectFrom('api_keys')
      .innerJoin('applications', 'applications.id', 'api_keys.application_id')
      .select(API_KEY_COLUMNS)
      .$if(applicationId !== undefined, (query) =>
        query.where('api_keys.application_id', '=', applicationId!),
      )
      .$if(tenantId !== undefined, (query) => query.where('applications.tenant_id', '=', tenantId!))
      .orderBy('api_keys.created_at')
      .orderBy('api_keys.id')
      .execute();
    return rows.map(toApiKey);
  },

  async revokeApiKey(idOrPrefix) {
    const matches = await db
      .selectFrom('api_keys')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', idOrPrefix), eb('prefix', '=', idOrPrefix)]))
      .execute();
    const [match, ...others] = matches;
    if (match === undefined) return undefined;
    if (others.length > 0) {
      throw errors.conflict(
        'api_key_ambiguous',
        `${matches.length} API keys have the prefix "${idOrPrefix}"; revoke one of them by id.`,
      );
    }
    const row = await db
      .updateTable('api_keys')
      .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
      .where('id', '=', match.id)
      .returning(API_KEY_COLUMNS)
      .executeTakeFirstOrThrow();
    return toApiKey(row);
  },

  async findActiveKeyByHash(hash, now = new Date()) {
    const row = await db
      .selectFrom('api_keys')
      .innerJoin('applications', 'applications.id', 'api_keys.application_id')
      .innerJoin('tenants', 'tenants.id', 'applications.tenant_id')
      .select(API_KEY_COLUMNS)
      .select([
        'applications.name as application_name',
        'applications.allowed_models',
        'applications.rate_limit_rpm',
        'applications.privacy_policy',
        'applications.authorised_transfers',
        'applications.created_at as application_created_at',
        'applications.stage',
        'applications.tenant_id',
        'tenants.name as tenant_name',
        'tenants.created_at as tenant_created_at',
      ])
      .where('api_keys.hash', '=', hash)
      .where('api_keys.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('api_keys.expires_at', 'is', null), eb('api_keys.expires_at', '>', now)]))
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      key: toApiKey(row),
      application: toApplication({
        id: row.application_id,
        tenant_id: row.tenant_id,
        name: row.application_name,
        allowed_models: row.allowed_models,
        rate_limit_rpm: row.rate_limit_rpm,
        privacy_policy: row.privacy_policy,
        authorised_transfers: row.authorised_transfers,
        created_at: row.application_created_at,
        stage: row.stage,
      }),
      tenant: toTenant({ id: row.tenant_id, name: row.tenant_name, created_at: row.tenant_created_at }),
    };
  },
});
