import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors } from '../../errors.js';
import type { Platform } from '../../platform.js';
import { parsePrivacyPolicy } from '../../privacy/policy.js';
import { bearerToken } from '../bearer.js';
import { parseWith } from '../openai/parse-with.js';
import { adminCorpusRoutes } from './admin-corpus.js';

const newTenant = z.strictObject({ name: z.string().trim().min(1).max(120) });
const newApplication = z.strictObject({
  tenant: z.string().min(1),
  name: z.string().trim().min(1).max(120),
  allowed_models: z.array(z.string().min(1)).optional(),
  rate_limit_rpm: z.number().int().min(0).nullable().optional(),
  privacy_policy: z.looseObject({}).nullable().optional(),
  authorised_transfers: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as FR'))
    .optional(),
});
const newKey = z.strictObject({
  application: z.string().min(1),
  expires_at: z.iso.datetime({ offset: true }).optional(),
});

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The operator's API for tenants, applications and keys: what `mizan tenants|apps|keys` does, over HTTP, for
 * a running server. Off unless an admin token is configured.
 */
export function adminRoutes(app: FastifyInstance, platform: Platform): void {
  const token = platform.config.security.admin_token;
  if (!token) return;
  const tenancy = platform.tenancy;

  app.register(
    async (admin) => {
      admin.addHook('onRequest', async (request) => {
        const given = bearerToken(request.headers.authorization);
        if (given === undefined || !sameSecret(given, token)) {
          throw errors.unauthenticated(
            'invalid_admin_token',
            'the admin API needs the admin token as a Bearer token',
          );
        }
      });

      admin.post('/tenants', async (request, reply) => {
        const body = parseWith(newTenant, request.body);
        return reply.status(201).send(await tenancy.createTenant({ name: body.name }));
      });
      admin.get('/tenants', async () => ({ data: await tenancy.listTenants() }));

      admin.post('/applications', async (request, reply) => {
        const body = parseWith(newApplication, request.body);
        const tenant = await tenancy.findTenant(body.tenant);
        if (!tenant) throw errors.notFound('tenant_not_found', `no tenant "${body.tenant}"`, 'tenant');
        const application = await tenancy.createApplication({
          tenantId: tenant.id,
          name: body.name,
          allowedModels: body.allowed_models ?? [],
          rateLimitRpm: body.rate_limit_rpm ?? null,
          privacyPolicy: body.privacy_policy ? parsePrivacyPolicy(body.privacy_policy) : null,
          authorisedTransfers: body.authorised_transfers ?? [],
        });
        return reply.status(201).send(application);
      });
      /** `?tenant=` takes an id or a name, as the CLI does; an unknown one is a 404, not an empty list. */
      const tenantFilter = async (idOrName: string | undefined) => {
        if (!idOrName) return {};
        const tenant = await tenancy.findTenant(idOrName);
        if (!tenant) throw errors.notFound('tenant_not_found', `no tenant "${idOrName}"`, 'tenant');
        return { tenantId: tenant.id };
      };

      admin.get<{ Querystring: { tenant?: string } }>('/applications', async (request) => ({
        data: await tenancy.listApplications(await tenantFilter(request.query.tenant)),
      }));

      admin.post('/keys', async (request, reply) => {
        const body = parseWith(newKey, request.body);
        const created = await tenancy.createKey({
          applicationId: body.application,
          expiresAt: body.expires_at ? new Date(body.expires_at) : null,
        });
        return reply.status(201).send({ ...created.record, key: created.key });
      });
      admin.get<{ Querystring: { application?: string; tenant?: string } }>('/keys', async (request) => ({
        data: await tenancy.listApiKeys({
          ...(request.query.application ? { applicationId: request.query.application } : {}),
          ...(await tenantFilter(request.query.tenant)),
        }),
      }));
      admin.post<{ Params: { key: string } }>('/keys/:key/revoke', async (request) => {
        const revoked = await tenancy.revokeKey(request.params.key);
        if (!revoked) throw errors.notFound('key_not_found', `no key "${request.params.key}"`, 'key');
        return revoked;
      });
      adminCorpusRoutes(admin, platform);
    },
    { prefix: '/v1/admin' },
  );
}

/** The request schemas of these routes, for the API description (src/server/openapi). */
export const adminSchemas = { newTenant, newApplication, newKey };
