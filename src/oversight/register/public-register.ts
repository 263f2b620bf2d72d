import { createHash } from 'node:crypto';
import { z } from 'zod';
import { errors } from '../../errors.js';
import type { ModelEntry, ModelRegistry } from '../../providers/model-registry.js';
import type { Hosting } from '../../providers/spec.js';
import { SUBJECT_REQUEST_KINDS } from '../../store/rights-store.js';
import type { Application, Tenant } from '../../store/tenancy-store.js';
import type { TenancyService } from '../../tenancy/tenancy-service.js';
import type { GovernanceContext, GovernanceSnapshot } from '../governance.js';
import { processingRecord, type ProcessingRecord } from './processing-record.js';

/**
 * The public register of AI systems in use (LAW.md R8, Law 09-08 art. 15): for each application in production and
 * not suspended, what its processing record says that a citizen may read — purpose, risk tier, models and where
 * they run, data categories, human oversight, how to reach the DPO and exercise one's rights. Derived from the
 * processing record, never from anything else, and stripped of what is internal: tenant and application ids,
 * who signed the assessment, contract numbers, the DPO's name.
 */

/** A stable id that reveals nothing: the application id hashed under a fixed label, so it never appears in clear. */
export const publicSystemId = (applicationId: string): string =>
  'sys_' +
  createHash('sha256').update(`mizan.transparency.v1:${applicationId}`).digest('base64url').slice(0, 16);

/** The register's query: one administration, by its name or id. */
export const registerFilter = z.strictObject({ tenant: z.string().min(1).max(200).optional() });

/** The rights a person holds over their data, and where to exercise them: the same for every system. */
export interface PublicRights {
  kinds: (typeof SUBJECT_REQUEST_KINDS)[number][];
  /** Days the administration has to answer (Law 09-08 art. 8 gives 10). */
  deadline_days: number;
  /** Filed by a signed-in person (their session) or by the application on their behalf (its API key). */
  file: { method: 'POST'; path: string };
  follow: { method: 'GET'; path: string };
  /** Where to complain when a request is refused or left unanswered. */
  authority: { name: string; acronym: string; url: string };
}

export interface PublicModel {
  id: string;
  licence: string;
  hosting: Hosting;
}

export interface PublicSystem {
  object: 'mizan.transparency.system';
  id: string;
  name: string;
  administration: string;
  controller: ProcessingRecord['controller'];
  /** The platform's own demonstration: no CNDP formality is claimed for it. */
  demo: boolean;
  purpose: ProcessingRecord['purpose'];
  cndp_formality: ProcessingRecord['cndp_formality'];
  risk_tier: string | null;
  human_oversight:
    | (NonNullable<ProcessingRecord['ai_system']['human_oversight']> & {
        /** How many of the administration's staff review answers (never who). */
        reviewers: number;
      })
    | null;
  models: PublicModel[];
  data_subjects: ProcessingRecord['data_subjects'];
  data_categories: ProcessingRecord['data_categories'];
  retention_days: number;
  recipients: string[];
  processors: { name: string; role: string; country: string }[];
  transfers_abroad: { countries: string[]; basis: ProcessingRecord['transfers_abroad']['basis'] };
  /** The office, not the person: a DPO's name stays in the filed record. */
  dpo: { email: string; phone: string | null };
}

export const CNDP = {
  name: 'Commission nationale de contrôle de la protection des données à caractère personnel',
  acronym: 'CNDP',
  url: 'https://www.cndp.ma',
} as const;

/** What the public register reads: governance decisions, the tenants, the models and what may serve each tier. */
export interface PublicRegisterDeps {
  governance: GovernanceContext;
  tenancy: Pick<TenancyService, 'listApplications' | 'findTenant'>;
  models: ModelRegistry;
  /** The model gate routing uses: a model the tier may not use, or suspended for the tenant, serves nobody. */
  modelGate: {
    approvedFor(entry: ModelEntry, tier: NonNullable<GovernanceSnapshot['tier']>): Promise<boolean>;
    suspended(entry: { id: string }, tenantId: string): Promise<boolean>;
  };
  applicationSuspended(applicationId: string, tenantId: string): Promise<boolean>;
  rightsDeadlineDays: number;
}

/** The chat models that may answer for the application now, as routing would choose among them. */
async function servingModels(deps: PublicRegisterDeps, snapshot: GovernanceSnapshot): Promise<ModelEntry[]> {
  const { application, tier, controls } = snapshot;
  const allowed = application.allowedModels;
  const serving: ModelEntry[] = [];
  for (const entry of deps.models.list()) {
    if (entry.kind !== 'chat' || (allowed.length > 0 && !allowed.includes(entry.id))) continue;
    if (await deps.modelGate.suspended(entry, application.tenantId)) continue;
    if (controls?.approvedModelsOnly && tier && !(await deps.modelGate.approvedFor(entry, tier))) continue;
    serving.push(entry);
  }
  return serving;
}

