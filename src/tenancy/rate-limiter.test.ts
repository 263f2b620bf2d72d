import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { MizanError } from '../errors.js';
import { createInMemoryRateLimiter, type RateLimiter } from './rate-limiter.js';

const MINUTE_MS = 60_000;

const rateLimited = (take: () => void): MizanError => {
  try {
    take();
  } catch (error) {
    assert.ok(error instanceof MizanError);
    assert.equal(error.status, 429);
    assert.equal(error.code, 'rate_limit_exceeded');
    assert.equal(error.type, 'rate_limit_error');
    return error;
  }
  assert.fail('expected a 429');
};

describe('createInMemoryRateLimiter with an injected clock', () => {
  let clock: number;
  let limiter: RateLimiter;

  beforeEach(() => {
    clock = 0;
    limiter = createInMemoryRateLimiter(() => clock);
  });

  it('allows a burst of rpm requests at once, then answers 429 with a retry-after', () => {
    for (let i = 0; i < 3; i++) limiter.take('app_a', 3);
    const error = rateLimited(() => limiter.take('app_a', 3));
    // A token comes back every 60/3 = 20 s.
    assert.equal(error.retryAfter, 20);
    assert.match(error.message, /3 requests per minute/);
  });

  it('allows one more request once a token has refilled', () => {
    for (let i = 0; i < 3; i++) limiter.take('app_a', 3);
    clock += MINUTE_MS / 3 - 1;
    const error = rateLimited(() => limiter.take('app_a', 3));
    assert.equal(error.retryAfter, 1, 'rounds the last millisecond up to a whole second');
    clock += 1;
    limiter.take('app_a', 3);
    rateLimited(() => limiter.take('app_a', 3));
  });

  it('refills no more than one minute of allowance when idle for long', () => {
    limiter.take('app_a', 2);
    clock += 60 * MINUTE_MS;
    limiter.take('app_a', 2);
    limiter.take('app_a', 2);
    rateLimited(() => limiter.take('app_a', 2));
  });

  it('keeps a separate allowance per application', () => {
    limiter.take('app_a', 1);
    rateLimited(() => limiter.take('app_a', 1));
    limiter.take('app_b', 1);
  });

  it('never limits when rpm is 0', () => {
    for (let i = 0; i < 10_000; i++) limiter.take('app_a', 0);
  });

  it('does not consume a token when a request is refused', () => {
    limiter.take('app_a', 60);
    for (let i = 0; i < 59; i++) limiter.take('app_a', 60);
    rateLimited(() => limiter.take('app_a', 60));
    rateLimited(() => limiter.take('app_a', 60));
    clock += 1_000;
    limiter.take('app_a', 60);
  });
});
