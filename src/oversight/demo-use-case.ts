import type { Oversight } from './oversight.js';
import { parseUseCaseEntry, toUseCaseWire } from './register/use-case.js';

/**
 * The register entry of the platform's own demo assistant. It is a demonstration, not a declared processing: no
 * CNDP number is claimed (R17), the transparency page and the processing record say so, and the gateway serves it
 * without a granted formality only because it is marked `demo`, which no API can set.
 */
const DEMO_USE_CASE = {
  purpose:
    'Demonstration of Mizan: answering questions about Moroccan public procedures and laws from the demo corpus, with citations.',
  legal_basis: 'consent',
  controller: { name: 'Mizan demonstration (no administration)' },
  cndp: { regime: 'declaration', reference: null, status: 'not_filed' },
  sector: 'administrative_services',
  people_affected: ['general_public'],
  data_categories: ['PERSON', 'MA_PHONE', 'EMAIL'],
  retention_days: 1,
  recipients: [],
  processors: [],
  transfers: { countries: [], basis: 'none' },
  dpo: { name: 'Operator of this instance', email: 'dpo@example.invalid' },
};

/** Administrative information for the general public: the limited tier. */
const DEMO_ANSWERS = {
  use: 'administrative_information',
  autonomy: 'advice',
  impact_on_rights: 'access_to_information',
  vulnerability: ['general_public'],
  data_sensitivity: ['identifiers'],
  scale: 'national',
};

const BOOTSTRAP = 'platform-bootstrap';

/**
 * Registers, assesses and promotes the demo application in one step (once: a registered one is left as it is), as the platform's own act (recorded as such
 * in the audit log), so that `npm start` answers at once under the same rules as any application.
 */
export async function commissionDemoApplication(oversight: Oversight, applicationId: string): Promise<void> {
  const { governance, assessments } = oversight;
  if (await governance.store.findUseCase(applicationId)) return;
  const entry = parseUseCaseEntry(DEMO_USE_CASE);
  await governance.store.putUseCase({
    applicationId,
    entry: toUseCaseWire(entry),
    demo: true,
    updatedBy: BOOTSTRAP,
  });
  governance.invalidate(applicationId);
  const assessment = await assessments.submit({ kind: 'platform_admin' }, applicationId, {
    answers: DEMO_ANSWERS,
  });
  await governance.store.signAssessment(assessment.id, BOOTSTRAP);
  await governance.store.setStage(applicationId, 'production', BOOTSTRAP);
  governance.invalidate(applicationId);
  const application = await governance.tenancy.findApplication(applicationId);
  await governance.record({
    tenantId: application?.tenantId ?? null,
    applicationId,
    action: 'application.commissioned_demo',
    actor: BOOTSTRAP,
    subject: applicationId,
    detail: { tier: assessment.tier, assessment_id: assessment.id },
  });
}
