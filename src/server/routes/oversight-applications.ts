import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../oversight/actors.js';
import type { Platform } from '../../platform.js';

/**
 * The applications a governance console shows, inside the oversight scope: a tenant's staff (admins, DPOs,
 * reviewers, auditors) list their own tenant's, with their register status, risk tier and stage, where the
 * operator's `/v1/admin/applications` answers the admin token only.
 */
export function oversightApplicationRoutes(
  scope: FastifyInstance,
  platform: Platform,
  actor: (request: FastifyRequest) => Actor,
): void {
  scope.get('/applications', async (request) => ({
    data: await platform.oversight.register.list(actor(request)),
  }));
}
