import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Platform } from '../../platform.js';
import type { RightsCaller } from '../../privacy/rights/context.js';
import { correctionsSchema } from '../../privacy/rights/rectification.js';
import {
  SUBJECT_REQUEST_KINDS,
  SUBJECT_REQUEST_STATUSES,
  type LegalHold,
  type Objection,
  type SubjectRequest,
} from '../../store/rights-store.js';
import { looksLikeApiKey } from '../../tenancy/api-keys.js';
import { bearerToken } from '../bearer.js';
import { parseWith } from '../openai/parse-with.js';

const id = z.string().min(1).max(200);
const kind = z.enum(SUBJECT_REQUEST_KINDS);
// Its own checks (length, no personal data) answer `invalid_user`; this only bounds what is read.
const user = z.string().max(10_000);
const fromApplication = z.strictObject({
  user,
  kind,
  corrections: correctionsSchema.optional(),
  scope: z.enum(['application', 'tenant']).optional(),
});
// A signed-in citizen files for themselves: there is no one to name.
const fromCitizen = z.strictObject({ kind, corrections: correctionsSchema.optional() });
const fromStaff = z.strictObject({
  user,
  kind,
  corrections: correctionsSchema.optional(),
  application: id.optional(),
});
const requestFilter = z.strictObject({
  status: z.enum(SUBJECT_REQUEST_STATUSES).optional(),
  kind: kind.optional(),
});
const activeFilter = z.strictObject({ active: z.enum(['true', 'false']).optional() });
const refusal = z.strictObject({ reason: z.string().trim().min(3).max(2000) });
const completion = z.strictObject({ reason: z.string().trim().min(1).max(2000).optional() });
const newHold = z.strictObject({
  user: user.optional(),
  application: id.optional(),
  reason: z.string().trim().min(3).max(2000),
});

const requestWire = (r: SubjectRequest) => ({
  object: 'mizan.subject_request',
  id: r.id,
  tenant_id: r.tenantId,
  application_id: r.applicationId,
  data_subject: r.dataSubject,
  kind: r.kind,
  status: r.status,
  received_at: r.receivedAt,
  due_at: r.dueAt,
  completed_at: r.completedAt,
  requested_by: r.requestedBy,
  handled_by: r.handledBy,
  outcome: r.outcome,
  reason: r.reason,
});

const objectionWire = (o: Objection) => ({
  object: 'mizan.objection',
  id: o.id,
  tenant_id: o.tenantId,
  application_id: o.applicationId,
  data_subject: o.dataSubject,
  request_id: o.requestId,
  since: o.since,
  lifted_by: o.liftedBy,
  lifted_at: o.liftedAt,
});

const holdWire = (h: LegalHold) => ({
  object: 'mizan.legal_hold',
  id: h.id,
  tenant_id: h.tenantId,
  application_id: h.applicationId,
  data_subject: h.dataSubject,
  reason: h.reason,
  placed_by: h.placedBy,
  placed_at: h.placedAt,
  lifted_by: h.liftedBy,
  lifted_at: h.liftedAt,
});

const active = (query: unknown) => {
  const parsed = parseWith(activeFilter, query).active;
  return parsed === undefined ? {} : { active: parsed === 'true' };
};

type Params = { Params: { id: string } };
type Query = { Querystring: Record<string, string> };

/**
 * Data-subject rights over HTTP (Law 09-08 art. 7-9): an application files a request on behalf of its signed-in
 * user with its API key, naming them as it names them in OpenAI's `user`; a citizen signed in at the tenant files
 * and follows their own, with their session; the tenant's DPO files requests for people who come to the office,
 * follows them to their deadline and completes or refuses what the gateway could not answer, with a staff token.
 * Legal holds are placed and lifted by the DPO or a tenant admin. Answers hold personal data (an access export),
 * so nothing here is cached.
 */
export function subjectRightsRoutes(app: FastifyInstance, platform: Platform): void {
  const rights = platform.rights;
  const caller = async (request: FastifyRequest): Promise<RightsCaller> => {
    const bearer = bearerToken(request.headers.authorization);
    if (bearer !== undefined && looksLikeApiKey(bearer)) {
      return { kind: 'application', principal: await platform.authenticator.authenticate(bearer) };
    }
    // A session is read once: it is a citizen or a staff member.
    if (bearer !== undefined && platform.identity.isSession(bearer))
      return platform.identity.signedIn(bearer);
    return platform.oversight.staff.authenticate(bearer);
  };

  app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
    });

    scope.post('/v1/subject-rights/requests', async (request, reply) => {
      const who = await caller(request);
      const input =
        who.kind === 'application'
          ? parseWith(fromApplication, request.body)
          : who.kind === 'citizen'
            ? parseWith(fromCitizen, request.body)
            : parseWith(fromStaff, request.body);
      const submitted = await rights.requests.submit(who, input);
      return reply.status(201).send({
        ...requestWire(submitted.request),
        ...(submitted.export ? { export: submitted.export } : {}),
      });
    });
    scope.get<Query>('/v1/subject-rights/requests', async (request) => {
      const filter = parseWith(requestFilter, request.query);
      return { data: (await rights.requests.list(await caller(request), filter)).map(requestWire) };
    });
    scope.get<Params>('/v1/subject-rights/requests/:id', async (request) => {
      const { request: found, corrections } = await rights.requests.get(
        await caller(request),
        request.params.id,
      );
      return { ...requestWire(found), ...(corrections ? { corrections } : {}) };
    });
    scope.post<Params>('/v1/subject-rights/requests/:id/complete', async (request) => {
      const { reason } = parseWith(completion, request.body ?? {});
      return requestWire(await rights.requests.complete(await caller(request), request.params.id, reason));
    });
    scope.post<Params>('/v1/subject-rights/requests/:id/refuse', async (request) => {
      const { reason } = parseWith(refusal, request.body ?? {});
      return requestWire(await rights.requests.refuse(await caller(request), request.params.id, reason));
    });

    scope.get<Query>('/v1/subject-rights/objections', async (request) => ({
      data: (await rights.objections.list(await caller(request), active(request.query))).map(objectionWire),
    }));
    scope.post<Params>('/v1/subject-rights/objections/:id/lift', async (request) =>
      objectionWire(await rights.objections.lift(await caller(request), request.params.id)),
    );

    scope.post('/v1/legal-holds', async (request, reply) => {
      const body = parseWith(newHold, request.body);
      return reply.status(201).send(holdWire(await rights.holds.place(await caller(request), body)));
    });
    scope.get<Query>('/v1/legal-holds', async (request) => ({
      data: (await rights.holds.list(await caller(request), active(request.query))).map(holdWire),
    }));
    scope.post<Params>('/v1/legal-holds/:id/lift', async (request) =>
      holdWire(await rights.holds.lift(await caller(request), request.params.id)),
    );
  });
}

/** The request schemas of these routes, for the API description (src/server/openapi). */
export const subjectRightsSchemas = {
  fromApplication,
  fromCitizen,
  fromStaff,
  requestFilter,
  activeFilter,
  refusal,
  completion,
  newHold,
};
