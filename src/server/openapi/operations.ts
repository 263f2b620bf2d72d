import { z } from 'zod';
import { registerFilter } from '../../oversight/register/public-register.js';
import { useCaseEntrySchema } from '../../oversight/register/use-case.js';
import { decisionSchema } from '../../oversight/review/review-service.js';
import { chatRequestSchemas } from '../openai/chat-request.js';
import { embeddingsRequestSchemas } from '../openai/embeddings-request.js';
import { adminCorpusSchemas } from '../routes/admin-corpus.js';
import { adminSchemas } from '../routes/admin.js';
import { assistantSchemas } from '../routes/assistant.js';
import { assuranceSchemas } from '../routes/assurance.js';
import { auditSchemas } from '../routes/audit.js';
import { citizenServicesSchemas } from '../routes/citizen-services.js';
import { oversightSchemas } from '../routes/oversight.js';
import { subjectRightsSchemas } from '../routes/subject-rights.js';
import { usageSchemas } from '../routes/usage.js';
import { WEB_PAGES } from '../routes/web.js';

/**
 * Who may call an operation: an application's API key (`mz_…`, a sandbox's key too), a staff token (`mzs_…`) or
 * the operator's admin token, a sign-in session (cookie), or anyone.
 */
export type Auth = 'api_key' | 'staff_token' | 'admin_token' | 'session' | 'public';

export type Tag =
  | 'Chat'
  | 'Models'
  | 'Reviews'
  | 'Subject rights'
  | 'Transparency'
  | 'Oversight'
  | 'Assurance'
  | 'Audit'
  | 'Usage'
  | 'Administration'
  | 'Corpus'
  | 'Sign-in'
  | 'Health'
  | 'Web';

/** One documented operation, keyed like the route table: Fastify's path with `:params` and a final `*`. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: Tag;
  auth: readonly Auth[];
  /** The zod schema the route validates its JSON body with. */
  body?: z.ZodType;
  /** The zod object schema the route validates its query string with. */
  query?: z.ZodType;
  /** What a success answers: a named component schema, or HTML, or an event stream beside the JSON. */
  success?: { status?: number; description: string; schema?: string; html?: boolean; stream?: boolean };
}

const STAFF = ['staff_token', 'session'] as const;
const json = (description: string, schema?: string, status?: number): Operation['success'] => ({
  description,
  ...(schema ? { schema } : {}),
  ...(status ? { status } : {}),
});

const s = oversightSchemas;
const rights = subjectRightsSchemas;

