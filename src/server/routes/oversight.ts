import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { riskTiers } from '../../config/schema.js';
import { errors } from '../../errors.js';
import type { Actor } from '../../oversight/actors.js';
import { processingRecord, renderProcessingRecordHtml } from '../../oversight/register/processing-record.js';
import { toUseCaseWire } from '../../oversight/register/use-case.js';
import { READ_ROLES } from '../../oversight/governance.js';
import { decisionSchema } from '../../oversight/review/review-service.js';
import { loadQuestionnaire } from '../../oversight/risk/questionnaire.js';
import type { Platform } from '../../platform.js';
import { bearerToken } from '../bearer.js';
import { assuranceRoutes } from './assurance.js';
import { oversightApplicationRoutes } from './oversight-applications.js';
import { parseWith } from '../openai/parse-with.js';

const id = z.string().min(1).max(200);
const newStaff = z.strictObject({
  tenant: id,
  name: z.string().trim().min(1).max(120),
  roles: z.array(z.string()).min(1),
});
const assessment = z.strictObject({
  questionnaire_version: z.number().int().positive().optional(),
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});
const newSandbox = z.strictObject({
  purpose: z.string().trim().min(3).max(2000),
  starts_at: z.iso.datetime({ offset: true }).optional(),
  ends_at: z.iso.datetime({ offset: true }),
  max_requests: z.number().int().positive().max(10_000_000),
  max_tokens: z.number().int().positive().max(10_000_000_000),
});
const closing = z.strictObject({
  tested: z.string().trim().min(3).max(20_000),
  incidents: z
    .array(
      z.strictObject({
        title: z.string().trim().min(1).max(200),
        severity: z.enum(['low', 'medium', 'high']),
        description: z.string().trim().max(5000),
      }),
    )
    .default([]),
});
const approval = z.strictObject({
  tier: z.enum(riskTiers),
  evaluation_reports: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        passed: z.boolean(),
        uri: z.string().optional(),
        date: z.string().optional(),
      }),
    )
    .default([]),
  note: z.string().max(2000).optional(),
});
const suspension = z.strictObject({
  target_kind: z.enum(['application', 'model']),
  target_id: id,
  reason: z.string().trim().min(3).max(2000),
});
const reviewFilter = z.strictObject({
  status: z.string().optional(),
  application: id.optional(),
  kind: z.enum(['hold', 'sample']).optional(),
});
const reviewStatuses = z.array(z.enum(['pending', 'claimed', 'approved', 'rejected']));
const edit = z.strictObject({ answer: z.string().trim().min(1).max(20_000) });
const recordFormat = z.strictObject({
  format: z.enum(['json', 'html']).optional(),
  lang: z.enum(['fr', 'ar', 'en']).optional(),
});

type Params = { Params: { id: string; aid: string; tier: string; kind: string } };

/**
 * Human oversight over HTTP, under `/v1/oversight`, for the people who govern: the use-case register, risk
 * assessments and their sign-off, promotion to production, sandboxes, model approvals, the kill switch, the
 * review queue (the audit log is under `/v1/audit`). Callers authenticate with a staff token (roles within their tenant) or the admin
 * token (the platform's operator); another tenant's records answer 404.
 */
