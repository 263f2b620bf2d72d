import type { MizanConfig } from '../config/schema.js';
import type { Logger } from '../observability/logger.js';
import type { ModelRegistry } from '../providers/model-registry.js';
import type { Entity } from '../privacy/types.js';
import { passingRuns } from '../assurance/assurance-service.js';
import { createAssuranceStore } from '../store/assurance-store.js';
import type { AuditLog } from '../audit/writer.js';
import type { Database } from '../store/database.js';
import { createGovernanceStore } from '../store/governance-store.js';
import { createReviewStore } from '../store/review-store.js';
import type { VaultStore } from '../store/vault-store.js';
import type { TenancyService } from '../tenancy/tenancy-service.js';
import { createGovernanceContext } from './governance.js';
import { createKillSwitch } from './kill-switch.js';
import { createModelApprovals } from './model-approvals.js';
import { createModelBreaker } from './model-breaker.js';
import { createNotifier } from './notifier.js';
import { createPromotion } from './promotion.js';
import { createRegisterService } from './register/register-service.js';
import { createReviewProtector } from './review/protect-for-review.js';
import { createReviewService } from './review/review-service.js';
import { createAssessmentService } from './risk/assessment-service.js';
import { createSandboxService } from './sandbox/sandbox-service.js';
import { createStaffService, type StaffSessions } from './staff.js';

const DAY_MS = 86_400_000;

/** Human oversight, wired once: the services the gateway's stages, the admin API and the CLI share. */
export function createOversight(deps: {
  config: MizanConfig;
  database: Database;
  /** Where governance decisions and review events are appended (the platform's verifiable log). */
  audit: AuditLog;
  tenancy: TenancyService;
  models: ModelRegistry;
  logger: Logger;
  vaults: VaultStore;
  scan: (text: string) => Entity[];
  hashKey: (tenantId: string) => Uint8Array;
  secret: string;
  /** Staff signed in with OpenID Connect (src/identity). */
  sessions?: StaffSessions;
}) {
  const { config, logger } = deps;
  const { audit } = deps;
  const store = createGovernanceStore(deps.database.db);
  const ctx = createGovernanceContext({
    tenancy: deps.tenancy,
    store,
    audit,
    models: deps.models,
    cacheTtlMs: config.oversight.cache_ttl_ms,
    samplingRates: config.oversight.sampling_rates,
  });
  const notifier = createNotifier({ logger, webhookUrl: config.oversight.notify_webhook });
  const assuranceRuns = createAssuranceStore(deps.database.db);
  const approvals = createModelApprovals(ctx, (id) => assuranceRuns.findRun(id));
  const killSwitch = createKillSwitch(ctx);
  const slaMs = config.oversight.review_sla_minutes * 60_000;
  const reviews = createReviewService({
    store: createReviewStore(deps.database.db),
    audit,
    vaults: deps.vaults,
    scan: deps.scan,
    notifier,
    slaMs,
  });
  const breaker = createModelBreaker({
    failures: config.oversight.breaker.failures,
    windowMs: config.oversight.breaker.window_ms,
    trip: (modelId, failures) => {
      const reason = `automatic: ${failures} failures within ${config.oversight.breaker.window_ms} ms`;
      killSwitch
        .suspend({ kind: 'gateway' }, { targetKind: 'model', targetId: modelId, reason, automatic: true })
        .then(() => notifier.notify({ type: 'model.suspended', model_id: modelId, reason }))
        .catch((error: unknown) =>
          logger.error({ err: error, model: modelId }, 'the breaker could not suspend a model'),
        );
    },
  });
  let sweep: NodeJS.Timeout | undefined;

  return {
    audit,
    governance: ctx,
    register: createRegisterService(ctx),
    assessments: createAssessmentService(ctx),
    approvals,
    killSwitch,
    sandboxes: createSandboxService(ctx, deps.tenancy),
    promotion: createPromotion(ctx, approvals, (applicationId, entries) =>
      passingRuns(assuranceRuns, applicationId, entries),
    ),
    assuranceRuns,
    reviews,
    staff: createStaffService({
      store,
      audit,
      secret: deps.secret,
      adminToken: config.security.admin_token,
      ...(deps.sessions ? { sessions: deps.sessions } : {}),
    }),
    breaker,
    protectForReview: createReviewProtector({
      scan: deps.scan,
      vaults: deps.vaults,
      hashKey: deps.hashKey,
      keepMs: slaMs + config.oversight.review_outcome_retention_days * DAY_MS,
    }),
    /** Routing asks governance about each model: approved for the tier, and not suspended for the tenant. */
    modelGate: {
      approvedFor: approvals.approvedFor,
      suspended: async (entry: { id: string }, tenantId: string) =>
        (await killSwitch.suspensionOf('model', entry.id, tenantId)) !== undefined,
    },
    /** Looks for overdue review cases now and then; the timer never keeps the process alive. */
    startEscalations() {
      sweep = setInterval(() => {
        reviews
          .escalateOverdue()
          .catch((error: unknown) => logger.error({ err: error }, 'escalation sweep failed'));
      }, config.oversight.escalation_check_ms);
      sweep.unref();
    },
    stop: () => clearInterval(sweep),
  };
}

export type Oversight = ReturnType<typeof createOversight>;
