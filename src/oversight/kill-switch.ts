import { errors } from '../errors.js';
import type { Suspension } from '../store/governance-store.js';
import { actorLabel, authorize, type Actor } from './actors.js';
import type { GovernanceContext } from './governance.js';

type Target = { targetKind: Suspension['targetKind']; targetId: string };

/**
 * The kill switch: a tenant admin suspends their own applications, and models for their tenant; the platform admin
 * (or the automatic breaker, acting as the gateway) suspends models for every tenant. Takes effect at once on this
 * replica and within the cache time on the others.
 */
export function createKillSwitch(ctx: GovernanceContext) {
  const standing = ctx.cached(() => ctx.store.activeSuspensions());
  ctx.onInvalidate(() => standing.invalidate());

  /** The tenant a suspension applies to (null: the whole platform), once the actor is allowed to take it. */
  async function scope(actor: Actor, { targetKind, targetId }: Target): Promise<string | null> {
    if (targetKind === 'application') {
      return (await ctx.applicationFor(actor, targetId, ['tenant_admin'])).tenantId;
    }
    if (!ctx.models.resolve(targetId)) {
      throw errors.notFound('model_not_found', `no model "${targetId}" is configured`, 'model');
    }
    if (actor.kind !== 'staff') return null;
    authorize(actor, ['tenant_admin'], actor.tenantId, () => errors.notFound('model_not_found', targetId));
    return actor.tenantId;
  }

  return {
    /** The standing suspension of an application, or of a model for this tenant (its own or the platform's). */
    async suspensionOf(
      targetKind: Suspension['targetKind'],
      targetId: string,
      tenantId: string,
    ): Promise<Suspension | undefined> {
      return (await standing.get()).find(
        (s) =>
          s.targetKind === targetKind &&
          s.targetId === targetId &&
          (s.tenantId === null || s.tenantId === tenantId),
      );
    },

    async list(actor: Actor): Promise<Suspension[]> {
      const all = await standing.get();
      return actor.kind === 'staff'
        ? all.filter((s) => s.tenantId === null || s.tenantId === actor.tenantId)
        : all;
    },

    async suspend(
      actor: Actor,
      input: Target & { reason: string; automatic?: boolean },
    ): Promise<Suspension> {
      const tenantId = await scope(actor, input);
      const suspension = await ctx.store.suspend({ ...input, tenantId, suspendedBy: actorLabel(actor) });
      ctx.invalidate();
      await ctx.record({
        tenantId,
        applicationId: input.targetKind === 'application' ? input.targetId : null,
        action: `${input.targetKind}.suspended`,
        actor: actorLabel(actor),
        subject: input.targetId,
        detail: { reason: input.reason, automatic: input.automatic ?? false, scope: tenantId ?? 'platform' },
      });
      return suspension;
    },

    async resume(actor: Actor, input: Target): Promise<Suspension[]> {
      const tenantId = await scope(actor, input);
      const lifted = await ctx.store.lift({ ...input, tenantId, by: actorLabel(actor) });
      if (lifted.length === 0) {
        throw errors.notFound(
          'not_suspended',
          `the ${input.targetKind} "${input.targetId}" is not suspended`,
        );
      }
      ctx.invalidate();
      await ctx.record({
        tenantId,
        applicationId: input.targetKind === 'application' ? input.targetId : null,
        action: `${input.targetKind}.resumed`,
        actor: actorLabel(actor),
        subject: input.targetId,
        detail: { scope: tenantId ?? 'platform' },
      });
      return lifted;
    },
  };
}

export type KillSwitch = ReturnType<typeof createKillSwitch>;
