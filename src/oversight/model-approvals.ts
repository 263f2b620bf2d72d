import type { RiskTier } from '../config/schema.js';
import { errors } from '../errors.js';
import type { ModelEntry } from '../providers/model-registry.js';
import { actorLabel, requirePlatformAdmin, type Actor } from './actors.js';
import type { GovernanceContext } from './governance.js';
import type { AssuranceRun } from '../store/assurance-store.js';

/**
 * Which models may serve which risk tiers. A model is approved for a tier by the configuration (`approved_for`,
 * reviewed with the deployment) or by a recorded approval, with the evaluation reports it rests on. Routing only
 * uses models approved for the application's tier.
 */
export function createModelApprovals(
  ctx: GovernanceContext,
  /** An assurance run by id, so that an approval citing one records what the run found, not what it is told. */
  findRun: (id: string) => Promise<AssuranceRun | undefined>,
) {
  /**
   * An evaluation report naming an assurance run (`{ id: "run_…" }`) must be a finished run of this model; its grade
   * and outcome are taken from the run. Other reports (external evaluations) are recorded as given.
   */
  async function checkedReports(modelId: string, reports: object[]): Promise<object[]> {
    return Promise.all(
      reports.map(async (report) => {
        const id = (report as { id?: unknown }).id;
        if (typeof id !== 'string' || !id.startsWith('run_')) return report;
        const run = await findRun(id);
        if (!run || run.modelId !== modelId || run.status !== 'finished') {
          throw errors.unprocessable(
            'evaluation_report_invalid',
            `"${id}" is not a finished assurance run of the model "${modelId}"`,
            'evaluation_reports',
          );
        }
        return { ...report, passed: run.passed, grade: run.grade, pack: `${run.packId} v${run.packVersion}` };
      }),
    );
  }

  const standing = ctx.cached(() => ctx.store.listModelApprovals());
  ctx.onInvalidate(() => standing.invalidate());

  const approvedTiers = async (entry: ModelEntry): Promise<Set<string>> =>
    new Set([
      ...entry.approvedFor,
      ...(await standing.get()).filter((a) => a.modelId === entry.id).map((a) => a.tier),
    ]);

  return {
    approvedFor: async (entry: ModelEntry, tier: RiskTier) => (await approvedTiers(entry)).has(tier),
    approvedTiers,

    async approve(
      actor: Actor,
      input: { modelId: string; tier: RiskTier; evaluationReports: object[]; note: string | null },
    ) {
      requirePlatformAdmin(actor, 'approve a model');
      const entry = ctx.models.resolve(input.modelId);
      if (!entry)
        throw errors.notFound('model_not_found', `no model "${input.modelId}" is configured`, 'model');
      if (input.tier === 'prohibited') {
        throw errors.invalidRequest('tier_invalid', 'nothing is approved for the prohibited tier', 'tier');
      }
      const approval = await ctx.store.approveModel({
        ...input,
        evaluationReports: await checkedReports(entry.id, input.evaluationReports),
        modelId: entry.id,
        approvedBy: actorLabel(actor),
      });
      ctx.invalidate();
      await ctx.record({
        tenantId: null,
        applicationId: null,
        action: 'model.approved',
        actor: actorLabel(actor),
        subject: entry.id,
        detail: { tier: input.tier, evaluation_reports: input.evaluationReports },
      });
      return approval;
    },

    async revoke(actor: Actor, modelId: string, tier: string) {
      requirePlatformAdmin(actor, 'revoke a model approval');
      const revoked = await ctx.store.revokeModelApproval(modelId, tier, actorLabel(actor));
      if (!revoked) {
        throw errors.notFound(
          'approval_not_found',
          `the model "${modelId}" has no standing approval for the ${tier} tier`,
        );
      }
      ctx.invalidate();
      await ctx.record({
        tenantId: null,
        applicationId: null,
        action: 'model.approval_revoked',
        actor: actorLabel(actor),
        subject: modelId,
        detail: { tier },
      });
      return revoked;
    },

    /** The registry as governance sees it: licence, hosting, tiers approved and the approvals with their reports. */
    async register() {
      const approvals = await standing.get();
      return Promise.all(
        ctx.models.list().map(async (entry) => ({
          id: entry.id,
          kind: entry.kind,
          licence: entry.licence,
          languages: entry.languages,
          provider: entry.provider.id,
          hosting: entry.provider.hosting,
          approved_for: [...(await approvedTiers(entry))].sort(),
          approvals: approvals.filter((a) => a.modelId === entry.id),
        })),
      );
    },
  };
}

export type ModelApprovals = ReturnType<typeof createModelApprovals>;
