import { api } from '../api/client.js';
import type { ConsistencyProof, InclusionProof, LogKey, SignedTreeHead } from './audit/verify.js';

/** The server's answers as the governance console reads them (the routes under /v1/oversight, /v1/audit, …). */

export interface ApplicationSummary {
  id: string;
  name: string;
  stage: 'development' | 'production';
  registered: boolean;
  risk_tier: string | null;
}

export interface UseCase {
  purpose: string;
  sector: string;
  legal_basis: string;
  data_categories: string[];
  people_affected: string[];
  risk_tier: string | null;
  stage: string;
  cndp: { regime: string; reference?: string | null; status: string };
  dpo: { name: string; email: string };
}

export interface PromotionCheck {
  check: string;
  ok: boolean;
  detail: string;
}

type Localized = Record<'fr' | 'en' | 'ar', string> & Partial<Record<string, string>>;

export interface Questionnaire {
  id: string;
  version: number;
  questions: {
    id: string;
    kind: 'single' | 'multiple';
    text: Localized;
    options: { id: string; text: Localized; exclusive?: true; sectors?: string[] }[];
  }[];
}

export interface Assessment {
  id: string;
  tier: string;
  submittedAt: string;
  signedBy: string | null;
  signedAt: string | null;
  reassessBy: string;
}

export interface ModelRegisterEntry {
  id: string;
  kind: string;
  licence: string;
  provider: string;
  hosting: { country: string; sovereign?: boolean; operator?: string; region?: string };
  approved_for: string[];
  approvals: { id: string; tier: string; approvedBy: string; approvedAt: string; revokedAt: string | null }[];
}

export interface Sandbox {
  id: string;
  applicationId: string;
  purpose: string;
  startsAt: string;
  endsAt: string;
  maxRequests: number;
  maxTokens: number;
  usedRequests: number;
  usedTokens: number;
  closedAt: string | null;
  report: object | null;
}

export interface AssurancePack {
  id: string;
  version: number;
  title: string;
  description: string;
  recipes: number;
}

export interface AssuranceRun {
  id: string;
  applicationId: string;
  packId: string;
  packVersion: number;
  modelId: string;
  status: 'running' | 'interrupted' | 'finished';
  startedAt: string;
  grade: string | null;
  passed: boolean | null;
}

export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  applicationId: string | null;
  kind: string;
  action: string;
  actor: string;
  subject: string | null;
  detail: {
    outcome?: unknown;
    model?: { id: string; country: string } | null;
    data_categories?: Record<string, unknown>;
  } & Record<string, unknown>;
  leafIndex: number | null;
}

export const STAT_DIMENSIONS = ['data_category', 'provider_country', 'application', 'outcome'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];
export interface StatPoint {
  at: string;
  key: string;
  flows: number;
}

export interface SubjectRequest {
  id: string;
  application_id: string | null;
  data_subject: string;
  kind: string;
  status: string;
  received_at: string;
  due_at: string;
  completed_at: string | null;
  outcome: string | null;
  reason: string | null;
}

export interface Objection {
  id: string;
  application_id: string | null;
  data_subject: string;
  since: string;
  lifted_at: string | null;
}

export interface LegalHold {
  id: string;
  application_id: string | null;
  data_subject: string | null;
  reason: string;
  placed_at: string;
  lifted_at: string | null;
}

export interface Suspension {
  id: string;
  targetKind: 'application' | 'model';
  targetId: string;
  tenantId: string | null;
  reason: string;
  suspendedBy: string;
  suspendedAt: string;
}

const list = async <T>(path: string, query?: Record<string, string | number | undefined>) =>
  (await api<{ data: T[] }>(path, query ? { query } : {})).data;
const app = (id: string) => `/v1/oversight/applications/${encodeURIComponent(id)}`;

