import type { Stage } from '../pipeline.js';
import { requirePrincipal } from './require.js';

/** The application's rules; the use-case register and risk assessment extend this. */
export const resolvePolicy = (): Stage => ({
  name: 'resolve-policy',
  run(ctx) {
    const { application } = requirePrincipal(ctx, 'resolve-policy');
    const allowed = application.allowedModels;
    return { ...ctx, policy: { allowedModels: allowed.length === 0 ? 'all' : new Set(allowed) } };
  },
});
