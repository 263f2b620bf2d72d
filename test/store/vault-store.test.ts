import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { MizanError } from '../../src/errors.js';
import { ConversationVault } from '../../src/privacy/vault.js';
import type { Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createTenancyStore } from '../../src/store/tenancy-store.js';
import { createVaultStore, type VaultStore } from '../../src/store/vault-store.js';
import { BACKENDS } from './backends.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-03-01T10:00:00Z');
const LATER = new Date(NOW.getTime() + 30 * DAY_MS);
const afterExpiry = new Date(LATER.getTime() + 1);

/** A vault as a request leaves it: the user's values pseudonymized in order. */
const vaultWith = (values: ReadonlyArray<readonly ['MA_CIN' | 'MA_PHONE' | 'PERSON', string]>) => {
  const vault = new ConversationVault();
  for (const [type, value] of values) vault.tokenFor(type, value);
  return vault;
};

const asRecord = (vault: ConversationVault) =>
  Object.fromEntries(vault.entries().map((entry) => [entry.token, `${entry.type}:${entry.value}`]));

for (const backend of BACKENDS) {
  describe(`${backend.name}: vault store`, () => {
    let database: Database;
    let store: VaultStore;
    let tenantA: string;
    let tenantB: string;
    let firstMigration: { applied: string[] };
    const masterKey = randomBytes(32);

    before(async () => {
      database = await backend.open();
      firstMigration = await migrateToLatest(database.db);
      const tenancy = createTenancyStore(database.db);
      tenantA = (await tenancy.createTenant({ name: 'caf' })).id;
      tenantB = (await tenancy.createTenant({ name: 'cnss' })).id;
      store = createVaultStore(database.db, masterKey);
    });
    after(() => database?.close());
    beforeEach(() => database.db.deleteFrom('vault_entries').execute());

    const rows = () => database.db.selectFrom('vault_entries').selectAll().orderBy('token').execute();

    it('applies 0002-privacy-vault after 0001-tenancy on a new database', () => {
      assert.deepEqual(firstMigration.applied.slice(0, 2), ['0001-tenancy', '0002-privacy-vault']);
    });

    it('loads what it saved, numbering on after it', async () => {
      const vault = vaultWith([
        ['PERSON', 'فاطمة الزهراء'],
        ['MA_CIN', 'BK482913'],
        ['MA_PHONE', '06 12 34 56 78'],
      ]);
      await store.save(tenantA, 'conv-1', vault, LATER, NOW);
      const loaded = await store.load(tenantA, 'conv-1', NOW);
      assert.deepEqual(asRecord(loaded), asRecord(vault));
      assert.deepEqual(loaded.scope, { tenantId: tenantA, conversationId: 'conv-1' });
      assert.equal(loaded.tokenFor('MA_PHONE', '0612345678'), '⟦MA_PHONE_1⟧');
      assert.equal(loaded.tokenFor('MA_CIN', 'J456789'), '⟦MA_CIN_2⟧');
    });

    it('stores values encrypted and subjects as HMACs only', async () => {
      await store.save(tenantA, 'conv-1', vaultWith([['MA_CIN', 'BK482913']]), LATER, NOW);
      const [row] = await rows();
      assert.ok(row);
      assert.equal(row.token, '⟦MA_CIN_1⟧');
      assert.equal(row.entity_type, 'MA_CIN');
      assert.ok(!JSON.stringify(row).includes('BK482913'));
      assert.match(row.subject_hash, /^[0-9a-f]{64}$/);
      assert.deepEqual(row.expires_at, LATER);
      assert.ok(row.created_at instanceof Date);
    });

    it('gives an empty vault for a new conversation, and never another conversation or tenant', async () => {
      await store.save(tenantA, 'conv-1', vaultWith([['MA_CIN', 'BK482913']]), LATER, NOW);
      assert.equal((await store.load(tenantA, 'conv-2', NOW)).size, 0);
      assert.equal((await store.load(tenantB, 'conv-1', NOW)).size, 0);
    });

    it('saves idempotently and writes only new entries on the next turn', async () => {
      const vault = vaultWith([['MA_CIN', 'BK482913']]);
      await store.save(tenantA, 'conv-1', vault, LATER, NOW);
      await store.save(tenantA, 'conv-1', vault, LATER, NOW);
      const [first] = await rows();

      const nextTurn = await store.load(tenantA, 'conv-1', NOW);
      nextTurn.tokenFor('MA_CIN', 'J456789');
      await store.save(tenantA, 'conv-1', nextTurn, new Date(LATER.getTime() + DAY_MS), NOW);
      // A fresh vault with the same token and value, as a retried request makes: nothing changes.
      await store.save(tenantA, 'conv-1', vaultWith([['MA_CIN', 'BK482913']]), LATER, NOW);

      const all = await rows();
      assert.equal(all.length, 2);
      assert.deepEqual(all[0], first, 'the first entry was not rewritten');
      assert.deepEqual(asRecord(await store.load(tenantA, 'conv-1', NOW)), {
        '⟦MA_CIN_1⟧': 'MA_CIN:BK482913',
        '⟦MA_CIN_2⟧': 'MA_CIN:J456789',
      });
    });

    it('never loads expired entries, and replaces them when their token is used again', async () => {
      await store.save(tenantA, 'conv-1', vaultWith([['MA_CIN', 'BK482913']]), LATER, NOW);
      assert.equal((await store.load(tenantA, 'conv-1', LATER)).size, 0);
      assert.equal((await store.load(tenantA, 'conv-1', afterExpiry)).size, 0);

      // The conversation goes on after expiry, before the purge: the new value takes token 1.
      const resumed = await store.load(tenantA, 'conv-1', afterExpiry);
      resumed.tokenFor('MA_CIN', 'J456789');
      const until = new Date(afterExpiry.getTime() + 30 * DAY_MS);
      await store.save(tenantA, 'conv-1', resumed, until, afterExpiry);
      assert.deepEqual(asRecord(await store.load(tenantA, 'conv-1', afterExpiry)), {
        '⟦MA_CIN_1⟧': 'MA_CIN:J456789',
      });
    });

    it('refuses to save a vault under another conversation', async () => {
      const loaded = await store.load(tenantA, 'conv-1', NOW);
      loaded.tokenFor('MA_CIN', 'BK482913');
      await assert.rejects(store.save(tenantA, 'conv-2', loaded, LATER, NOW), MizanError);
      await assert.rejects(store.save(tenantB, 'conv-1', loaded, LATER, NOW), MizanError);
      assert.equal((await rows()).length, 0);
    });

    it('fails to load a vault under another master key, or a row moved to another conversation', async () => {
      await store.save(tenantA, 'conv-1', vaultWith([['MA_CIN', 'BK482913']]), LATER, NOW);
      const otherKey = createVaultStore(database.db, randomBytes(32));
      const decryptFailed = (error: unknown) =>
        error instanceof MizanError && error.code === 'vault_decrypt_failed';
      await assert.rejects(otherKey.load(tenantA, 'conv-1', NOW), decryptFailed);

      // The same ciphertext copied into another conversation's row.
      const [row] = await rows();
      await database.db
        .insertInto('vault_entries')
        .values({ ...row!, conversation_id: 'conv-2' })
        .execute();
      await assert.rejects(store.load(tenantA, 'conv-2', NOW), decryptFailed);
    });

    it("erases a data subject's entries in every conversation and nothing else", async () => {
      await store.save(
        tenantA,
        'conv-1',
        vaultWith([
          ['MA_CIN', 'BK482913'],
          ['PERSON', 'Amina Alaoui'],
        ]),
        LATER,
        NOW,
      );
      await store.save(
        tenantA,
        'conv-2',
        vaultWith([
          ['MA_CIN', 'bk 482913'],
          ['MA_CIN', 'J456789'],
        ]),
        LATER,
        NOW,
      );
      await store.save(tenantB, 'conv-3', vaultWith([['MA_CIN', 'BK482913']]), LATER, NOW);

      assert.equal(await store.eraseSubject(tenantA, 'BK 482913', 'MA_CIN'), 2);
      assert.deepEqual(asRecord(await store.load(tenantA, 'conv-1', NOW)), {
        '⟦PERSON_1⟧': 'PERSON:Amina Alaoui',
      });
      assert.deepEqual(asRecord(await store.load(tenantA, 'conv-2', NOW)), {
        '⟦MA_CIN_2⟧': 'MA_CIN:J456789',
      });
      // Another tenant's entry for the same value is that tenant's to erase.
      assert.equal((await store.load(tenantB, 'conv-3', NOW)).size, 1);

      assert.equal(await store.eraseSubject(tenantA, 'amina   alaoui'), 1);
      assert.equal(await store.eraseSubject(tenantA, 'BK482913'), 0);
      assert.equal(await store.eraseSubject(tenantA, 'J456789', 'PERSON'), 0);
      assert.equal(await store.eraseSubject(tenantA, '   '), 0);
    });

    it('purges expired entries of every tenant', async () => {
      await store.save(tenantA, 'conv-1', vaultWith([['MA_CIN', 'BK482913']]), LATER, NOW);
      await store.save(tenantB, 'conv-2', vaultWith([['MA_CIN', 'J456789']]), LATER, NOW);
      const longer = new Date(LATER.getTime() + DAY_MS);
      await store.save(tenantA, 'conv-3', vaultWith([['MA_CIN', 'AB123456']]), longer, NOW);

      assert.equal(await store.purgeExpired(NOW), 0);
      assert.equal(await store.purgeExpired(LATER), 2);
      assert.deepEqual(
        (await rows()).map((row) => row.conversation_id),
        ['conv-3'],
      );
    });

    it('saves a large vault in several statements', async () => {
      const vault = new ConversationVault();
      for (let i = 0; i < 2_500; i++) vault.tokenFor('PERSON', `person ${i}`);
      await store.save(tenantA, 'conv-big', vault, LATER, NOW);
      const loaded = await store.load(tenantA, 'conv-big', NOW);
      assert.equal(loaded.size, 2_500);
      assert.equal(loaded.valueOf('⟦PERSON_2500⟧'), 'person 2499');
    });

    it("deletes a tenant's vault with the tenant", async () => {
      await store.save(tenantB, 'conv-1', vaultWith([['MA_CIN', 'BK482913']]), LATER, NOW);
      await database.db.deleteFrom('tenants').where('id', '=', tenantB).execute();
      assert.equal((await rows()).length, 0);
      tenantB = (await createTenancyStore(database.db).createTenant({ name: 'cnss' })).id;
    });
  });
}
