import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform.js';
import { bearerToken } from '../bearer.js';

/**
 * Where a held answer is fetched: `GET /v1/reviews/{case_id}` with the application's own key, as given in the
 * `mizan.review` of the answer that was held. Pending until a reviewer decides; then the approved (possibly
 * edited) answer with the citizen's own values restored, or the rejection with its reason.
 */
export function reviewsRoutes(app: FastifyInstance, platform: Platform): void {
  app.get<{ Params: { id: string } }>('/v1/reviews/:id', async (request) => {
    const principal = await platform.authenticator.authenticate(bearerToken(request.headers.authorization));
    const outcome = await platform.oversight.reviews.outcome(principal.application.id, request.params.id);
    await platform.oversight.audit.append({
      kind: 'oversight',
      tenantId: principal.tenant.id,
      applicationId: principal.application.id,
      action: 'review.outcome_fetched',
      actor: `application:${principal.application.id}`,
      subject: outcome.case_id,
      detail: { status: outcome.status },
    });
    return { object: 'mizan.review', ...outcome };
  });
}
