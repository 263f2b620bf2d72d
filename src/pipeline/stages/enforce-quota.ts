import type { RateLimiter } from '../../tenancy/rate-limiter.js';
import type { Stage } from '../pipeline.js';
import { requirePrincipal } from './require.js';

/** Per-application request rate: the application's own limit, else the platform default. */
export const enforceQuota = (limiter: RateLimiter, defaultRpm: number): Stage => ({
  name: 'enforce-quota',
  run(ctx) {
    const { application } = requirePrincipal(ctx, 'enforce-quota');
    limiter.take(application.id, application.rateLimitRpm ?? defaultRpm);
    return ctx;
  },
});
