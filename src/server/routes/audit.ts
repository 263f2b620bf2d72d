import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { STAT_DIMENSIONS } from '../../audit/flow-stats.js';
import { errors } from '../../errors.js';
import { authorize, tenantScope, type Actor, type StaffRole } from '../../oversight/actors.js';
import type { Platform } from '../../platform.js';
import { looksLikeApiKey } from '../../tenancy/api-keys.js';
import { bearerToken } from '../bearer.js';
import { parseWith } from '../openai/parse-with.js';

const READERS: readonly StaffRole[] = ['auditor', 'dpo', 'tenant_admin'];
const size = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const isoTime = z.iso.datetime({ offset: true }).transform((t) => new Date(t));

const recordsQuery = z.strictObject({
  application: z.string().min(1).max(100).optional(),
  subject: z.string().min(1).max(100).optional(),
  kind: z.enum(['flow', 'oversight', 'governance', 'rights', 'retention']).optional(),
  action: z.string().min(1).max(100).optional(),
  outcome: z.string().min(1).max(40).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  after: size.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const inclusionQuery = z.strictObject({ record: z.string().min(1).max(100), tree_size: size.optional() });
const consistencyQuery = z.strictObject({ first: size, second: size });
const headsQuery = z.strictObject({
  after: size.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const statsQuery = z.strictObject({
  by: z.enum(STAT_DIMENSIONS),
  bucket: z.enum(['hour', 'day']).default('day'),
  from: isoTime,
  to: isoTime,
  application: z.string().min(1).max(100).optional(),
});

/** Who reads a record: staff of its tenant (or the platform admin), or the application that made it. */
type Reader = Actor | { kind: 'application'; tenantId: string; applicationId: string };

/**
 * The verifiable audit log over HTTP. What proves the log is public: signed tree heads, the keys that sign them and
 * consistency proofs carry only hashes, so anyone can watch the log grow without trusting the operator. Records
 * and inclusion proofs are read by a tenant's auditors, DPOs and admins (another tenant's records answer 404), and
 * by the application that made the record, which may hand its user a receipt.
 */
export function auditRoutes(app: FastifyInstance, platform: Platform): void {
  const { audit } = platform;

  const reader = async (request: FastifyRequest): Promise<Reader> => {
    const bearer = bearerToken(request.headers.authorization);
    if (bearer && looksLikeApiKey(bearer)) {
      const principal = await platform.authenticator.authenticate(bearer);
      return { kind: 'application', tenantId: principal.tenant.id, applicationId: principal.application.id };
    }
    return platform.oversight.staff.authenticate(bearer);
  };
  const staffOnly = (who: Reader): Actor => {
    if (who.kind === 'application')
      throw errors.forbidden('role_required', 'the audit log is read by auditors, DPOs and tenant admins');
    return who;
  };
  const requireReader = (actor: Actor, tenantId: string | null) =>
    authorize(actor, READERS, tenantId, () =>
      errors.notFound('record_not_found', 'no such audit record', 'record'),
    );

  app.register(
    async (scope) => {
      scope.get('/sth', async () => audit.toSigned(await audit.proofs.latest()));

      scope.get<{ Querystring: Record<string, string> }>('/heads', async (request) => {
        const query = parseWith(headsQuery, request.query);
        const latest = await audit.proofs.latest();
        const heads = await audit.store.heads(query.after ?? -1, latest.treeSize, query.limit ?? 100);
        return { data: heads.map(audit.toSigned) };
      });

      scope.get('/keys', async () => ({
        data: (await audit.store.keys()).map((k) => ({
          key_id: k.keyId,
          algorithm: 'Ed25519',
          public_key: k.publicKey,
        })),
      }));

      scope.get<{ Querystring: Record<string, string> }>('/proof/consistency', async (request) => {
        const query = parseWith(consistencyQuery, request.query);
        return audit.proofs.consistency(query.first, query.second);
      });

      scope.get<{ Querystring: Record<string, string> }>('/proof/inclusion', async (request) => {
        const query = parseWith(inclusionQuery, request.query);
        const who = await reader(request);
        const event = await audit.store.byId(query.record);
        const notFound = () =>
          errors.notFound('record_not_found', `no audit record "${query.record}"`, 'record');
        if (!event) throw notFound();
        if (who.kind === 'application') {
          if (event.applicationId !== who.applicationId) throw notFound();
        } else requireReader(who, event.tenantId);
        return audit.proofs.inclusion(event, query.tree_size);
      });

      scope.get<{ Querystring: Record<string, string> }>('/records', async (request) => {
        const query = parseWith(recordsQuery, request.query);
        const me = staffOnly(await reader(request));
        if (query.application)
          await platform.oversight.governance.applicationFor(me, query.application, READERS);
        else if (me.kind === 'staff') requireReader(me, me.tenantId);
        const tenantId = tenantScope(me);
        const events = await audit.log.list({
          ...(tenantId ? { tenantId } : {}),
          ...(query.application ? { applicationId: query.application } : {}),
          ...(query.subject ? { subject: query.subject } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
          ...(query.action ? { action: query.action } : {}),
          ...(query.outcome ? { outcome: query.outcome } : {}),
          ...(query.from ? { from: query.from } : {}),
          ...(query.to ? { to: query.to } : {}),
          ...(query.after !== undefined ? { after: query.after } : {}),
          ...(query.limit !== undefined ? { limit: query.limit } : {}),
        });
        return { data: events, next_after: events.at(-1)?.seq ?? null };
      });

      scope.get<{ Querystring: Record<string, string> }>('/stats', async (request) => {
        const query = parseWith(statsQuery, request.query);
        if (query.to <= query.from)
          throw errors.invalidRequest('invalid_range', '`to` must be after `from`', 'to');
        const me = staffOnly(await reader(request));
        if (query.application)
          await platform.oversight.governance.applicationFor(me, query.application, READERS);
        else if (me.kind === 'staff') requireReader(me, me.tenantId);
        const tenantId = tenantScope(me);
        return {
          by: query.by,
          bucket: query.bucket,
          data: await audit.stats({
            by: query.by,
            bucket: query.bucket,
            from: query.from,
            to: query.to,
            ...(tenantId ? { tenantId } : {}),
            ...(query.application ? { applicationId: query.application } : {}),
          }),
        };
      });
    },
    { prefix: '/v1/audit' },
  );
}

/** The request schemas of these routes, for the API description (src/server/openapi). */
export const auditSchemas = { recordsQuery, inclusionQuery, consistencyQuery, headsQuery, statsQuery };
