import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCitizenVoiceStore, type CitizenVoiceStore } from '../../src/store/citizen-voice-store.js';
import type { Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createTenancyStore } from '../../src/store/tenancy-store.js';
import { BACKENDS } from './backends.js';

for (const backend of BACKENDS) {
  describe(`${backend.name}: citizen feedback and hand-over store`, () => {
    let database: Database;
    let store: CitizenVoiceStore;
    const ids = { tenant: '', application: '', other: '', otherApplication: '' };

    before(async () => {
      database = await backend.open();
      await migrateToLatest(database.db);
      const tenancy = createTenancyStore(database.db);
      ids.tenant = (await tenancy.createTenant({ name: 'ministry' })).id;
      ids.application = (await tenancy.createApplication({ tenantId: ids.tenant, name: 'assistant' })).id;
      ids.other = (await tenancy.createTenant({ name: 'other' })).id;
      ids.otherApplication = (await tenancy.createApplication({ tenantId: ids.other, name: 'assistant' })).id;
      store = createCitizenVoiceStore(database.db);
    });
    after(() => database?.close());

    it('keeps feedback with its reasons, listed per tenant and application', async () => {
      const base = { auditId: 'flow-1', comment: null, dataSubject: 'ds-1' };
      await store.addFeedback({
        ...base,
        tenantId: ids.tenant,
        applicationId: ids.application,
        rating: 'not_helpful',
        reasons: ['unclear', 'incorrect'],
      });
      await store.addFeedback({
        ...base,
        tenantId: ids.other,
        applicationId: ids.otherApplication,
        rating: 'helpful',
        reasons: [],
      });
      const mine = await store.listFeedback({ tenantId: ids.tenant });
      assert.deepEqual(
        mine.map((f) => [f.applicationId, f.rating, f.reasons]),
        [[ids.application, 'not_helpful', ['unclear', 'incorrect']]],
      );
      assert.equal((await store.listFeedback({})).length, 2);
      assert.equal((await store.listFeedback({ since: new Date(Date.now() + 60_000) })).length, 0);
    });

    it('opens hand-overs with distinct references, lists the open ones oldest first, and closes each once', async () => {
      const open = (reason: string) =>
        store.addHandoff({
          tenantId: ids.tenant,
          applicationId: ids.application,
          auditId: null,
          reason,
          message: 'Rappelez-moi au ⟦MA_PHONE⟧',
          language: 'fra_Latn',
          dataSubject: null,
        });
      const first = await open('complaint');
      const second = await open('prefer_human');
      assert.notEqual(first.reference, second.reference);
      assert.match(first.reference, /^H-[0-9A-Z]{8}$/);
      assert.equal(first.status, 'open');
      const closed = await store.closeHandoff(first.id, 'staff:stf_1', 'Rappelé');
      assert.equal(closed?.status, 'closed');
      assert.equal(closed?.closedBy, 'staff:stf_1');
      assert.equal(await store.closeHandoff(first.id, 'staff:stf_1', null), undefined);
      assert.deepEqual(
        (await store.listHandoffs({ tenantId: ids.tenant, status: 'open' })).map((h) => h.id),
        [second.id],
      );
      assert.deepEqual(await store.listHandoffs({ tenantId: ids.other }), []);
      assert.equal((await store.findHandoff(second.id))?.message, 'Rappelez-moi au ⟦MA_PHONE⟧');
    });
  });
}
