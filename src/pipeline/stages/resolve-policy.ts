import { DEFAULT_PRIVACY_POLICY, type PrivacyPolicy } from '../../privacy/policy.js';
import type { Stage } from '../pipeline.js';
import { requirePrincipal } from './require.js';

/** The application's rules; the use-case register and risk assessment extend this. */
export const resolvePolicy = (): Stage => ({
  name: 'resolve-policy',
  run(ctx) {
    const { application } = requirePrincipal(ctx, 'resolve-policy');
    const allowed = application.allowedModels;
    return {
      ...ctx,
      policy: {
        allowedModels: allowed.length === 0 ? 'all' : new Set(allowed),
        // Written through parsePrivacyPolicy, so the stored object is a valid policy.
        privacy: (application.privacyPolicy as PrivacyPolicy | null) ?? DEFAULT_PRIVACY_POLICY,
        authorisedTransfers: new Set(application.authorisedTransfers),
      },
    };
  },
});
