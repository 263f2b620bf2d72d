import type { FastifyInstance } from 'fastify';
import { createPublicRegister, registerFilter } from '../../oversight/register/public-register.js';
import type { Platform } from '../../platform.js';
import { apiDocument } from '../openapi/document.js';
import { parseWith } from '../openai/parse-with.js';

/** Public answers: shared caches may keep them a few minutes, the time a governance decision takes to show. */
const PUBLIC_CACHE = 'public, max-age=300';

/**
 * What anyone may read without signing in: the public register of AI systems in use (`/v1/transparency/register`)
 * and the description of this API (`/openapi.json`), which the transparency page and the developer portal show.
 */
export function transparencyRoutes(app: FastifyInstance, platform: Platform): void {
  const register = createPublicRegister({
    governance: platform.oversight.governance,
    tenancy: platform.tenancy,
    models: platform.models,
    modelGate: platform.oversight.modelGate,
    applicationSuspended: async (applicationId, tenantId) =>
      (await platform.oversight.killSwitch.suspensionOf('application', applicationId, tenantId)) !==
      undefined,
    rightsDeadlineDays: platform.config.rights.deadline_days,
  });

  app.get<{ Querystring: Record<string, string> }>('/v1/transparency/register', async (request, reply) => {
    const { tenant } = parseWith(registerFilter, request.query);
    const data = await register.list(tenant === undefined ? {} : { tenant });
    void reply.header('cache-control', PUBLIC_CACHE);
    return { object: 'list', data, rights: register.rights };
  });

  app.get<{ Params: { id: string } }>('/v1/transparency/register/:id', async (request, reply) => {
    const system = await register.get(request.params.id);
    void reply.header('cache-control', PUBLIC_CACHE);
    return { ...system, rights: register.rights };
  });

  // Built once the app is ready, from the routes it registered.
  let document: object | undefined;
  app.get('/openapi.json', async (_request, reply) => {
    document ??= apiDocument(app.routeList);
    void reply.header('cache-control', PUBLIC_CACHE);
    return document;
  });
}
