import { errors } from '../errors.js';

export interface RateLimiter {
  /** Takes one request from the application's allowance, or raises a 429 saying when to retry. */
  take(applicationId: string, requestsPerMinute: number): void;
}

/**
 * A token bucket per application, in this process's memory: bursts up to a minute's allowance, then a steady
 * rate. Limits shared across replicas (Redis) come with the scale-path work.
 */
export function createInMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(applicationId, rpm) {
      if (rpm <= 0) return;
      const t = now();
      const perMs = rpm / 60_000;
      const bucket = buckets.get(applicationId) ?? { tokens: rpm, at: t };
      bucket.tokens = Math.min(rpm, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
      buckets.set(applicationId, bucket);
      if (bucket.tokens < 1) {
        const retryAfter = Math.ceil((1 - bucket.tokens) / perMs / 1000);
        throw errors.rateLimited(
          'rate_limit_exceeded',
          `this application may send ${rpm} requests per minute; retry in ${retryAfter} s`,
          retryAfter,
        );
      }
      bucket.tokens -= 1;
    },
  };
}
