import type { RiskTier } from '../../config/schema.js';
import { errors } from '../../errors.js';
import type { StoredAssessment } from '../../store/governance-store.js';
import { actorLabel, type Actor } from '../actors.js';
import { READ_ROLES, RECORD_ROLES, type GovernanceContext } from '../governance.js';
import { assessRisk } from './assess.js';

const DAY_MS = 86_400_000;

/** Whether an assessment lets the application serve in production: signed off and not past its re-assessment date. */
export function assessmentProblem(assessment: StoredAssessment | undefined, now: number) {
  if (!assessment)
    return { code: 'risk_assessment_missing', message: 'the application has no ethical risk assessment' };
  if (!assessment.signedAt)
    return {
      code: 'risk_assessment_not_signed',
      message: "the application's risk assessment has not been signed off by its data-protection officer",
    };
  if (assessment.reassessBy.getTime() <= now)
    return {
      code: 'risk_assessment_expired',
      message: `the application's risk assessment was due for re-assessment on ${assessment.reassessBy.toISOString().slice(0, 10)}`,
    };
  return undefined;
}

/**
 * Ethical risk assessments: a tenant admin or DPO answers the questionnaire against the application's register
 * entry; the DPO signs it off. A new assessment supersedes the previous one (which stays, as history).
 */
export function createAssessmentService(ctx: GovernanceContext) {
  return {
    async submit(
      actor: Actor,
      applicationId: string,
      input: { questionnaireVersion?: number; answers: Record<string, string | string[]> },
    ): Promise<StoredAssessment> {
      const application = await ctx.applicationFor(actor, applicationId, RECORD_ROLES);
      const snapshot = await ctx.snapshot(applicationId);
      if (!snapshot?.useCase) {
        throw errors.conflict(
          'use_case_not_registered',
          'register the use case first: the assessment is checked against its sector, people and data',
          'application',
        );
      }
      const result = assessRisk(input, {
        sector: snapshot.useCase.sector,
        dataCategories: snapshot.useCase.dataCategories,
        peopleAffected: snapshot.useCase.peopleAffected,
      });
      const stored = await ctx.store.addAssessment({
        applicationId,
        questionnaireId: result.questionnaire.id,
        questionnaireVersion: result.questionnaire.version,
        answers: input.answers,
        result,
        tier: result.tier,
        submittedBy: actorLabel(actor),
        reassessBy: new Date(ctx.now() + result.controls.reassessAfterDays * DAY_MS),
      });
      ctx.invalidate(applicationId);
      await ctx.record({
        tenantId: application.tenantId,
        applicationId,
        action: 'assessment.submitted',
        actor: actorLabel(actor),
        subject: stored.id,
        detail: {
          tier: result.tier,
          scores: result.scores,
          questionnaire_version: result.questionnaire.version,
        },
      });
      return stored;
    },

    async current(actor: Actor, applicationId: string): Promise<StoredAssessment> {
      await ctx.applicationFor(actor, applicationId, READ_ROLES);
      const assessment = await ctx.store.currentAssessment(applicationId);
      if (!assessment) {
        throw errors.notFound(
          'risk_assessment_missing',
          'the application has no risk assessment yet',
          'application',
        );
      }
      return assessment;
    },

    async sign(actor: Actor, applicationId: string, assessmentId: string): Promise<StoredAssessment> {
      const application = await ctx.applicationFor(actor, applicationId, ['dpo']);
      if (actor.kind !== 'staff') {
        throw errors.forbidden(
          'dpo_required',
          "a risk assessment is signed off by the tenant's data-protection officer, in person",
        );
      }
      const found = await ctx.store.findAssessment(assessmentId);
      if (!found || found.applicationId !== applicationId) {
        throw errors.notFound(
          'assessment_not_found',
          `no assessment "${assessmentId}" for this application`,
          'assessment',
        );
      }
      const current = await ctx.store.currentAssessment(applicationId);
      if (current?.id !== found.id) {
        throw errors.conflict(
          'assessment_superseded',
          'a newer assessment of this application exists: sign that one',
        );
      }
      const signed = await ctx.store.signAssessment(assessmentId, actorLabel(actor));
      if (!signed) {
        throw errors.conflict(
          'assessment_already_signed',
          `this assessment was signed off already, on ${found.signedAt?.toISOString()}`,
        );
      }
      ctx.invalidate(applicationId);
      await ctx.record({
        tenantId: application.tenantId,
        applicationId,
        action: 'assessment.signed',
        actor: actorLabel(actor),
        subject: assessmentId,
        detail: { tier: signed.tier as RiskTier, reassess_by: signed.reassessBy.toISOString() },
      });
      return signed;
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
