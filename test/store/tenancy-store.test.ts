import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import { MizanError } from '../../src/errors.js';
import { acquireDataDirLock, LOCK_FILE_NAME } from '../../src/store/data-dir-lock.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createTenancyStore, type TenancyStore } from '../../src/store/tenancy-store.js';
import { BACKENDS } from './backends.js';

const HOUR_MS = 60 * 60 * 1000;

/** Asserts a MizanError with this code and status, the parts of an error callers branch on. */
const rejectsWith = (promise: Promise<unknown>, code: string, status: number) =>
  assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof MizanError, `expected a MizanError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.status, status);
    return true;
  });

for (const backend of BACKENDS) {
  describe(`${backend.name}: tenancy store`, () => {
    let database: Database;
    let store: TenancyStore;
    let firstMigration: { applied: string[] };

    before(async () => {
      database = await backend.open();
      firstMigration = await migrateToLatest(database.db);
      store = createTenancyStore(database.db);
    });
    after(() => database?.close());
    // Applications and keys go with their tenant (ON DELETE CASCADE).
    beforeEach(() => database.db.deleteFrom('tenants').execute());

    /** A tenant with one application, the usual starting point for key tests. */
    const tenantWithApp = async (name: string) => {
      const tenant = await store.createTenant({ name });
      const application = await store.createApplication({ tenantId: tenant.id, name: `${name}-app` });
      return { tenant, application };
    };

    it('applies every migration, 0001-tenancy first, on a new database and nothing when migrated again', async () => {
      assert.equal(firstMigration.applied[0], '0001-tenancy');
      assert.deepEqual(await migrateToLatest(database.db), { applied: [] });
    });

    it('answers ping when open', async () => {
      await database.ping();
      assert.equal(database.kind, backend.name);
    });

    it('lists and finds a tenant by id or name when created', async () => {
      const tenant = await store.createTenant({ name: 'dgsn' });

      assert.match(tenant.id, /^ten_[0-9a-hjkmnp-tv-z]{20}$/);
      assert.equal(tenant.name, 'dgsn');
      assert.deepEqual(await store.listTenants(), [tenant]);
      assert.deepEqual(await store.findTenant(tenant.id), tenant);
      assert.deepEqual(await store.findTenant('dgsn'), tenant);
      assert.equal(await store.findTenant('nobody'), undefined);
    });

    it('returns timestamps as Date near the current time', async () => {
      const expiresAt = new Date(Date.now() + HOUR_MS);
      const { tenant, application } = await tenantWithApp('anapec');
      const key = await store.createApiKey({
        applicationId: application.id,
        prefix: 'mzn_t1',
        hash: 'h-t1',
        expiresAt,
      });
      const revoked = await store.revokeApiKey(key.id);

      for (const date of [tenant.createdAt, application.createdAt, key.createdAt, revoked?.revokedAt]) {
        assert.ok(date instanceof Date, `expected a Date, got ${String(date)}`);
        assert.ok(Math.abs(date.getTime() - Date.now()) < HOUR_MS, `${date.toISOString()} is not now`);
      }
      assert.deepEqual(key.expiresAt, expiresAt);
    });

    it('returns count(*) as a number', async () => {
      await store.createTenant({ name: 'onee' });
      const { count } = await database.db
        .selectFrom('tenants')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      assert.equal(count, 1);
    });

    it('throws tenant_exists (409) when the tenant name is taken', async () => {
      await store.createTenant({ name: 'cnss' });
      await rejectsWith(store.createTenant({ name: 'cnss' }), 'tenant_exists', 409);
    });

    it('round-trips allowed models as an array when an application is created', async () => {
      const tenant = await store.createTenant({ name: 'ministry' });
      const application = await store.createApplication({
        tenantId: tenant.id,
        name: 'chatbot',
        allowedModels: ['atlas-chat', 'fast'],
        rateLimitRpm: 60,
      });

      assert.match(application.id, /^app_[0-9a-hjkmnp-tv-z]{20}$/);
      assert.deepEqual(application.allowedModels, ['atlas-chat', 'fast']);
      assert.equal(application.rateLimitRpm, 60);
      assert.deepEqual(await store.findApplication(application.id), application);
      assert.deepEqual(await store.listApplications({ tenantId: tenant.id }), [application]);
    });

    it('defaults to every model and no rate limit when an application sets neither', async () => {
      const { application } = await tenantWithApp('defaults');
      assert.deepEqual(application.allowedModels, []);
      assert.equal(application.rateLimitRpm, null);
    });

    it('lists only the tenant’s applications when filtered by tenant', async () => {
      const first = await tenantWithApp('first');
      const second = await tenantWithApp('second');

      assert.deepEqual(await store.listApplications({ tenantId: first.tenant.id }), [first.application]);
      assert.deepEqual(await store.listApplications(), [first.application, second.application]);
    });

    it('throws application_exists when the name is taken within the tenant, not in another tenant', async () => {
      const { application } = await tenantWithApp('taken');
      const other = await store.createTenant({ name: 'other' });

      await rejectsWith(
        store.createApplication({ tenantId: application.tenantId, name: application.name }),
        'application_exists',
        409,
      );
      const sameNameElsewhere = await store.createApplication({ tenantId: other.id, name: application.name });
      assert.equal(sameNameElsewhere.name, application.name);
    });

    it('throws tenant_not_found (404) when creating an application for a missing tenant', async () => {
      await rejectsWith(
        store.createApplication({ tenantId: 'ten_missing', name: 'orphan' }),
        'tenant_not_found',
        404,
      );
    });

    it('throws application_not_found (404) when creating a key for a missing application', async () => {
      await rejectsWith(
        store.createApiKey({ applicationId: 'app_missing', prefix: 'mzn_x', hash: 'h-x' }),
        'application_not_found',
        404,
      );
    });

    it('finds the key with its application and tenant when looked up by the hash of an active key', async () => {
      const { tenant, application } = await tenantWithApp('active');
      const key = await store.createApiKey({ applicationId: application.id, prefix: 'mzn_a1', hash: 'h-a1' });

      assert.match(key.id, /^key_[0-9a-hjkmnp-tv-z]{20}$/);
      assert.deepEqual(await store.findActiveKeyByHash('h-a1'), { key, application, tenant });
      assert.equal(await store.findActiveKeyByHash('h-unknown'), undefined);
    });

    it('finds nothing by hash when the key is revoked, and keeps the first revocation time', async () => {
      const { application } = await tenantWithApp('revoked');
      const key = await store.createApiKey({ applicationId: application.id, prefix: 'mzn_r1', hash: 'h-r1' });

      const first = await store.revokeApiKey('mzn_r1');
      const second = await store.revokeApiKey(key.id);

      assert.ok(first?.revokedAt instanceof Date);
      assert.deepEqual(second?.revokedAt, first.revokedAt);
      assert.equal(await store.findActiveKeyByHash('h-r1'), undefined);
    });

    it('finds nothing by hash when the key has expired', async () => {
      const { application } = await tenantWithApp('expiring');
      const expiresAt = new Date(Date.now() + HOUR_MS);
      await store.createApiKey({ applicationId: application.id, prefix: 'mzn_e1', hash: 'h-e1', expiresAt });

      assert.ok(await store.findActiveKeyByHash('h-e1'));
      assert.equal(await store.findActiveKeyByHash('h-e1', new Date(expiresAt.getTime() + 1)), undefined);
      assert.equal(await store.findActiveKeyByHash('h-e1', expiresAt), undefined);
    });

    it('returns undefined when revoking a key that does not exist', async () => {
      assert.equal(await store.revokeApiKey('mzn_nothing'), undefined);
    });

    it('throws api_key_ambiguous when revoking by a prefix that several keys share', async () => {
      const { application } = await tenantWithApp('shared-prefix');
      await store.createApiKey({ applicationId: application.id, prefix: 'mzn_same', hash: 'h-s1' });
      await store.createApiKey({ applicationId: application.id, prefix: 'mzn_same', hash: 'h-s2' });

      await rejectsWith(store.revokeApiKey('mzn_same'), 'api_key_ambiguous', 409);
    });

    it('lists only the tenant’s keys, without hashes, when filtered by tenant', async () => {
      const mine = await tenantWithApp('mine');
      const theirs = await tenantWithApp('theirs');
      const myKey = await store.createApiKey({
        applicationId: mine.application.id,
        prefix: 'mzn_m',
        hash: 'h-m',
      });
      const theirKey = await store.createApiKey({
        applicationId: theirs.application.id,
        prefix: 'mzn_t',
        hash: 'h-t',
      });

      const listed = await store.listApiKeys({ tenantId: mine.tenant.id });
      assert.deepEqual(listed, [myKey]);
      assert.ok(listed.every((key) => !('hash' in key)));
      assert.deepEqual(await store.listApiKeys({ applicationId: theirs.application.id }), [theirKey]);
      assert.deepEqual(
        await store.listApiKeys({ tenantId: mine.tenant.id, applicationId: theirs.application.id }),
        [],
      );
      const all = await store.listApiKeys();
      assert.deepEqual(all.map((key) => key.id).sort(), [myKey.id, theirKey.id].sort());
    });

    it('throws api_key_exists when a hash is stored twice', async () => {
      const { application } = await tenantWithApp('twice');
      await store.createApiKey({ applicationId: application.id, prefix: 'mzn_d1', hash: 'h-dup' });
      await rejectsWith(
        store.createApiKey({ applicationId: application.id, prefix: 'mzn_d2', hash: 'h-dup' }),
        'api_key_exists',
        409,
      );
    });

    it('removes applications and keys when their tenant is deleted', async () => {
      const { tenant, application } = await tenantWithApp('leaving');
      await store.createApiKey({ applicationId: application.id, prefix: 'mzn_l', hash: 'h-l' });

      const { numDeletedRows } = await database.db
        .deleteFrom('tenants')
        .where('id', '=', tenant.id)
        .executeTakeFirstOrThrow();

      assert.equal(numDeletedRows, 1n);
      assert.deepEqual(await store.listApplications(), []);
      assert.deepEqual(await store.listApiKeys(), []);
    });

    it('keeps a write made outside a transaction when that transaction rolls back', async () => {
      let outside: Promise<unknown> | undefined;
      await assert.rejects(
        database.db.transaction().execute(async (trx) => {
          await createTenancyStore(trx).createTenant({ name: 'inside' });
          outside = store.createTenant({ name: 'outside' });
          // Time for the outside write to land, were it able to slip into PGlite's one session mid-transaction.
          await delay(20);
          throw new Error('roll back');
        }),
        /roll back/,
      );
      await outside;

      assert.deepEqual(
        (await store.listTenants()).map((tenant) => tenant.name),
        ['outside'],
      );
    });
  });
}

for (const backend of BACKENDS) {
  describe(`${backend.name}: migrations`, () => {
    it('throws migration_failed naming 0001-tenancy when its table already exists', async () => {
      const database = await backend.open();
      try {
        await sql`create table tenants (id integer)`.execute(database.db);
        await assert.rejects(migrateToLatest(database.db), (error: unknown) => {
          assert.ok(error instanceof MizanError);
          assert.equal(error.code, 'migration_failed');
          assert.match(error.message, /0001-tenancy/);
          return true;
        });
      } finally {
        await database.close();
      }
    });
  });
}

describe('pglite: data directory', () => {
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mizan-store-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps tenants across close and reopen, and frees the lock on close', async () => {
    const first = await openDatabase({ dataDir });
    await migrateToLatest(first.db);
    const tenant = await createTenancyStore(first.db).createTenant({ name: 'persisted' });
    await first.close();
    assert.equal(existsSync(join(dataDir, LOCK_FILE_NAME)), false);

    const reopened = await openDatabase({ dataDir });
    try {
      assert.deepEqual(await migrateToLatest(reopened.db), { applied: [] });
      assert.deepEqual(await createTenancyStore(reopened.db).findTenant('persisted'), tenant);
    } finally {
      await reopened.close();
    }
  });

  it('throws store_locked naming this pid when the directory is already open', async () => {
    const open = await openDatabase({ dataDir });
    try {
      assert.equal(await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8'), String(process.pid));
      await assert.rejects(openDatabase({ dataDir }), (error: unknown) => {
        assert.ok(error instanceof MizanError);
        assert.equal(error.code, 'store_locked');
        assert.match(error.message, new RegExp(`process ${process.pid}\\b`));
        assert.match(error.message, /admin API/);
        return true;
      });
    } finally {
      await open.close();
    }
  });
});

describe('data-dir lock with a lock file left behind', () => {
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mizan-lock-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('takes the lock over when the recorded process is dead', async () => {
    const { pid } = spawnSync(process.execPath, ['-e', '']);
    await writeFile(join(dataDir, LOCK_FILE_NAME), String(pid));

    const lock = acquireDataDirLock(dataDir);
    assert.equal(await readFile(lock.path, 'utf8'), String(process.pid));
    lock.release();
    assert.equal(existsSync(lock.path), false);
  });

  it('leaves a later lock in place when an old lock is released twice', async () => {
    const old = acquireDataDirLock(dataDir);
    old.release();
    const current = acquireDataDirLock(dataDir);
    old.release();

    assert.equal(existsSync(current.path), true);
    current.release();
  });
});