/** Every route of the gateway; test/gateway/openapi.test.ts fails when a route has no operation here. */
export const OPERATIONS: readonly Operation[] = [
  // The OpenAI-compatible gateway.
  {
    method: 'POST',
    path: '/v1/chat/completions',
    operationId: 'createChatCompletion',
    summary: 'Answer a conversation (OpenAI-compatible), with the `mizan` object',
    description:
      'The OpenAI chat-completions API. Every answer carries a `mizan` object: the audit id, the language, ' +
      'citations of the governed corpus, what the privacy layer protected, the review status, the risk tier ' +
      '(and whether the key is a sandbox key), the guard decision, and the model with its hosting. With ' +
      '`stream: true` the answer comes as server-sent events; the `mizan` object is in the chunk before `[DONE]`.',
    tag: 'Chat',
    auth: ['api_key', 'session'],
    body: chatRequestSchemas.chatRequest,
    success: { description: 'The answer', schema: 'ChatCompletion', stream: true },
  },
  {
    method: 'POST',
    path: '/v1/embeddings',
    operationId: 'createEmbeddings',
    summary: 'Embed texts (OpenAI-compatible)',
    tag: 'Chat',
    auth: ['api_key'],
    body: embeddingsRequestSchemas.embeddingsRequest,
    success: json('The embeddings'),
  },
  {
    method: 'GET',
    path: '/v1/models',
    operationId: 'listModels',
    summary: 'The models this key may use, with their hosting, licence and approvals',
    tag: 'Models',
    auth: ['api_key', 'public'],
    success: json('The models', 'ModelList'),
  },
  {
    method: 'GET',
    path: '/v1/models/:model',
    operationId: 'getModel',
    summary: 'One model, by id or alias',
    tag: 'Models',
    auth: ['api_key', 'public'],
    success: json('The model', 'Model'),
  },
  {
    method: 'GET',
    path: '/v1/reviews/:id',
    operationId: 'getReviewOutcome',
    summary: 'The outcome of an answer held for human review',
    tag: 'Reviews',
    auth: ['api_key', 'session'],
    success: json('The review case, and the reviewed answer once released'),
  },

  // What citizens say besides asking (src/server/routes/citizen-services.ts).
  {
    method: 'POST',
    path: '/v1/feedback',
    operationId: 'sendFeedback',
    summary: 'Rate an answer, with reasons; the comment is kept with its personal data redacted',
    tag: 'Reviews',
    auth: ['api_key', 'session'],
    body: citizenServicesSchemas.feedbackBody,
    success: json('The feedback’s id', undefined, 201),
  },
  {
    method: 'POST',
    path: '/v1/handoffs',
    operationId: 'requestHandoff',
    summary: 'Ask to talk to a person: a reference, the deadline and the administration to contact',
    tag: 'Reviews',
    auth: ['api_key', 'session'],
    body: citizenServicesSchemas.handoffBody,
    success: json('The hand-over', undefined, 201),
  },
  // The assistant's notice and the citizen's consent (src/server/routes/assistant.ts).
  {
    method: 'GET',
    path: '/v1/assistant',
    operationId: 'getAssistantTerms',
    summary:
      'The assistant’s transparency notice in the reader’s language, and whether consent is required and given',
    description:
      'For the caller’s application: its risk tier, whether answers are labelled as an AI’s, the notice to show before ' +
      'the first message (null when the tier requires none) and, where the register names consent as the legal ' +
      'basis, when the person consented. `lang` is the interface locale; an application names its user in `user`.',
    tag: 'Transparency',
    auth: ['api_key', 'session'],
    query: assistantSchemas.termsFromApplication,
    success: json('The assistant’s terms'),
  },
  {
    method: 'POST',
    path: '/v1/assistant/consent',
    operationId: 'giveConsent',
    summary: 'Consent to the application’s processing, where it rests on consent (Law 09-08 art. 4)',
    description:
      'A citizen’s session consents for the citizen (no body); an application names its user. Until consent is ' +
      'given, chat requests naming the person answer 403 `consent_required`; 409 `consent_not_required` where the ' +
      'register names another legal basis.',
    tag: 'Subject rights',
    auth: ['api_key', 'session'],
    body: assistantSchemas.consentFromApplication,
    success: json('When the consent in force was given'),
  },
  {
    method: 'DELETE',
    path: '/v1/assistant/consent',
    operationId: 'withdrawConsent',
    summary:
      'Withdraw consent, at any time; the assistant then refuses the person’s requests until it is given again',
    tag: 'Subject rights',
    auth: ['api_key', 'session'],
    body: assistantSchemas.consentFromApplication,
    success: json('No consent in force'),
  },
  {
    method: 'GET',
    path: '/v1/oversight/feedback',
    operationId: 'summarizeFeedback',
    summary: 'Feedback counts by rating, reason and application',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    query: citizenServicesSchemas.feedbackFilter,
    success: json('The counts'),
  },
  {
    method: 'GET',
    path: '/v1/oversight/handoffs',
    operationId: 'listHandoffs',
    summary: 'Requests to talk to a person, oldest first',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    query: citizenServicesSchemas.handoffFilter,
    success: json('The hand-overs'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/handoffs/:id/close',
    operationId: 'closeHandoff',
    summary: 'Close a hand-over, with what was done',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    body: citizenServicesSchemas.closing,
    success: json('The hand-over'),
  },

  // Data-subject rights.
  {
    method: 'POST',
    path: '/v1/subject-rights/requests',
    operationId: 'fileSubjectRequest',
    summary: 'File an access, rectification, opposition or erasure request (Law 09-08 art. 7-9)',
    description:
      'An application files for its user (`user` as in its chat requests); a signed-in citizen for themselves ' +
      '(`kind` and `corrections` only); the DPO for a person who came to the office.',
    tag: 'Subject rights',
    auth: ['api_key', 'session', 'staff_token'],
    body: z.union([rights.fromApplication, rights.fromCitizen, rights.fromStaff]),
    success: json('The request, with the export for an access request', undefined, 201),
  },
  {
    method: 'GET',
    path: '/v1/subject-rights/requests',
    operationId: 'listSubjectRequests',
    summary: 'Requests the caller may see',
    tag: 'Subject rights',
    auth: ['api_key', 'session', 'staff_token'],
    query: rights.requestFilter,
    success: json('The requests'),
  },
  {
    method: 'GET',
    path: '/v1/subject-rights/requests/:id',
    operationId: 'getSubjectRequest',
    summary: 'One request and its status',
    tag: 'Subject rights',
    auth: ['api_key', 'session', 'staff_token'],
    success: json('The request'),
  },
  {
    method: 'POST',
    path: '/v1/subject-rights/requests/:id/complete',
    operationId: 'completeSubjectRequest',
    summary: 'Mark a request answered (DPO)',
    tag: 'Subject rights',
    auth: STAFF,
    body: rights.completion,
    success: json('The request'),
  },
  {
    method: 'POST',
    path: '/v1/subject-rights/requests/:id/refuse',
    operationId: 'refuseSubjectRequest',
    summary: 'Refuse a request, with the reason (DPO)',
    tag: 'Subject rights',
    auth: STAFF,
    body: rights.refusal,
    success: json('The request'),
  },
  {
    method: 'GET',
    path: '/v1/subject-rights/objections',
    operationId: 'listObjections',
    summary: 'Standing objections to processing',
    tag: 'Subject rights',
    auth: ['api_key', 'session', 'staff_token'],
    query: rights.activeFilter,
    success: json('The objections'),
  },
  {
    method: 'POST',
    path: '/v1/subject-rights/objections/:id/lift',
    operationId: 'liftObjection',
    summary: 'Lift an objection',
    tag: 'Subject rights',
    auth: STAFF,
    success: json('The objection'),
  },
  {
    method: 'POST',
    path: '/v1/legal-holds',
    operationId: 'placeLegalHold',
    summary: 'Keep a person’s data past its retention (litigation)',
    tag: 'Subject rights',
    auth: STAFF,
    body: rights.newHold,
    success: json('The hold', undefined, 201),
  },
  {
    method: 'GET',
    path: '/v1/legal-holds',
    operationId: 'listLegalHolds',
    summary: 'Legal holds',
    tag: 'Subject rights',
    auth: STAFF,
    query: rights.activeFilter,
    success: json('The holds'),
  },
  {
    method: 'POST',
    path: '/v1/legal-holds/:id/lift',
    operationId: 'liftLegalHold',
    summary: 'Lift a legal hold',
    tag: 'Subject rights',
    auth: STAFF,
    success: json('The hold'),
  },

  // What anyone may read.
  {
    method: 'GET',
    path: '/v1/transparency/register',
    operationId: 'listPublicRegister',
    summary: 'The public register of AI systems in use',
    description:
      'Each application in production and not suspended: purpose, legal basis, risk tier, models and their ' +
      'hosting, data categories, human oversight, the DPO’s contact, and how to exercise one’s rights.',
    tag: 'Transparency',
    auth: ['public'],
    query: registerFilter,
    success: json('The register', 'PublicRegister'),
  },
  {
    method: 'GET',
    path: '/v1/transparency/register/:id',
    operationId: 'getPublicSystem',
    summary: 'One AI system of the public register',
    tag: 'Transparency',
    auth: ['public'],
    success: json('The system', 'PublicSystem'),
  },
  {
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getApiDescription',
    summary: 'This document',
    tag: 'Transparency',
    auth: ['public'],
    success: json('The OpenAPI 3.1 description of the API'),
  },

  // Oversight.
  {
    method: 'GET',
    path: '/v1/oversight/me',
    operationId: 'whoAmI',
    summary: 'Who the caller is, and their roles',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    success: json('The actor'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/staff',
    operationId: 'createStaff',
    summary: 'Add a staff member and get their token',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    body: s.newStaff,
    success: json('The member, with the token shown once', undefined, 201),
  },
  {
    method: 'GET',
    path: '/v1/oversight/staff',
    operationId: 'listStaff',
    summary: 'A tenant’s staff',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    success: json('The staff'),
  },
  {
    method: 'GET',
    path: '/v1/oversight/applications',
    operationId: 'listTenantApplications',
    summary: 'The caller’s tenant’s applications, with register status, risk tier and stage',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    success: json('The applications'),
  },
  {
    method: 'PUT',
    path: '/v1/oversight/applications/:id/use-case',
    operationId: 'putUseCase',
    summary: 'Write an application’s use-case register entry',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    body: useCaseEntrySchema,
    success: json('The entry'),
  },
  {
    method: 'GET',
    path: '/v1/oversight/applications/:id/use-case',
    operationId: 'getUseCase',
    summary: 'An application’s register entry, tier and stage',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    success: json('The entry'),
  },
  {
    method: 'GET',
    path: '/v1/oversight/applications/:id/processing-record',
    operationId: 'getProcessingRecord',
    summary: 'The processing record filed with the CNDP (JSON or printable HTML)',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    query: s.recordFormat,
    success: { description: 'The record', html: true },
  },
  {
    method: 'GET',
    path: '/v1/oversight/questionnaire',
    operationId: 'getQuestionnaire',
    summary: 'The risk-assessment questionnaire',
    tag: 'Oversight',
    auth: ['public'],
    success: json('The questionnaire'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/applications/:id/assessments',
    operationId: 'submitAssessment',
    summary: 'Submit a risk assessment',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    body: s.assessment,
    success: json('The assessment and its tier', undefined, 201),
  },
  {
    method: 'GET',
    path: '/v1/oversight/applications/:id/assessment',
    operationId: 'getAssessment',
    summary: 'The current assessment',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    success: json('The assessment'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/applications/:id/assessments/:aid/sign',
    operationId: 'signAssessment',
    summary: 'Sign an assessment off (DPO)',
    tag: 'Oversight',
    auth: STAFF,
    success: json('The signed assessment'),
  },
  {
    method: 'GET',
    path: '/v1/oversight/applications/:id/promotion',
    operationId: 'getPromotionChecks',
    summary: 'What stands between an application and production',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    success: json('The checks'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/applications/:id/promote',
    operationId: 'promoteApplication',
    summary: 'Promote an application to production',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    success: json('The passed checks'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/applications/:id/sandboxes',
    operationId: 'openSandbox',
    summary: 'Open a regulatory sandbox, with a key of its own',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    body: s.newSandbox,
    success: json('The sandbox, with its key shown once', undefined, 201),
  },
  {
    method: 'GET',
    path: '/v1/oversight/sandboxes',
    operationId: 'listSandboxes',
    summary: 'Sandboxes',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    success: json('The sandboxes'),
  },
  {
    method: 'GET',
    path: '/v1/oversight/sandboxes/:id',
    operationId: 'getSandbox',
    summary: 'One sandbox and its use',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    success: json('The sandbox'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/sandboxes/:id/close',
    operationId: 'closeSandbox',
    summary: 'Close a sandbox with its report',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    body: s.closing,
    success: json('The closed sandbox and its report'),
  },
  {
    method: 'GET',
    path: '/v1/oversight/models',
    operationId: 'listModelApprovals',
    summary: 'The model register: which tiers each model is approved for',
    tag: 'Oversight',
    auth: ['public'],
    success: json('The models'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/models/:id/approvals',
    operationId: 'approveModel',
    summary: 'Approve a model for a tier (platform admin)',
    tag: 'Oversight',
    auth: ['admin_token'],
    body: s.approval,
    success: json('The approval', undefined, 201),
  },
  {
    method: 'DELETE',
    path: '/v1/oversight/models/:id/approvals/:tier',
    operationId: 'revokeModelApproval',
    summary: 'Revoke a model’s approval for a tier',
    tag: 'Oversight',
    auth: ['admin_token'],
    success: json('The revoked approvals'),
  },
  {
    method: 'GET',
    path: '/v1/oversight/suspensions',
    operationId: 'listSuspensions',
    summary: 'Standing suspensions (kill switch)',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    success: json('The suspensions'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/suspensions',
    operationId: 'suspend',
    summary: 'Suspend an application or a model at once (kill switch)',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    body: s.suspension,
    success: json('The suspension', undefined, 201),
  },
  {
    method: 'DELETE',
    path: '/v1/oversight/suspensions/:kind/:id',
    operationId: 'resume',
    summary: 'Lift a suspension',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    success: json('The lifted suspensions'),
  },
  {
    method: 'GET',
    path: '/v1/oversight/reviews',
    operationId: 'listReviewCases',
    summary: 'The review queue',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    query: s.reviewFilter,
    success: json('The cases'),
  },
  {
    method: 'GET',
    path: '/v1/oversight/reviews/:id',
    operationId: 'getReviewCase',
    summary: 'One case, with the draft’s sentences',
    tag: 'Oversight',
    auth: [...STAFF, 'admin_token'],
    success: json('The case'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/reviews/:id/claim',
    operationId: 'claimReviewCase',
    summary: 'Claim a case',
    tag: 'Oversight',
    auth: STAFF,
    success: json('The case'),
  },
  {
    method: 'PUT',
    path: '/v1/oversight/reviews/:id/answer',
    operationId: 'editReviewAnswer',
    summary: 'Edit the answer of a claimed case',
    tag: 'Oversight',
    auth: STAFF,
    body: s.edit,
    success: json('The case'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/reviews/:id/approve',
    operationId: 'approveReviewCase',
    summary: 'Approve and release the answer, with scores',
    tag: 'Oversight',
    auth: STAFF,
    body: decisionSchema,
    success: json('The case'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/reviews/:id/reject',
    operationId: 'rejectReviewCase',
    summary: 'Reject the answer, with a reason',
    tag: 'Oversight',
    auth: STAFF,
    body: decisionSchema,
    success: json('The case'),
  },

  // Assurance.
  {
    method: 'GET',
    path: '/v1/oversight/assurance/packs',
    operationId: 'listAssurancePacks',
    summary: 'The shipped evaluation packs',
    tag: 'Assurance',
    auth: ['public'],
    success: json('The packs'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/assurance/runs',
    operationId: 'startAssuranceRun',
    summary: 'Run a pack against an application with a model',
    tag: 'Assurance',
    auth: [...STAFF, 'admin_token'],
    body: assuranceSchemas.newRun,
    success: json('The run', undefined, 202),
  },
  {
    method: 'GET',
    path: '/v1/oversight/assurance/runs',
    operationId: 'listAssuranceRuns',
    summary: 'Runs',
    tag: 'Assurance',
    auth: [...STAFF, 'admin_token'],
    success: json('The runs'),
  },
  {
    method: 'GET',
    path: '/v1/oversight/assurance/runs/:id',
    operationId: 'getAssuranceRun',
    summary: 'One run and its progress',
    tag: 'Assurance',
    auth: [...STAFF, 'admin_token'],
    success: json('The run'),
  },
  {
    method: 'POST',
    path: '/v1/oversight/assurance/runs/:id/resume',
    operationId: 'resumeAssuranceRun',
    summary: 'Resume an interrupted run',
    tag: 'Assurance',
    auth: [...STAFF, 'admin_token'],
    body: assuranceSchemas.resume,
    success: json('The run', undefined, 202),
  },
  {
    method: 'GET',
    path: '/v1/oversight/assurance/runs/:id/report',
    operationId: 'getAssuranceReport',
    summary: 'A run’s graded report (JSON or printable HTML)',
    tag: 'Assurance',
    auth: [...STAFF, 'admin_token'],
    query: assuranceSchemas.reportFormat,
    success: { description: 'The report', html: true },
  },

  // The audit log.
  {
    method: 'GET',
    path: '/v1/audit/sth',
    operationId: 'getSignedTreeHead',
    summary: 'The latest signed tree head of the audit log',
    tag: 'Audit',
    auth: ['public'],
    success: json('The signed tree head'),
  },
  {
    method: 'GET',
    path: '/v1/audit/heads',
    operationId: 'listTreeHeads',
    summary: 'Signed tree heads, oldest first',
    tag: 'Audit',
    auth: ['public'],
    query: auditSchemas.headsQuery,
    success: json('The heads'),
  },
  {
    method: 'GET',
    path: '/v1/audit/keys',
    operationId: 'listAuditKeys',
    summary: 'The public keys that sign tree heads',
    tag: 'Audit',
    auth: ['public'],
    success: json('The keys'),
  },
  {
    method: 'GET',
    path: '/v1/audit/proof/consistency',
    operationId: 'getConsistencyProof',
    summary: 'A consistency proof between two tree sizes',
    tag: 'Audit',
    auth: ['public'],
    query: auditSchemas.consistencyQuery,
    success: json('The proof'),
  },
  {
    method: 'GET',
    path: '/v1/audit/proof/inclusion',
    operationId: 'getInclusionProof',
    summary: 'An inclusion proof of a record',
    tag: 'Audit',
    auth: ['api_key', 'staff_token', 'admin_token'],
    query: auditSchemas.inclusionQuery,
    success: json('The proof'),
  },
  {
    method: 'GET',
    path: '/v1/audit/records',
    operationId: 'listAuditRecords',
    summary: 'Audit records (metadata and commitments, never content)',
    tag: 'Audit',
    auth: ['api_key', 'staff_token', 'admin_token'],
    query: auditSchemas.recordsQuery,
    success: json('The records'),
  },
  {
    method: 'GET',
    path: '/v1/audit/stats',
    operationId: 'getAuditStats',
    summary: 'Flows over time by data category, provider country, application or outcome',
    tag: 'Audit',
    auth: ['api_key', 'staff_token', 'admin_token'],
    query: auditSchemas.statsQuery,
    success: json('The counts'),
  },
  {
    method: 'GET',
    path: '/v1/usage',
    operationId: 'getUsage',
    summary: 'Requests, tokens and energy per application, model and day',
    tag: 'Usage',
    auth: ['staff_token', 'admin_token'],
    query: usageSchemas.usageQuery,
    success: json('The usage'),
  },

  // The operator's API (with the admin token only).
  {
    method: 'POST',
    path: '/v1/admin/tenants',
    operationId: 'createTenant',
    summary: 'Create a tenant (an administration)',
    tag: 'Administration',
    auth: ['admin_token'],
    body: adminSchemas.newTenant,
    success: json('The tenant', undefined, 201),
  },
  {
    method: 'GET',
    path: '/v1/admin/tenants',
    operationId: 'listTenants',
    summary: 'Tenants',
    tag: 'Administration',
    auth: ['admin_token'],
    success: json('The tenants'),
  },
  {
    method: 'POST',
    path: '/v1/admin/applications',
    operationId: 'createApplication',
    summary: 'Create an application',
    tag: 'Administration',
    auth: ['admin_token'],
    body: adminSchemas.newApplication,
    success: json('The application', undefined, 201),
  },
  {
    method: 'GET',
    path: '/v1/admin/applications',
    operationId: 'listApplications',
    summary: 'Applications',
    tag: 'Administration',
    auth: ['admin_token'],
    success: json('The applications'),
  },
  {
    method: 'POST',
    path: '/v1/admin/keys',
    operationId: 'createApiKey',
    summary: 'Create an API key (shown once)',
    tag: 'Administration',
    auth: ['admin_token'],
    body: adminSchemas.newKey,
    success: json('The key', undefined, 201),
  },
  {
    method: 'GET',
    path: '/v1/admin/keys',
    operationId: 'listApiKeys',
    summary: 'API keys (prefixes only)',
    tag: 'Administration',
    auth: ['admin_token'],
    success: json('The keys'),
  },
  {
    method: 'POST',
    path: '/v1/admin/keys/:key/revoke',
    operationId: 'revokeApiKey',
    summary: 'Revoke a key',
    tag: 'Administration',
    auth: ['admin_token'],
    success: json('The key'),
  },
  {
    method: 'POST',
    path: '/v1/admin/corpus/collections',
    operationId: 'createCollection',
    summary: 'Create a corpus collection',
    tag: 'Corpus',
    auth: ['admin_token'],
    body: adminCorpusSchemas.newCollection,
    success: json('The collection', undefined, 201),
  },
  {
    method: 'GET',
    path: '/v1/admin/corpus/collections',
    operationId: 'listCollections',
    summary: 'Corpus collections',
    tag: 'Corpus',
    auth: ['admin_token'],
    query: adminCorpusSchemas.byTenant,
    success: json('The collections'),
  },
  {
    method: 'GET',
    path: '/v1/admin/corpus/documents',
    operationId: 'listDocuments',
    summary: 'Documents of a collection',
    tag: 'Corpus',
    auth: ['admin_token'],
    query: adminCorpusSchemas.byCollection,
    success: json('The documents'),
  },
  {
    method: 'POST',
    path: '/v1/admin/corpus/documents',
    operationId: 'uploadDocument',
    summary: 'Ingest a document (the file is the body; provenance in the query)',
    tag: 'Corpus',
    auth: ['admin_token'],
    query: adminCorpusSchemas.upload,
    success: json('The document', undefined, 201),
  },
  {
    method: 'GET',
    path: '/v1/admin/corpus/documents/:id',
    operationId: 'getDocument',
    summary: 'One document',
    tag: 'Corpus',
    auth: ['admin_token'],
    success: json('The document'),
  },
  {
    method: 'POST',
    path: '/v1/admin/corpus/documents/:id/withdraw',
    operationId: 'withdrawDocument',
    summary: 'Withdraw a document from answers',
    tag: 'Corpus',
    auth: ['admin_token'],
    body: adminCorpusSchemas.withdrawal,
    success: json('The document'),
  },
  {
    method: 'GET',
    path: '/v1/admin/corpus/search',
    operationId: 'searchCorpus',
    summary: 'Search the corpus as the assistant would',
    tag: 'Corpus',
    auth: ['admin_token'],
    query: adminCorpusSchemas.question,
    success: json('The passages'),
  },

  // Sign-in.
  {
    method: 'GET',
    path: '/auth/:tenant/login',
    operationId: 'startSignIn',
    summary: 'Start signing in with the tenant’s identity provider (redirects)',
    tag: 'Sign-in',
    auth: ['public'],
    success: { status: 302, description: 'To the identity provider' },
  },
  {
    method: 'GET',
    path: '/auth/:tenant/callback',
    operationId: 'finishSignIn',
    summary: 'Where the identity provider sends the browser back',
    tag: 'Sign-in',
    auth: ['public'],
    success: { status: 303, description: 'To the page the sign-in started from' },
  },
  {
    method: 'POST',
    path: '/auth/:tenant/guest',
    operationId: 'openGuestSession',
    summary: 'Open a guest session for the tenant’s assistant',
    tag: 'Sign-in',
    auth: ['public'],
    success: json('The session and its CSRF token', undefined, 201),
  },
  {
    method: 'GET',
    path: '/auth/session',
    operationId: 'getSession',
    summary: 'The current sign-in session',
    tag: 'Sign-in',
    auth: ['session'],
    success: json('The session'),
  },
  {
    method: 'POST',
    path: '/auth/logout',
    operationId: 'signOut',
    summary: 'End the session',
    tag: 'Sign-in',
    auth: ['session', 'public'],
    success: { status: 204, description: 'Signed out' },
  },

  // Operations.
  {
    method: 'GET',
    path: '/healthz',
    operationId: 'health',
    summary: 'Liveness',
    tag: 'Health',
    auth: ['public'],
    success: json('Alive'),
  },
  {
    method: 'GET',
    path: '/readyz',
    operationId: 'readiness',
    summary: 'Readiness',
    tag: 'Health',
    auth: ['public'],
    success: json('Ready'),
  },
  {
    method: 'GET',
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Prometheus metrics',
    tag: 'Health',
    auth: ['public'],
    success: { description: 'Metrics in the Prometheus text format' },
  },

  // The web interface.
  {
    method: 'GET',
    path: '/web/settings',
    operationId: 'getWebSettings',
    summary: 'What the web pages need to know before anyone signs in',
    tag: 'Web',
    auth: ['public'],
    success: json('The settings'),
  },
  {
    method: 'GET',
    path: '/assets/*',
    operationId: 'getWebAsset',
    summary: 'A script, style or font of the web interface',
    tag: 'Web',
    auth: ['public'],
    success: { description: 'The file' },
  },
  ...WEB_PAGES.flatMap((page): Operation[] => {
    const name = page === '/' ? 'Assistant' : page.slice(1, 2).toUpperCase() + page.slice(2);
    const operation = (path: string, operationId: string): Operation => ({
      method: 'GET',
      path,
      operationId,
      summary: `The ${name.toLowerCase()} page of the web interface`,
      tag: 'Web',
      auth: ['public'],
      success: { description: 'The page', html: true },
    });
    return page === '/'
      ? [operation(page, `getPage${name}`)]
      : [operation(page, `getPage${name}`), operation(`${page}/*`, `getPage${name}Path`)];
  }),
];
