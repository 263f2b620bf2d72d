import { errors } from '../../errors.js';
import { consentRequiredMessage } from '../../oversight/messages.js';
import type { ConsentScope } from '../../store/consent-store.js';
import type { Stage } from '../pipeline.js';
import { requirePrincipal } from './require.js';

export interface RequireConsentDependencies {
  /** When the person's consent in force was given; null when none is. Read afresh, so a withdrawal counts at once. */
  givenAt(scope: ConsentScope): Promise<Date | null>;
}

/**
 * Refuses, in their language, the requests of a person who has not consented (or has withdrawn their consent) to
 * an application whose register entry names consent as its legal basis (Law 09-08 art. 4). After `identify-subject`,
 * so that the refusal's audit record names the person it concerns.
 *
 * A request that names no one (an application's key without `user`) passes: consent is a person's, and there is
 * nobody here to ask it of; the application answers for its own calls, and whatever personal data they carry still
 * goes through the privacy stage.
 */
export const requireConsent = (deps: RequireConsentDependencies): Stage => ({
  name: 'require-consent',
  async run(ctx) {
    if (ctx.dataSubject === undefined || ctx.policy?.oversight.processing.legalBasis !== 'consent')
      return ctx;
    const { tenant, application } = requirePrincipal(ctx, 'require-consent');
    const scope = { tenantId: tenant.id, applicationId: application.id, dataSubject: ctx.dataSubject };
    if ((await deps.givenAt(scope)) === null) {
      throw errors.forbidden('consent_required', consentRequiredMessage(ctx.language?.lang));
    }
    return ctx;
  },
});
