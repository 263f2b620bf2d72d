import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RightsScope } from '../../store/rights-store.js';
import { createObjectionGate } from './opposition.js';

type Standing = RightsScope & { dataSubject: string };

/** A store whose standing objections the test sets, counting how often the gate reads them. */
function fakeStore(initial: Standing[]) {
  const store = {
    objections: initial,
    reads: 0,
    activeObjections: async () => {
      store.reads++;
      return store.objections;
    },
  };
  return store;
}

describe('objection gate with a 1000 ms cache', () => {
  it('refuses the person in the application, or in every application when the objection is tenant-wide', async () => {
    const store = fakeStore([
      { tenantId: 't1', applicationId: 'app-a', dataSubject: 'sub_a' },
      { tenantId: 't1', applicationId: null, dataSubject: 'sub_all' },
    ]);
    const gate = createObjectionGate(store, 1000, () => 0);
    assert.equal(await gate.objected('t1', 'app-a', 'sub_a'), true);
    assert.equal(await gate.objected('t1', 'app-b', 'sub_a'), false);
    assert.equal(await gate.objected('t1', 'app-b', 'sub_all'), true);
    assert.equal(await gate.objected('t2', 'app-a', 'sub_all'), false, 'another tenant');
    assert.equal(store.reads, 1, 'one read serves every request within the cache time');
  });

  it('sees an objection made on another replica once the cache time has passed, and at once after invalidate', async () => {
    let now = 0;
    const store = fakeStore([]);
    const gate = createObjectionGate(store, 1000, () => now);
    assert.equal(await gate.objected('t1', 'app-a', 'sub_a'), false);
    store.objections = [{ tenantId: 't1', applicationId: 'app-a', dataSubject: 'sub_a' }];
    now = 999;
    assert.equal(await gate.objected('t1', 'app-a', 'sub_a'), false);
    now = 1000;
    assert.equal(await gate.objected('t1', 'app-a', 'sub_a'), true);
    store.objections = [];
    gate.invalidate();
    assert.equal(await gate.objected('t1', 'app-a', 'sub_a'), false);
  });
});
