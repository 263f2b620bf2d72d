import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UpstreamError } from './errors.js';
import { retryDelay, withRetries, type RetryPolicy } from './retry.js';

const POLICY: RetryPolicy = { max: 3, baseDelayMs: 100, maxDelayMs: 1_000 };
/** Tiny delays so the retry loop runs in milliseconds. */
const FAST: RetryPolicy = { max: 2, baseDelayMs: 1, maxDelayMs: 5 };

const retryable = (retryAfterMs?: number) =>
  new UpstreamError('upstream_error', 'model server "dc" failed with 503', {
    status: 502,
    retryable: true,
    fallback: true,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
const rejected = () =>
  new UpstreamError('upstream_rejected_request', 'the model server rejected the request', {
    status: 400,
    type: 'invalid_request_error',
    retryable: false,
    fallback: false,
  });

describe('retryDelay with base 100 ms and cap 1 s', () => {
  it('stays between 0 and the exponential cap when there is no Retry-After', () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const cap = Math.min(POLICY.maxDelayMs, POLICY.baseDelayMs * 2 ** attempt);
      for (let draw = 0; draw < 200; draw++) {
        const delay = retryDelay(POLICY, attempt);
        assert.ok(delay >= 0 && delay <= cap, `attempt ${attempt}: ${delay} ms is outside [0, ${cap}]`);
      }
    }
  });

  it('varies between draws when jitter applies', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelay(POLICY, 3)));
    assert.ok(delays.size > 1, 'full jitter spreads retries');
  });

  it('waits exactly the Retry-After when it is within the cap', () => {
    assert.equal(retryDelay(POLICY, 0, 800), 800);
    assert.equal(retryDelay(POLICY, 2, 0), 0);
  });

  it('stays within the cap when the Retry-After exceeds it', () => {
    for (let draw = 0; draw < 200; draw++) {
      assert.ok(retryDelay(POLICY, 5, 60_000) <= POLICY.maxDelayMs);
    }
  });
});

describe('withRetries with two retries', () => {
  it('returns the first success when an earlier attempt fails retryably', async () => {
    const attempts: number[] = [];
    const retried: number[] = [];
    const result = await withRetries(
      FAST,
      new AbortController().signal,
      async (n) => {
        attempts.push(n);
        if (n === 0) throw retryable();
        return 'answer';
      },
      (_error, n) => retried.push(n),
    );
    assert.equal(result, 'answer');
    assert.deepEqual(attempts, [0, 1]);
    assert.deepEqual(retried, [0]);
  });

  it('rejects at once with the error when it is not retryable', async () => {
    let attempts = 0;
    const error = rejected();
    await assert.rejects(
      withRetries(FAST, new AbortController().signal, async () => {
        attempts++;
        throw error;
      }),
      (thrown) => thrown === error,
    );
    assert.equal(attempts, 1);
  });

  it('rejects at once when the error is not an upstream error', async () => {
    let attempts = 0;
    await assert.rejects(
      withRetries(FAST, new AbortController().signal, async () => {
        attempts++;
        throw new TypeError('bug');
      }),
      TypeError,
    );
    assert.equal(attempts, 1);
  });

  it('rejects with the last error after one try and max retries when every attempt fails', async () => {
    let attempts = 0;
    const last = retryable();
    await assert.rejects(
      withRetries(FAST, new AbortController().signal, async () => {
        attempts++;
        throw attempts === FAST.max + 1 ? last : retryable();
      }),
      (thrown) => thrown === last,
    );
    assert.equal(attempts, FAST.max + 1);
  });

  it('never retries when max is 0', async () => {
    let attempts = 0;
    await assert.rejects(
      withRetries({ ...FAST, max: 0 }, new AbortController().signal, async () => {
        attempts++;
        throw retryable();
      }),
      { code: 'upstream_error' },
    );
    assert.equal(attempts, 1);
  });

  it('rejects with request_cancelled without another attempt when aborted during the wait', async () => {
    const controller = new AbortController();
    let attempts = 0;
    const started = performance.now();
    const run = withRetries(
      { max: 2, baseDelayMs: 10_000, maxDelayMs: 10_000 },
      controller.signal,
      async () => {
        attempts++;
        throw retryable(10_000);
      },
    );
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(run, { code: 'request_cancelled', retryable: false });
    assert.equal(attempts, 1);
    assert.ok(performance.now() - started < 5_000, 'the wait ends when the client leaves');
  });

  it('rejects with request_cancelled when the attempt fails because the signal was aborted', async () => {
    const controller = new AbortController();
    let attempts = 0;
    await assert.rejects(
      withRetries(FAST, controller.signal, async () => {
        attempts++;
        controller.abort();
        throw retryable();
      }),
      { code: 'request_cancelled' },
    );
    assert.equal(attempts, 1);
  });
});
