import { errors } from '../../errors.js';
import type { Sandbox } from '../../store/governance-store.js';
import type { TenancyService } from '../../tenancy/tenancy-service.js';
import { actorLabel, authorize, tenantScope, type Actor } from '../actors.js';
import { READ_ROLES, type GovernanceContext } from '../governance.js';
import { sandboxReport, type SandboxIncident } from './closing-report.js';

const sandboxNotFound = (id: string) => errors.notFound('sandbox_not_found', `no sandbox "${id}"`, 'sandbox');

/** Why a sandbox cannot serve a request now, or undefined when it can. */
export function sandboxProblem(sandbox: Sandbox | undefined, now: number) {
  if (!sandbox || sandbox.closedAt) return { code: 'sandbox_closed', message: 'this sandbox is closed' };
  if (sandbox.startsAt.getTime() > now)
    return {
      code: 'sandbox_not_started',
      message: `this sandbox opens on ${sandbox.startsAt.toISOString()}`,
    };
  if (sandbox.endsAt.getTime() <= now)
    return { code: 'sandbox_expired', message: `this sandbox ended on ${sandbox.endsAt.toISOString()}` };
  return undefined;
}

/**
 * Regulatory sandboxes: a tenant admin opens one for an application, with dates and quotas, and gets a key of
 * its own; requests made with it accept only synthetic or pseudonymized data and are logged in full. Closing it
 * writes the report that promotion to production asks for.
 */
export function createSandboxService(ctx: GovernanceContext, tenancy: TenancyService) {
  async function sandboxFor(actor: Actor, id: string, roles = READ_ROLES) {
    const sandbox = await ctx.store.findSandbox(id);
    if (!sandbox) throw sandboxNotFound(id);
    authorize(actor, roles, sandbox.tenantId, () => sandboxNotFound(id));
    return sandbox;
  }

  return {
    async open(
      actor: Actor,
      applicationId: string,
      input: {
        purpose: string;
        startsAt?: Date;
        endsAt: Date;
        maxRequests: number;
        maxTokens: number;
        /** Opened by an assurance run for itself (see `refuseSandboxPersonalData`). */
        assurance?: boolean;
      },
    ) {
      const application = await ctx.applicationFor(actor, applicationId, ['tenant_admin']);
      const startsAt = input.startsAt ?? new Date(ctx.now());
      if (input.endsAt.getTime() <= Math.max(startsAt.getTime(), ctx.now())) {
        throw errors.invalidRequest(
          'sandbox_dates',
          'a sandbox must end after it starts, and in the future',
          'ends_at',
        );
      }
      const sandbox = await ctx.store.createSandbox({
        tenantId: application.tenantId,
        applicationId,
        purpose: input.purpose,
        startsAt,
        endsAt: input.endsAt,
        maxRequests: input.maxRequests,
        maxTokens: input.maxTokens,
        openedBy: actorLabel(actor),
        assurance: input.assurance ?? false,
      });
      // The key lives as long as the sandbox: past its end it answers `sandbox_expired`, which says more than a
      // 401 would; closing the sandbox revokes it.
      const { key, record } = await tenancy.createKey({ applicationId, sandboxId: sandbox.id });
      await ctx.record({
        tenantId: application.tenantId,
        applicationId,
        action: 'sandbox.opened',
        actor: actorLabel(actor),
        subject: sandbox.id,
        detail: {
          starts_at: startsAt.toISOString(),
          ends_at: input.endsAt.toISOString(),
          max_requests: input.maxRequests,
          max_tokens: input.maxTokens,
          key_id: record.id,
        },
      });
      return { sandbox, key };
    },

    get: (actor: Actor, id: string) => sandboxFor(actor, id),

    async list(actor: Actor, applicationId?: string) {
      if (applicationId) await ctx.applicationFor(actor, applicationId, READ_ROLES);
      const tenantId = tenantScope(actor);
      return ctx.store.listSandboxes({
        ...(tenantId ? { tenantId } : {}),
        ...(applicationId ? { applicationId } : {}),
      });
    },

    async close(actor: Actor, id: string, input: { tested: string; incidents: SandboxIncident[] }) {
      const sandbox = await sandboxFor(actor, id, ['tenant_admin']);
      if (sandbox.closedAt) {
        throw errors.conflict(
          'sandbox_closed',
          `this sandbox was closed on ${sandbox.closedAt.toISOString()}`,
        );
      }
      const report = sandboxReport({
        sandbox,
        tested: input.tested,
        incidents: input.incidents,
        flows: await ctx.audit.list({ subject: sandbox.id, kind: 'flow', limit: 1000 }),
        closedBy: actorLabel(actor),
        closedAt: new Date(ctx.now()),
      });
      const closed = await ctx.store.closeSandbox(id, actorLabel(actor), report);
      if (!closed) throw errors.conflict('sandbox_closed', 'this sandbox was closed meanwhile');
      tenancy.invalidateKeys();
      await ctx.record({
        tenantId: sandbox.tenantId,
        applicationId: sandbox.applicationId,
        action: 'sandbox.closed',
        actor: actorLabel(actor),
        subject: sandbox.id,
        detail: { metrics: report.metrics, incidents: input.incidents.length },
      });
      return closed;
    },

    /** Counts one request against the sandbox's quotas; refuses once the sandbox is closed, over, or spent. */
    async take(sandboxId: string): Promise<Sandbox> {
      const problem = sandboxProblem(await ctx.store.findSandbox(sandboxId), ctx.now());
      if (problem) throw errors.forbidden(problem.code, problem.message);
      const taken = await ctx.store.takeSandboxRequest(sandboxId);
      if (!taken) {
        throw errors.rateLimited('sandbox_quota_exhausted', "this sandbox's request or token quota is spent");
      }
      return taken;
    },

    addTokens: (sandboxId: string, tokens: number) => ctx.store.addSandboxTokens(sandboxId, tokens),
  };
}

export type SandboxService = ReturnType<typeof createSandboxService>;
