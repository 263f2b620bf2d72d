import { fileURLToPath } from 'node:url';
import type { Actor } from '../../src/oversight/actors.js';
import type { Platform } from '../../src/platform.js';

/** An internal drafting aid for agents that handles no personal data: the minimal tier, any model. */
export const MINIMAL_USE_CASE = {
  purpose: 'Drafting aid for the agents of a test administration',
  legal_basis: 'public_interest',
  controller: { name: 'Ministère de test' },
  cndp: { regime: 'declaration', reference: 'D-1/2026', status: 'granted' },
  sector: 'administrative_services',
  people_affected: ['agents'],
  data_categories: [],
  retention_days: 30,
  recipients: [],
  processors: [],
  transfers: { countries: [], basis: 'none' },
  dpo: { name: 'DPO', email: 'dpo@ministere.test' },
};

export const MINIMAL_ANSWERS = {
  use: 'internal_drafting',
  autonomy: 'draft_for_agent',
  impact_on_rights: 'none',
  vulnerability: ['agents'],
  data_sensitivity: ['none'],
  scale: 'one_office',
};

/** A high-risk health application: triage advice for patients, with health data, under a CNDP authorisation. */
export const HEALTH_USE_CASE = {
  purpose: 'Orientation of patients towards the right level of care, with the regional health directorate',
  legal_basis: 'public_interest',
  legal_basis_reference: 'Loi-cadre 06-22 relative au système national de santé',
  controller: { name: 'Direction régionale de la santé' },
  cndp: { regime: 'authorisation', reference: 'A-12/2026', status: 'granted', date: '2026-03-01' },
  sector: 'health',
  people_affected: ['patients', 'general_public'],
  data_categories: ['PERSON', 'MA_PHONE', 'SENSITIVE_HEALTH'],
  retention_days: 90,
  recipients: ['Agents of the health directorate'],
  processors: [],
  transfers: { countries: [], basis: 'none' },
  dpo: { name: 'DPO santé', email: 'dpo@sante.test' },
};
export const HEALTH_ANSWERS = {
  use: 'health_triage',
  autonomy: 'advice',
  impact_on_rights: 'access_to_service',
  vulnerability: ['patients', 'general_public'],
  data_sensitivity: ['identifiers', 'sensitive'],
  scale: 'regional',
};
/** School grants for families, resting on their consent (Law 09-08 art. 4); with LIMITED_ANSWERS, the limited tier. */
export const CONSENT_USE_CASE = {
  ...MINIMAL_USE_CASE,
  purpose: 'Informer les familles sur les bourses scolaires',
  legal_basis: 'consent',
  controller: { name: 'Académie de test' },
  people_affected: ['general_public'],
  data_categories: ['PERSON'],
  dpo: { name: 'DPO', email: 'dpo@academie.test' },
};

/** Information for the public that names people: the limited tier, whose notice comes before the first message. */
export const LIMITED_ANSWERS = {
  use: 'administrative_information',
  autonomy: 'advice',
  impact_on_rights: 'access_to_information',
  vulnerability: ['general_public'],
  data_sensitivity: ['identifiers'],
  scale: 'national',
};

const PLATFORM_ADMIN: Actor = { kind: 'platform_admin' };

/** The tenant's DPO, as a signed-in staff member would be. */
export const dpoOf = (tenantId: string): Actor => ({
  kind: 'staff',
  id: 'stf_test_dpo',
  tenantId,
  name: 'DPO',
  roles: ['dpo'],
});

/**
 * Takes an application the whole way to production as its tenant would: register entry, risk assessment signed
 * off by the DPO, promotion. Defaults to the minimal tier, so that tests about other things see no oversight.
 */
export async function commission(
  platform: Platform,
  applicationId: string,
  options: { useCase?: object; answers?: Record<string, string | string[]>; promote?: boolean } = {},
) {
  const o = platform.oversight;
  const application = (await platform.tenancy.findApplication(applicationId))!;
  await o.register.put(PLATFORM_ADMIN, applicationId, options.useCase ?? MINIMAL_USE_CASE);
  const assessment = await o.assessments.submit(PLATFORM_ADMIN, applicationId, {
    answers: options.answers ?? MINIMAL_ANSWERS,
  });
  await o.assessments.sign(dpoOf(application.tenantId), applicationId, assessment.id);
  if (options.promote !== false) await o.promotion.promote(PLATFORM_ADMIN, applicationId);
  return assessment;
}

/** A small counterfactual pack (refusals of the same requests from a woman and from a man). */
export const TEST_PACK = fileURLToPath(new URL('./packs/test-fairness.yaml', import.meta.url));

/**
 * A high-risk application the whole way to production: the model `atlas` approved for the high tier, an assurance
 * run of the test pack that passes on it (its sandbox closes with the report), then promotion. The upstream must
 * answer the run's requests fairly (its default answer does).
 */
export async function commissionHighRisk(
  platform: Platform,
  applicationId: string,
  options: { useCase: object; answers: Record<string, string | string[]> },
) {
  const o = platform.oversight;
  const register = await o.approvals.register();
  if (!register.find((m) => m.id === 'atlas')?.approved_for.includes('high')) {
    await o.approvals.approve(PLATFORM_ADMIN, {
      modelId: 'atlas',
      tier: 'high',
      evaluationReports: [],
      note: null,
    });
  }
  await commission(platform, applicationId, { ...options, promote: false });
  const { wait } = await platform.assurance.start(PLATFORM_ADMIN, {
    packId: TEST_PACK,
    applicationId,
    modelId: 'atlas',
  });
  const run = await wait;
  if (!run.passed) throw new Error(`the fixture's assurance run did not pass: ${JSON.stringify(run.report)}`);
  await o.promotion.promote(PLATFORM_ADMIN, applicationId);
}
