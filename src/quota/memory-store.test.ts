import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createMemoryStore, type Check, type CounterStore } from './memory-store.js';

const MINUTE_MS = 60_000;
const requests = (limit: number, key = 'application:app_a:requests'): Check => ({
  key,
  ttlMs: MINUTE_MS,
  limit,
  cost: 1,
});
const tokens = (limit: number): Check => ({
  key: 'application:app_a:tokens',
  ttlMs: MINUTE_MS,
  limit,
  cost: 0,
});

describe('the in-memory counter store, with an injected clock', () => {
  let clock: number;
  let store: CounterStore;

  beforeEach(() => {
    clock = 0;
    store = createMemoryStore(() => clock);
  });

  it('admits up to the limit, then names the check that refused', async () => {
    for (let i = 0; i < 3; i++) assert.equal(await store.admit([requests(3)]), -1);
    assert.equal(await store.admit([tokens(100), requests(3)]), 1);
  });

  it('takes nothing from any counter when one check refuses', async () => {
    await store.admit([requests(1, 'a')]);
    assert.equal(await store.admit([requests(5, 'b'), requests(1, 'a')]), 1);
    for (let i = 0; i < 5; i++) assert.equal(await store.admit([requests(5, 'b')]), -1, `request ${i + 1}`);
    assert.equal(await store.admit([requests(5, 'b')]), 0);
  });

  it('refuses on tokens once what was added reaches the limit, and takes no tokens on admission', async () => {
    for (let i = 0; i < 5; i++) assert.equal(await store.admit([tokens(50)]), -1);
    await store.add([tokens(50)], 49);
    assert.equal(await store.admit([tokens(50)]), -1);
    await store.add([tokens(50)], 1);
    assert.equal(await store.admit([tokens(50)]), 0);
  });

  it('forgets a counter once its window has passed', async () => {
    await store.admit([requests(1)]);
    assert.equal(await store.admit([requests(1)]), 0);
    clock += MINUTE_MS;
    assert.equal(await store.admit([requests(1)]), -1);
  });
});
