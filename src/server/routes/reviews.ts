import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform.js';
import { caseNotFound } from '../../oversight/review/review-service.js';
import { bearerToken } from '../bearer.js';

/** Who fetches a held answer, as the audit log writes it. */
interface Fetcher {
  tenantId: string;
  applicationId: string;
  actor: string;
  dataSubject: string | null;
}

/**
 * Where a held answer is fetched: `GET /v1/reviews/{case_id}`, with the application's own key as given in the
 * `mizan.review` of the answer that was held, or with the session of the citizen signed in whose question it was.
 * Pending until a reviewer decides; then the approved (possibly edited) answer with the citizen's own values
 * restored, or the rejection with its reason. Anyone else's case is not found, so that its existence does not leak.
 */
export function reviewsRoutes(app: FastifyInstance, platform: Platform): void {
  /** The citizen's own case: its flow, in their tenant, was filed under their pseudonym. */
  async function citizenFetcher(token: string, id: string): Promise<Fetcher> {
    const citizen = await platform.identity.citizen(token);
    const found = citizen && (await platform.oversight.reviews.heldFor(id));
    if (!citizen || !found || found.tenantId !== citizen.tenantId) throw caseNotFound(id);
    const dataSubject = platform.rights.subjects.identify(citizen.tenantId, citizen.subject);
    const flow = await platform.audit.store.byId(found.flowId);
    if (flow?.dataSubject !== dataSubject) throw caseNotFound(id);
    return { tenantId: found.tenantId, applicationId: found.applicationId, actor: 'citizen', dataSubject };
  }

  app.get<{ Params: { id: string } }>('/v1/reviews/:id', async (request) => {
    const bearer = bearerToken(request.headers.authorization);
    let fetcher: Fetcher;
    if (bearer !== undefined && platform.identity.isSession(bearer)) {
      fetcher = await citizenFetcher(bearer, request.params.id);
    } else {
      const { tenant, application } = await platform.authenticator.authenticate(bearer);
      fetcher = {
        tenantId: tenant.id,
        applicationId: application.id,
        actor: `application:${application.id}`,
        dataSubject: null,
      };
    }
    const outcome = await platform.oversight.reviews.outcome(fetcher.applicationId, request.params.id);
    await platform.oversight.audit.append({
      kind: 'oversight',
      tenantId: fetcher.tenantId,
      applicationId: fetcher.applicationId,
      action: 'review.outcome_fetched',
      actor: fetcher.actor,
      subject: outcome.case_id,
      dataSubject: fetcher.dataSubject,
      detail: { status: outcome.status },
    });
    return { object: 'mizan.review', ...outcome };
  });
}
