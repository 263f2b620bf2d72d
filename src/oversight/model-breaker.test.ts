import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createModelBreaker } from './model-breaker.js';

describe('model breaker', () => {
  const breaker = (failures = 3) => {
    let t = 0;
    const trips: [string, number][] = [];
    const b = createModelBreaker({
      failures,
      windowMs: 1000,
      trip: (model, n) => trips.push([model, n]),
      now: () => t,
    });
    return { b, trips, advance: (ms: number) => (t += ms) };
  };

  it('trips a model after N failures within the window, once', () => {
    const { b, trips } = breaker();
    for (let i = 0; i < 3; i++) b.record('atlas', 'upstream_error');
    assert.deepEqual(trips, [['atlas', 3]]);
    b.record('atlas', 'upstream_error');
    assert.equal(trips.length, 1, 'its failures were forgotten when it tripped');
  });

  it('forgets failures after a success, and those older than the window', () => {
    const { b, trips, advance } = breaker();
    b.record('atlas', 'upstream_error');
    b.record('atlas', 'upstream_error');
    b.record('atlas', 'ok');
    b.record('atlas', 'upstream_error');
    advance(1500);
    b.record('atlas', 'upstream_timeout');
    b.record('atlas', 'upstream_timeout');
    assert.deepEqual(trips, []);
  });

  it('does not count a client that went away, nor another model, and is off at 0', () => {
    const { b, trips } = breaker();
    for (let i = 0; i < 5; i++) b.record('atlas', 'request_cancelled');
    b.record('atlas', 'upstream_error');
    b.record('other', 'upstream_error');
    b.record('atlas', 'upstream_error');
    assert.deepEqual(trips, []);
    const off = breaker(0);
    for (let i = 0; i < 10; i++) off.b.record('atlas', 'upstream_error');
    assert.deepEqual(off.trips, []);
  });
});
