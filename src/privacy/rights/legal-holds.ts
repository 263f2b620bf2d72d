import { errors } from '../../errors.js';
import type { LegalHold } from '../../store/rights-store.js';
import {
  callerLabel,
  identify,
  OVERSEER_ROLES,
  recordRightsEvent,
  requireStaff,
  staffScope,
  type RightsCaller,
  type RightsContext,
} from './context.js';

const holdNotFound = (id: string) => errors.notFound('legal_hold_not_found', `no legal hold "${id}"`, 'id');

/**
 * Legal holds (LAW.md R7): a tenant's DPO or admin keeps data beyond its retention, and against erasure, while a
 * claim or an investigation needs it: on the whole tenant, an application, a person, or a person in an
 * application. Placed and lifted in the audit log; the reason stays in the hold (it may name people), not in the log.
 */
export function createLegalHolds(ctx: RightsContext) {
  return {
    async place(
      caller: RightsCaller,
      input: { user?: string; application?: string; reason: string },
    ): Promise<LegalHold> {
      const scope = await staffScope(ctx, caller, OVERSEER_ROLES, input.application);
      const dataSubject = input.user === undefined ? null : identify(ctx, scope.tenantId, input.user);
      const hold = await ctx.store.placeHold({
        ...scope,
        dataSubject,
        reason: input.reason,
        placedBy: callerLabel(caller),
      });
      await recordRightsEvent(ctx, {
        kind: 'retention',
        scope,
        action: 'legal_hold.placed',
        caller,
        subject: hold.id,
        dataSubject,
        detail: { on: dataSubject === null ? 'everyone' : 'subject' },
      });
      return hold;
    },

    async list(caller: RightsCaller, filter: { active?: boolean } = {}): Promise<LegalHold[]> {
      const scope = await staffScope(ctx, caller, OVERSEER_ROLES, undefined);
      return ctx.store.listHolds({ tenantId: scope.tenantId, ...filter });
    },

    async lift(caller: RightsCaller, id: string): Promise<LegalHold> {
      const found = await ctx.store.findHold(id);
      if (!found) throw holdNotFound(id);
      requireStaff(caller, OVERSEER_ROLES, found.tenantId, () => holdNotFound(id));
      const lifted = await ctx.store.liftHold(id, callerLabel(caller), ctx.now());
      if (!lifted) throw errors.conflict('legal_hold_lifted', `the legal hold "${id}" is lifted already`);
      await recordRightsEvent(ctx, {
        kind: 'retention',
        scope: lifted,
        action: 'legal_hold.lifted',
        caller,
        subject: id,
        dataSubject: lifted.dataSubject,
        detail: {},
      });
      return lifted;
    },
  };
}

export type LegalHolds = ReturnType<typeof createLegalHolds>;
