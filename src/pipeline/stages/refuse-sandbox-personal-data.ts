import { errors } from '../../errors.js';
import type { Stage } from '../pipeline.js';
import { requirePolicy } from './require.js';

/**
 * A sandbox accepts only synthetic or pseudonymized data: personal data found in a sandbox request refuses it,
 * before any model reads it. Pseudonyms (⟦PERSON_1⟧) are not personal data and pass, and so do the prompts of an
 * assurance run, which the platform wrote itself (the made-up names of a counterfactual test) and sends with a key
 * no one else holds. Either way the privacy layer has pseudonymized what it found.
 */
export const refuseSandboxPersonalData = (): Stage => ({
  name: 'refuse-sandbox-personal-data',
  run(ctx) {
    const { oversight } = requirePolicy(ctx, 'refuse-sandbox-personal-data');
    const found = Object.keys(ctx.privacy?.counts ?? {});
    if (oversight.sandboxId !== null && !oversight.assuranceRun && found.length > 0) {
      throw errors.unprocessable(
        'sandbox_personal_data',
        `a sandbox accepts only synthetic or pseudonymized data, and this request contains personal data (${found.join(', ')}); nothing was sent to a model`,
      );
    }
    return ctx;
  },
});
