import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../oversight/actors.js';
import {
  FEEDBACK_RATINGS,
  FEEDBACK_REASONS,
  HANDOFF_REASONS,
  type CitizenVoiceCaller,
} from '../../oversight/citizen-voice.js';
import { createFeedbackService } from '../../oversight/feedback.js';
import { READ_ROLES } from '../../oversight/governance.js';
import { createHandoffService } from '../../oversight/handoffs.js';
import type { Platform } from '../../platform.js';
import { scan } from '../../privacy/scan.js';
import { createCitizenVoiceStore } from '../../store/citizen-voice-store.js';
import { bearerToken } from '../bearer.js';
import { citizenFacingCaller } from '../citizen-caller.js';
import { parseWith } from '../openai/parse-with.js';

const auditId = z.string().min(1).max(200);
const feedbackBody = z.strictObject({
  audit_id: auditId,
  rating: z.enum(FEEDBACK_RATINGS),
  reasons: z.array(z.enum(FEEDBACK_REASONS)).max(FEEDBACK_REASONS.length).default([]),
  comment: z.string().trim().max(1000).optional(),
});
const handoffBody = z.strictObject({
  audit_id: auditId.optional(),
  reason: z.enum(HANDOFF_REASONS),
  message: z.string().trim().max(500).optional(),
});
const feedbackFilter = z.strictObject({
  application: z.string().min(1).max(200).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
});
const handoffFilter = z.strictObject({ status: z.enum(['open', 'closed']).optional() });
const closing = z.strictObject({ resolution: z.string().trim().max(2000).optional() });

/**
 * What citizens say besides asking, and where staff read it:
 * - `POST /v1/feedback`: a rating of one answer, reasons, a comment kept with its personal data redacted;
 * - `POST /v1/handoffs`: a request to talk to a person, answered with a reference and the administration's contact;
 * - `GET /v1/oversight/feedback` (counts by reason and application), `GET /v1/oversight/handoffs` and
 *   `POST /v1/oversight/handoffs/{id}/close`, for the tenant's staff.
 * Citizens come with their session (cookie or Bearer), applications with their key; the free text is never logged.
 */
export function citizenServicesRoutes(app: FastifyInstance, platform: Platform): void {
  const store = createCitizenVoiceStore(platform.database.db);
  const deps = {
    store,
    audit: platform.oversight.audit,
    findFlow: (id: string) => platform.audit.store.byId(id),
    scan: (text: string) => scan(text),
  };
  const feedback = createFeedbackService(deps);
  const handoffs = createHandoffService({
    ...deps,
    useCaseOf: async (applicationId) =>
      (await platform.oversight.governance.snapshot(applicationId))?.useCase,
    slaMs: platform.config.oversight.review_sla_minutes * 60_000,
  });

  /** A citizen's session speaks for them, under their own reference; an application's key for itself. */
  async function callerOf(request: FastifyRequest): Promise<CitizenVoiceCaller> {
    const caller = await citizenFacingCaller(
      platform,
      request,
      'feedback and hand-overs come from citizens; a staff session sends none',
    );
    const tenantId = caller.tenant.id;
    const applicationId = caller.application.id;
    return caller.kind === 'citizen'
      ? {
          tenantId,
          applicationId,
          actor: 'citizen',
          dataSubject: platform.rights.subjects.identify(tenantId, caller.subject),
        }
      : { tenantId, applicationId, actor: `application:${applicationId}`, dataSubject: null };
  }

  app.post('/v1/feedback', async (request, reply) => {
    const caller = await callerOf(request);
    const body = parseWith(feedbackBody, request.body);
    const { id } = await feedback.submit(caller, {
      auditId: body.audit_id,
      rating: body.rating,
      reasons: body.reasons,
      comment: body.comment || undefined,
    });
    return reply.status(201).send({ object: 'mizan.feedback', id });
  });

  app.post('/v1/handoffs', async (request, reply) => {
    const caller = await callerOf(request);
    const body = parseWith(handoffBody, request.body);
    const opened = await handoffs.open(caller, {
      auditId: body.audit_id,
      reason: body.reason,
      message: body.message || undefined,
    });
    return reply.status(201).send(opened);
  });

  app.register(
    async (scope) => {
      const actorOf = (request: FastifyRequest): Promise<Actor> =>
        platform.oversight.staff.authenticate(bearerToken(request.headers.authorization));

      scope.get<{ Querystring: Record<string, string> }>('/feedback', async (request) => {
        const actor = await actorOf(request);
        const query = parseWith(feedbackFilter, request.query);
        // Another tenant's application answers 404, as everywhere else, rather than empty counts.
        if (query.application)
          await platform.oversight.governance.applicationFor(actor, query.application, READ_ROLES);
        return feedback.summary(actor, {
          ...(query.application ? { applicationId: query.application } : {}),
          ...(query.since ? { since: new Date(query.since) } : {}),
        });
      });
      scope.get<{ Querystring: Record<string, string> }>('/handoffs', async (request) => {
        const actor = await actorOf(request);
        const query = parseWith(handoffFilter, request.query);
        return { object: 'list', data: await handoffs.list(actor, query) };
      });
      scope.post<{ Params: { id: string } }>('/handoffs/:id/close', async (request) => {
        const actor = await actorOf(request);
        const body = parseWith(closing, request.body ?? {});
        return handoffs.close(actor, request.params.id, body.resolution || null);
      });
    },
    { prefix: '/v1/oversight' },
  );
}

/** The request schemas, for the OpenAPI description (src/server/openapi). */
export const citizenServicesSchemas = { feedbackBody, handoffBody, feedbackFilter, handoffFilter, closing };
