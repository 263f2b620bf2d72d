import type { RiskTier } from '../config/schema.js';
import { errors } from '../errors.js';
import type { ModelRegistry } from '../providers/model-registry.js';
import type { AuditLog } from '../audit/writer.js';
import type { NewAuditEvent } from '../store/audit-store.js';
import type { GovernanceStore, StoredAssessment } from '../store/governance-store.js';
import type { Application, TenancyStore } from '../store/tenancy-store.js';
import { authorize, type Actor, type StaffRole } from './actors.js';
import { parseUseCaseEntry, type UseCaseEntry } from './register/use-case.js';
import { controlsFor, type TierControls } from './risk/controls.js';

/** What the gateway needs to know about an application to serve one of its requests. */
export interface GovernanceSnapshot {
  application: Application;
  useCase: (UseCaseEntry & { demo: boolean }) | undefined;
  assessment: StoredAssessment | undefined;
  tier: RiskTier | undefined;
  controls: TierControls | undefined;
}

export interface GovernanceOptions {
  tenancy: TenancyStore;
  store: GovernanceStore;
  audit: AuditLog;
  models: ModelRegistry;
  /** How long a replica trusts what it read (suspensions, approvals, snapshots) before reading again. */
  cacheTtlMs: number;
  /** The deployment's own share of answers sampled for review, per tier, instead of the tier's default. */
  samplingRates?: Partial<Record<RiskTier, number>>;
  now?: () => number;
}

export const RECORD_ROLES: readonly StaffRole[] = ['tenant_admin', 'dpo'];
export const READ_ROLES: readonly StaffRole[] = ['tenant_admin', 'dpo', 'reviewer', 'auditor'];

const applicationNotFound = (id: string) =>
  errors.notFound('application_not_found', `no application "${id}"`, 'application');

export interface Cached<T> {
  get(): Promise<T>;
  invalidate(): void;
}

/** A value read from the database at most once per `ttlMs`, re-read at once after a local write. */
export function cached<T>(ttlMs: number, now: () => number, read: () => Promise<T>): Cached<T> {
  let value: { at: number; promise: Promise<T> } | undefined;
  return {
    get() {
      const t = now();
      if (!value || t - value.at >= ttlMs) {
        const promise = read();
        const current = { at: t, promise };
        value = current;
        // A failed read is not kept: the next caller tries again.
        promise.catch(() => {
          if (value === current) value = undefined;
        });
      }
      return value.promise;
    },
    invalidate: () => {
      value = undefined;
    },
  };
}

/**
 * What every governance service shares: the stores, the audit log, the actor checks and the caches through which
 * the gateway reads decisions, so that a decision taken on one replica reaches the others within `cacheTtlMs`
 * (and this replica at once).
 */
export function createGovernanceContext(options: GovernanceOptions) {
  const now = options.now ?? Date.now;
  const snapshots = new Map<string, Cached<GovernanceSnapshot | undefined>>();
  const listeners: (() => void)[] = [];

  async function readSnapshot(applicationId: string): Promise<GovernanceSnapshot | undefined> {
    const application = await options.tenancy.findApplication(applicationId);
    if (!application) return undefined;
    const [useCase, assessment] = await Promise.all([
      options.store.findUseCase(applicationId),
      options.store.currentAssessment(applicationId),
    ]);
    const tier = assessment?.tier as RiskTier | undefined;
    return {
      application,
      useCase: useCase && { ...parseUseCaseEntry(useCase.entry), demo: useCase.demo },
      assessment,
      tier,
      controls: tier && {
        ...controlsFor(tier),
        ...(options.samplingRates?.[tier] !== undefined ? { samplingRate: options.samplingRates[tier] } : {}),
      },
    };
  }

  return {
    ...options,
    now,
    cached: <T>(read: () => Promise<T>) => cached(options.cacheTtlMs, now, read),

    /** Every governance decision is a `governance` entry of the audit log. */
    record: (event: Omit<NewAuditEvent, 'kind'>) => options.audit.append({ ...event, kind: 'governance' }),

    /** The application, once the actor is allowed one of `roles` on its tenant (another tenant's is not found). */
    async applicationFor(actor: Actor, applicationId: string, roles: readonly StaffRole[]) {
      const application = await options.tenancy.findApplication(applicationId);
      if (!application) throw applicationNotFound(applicationId);
      authorize(actor, roles, application.tenantId, () => applicationNotFound(applicationId));
      return application;
    },

    async snapshot(applicationId: string): Promise<GovernanceSnapshot | undefined> {
      let entry = snapshots.get(applicationId);
      if (!entry) {
        entry = cached(options.cacheTtlMs, now, () => readSnapshot(applicationId));
        snapshots.set(applicationId, entry);
      }
      return entry.get();
    },

    /** Forget what was read, after a local write: one application's snapshot, or everything. */
    invalidate(applicationId?: string) {
      if (applicationId) snapshots.delete(applicationId);
      else snapshots.clear();
      for (const listener of listeners) listener();
    },
    onInvalidate: (listener: () => void) => listeners.push(listener),
  };
}

export type GovernanceContext = ReturnType<typeof createGovernanceContext>;
