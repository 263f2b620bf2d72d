import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createConsentStore, type ConsentStore } from '../../src/store/consent-store.js';
import type { Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createTenancyStore } from '../../src/store/tenancy-store.js';
import { BACKENDS } from './backends.js';

for (const backend of BACKENDS) {
  describe(`${backend.name}: consent store`, () => {
    let database: Database;
    let store: ConsentStore;
    const ids = { tenant: '', application: '', otherApplication: '' };
    const of = (dataSubject: string, applicationId = ids.application) => ({
      tenantId: ids.tenant,
      applicationId,
      dataSubject,
    });

    before(async () => {
      database = await backend.open();
      await migrateToLatest(database.db);
      const tenancy = createTenancyStore(database.db);
      ids.tenant = (await tenancy.createTenant({ name: 'ministry' })).id;
      ids.application = (await tenancy.createApplication({ tenantId: ids.tenant, name: 'assistant' })).id;
      ids.otherApplication = (await tenancy.createApplication({ tenantId: ids.tenant, name: 'other' })).id;
      store = createConsentStore(database.db);
    });
    after(() => database?.close());

    it('keeps one standing consent per person and application, even when given twice at once', async () => {
      const [first, second] = await Promise.all([store.give(of('ds-1')), store.give(of('ds-1'))]);
      assert.deepEqual([first.created, second.created].sort(), [false, true]);
      assert.equal(first.consent.id, second.consent.id);
      assert.equal((await store.standing(of('ds-1')))?.id, first.consent.id);
      // Another person, or the same person for another application, has consented to nothing.
      assert.equal(await store.standing(of('ds-2')), undefined);
      assert.equal(await store.standing(of('ds-1', ids.otherApplication)), undefined);
    });

    it('ends a consent on withdrawal, keeps it as proof, and takes a new one afterwards', async () => {
      const { consent } = await store.give(of('ds-3'));
      const withdrawn = await store.withdraw(of('ds-3'));
      assert.equal(withdrawn?.id, consent.id);
      assert.ok(withdrawn.withdrawnAt instanceof Date);
      assert.equal(await store.standing(of('ds-3')), undefined);
      assert.equal(await store.withdraw(of('ds-3')), undefined, 'nothing left to withdraw');

      const again = await store.give(of('ds-3'));
      assert.equal(again.created, true);
      assert.notEqual(again.consent.id, consent.id);
      const rows = await database.db
        .selectFrom('consents')
        .select(['id', 'withdrawn_at'])
        .where('data_subject', '=', 'ds-3')
        .execute();
      assert.equal(rows.length, 2);
    });
  });
}
