import { errors } from '../errors.js';
import type { ModelEntry } from '../providers/model-registry.js';
import type { AssuranceRun } from '../store/assurance-store.js';
import { actorLabel, type Actor } from './actors.js';
import type { GovernanceContext } from './governance.js';
import type { ModelApprovals } from './model-approvals.js';
import { cndpAuthorisationGranted } from './register/use-case.js';
import { assessmentProblem } from './risk/assessment-service.js';

export interface PromotionCheck {
  check: string;
  ok: boolean;
  detail: string;
}

/**
 * The gate to production: the register entry, the CNDP formality, a signed and current assessment, and what the
 * tier adds — a closed sandbox with its report, a passing assurance report for the current version of a model
 * approved for the tier that the application may use.
 * Every check is reported, passed or not, so the tenant sees the whole way to production at once.
 */
export function createPromotion(
  ctx: GovernanceContext,
  approvals: ModelApprovals,
  /** The finished, passing assurance runs of an application on the current version of these models. */
  passingRuns: (applicationId: string, entries: readonly ModelEntry[]) => Promise<AssuranceRun[]>,
) {
  async function checks(applicationId: string): Promise<PromotionCheck[]> {
    const snapshot = await ctx.snapshot(applicationId);
    const useCase = snapshot?.useCase;
    const { assessment, tier, controls } = snapshot ?? {};
    const problem = assessmentProblem(assessment, ctx.now());
    const result: PromotionCheck[] = [
      {
        check: 'use_case_registered',
        ok: useCase !== undefined,
        detail: useCase ? useCase.purpose : 'no register entry',
      },
      {
        check: 'cndp_formality_granted',
        ok: useCase !== undefined && (useCase.demo || cndpAuthorisationGranted(useCase)),
        detail: useCase
          ? `${useCase.cndp.regime} ${useCase.cndp.reference ?? '(no number)'}: ${useCase.cndp.status}`
          : '—',
      },
      {
        check: 'risk_assessment_signed',
        ok: problem === undefined,
        detail: problem?.message ?? `tier ${tier}`,
      },
      {
        check: 'use_not_prohibited',
        ok: tier !== undefined && tier !== 'prohibited',
        detail: `tier ${tier ?? 'unknown'}`,
      },
    ];
    if (controls?.sandboxBeforeProduction) {
      const closed = (await ctx.store.listSandboxes({ applicationId })).filter((s) => s.report !== null);
      result.push({
        check: 'sandbox_closing_report',
        ok: closed.length > 0,
        detail:
          closed.length > 0
            ? `sandbox ${closed.at(-1)!.id} closed with its report`
            : `a ${tier}-tier use is tried in a sandbox first, and the sandbox closed with its report`,
      });
    }
    if (controls?.assuranceBeforeProduction && tier && snapshot) {
      const allowed = snapshot.application.allowedModels;
      const usable = [];
      for (const entry of ctx.models.list()) {
        if (entry.kind !== 'chat' || (allowed.length > 0 && !allowed.includes(entry.id))) continue;
        if (await approvals.approvedFor(entry, tier)) usable.push(entry);
      }
      const runs = await passingRuns(applicationId, usable);
      result.push({
        check: 'assurance_report_passed',
        ok: runs.length > 0,
        detail:
          runs.length > 0
            ? `passing assurance runs ${runs.map((r) => `${r.id} (${r.packId}, ${r.modelId})`).join(', ')}`
            : `no passing assurance report for this application on the current version of a model approved for the ${tier} tier (${usable.map((e) => e.id).join(', ') || 'none approved'})`,
      });
    }
    return result;
  }

  return {
    checks,
    async promote(actor: Actor, applicationId: string) {
      const application = await ctx.applicationFor(actor, applicationId, ['tenant_admin']);
      if (application.stage === 'production') {
        throw errors.conflict(
          'already_in_production',
          `the application "${application.name}" is in production already`,
        );
      }
      const result = await checks(applicationId);
      const failed = result.filter((c) => !c.ok);
      if (failed.length > 0) {
        throw errors.conflict(
          'promotion_blocked',
          `the application cannot be promoted yet: ${failed.map((c) => `${c.check} (${c.detail})`).join('; ')}`,
        );
      }
      await ctx.store.setStage(applicationId, 'production', actorLabel(actor));
      ctx.invalidate(applicationId);
      await ctx.record({
        tenantId: application.tenantId,
        applicationId,
        action: 'application.promoted',
        actor: actorLabel(actor),
        subject: applicationId,
        detail: { checks: result.map((c) => c.check) },
      });
      return result;
    },
  };
}

export type Promotion = ReturnType<typeof createPromotion>;