export function oversightRoutes(app: FastifyInstance, platform: Platform): void {
  const o = platform.oversight;
  app.register(
    async (scope) => {
      scope.decorateRequest('actor', null);
      scope.addHook('onRequest', async (request) => {
        (request as FastifyRequest & { actor: Actor }).actor = await o.staff.authenticate(
          bearerToken(request.headers.authorization),
        );
      });
      const actor = (request: FastifyRequest) => (request as FastifyRequest & { actor: Actor }).actor;

      // Who the caller is, so a console shows what their roles allow (a name only for a staff member).
      scope.get('/me', async (request) => {
        const me = actor(request);
        if (me.kind !== 'staff') return { object: 'mizan.actor', kind: me.kind, tenant: null, roles: [] };
        const tenant = await platform.tenancy.findTenant(me.tenantId);
        return {
          object: 'mizan.actor',
          kind: me.kind,
          id: me.id,
          name: me.name,
          tenant: tenant ? { id: tenant.id, name: tenant.name } : null,
          roles: me.roles,
        };
      });
      scope.post('/staff', async (request, reply) => {
        const body = parseWith(newStaff, request.body);
        const tenant = await platform.tenancy.findTenant(body.tenant);
        if (!tenant) throw errors.notFound('tenant_not_found', `no tenant "${body.tenant}"`, 'tenant');
        const { member, token } = await o.staff.create(actor(request), { ...body, tenantId: tenant.id });
        return reply.status(201).send({ ...member, token });
      });
      scope.get<{ Querystring: { tenant?: string } }>('/staff', async (request) => {
        const me = actor(request);
        const tenant = request.query.tenant ?? (me.kind === 'staff' ? me.tenantId : undefined);
        const found = tenant ? await platform.tenancy.findTenant(tenant) : undefined;
        if (!found) throw errors.notFound('tenant_not_found', `no tenant "${tenant ?? ''}"`, 'tenant');
        return { data: await o.staff.list(me, found.id) };
      });

      // The entry answers as it is written: in its snake_case wire form.
      scope.put<Params>('/applications/:id/use-case', async (request) =>
        toUseCaseWire(await o.register.put(actor(request), request.params.id, request.body)),
      );
      scope.get<Params>('/applications/:id/use-case', async (request) => {
        const { snapshot, useCase } = await o.register.get(actor(request), request.params.id);
        return {
          ...toUseCaseWire(useCase),
          demo: useCase.demo,
          risk_tier: snapshot.tier ?? null,
          stage: snapshot.application.stage,
        };
      });
      scope.get<Params & { Querystring: Record<string, string> }>(
        '/applications/:id/processing-record',
        async (request, reply) => {
          const query = parseWith(recordFormat, request.query);
          const { application, snapshot, useCase } = await o.register.get(actor(request), request.params.id);
          const tenant = (await platform.tenancy.findTenant(application.tenantId))!;
          const allowed = application.allowedModels;
          const record = processingRecord({
            entry: useCase,
            application,
            tenant,
            assessment: snapshot.assessment,
            models: platform.models
              .list()
              .filter((m) => m.kind === 'chat' && (allowed.length === 0 || allowed.includes(m.id))),
            generatedAt: new Date(),
          });
          if (query.format !== 'html') return record;
          return reply
            .type('text/html; charset=utf-8')
            .send(renderProcessingRecordHtml(record, { lang: query.lang ?? 'fr' }));
        },
      );

      scope.get<{ Querystring: { version?: string } }>('/questionnaire', async (request) =>
        loadQuestionnaire(request.query.version ? Number(request.query.version) : undefined),
      );
      scope.post<Params>('/applications/:id/assessments', async (request, reply) => {
        const body = parseWith(assessment, request.body);
        const stored = await o.assessments.submit(actor(request), request.params.id, {
          answers: body.answers,
          ...(body.questionnaire_version ? { questionnaireVersion: body.questionnaire_version } : {}),
        });
        return reply.status(201).send(stored);
      });
      scope.get<Params>('/applications/:id/assessment', async (request) =>
        o.assessments.current(actor(request), request.params.id),
      );
      scope.post<Params>('/applications/:id/assessments/:aid/sign', async (request) =>
        o.assessments.sign(actor(request), request.params.id, request.params.aid),
      );

      scope.get<Params>('/applications/:id/promotion', async (request) => {
        await o.governance.applicationFor(actor(request), request.params.id, [
          'tenant_admin',
          'dpo',
          'auditor',
        ]);
        return { checks: await o.promotion.checks(request.params.id) };
      });
      scope.post<Params>('/applications/:id/promote', async (request) => ({
        stage: 'production',
        checks: await o.promotion.promote(actor(request), request.params.id),
      }));

      scope.post<Params>('/applications/:id/sandboxes', async (request, reply) => {
        const body = parseWith(newSandbox, request.body);
        const { sandbox, key } = await o.sandboxes.open(actor(request), request.params.id, {
          purpose: body.purpose,
          endsAt: new Date(body.ends_at),
          maxRequests: body.max_requests,
          maxTokens: body.max_tokens,
          ...(body.starts_at ? { startsAt: new Date(body.starts_at) } : {}),
        });
        return reply.status(201).send({ ...sandbox, key });
      });
      scope.get<{ Querystring: { application?: string } }>('/sandboxes', async (request) => ({
        data: await o.sandboxes.list(actor(request), request.query.application),
      }));
      scope.get<Params>('/sandboxes/:id', async (request) =>
        o.sandboxes.get(actor(request), request.params.id),
      );
      scope.post<Params>('/sandboxes/:id/close', async (request) => {
        const body = parseWith(closing, request.body);
        return o.sandboxes.close(actor(request), request.params.id, body);
      });

      scope.get('/models', async () => ({ data: await o.approvals.register() }));
      scope.post<Params>('/models/:id/approvals', async (request, reply) => {
        const body = parseWith(approval, request.body);
        const approved = await o.approvals.approve(actor(request), {
          modelId: request.params.id,
          tier: body.tier,
          evaluationReports: body.evaluation_reports,
          note: body.note ?? null,
        });
        return reply.status(201).send(approved);
      });
      scope.delete<Params>('/models/:id/approvals/:tier', async (request) =>
        o.approvals.revoke(actor(request), request.params.id, request.params.tier),
      );

      scope.get('/suspensions', async (request) => ({ data: await o.killSwitch.list(actor(request)) }));
      scope.post('/suspensions', async (request, reply) => {
        const body = parseWith(suspension, request.body);
        const suspended = await o.killSwitch.suspend(actor(request), {
          targetKind: body.target_kind,
          targetId: body.target_id,
          reason: body.reason,
        });
        return reply.status(201).send(suspended);
      });
      scope.delete<Params>('/suspensions/:kind/:id', async (request) => {
        const kind = z.enum(['application', 'model']).safeParse(request.params.kind);
        if (!kind.success)
          throw errors.invalidRequest('invalid_value', 'kind is application or model', 'kind');
        return {
          data: await o.killSwitch.resume(actor(request), {
            targetKind: kind.data,
            targetId: request.params.id,
          }),
        };
      });

      scope.get<{ Querystring: Record<string, string> }>('/reviews', async (request) => {
        const query = parseWith(reviewFilter, request.query);
        const status = query.status
          ? parseWith(z.strictObject({ status: reviewStatuses }), { status: query.status.split(',') }).status
          : undefined;
        // Another tenant's application answers 404, as everywhere else, rather than an empty queue.
        if (query.application)
          await o.governance.applicationFor(actor(request), query.application, READ_ROLES);
        const cases = await o.reviews.list(actor(request), {
          ...(status ? { status } : {}),
          ...(query.application ? { applicationId: query.application } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
        });
        return { data: cases };
      });
      scope.get<Params>('/reviews/:id', async (request) => {
        const found = await o.reviews.get(actor(request), request.params.id);
        return { ...found, sentences: o.reviews.sentences(found) };
      });
      scope.post<Params>('/reviews/:id/claim', async (request) =>
        o.reviews.claim(actor(request), request.params.id),
      );
      scope.put<Params>('/reviews/:id/answer', async (request) =>
        o.reviews.edit(actor(request), request.params.id, parseWith(edit, request.body).answer),
      );
      scope.post<Params>('/reviews/:id/approve', async (request) =>
        o.reviews.approve(actor(request), request.params.id, parseWith(decisionSchema, request.body ?? {})),
      );
      scope.post<Params>('/reviews/:id/reject', async (request) =>
        o.reviews.reject(actor(request), request.params.id, parseWith(decisionSchema, request.body ?? {})),
      );

      assuranceRoutes(scope, platform, actor);
      oversightApplicationRoutes(scope, platform, actor);
    },
    { prefix: '/v1/oversight' },
  );
}

/** The request schemas of these routes, for the API description (src/server/openapi). */
export const oversightSchemas = {
  newStaff,
  assessment,
  newSandbox,
  closing,
  approval,
  suspension,
  reviewFilter,
  edit,
  recordFormat,
};
