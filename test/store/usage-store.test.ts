import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createTenancyStore } from '../../src/store/tenancy-store.js';
import { createUsageStore, type UsageRow, type UsageStore } from '../../src/store/usage-store.js';
import { BACKENDS } from './backends.js';

for (const backend of BACKENDS) {
  describe(`${backend.name}: usage store`, () => {
    let database: Database;
    let store: UsageStore;
    let rows: (day: string, model: string, energyWh: number | null) => UsageRow;
    let otherTenant: string;

    before(async () => {
      database = await backend.open();
      await migrateToLatest(database.db);
      const tenancy = createTenancyStore(database.db);
      const tenant = await tenancy.createTenant({ name: 'ministry' });
      const application = await tenancy.createApplication({ tenantId: tenant.id, name: 'assistant' });
      otherTenant = (await tenancy.createTenant({ name: 'other' })).id;
      store = createUsageStore(database.db);
      rows = (day, model, energyWh) => ({
        tenantId: tenant.id,
        applicationId: application.id,
        model,
        day,
        requests: 2,
        promptTokens: 10,
        completionTokens: 20,
        energyWh,
      });
    });
    after(() => database?.close());

    it('adds each batch to the row of its application, model and day', async () => {
      await store.add([rows('2026-11-01', 'atlas', null), rows('2026-11-01', 'qwen', 0.5)]);
      await store.add([rows('2026-11-01', 'atlas', 0.25), rows('2026-11-01', 'qwen', 0.5)]);
      await store.add([rows('2026-11-02', 'atlas', null)]);
      const listed = await store.list({ from: '2026-11-01', to: '2026-11-01' });
      assert.deepEqual(
        listed.map((r) => [r.day, r.model, r.requests, r.promptTokens, r.completionTokens, r.energyWh]),
        [
          ['2026-11-01', 'atlas', 4, 20, 40, 0.25],
          ['2026-11-01', 'qwen', 4, 20, 40, 1],
        ],
      );
      const both = await store.list({
        from: '2026-11-01',
        to: '2026-11-02',
        applicationId: listed[0]!.applicationId,
      });
      assert.equal(both.length, 3);
      assert.equal(both[2]!.energyWh, null, 'no estimate stays unknown, not 0');
      assert.deepEqual(await store.list({ from: '2026-11-01', to: '2026-11-02', tenantId: otherTenant }), []);
    });
  });
}