function publicView(
  record: ProcessingRecord,
  models: readonly ModelEntry[],
  demo: boolean,
  reviewers: number,
): PublicSystem {
  const oversight = record.ai_system.human_oversight;
  return {
    object: 'mizan.transparency.system',
    id: publicSystemId(record.application.id),
    name: record.application.name,
    administration: record.tenant.name,
    controller: record.controller,
    demo,
    purpose: record.purpose,
    cndp_formality: record.cndp_formality,
    risk_tier: record.ai_system.risk_tier,
    human_oversight: oversight && { ...oversight, reviewers },
    // The record keeps operator and country; whether the hosting is sovereign comes from the same model entry.
    models: record.ai_system.models.map((m, index) => ({
      id: m.id,
      licence: m.licence,
      hosting: { ...models[index]!.provider.hosting },
    })),
    data_subjects: record.data_subjects,
    data_categories: record.data_categories,
    retention_days: record.retention.days,
    recipients: record.recipients,
    processors: record.processors.map(({ name, role, country }) => ({ name, role, country })),
    transfers_abroad: { countries: record.transfers_abroad.countries, basis: record.transfers_abroad.basis },
    dpo: { email: record.dpo.email, phone: record.dpo.phone },
  };
}

export function createPublicRegister(deps: PublicRegisterDeps) {
  const { governance } = deps;

  async function entryOf(application: Application, tenant: Tenant): Promise<PublicSystem | undefined> {
    if (application.stage !== 'production') return undefined;
    const snapshot = await governance.snapshot(application.id);
    if (!snapshot?.useCase || snapshot.tier === 'prohibited') return undefined;
    if (await deps.applicationSuspended(application.id, application.tenantId)) return undefined;
    const models = await servingModels(deps, snapshot);
    const record = processingRecord({
      entry: snapshot.useCase,
      application,
      tenant,
      assessment: snapshot.assessment,
      models: models,
      generatedAt: new Date(governance.now()),
    });
    const reviewers = (await governance.store.listStaff(tenant.id)).filter(
      (s) => s.revokedAt === null && s.roles.includes('reviewer'),
    ).length;
    return publicView(record, models, snapshot.useCase.demo, reviewers);
  }

  /** Read at most once per cache period across every tenant, and again at once after a governance decision here. */
  const everything = governance.cached(async () => {
    const systems: { tenantId: string; system: PublicSystem }[] = [];
    const tenants = new Map<string, Tenant | undefined>();
    for (const application of await deps.tenancy.listApplications()) {
      if (!tenants.has(application.tenantId))
        tenants.set(application.tenantId, await deps.tenancy.findTenant(application.tenantId));
      const tenant = tenants.get(application.tenantId);
      const system = tenant && (await entryOf(application, tenant));
      if (system) systems.push({ tenantId: tenant.id, system });
    }
    return systems.sort(
      (a, b) =>
        a.system.administration.localeCompare(b.system.administration) ||
        a.system.name.localeCompare(b.system.name),
    );
  });
  governance.onInvalidate(() => everything.invalidate());

  const rights: PublicRights = {
    kinds: [...SUBJECT_REQUEST_KINDS],
    deadline_days: deps.rightsDeadlineDays,
    file: { method: 'POST', path: '/v1/subject-rights/requests' },
    follow: { method: 'GET', path: '/v1/subject-rights/requests/{id}' },
    authority: { ...CNDP },
  };

  return {
    rights,

    /** Every system in use, or one administration's (by its name or id; an unknown one is not found). */
    async list(filter: { tenant?: string } = {}): Promise<PublicSystem[]> {
      const all = await everything.get();
      if (filter.tenant === undefined) return all.map((s) => s.system);
      const tenant = await deps.tenancy.findTenant(filter.tenant);
      if (!tenant)
        throw errors.notFound('tenant_not_found', `no administration "${filter.tenant}"`, 'tenant');
      return all.filter((s) => s.tenantId === tenant.id).map((s) => s.system);
    },

    async get(id: string): Promise<PublicSystem> {
      const found = (await everything.get()).find((s) => s.system.id === id);
      if (!found)
        throw errors.notFound('system_not_found', `no AI system "${id}" in the public register`, 'id');
      return found.system;
    },
  };
}

export type PublicRegister = ReturnType<typeof createPublicRegister>;
