import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createSessionStore, type SessionStore } from '../../src/store/session-store.js';
import { createTenancyStore } from '../../src/store/tenancy-store.js';
import { BACKENDS } from './backends.js';

const HOUR_MS = 3_600_000;

for (const backend of BACKENDS) {
  describe(`${backend.name}: session store`, () => {
    let database: Database;
    let store: SessionStore;
    let tenantId: string;
    const open = (tokenHash: string, expiresAt = new Date(Date.now() + HOUR_MS)) =>
      store.create({
        tenantId,
        tokenHash,
        kind: 'staff',
        subject: 'ps_0123456789abcdef0123456789abcdef',
        roles: ['reviewer', 'auditor'],
        issuer: 'https://idp.example.ma',
        expiresAt,
      });

    before(async () => {
      database = await backend.open();
      await migrateToLatest(database.db);
      store = createSessionStore(database.db);
      tenantId = (await createTenancyStore(database.db).createTenant({ name: 'ministry' })).id;
    });
    after(() => database?.close());

    it('finds an open session by its token hash, with its roles', async () => {
      const created = await open('hash-open');
      const found = await store.findActive('hash-open');
      assert.deepEqual(found, created);
      assert.deepEqual(found?.roles, ['reviewer', 'auditor']);
      assert.equal(await store.findActive('another-hash'), undefined);
    });

    it('no longer finds a session once it has ended or expired, and forgets old ones', async () => {
      await open('hash-ended');
      assert.equal(await store.end('hash-ended'), true);
      assert.equal(await store.end('hash-ended'), false, 'a session ends once');
      assert.equal(await store.findActive('hash-ended'), undefined);

      await open('hash-expired', new Date(Date.now() - HOUR_MS));
      assert.equal(await store.findActive('hash-expired'), undefined);

      assert.equal(await store.purge(new Date(Date.now() + 1_000)), 2);
      assert.ok(await store.findActive('hash-open'), 'an open session is kept');
    });
  });
}
