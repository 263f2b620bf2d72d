import { QUOTA_STAGE, type Quota } from '../../quota/quota.js';
import type { Stage } from '../pipeline.js';
import { requirePrincipal } from './require.js';

/**
 * Rate limits and token quotas of the application, the end user it names and the model asked for (src/quota); the
 * tokens a request used are charged once it has been answered, by `Quota.settle`.
 */
export const enforceQuota = (quota: Quota): Stage => ({
  name: QUOTA_STAGE,
  async run(ctx) {
    requirePrincipal(ctx, QUOTA_STAGE);
    await quota.admit(ctx);
    return ctx;
  },
});
