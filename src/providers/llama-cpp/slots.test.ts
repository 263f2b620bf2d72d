import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSlots } from './slots.js';

const options = {
  capacity: 1,
  maxWaiting: 2,
  full: () => new Error('full'),
  cancelled: () => new Error('cancelled'),
};
const open = () => new AbortController().signal;

describe('slots with one slot and a queue of two', () => {
  it('grants waiting requests in order of arrival as slots are released', async () => {
    const slots = createSlots(options);
    const order: string[] = [];
    const release = await slots.acquire(open());
    const second = slots.acquire(open()).then((r) => (order.push('second'), r));
    const third = slots.acquire(open()).then((r) => (order.push('third'), r));
    assert.equal(slots.waiting, 2);
    release();
    release(); // a second call must not free a second slot
    (await second)();
    (await third)();
    assert.deepEqual(order, ['second', 'third']);
    assert.equal(slots.busy, 0);
  });

  it('refuses a request when the queue is full', async () => {
    const slots = createSlots(options);
    await slots.acquire(open());
    void slots.acquire(open());
    void slots.acquire(open());
    await assert.rejects(slots.acquire(open()), /full/);
  });

  it('takes a cancelled request out of the queue without granting it a slot', async () => {
    const slots = createSlots(options);
    const release = await slots.acquire(open());
    const leaving = new AbortController();
    const cancelled = slots.acquire(leaving.signal);
    const staying = slots.acquire(open());
    leaving.abort();
    await assert.rejects(cancelled, /cancelled/);
    assert.equal(slots.waiting, 1);
    release();
    (await staying)();
    assert.equal(slots.busy, 0);
  });
});