export const governanceApi = {
  applications: () => list<ApplicationSummary>('/v1/oversight/applications'),
  useCase: (id: string) => api<UseCase>(`${app(id)}/use-case`),
  promotion: (id: string) => api<{ checks: PromotionCheck[] }>(`${app(id)}/promotion`),
  promote: (id: string) => api<{ checks: PromotionCheck[] }>(`${app(id)}/promote`, { method: 'POST' }),
  processingRecordHtml: (id: string, lang: string) =>
    api<string>(`${app(id)}/processing-record`, { query: { format: 'html', lang } }),
  questionnaire: () => api<Questionnaire>('/v1/oversight/questionnaire'),
  assessment: (id: string) => api<Assessment>(`${app(id)}/assessment`),
  submitAssessment: (id: string, answers: Record<string, string | string[]>, version: number) =>
    api<Assessment>(`${app(id)}/assessments`, { body: { answers, questionnaire_version: version } }),
  signAssessment: (id: string, assessment: string) =>
    api<Assessment>(`${app(id)}/assessments/${encodeURIComponent(assessment)}/sign`, { method: 'POST' }),

  models: () => list<ModelRegisterEntry>('/v1/oversight/models'),
  approveModel: (id: string, tier: string, note: string) =>
    api(`/v1/oversight/models/${encodeURIComponent(id)}/approvals`, {
      body: { tier, ...(note ? { note } : {}) },
    }),
  revokeModel: (id: string, tier: string) =>
    api(`/v1/oversight/models/${encodeURIComponent(id)}/approvals/${encodeURIComponent(tier)}`, {
      method: 'DELETE',
    }),

  sandboxes: () => list<Sandbox>('/v1/oversight/sandboxes'),
  openSandbox: (
    application: string,
    body: { purpose: string; ends_at: string; max_requests: number; max_tokens: number },
  ) => api<Sandbox & { key: string }>(`${app(application)}/sandboxes`, { body }),
  closeSandbox: (id: string, tested: string) =>
    api<Sandbox>(`/v1/oversight/sandboxes/${encodeURIComponent(id)}/close`, { body: { tested } }),

  packs: () => list<AssurancePack>('/v1/oversight/assurance/packs'),
  runs: () => list<AssuranceRun>('/v1/oversight/assurance/runs'),
  startRun: (body: { pack: string; application: string; model: string }) =>
    api<AssuranceRun>('/v1/oversight/assurance/runs', { body }),
  runReportHtml: (id: string) =>
    api<string>(`/v1/oversight/assurance/runs/${encodeURIComponent(id)}/report`, {
      query: { format: 'html' },
    }),

  records: (filter: Record<string, string | number | undefined>) =>
    list<AuditEvent>('/v1/audit/records', filter),
  stats: (query: {
    by: StatDimension;
    bucket: 'hour' | 'day';
    from: string;
    to: string;
    application?: string;
  }) => list<StatPoint>('/v1/audit/stats', query),
  sth: () => api<SignedTreeHead>('/v1/audit/sth'),
  keys: () => list<LogKey>('/v1/audit/keys'),
  heads: () => list<SignedTreeHead>('/v1/audit/heads', { after: 0, limit: 100 }),
  inclusion: (record: string) => api<InclusionProof>('/v1/audit/proof/inclusion', { query: { record } }),
  consistency: (first: number, second: number) =>
    api<ConsistencyProof>('/v1/audit/proof/consistency', { query: { first, second } }),

  subjectRequests: () => list<SubjectRequest>('/v1/subject-rights/requests'),
  completeRequest: (id: string, reason: string) =>
    api<SubjectRequest>(`/v1/subject-rights/requests/${encodeURIComponent(id)}/complete`, {
      body: reason ? { reason } : {},
    }),
  refuseRequest: (id: string, reason: string) =>
    api<SubjectRequest>(`/v1/subject-rights/requests/${encodeURIComponent(id)}/refuse`, { body: { reason } }),
  objections: () => list<Objection>('/v1/subject-rights/objections', { active: 'true' }),
  liftObjection: (id: string) =>
    api(`/v1/subject-rights/objections/${encodeURIComponent(id)}/lift`, { method: 'POST' }),
  holds: () => list<LegalHold>('/v1/legal-holds', { active: 'true' }),
  placeHold: (body: { user?: string; application?: string; reason: string }) =>
    api<LegalHold>('/v1/legal-holds', { body }),
  liftHold: (id: string) => api(`/v1/legal-holds/${encodeURIComponent(id)}/lift`, { method: 'POST' }),

  suspensions: () => list<Suspension>('/v1/oversight/suspensions'),
  suspend: (body: { target_kind: 'application' | 'model'; target_id: string; reason: string }) =>
    api<Suspension>('/v1/oversight/suspensions', { body }),
  lift: (kind: 'application' | 'model', id: string) =>
    api(`/v1/oversight/suspensions/${kind}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
