import { errors } from '../../errors.js';
import { defaultForbiddenAdvice } from '../../guard/output/index.js';
import type { GovernanceContext } from '../../oversight/governance.js';
import type { KillSwitch } from '../../oversight/kill-switch.js';
import {
  applicationSuspendedMessage,
  transparencyFacts,
  useProhibitedMessage,
} from '../../oversight/messages.js';
import { cndpAuthorisationGranted } from '../../oversight/register/use-case.js';
import { assessmentProblem } from '../../oversight/risk/assessment-service.js';
import type { SandboxService } from '../../oversight/sandbox/sandbox-service.js';
import { DEFAULT_PRIVACY_POLICY, type PrivacyPolicy } from '../../privacy/policy.js';
import type { Stage } from '../pipeline.js';
import { requirePrincipal } from './require.js';

export interface ResolvePolicyDependencies {
  governance: GovernanceContext;
  killSwitch: KillSwitch;
  sandboxes: SandboxService;
}

/**
 * The application's rules, from its record and its use-case register entry; refuses what the register forbids: a
 * suspended application, one with no register entry or assessment, a prohibited use, and — outside a sandbox —
 * one whose CNDP formality is not granted, whose assessment is unsigned or expired, or that is not in production.
 * A sandbox request counts against the sandbox's quota only once it is accepted.
 */
export const resolvePolicy = (deps: ResolvePolicyDependencies): Stage => ({
  name: 'resolve-policy',
  async run(ctx) {
    const { application, tenant, sandboxId } = requirePrincipal(ctx, 'resolve-policy');
    const language = ctx.language?.lang;
    if (await deps.killSwitch.suspensionOf('application', application.id, tenant.id)) {
      throw errors.unavailable('application_suspended', applicationSuspendedMessage(language));
    }
    const snapshot = await deps.governance.snapshot(application.id);
    const useCase = snapshot?.useCase;
    if (!snapshot || !useCase) {
      throw errors.forbidden(
        'use_case_not_registered',
        `the application "${application.name}" has no use-case register entry: its tenant admin or DPO must register its purpose, legal basis and CNDP formality before it can serve (Law 09-08 art. 12)`,
      );
    }
    const { assessment, tier, controls } = snapshot;
    if (!assessment || !tier || !controls) {
      throw errors.forbidden(
        'risk_assessment_missing',
        `the application "${application.name}" has no ethical risk assessment: it cannot serve until one is made`,
      );
    }
    if (controls.refuse) throw errors.forbidden('use_prohibited', useProhibitedMessage(language));
    if (sandboxId === null) {
      if (!useCase.demo && !cndpAuthorisationGranted(useCase)) {
        throw errors.forbidden(
          'cndp_authorisation_missing',
          `the CNDP ${useCase.cndp.regime} of this application is ${useCase.cndp.status.replace('_', ' ')}: it can serve only once the formality its data require is granted (Law 09-08 art. 12); until then use a sandbox`,
        );
      }
      const problem = assessmentProblem(assessment, Date.now());
      if (problem) throw errors.forbidden(problem.code, problem.message);
      if (snapshot.application.stage !== 'production') {
        throw errors.forbidden(
          'application_not_in_production',
          `the application "${application.name}" has not been promoted to production; until it is, only its sandbox keys are served`,
        );
      }
    }
    const sandbox = sandboxId === null ? undefined : await deps.sandboxes.take(sandboxId);
    const allowed = snapshot.application.allowedModels;
    return {
      ...ctx,
      policy: {
        allowedModels: allowed.length === 0 ? 'all' : new Set(allowed),
        // Written through parsePrivacyPolicy, so the stored object is a valid policy.
        privacy: (snapshot.application.privacyPolicy as PrivacyPolicy | null) ?? DEFAULT_PRIVACY_POLICY,
        authorisedTransfers: new Set(snapshot.application.authorisedTransfers),
        oversight: {
          tier,
          controls,
          sandboxId,
          assuranceRun: sandbox?.assurance ?? false,
          processing: {
            purpose: useCase.purpose,
            legalBasis: useCase.legalBasis,
            retentionDays: useCase.retentionDays,
            retainContent: useCase.retainContent ?? false,
          },
          guard: {
            scopeTopics: useCase.guard?.scopeTopics ?? null,
            forbiddenAdvice: useCase.guard?.forbiddenAdvice ?? defaultForbiddenAdvice(useCase.sector),
          },
          notice: controls.transparencyNotice ? transparencyFacts(useCase) : null,
        },
      },
    };
  },
});
