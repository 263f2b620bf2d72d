import { errors } from '../../errors.js';
import { actorLabel, authorize, tenantScope, type Actor } from '../actors.js';
import { READ_ROLES, RECORD_ROLES, type GovernanceContext } from '../governance.js';
import { parseUseCaseEntry, type UseCaseEntry } from './use-case.js';

/** The use-case register: one entry per application, written by its tenant admin or DPO. */
export function createRegisterService(ctx: GovernanceContext) {
  return {
    async put(actor: Actor, applicationId: string, body: unknown): Promise<UseCaseEntry> {
      const application = await ctx.applicationFor(actor, applicationId, RECORD_ROLES);
      const entry = parseUseCaseEntry(body);
      const existing = await ctx.store.findUseCase(applicationId);
      await ctx.store.putUseCase({ applicationId, entry: body as object, updatedBy: actorLabel(actor) });
      // The register is where transfers abroad are authorised; the privacy layer reads them from the application.
      await ctx.tenancy.setAuthorisedTransfers(applicationId, entry.transfers.countries);
      ctx.invalidate(applicationId);
      await ctx.record({
        tenantId: application.tenantId,
        applicationId,
        action: existing ? 'use_case.updated' : 'use_case.registered',
        actor: actorLabel(actor),
        subject: applicationId,
        detail: {
          sector: entry.sector,
          legal_basis: entry.legalBasis,
          cndp: entry.cndp,
          data_categories: entry.dataCategories,
          transfers: entry.transfers.countries,
        },
      });
      return entry;
    },

    async get(actor: Actor, applicationId: string) {
      const application = await ctx.applicationFor(actor, applicationId, READ_ROLES);
      const snapshot = await ctx.snapshot(applicationId);
      if (!snapshot?.useCase) {
        throw errors.notFound(
          'use_case_not_registered',
          `the application "${application.name}" has no use-case register entry yet`,
          'application',
        );
      }
      return { application, snapshot, useCase: snapshot.useCase };
    },

    /**
     * The applications a console governs: the staff member's tenant's (the platform admin sees every tenant's),
     * each with whether it is registered, its risk tier and its stage.
     */
    async list(actor: Actor) {
      const tenantId = tenantScope(actor);
      if (tenantId)
        authorize(actor, READ_ROLES, tenantId, () => errors.notFound('tenant_not_found', tenantId));
      const applications = await ctx.tenancy.listApplications(tenantId ? { tenantId } : {});
      return Promise.all(
        applications.map(async (application) => {
          const snapshot = await ctx.snapshot(application.id);
          return {
            id: application.id,
            tenant_id: application.tenantId,
            name: application.name,
            stage: application.stage,
            registered: snapshot?.useCase !== undefined,
            risk_tier: snapshot?.tier ?? null,
            created_at: application.createdAt,
          };
        }),
      );
    },
  };
}

export type RegisterService = ReturnType<typeof createRegisterService>;
