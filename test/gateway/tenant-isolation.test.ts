import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { STAT_DIMENSIONS } from '../../src/audit/flow-stats.js';
import { STAFF_ROLES, type Actor } from '../../src/oversight/actors.js';
import { publicSystemId } from '../../src/oversight/register/public-register.js';
import { CONVERSATION_HEADER } from '../../src/server/flow.js';
import { WEB_PAGES } from '../../src/server/routes/web.js';
import { useUpstreamGateway } from '../support/gateway-harness.js';
import { commission, MINIMAL_ANSWERS, MINIMAL_USE_CASE, TEST_PACK } from '../support/oversight-fixtures.js';
import { openCitizenSession } from '../support/citizen-session.js';
import { listRoutes } from '../support/route-table.js';

const ADMIN_TOKEN = 'isolation-admin-token-0123456789abcdef';
const PLATFORM_ADMIN: Actor = { kind: 'platform_admin' };
/** Written by tenant A's citizen and in A's internal corpus: it must never reach tenant B. */
const A_SECRET_TEXT = 'Zellige-7731-dossier-confidentiel';
const A_CITIZEN = 'sub-a-4f9c2e81';
/** Only in A's internal corpus; B asks the question it answers. */
const A_CORPUS_FACT = 'Qandil-5530';

type Json = Record<string, unknown>;

/** Tenant A's resources, by the ids a caller would put in a URL, a query or a body. */
interface TenantA {
  tenantId: string;
  appId: string;
  /** A second application, suspended, for the kill-switch routes. */
  suspendedAppId: string;
  key: string;
  keyId: string;
  staffTokens: string[];
  staffIds: string[];
  recordId: string;
  reviewId: string;
  /** A's citizen asked for a person (issue 11). */
  handoffId: string;
  assessmentId: string;
  sandboxId: string;
  runId: string;
  requestId: string;
  objectionId: string;
  holdId: string;
  collectionId: string;
  documentId: string;
}

/**
 * One request with tenant B's credentials. `refuse`: it names A's resources, so it must answer 401, 403 or 404;
 * `filtered`: it names nothing (a list, a public route), so it may answer, but with none of A's data.
 */
interface Probe {
  expect: 'refuse' | 'filtered';
  path?: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** The credentials that can express this request (a staff body and an application body differ); default all. */
  as?: Credential['kind'];
  /** A `filtered` request that must succeed for the check to mean anything (B's own chat, B's own access request). */
  succeeds?: boolean;
}

type Cases = Record<string, (a: TenantA) => Probe[]>;

/** One of tenant B's credentials: its application's key, a staff member's token, or a citizen's session. */
interface Credential {
  label: string;
  kind: 'application' | 'staff' | 'citizen';
  token: string;
}

const refuse = (probe: Omit<Probe, 'expect'> = {}): Probe => ({ expect: 'refuse', ...probe });
const filtered = (probe: Omit<Probe, 'expect'> = {}): Probe => ({ expect: 'filtered', ...probe });
const chat = (content: string) => ({ model: 'atlas', messages: [{ role: 'user', content }] });
const SANDBOX = {
  purpose: 'Tester sans données réelles',
  ends_at: new Date(Date.now() + 86_400_000).toISOString(),
  max_requests: 10,
  max_tokens: 10_000,
};

/**
 * Every route of the gateway, keyed `METHOD /path` as Fastify lists it: a route missing here fails the test, so a
 * new endpoint cannot ship without its isolation case.
 */
const CASES: Cases = {
  // Public by design: health, metrics, the model list, the audit log's hashes, the questionnaire and packs.
  'GET /healthz': () => [filtered()],
  'GET /readyz': () => [filtered()],
  'GET /metrics': () => [filtered()],
  'GET /v1/models': () => [filtered()],
  'GET /v1/models/:model': () => [filtered({ path: '/v1/models/atlas' })],
  'GET /v1/audit/sth': () => [filtered()],
  'GET /v1/audit/heads': () => [filtered()],
  'GET /v1/audit/keys': () => [filtered()],
  'GET /v1/audit/proof/consistency': () => [filtered({ query: { first: '1', second: '2' } })],
  'GET /v1/oversight/questionnaire': () => [filtered()],
  'GET /v1/oversight/assurance/packs': () => [filtered()],
  'GET /v1/oversight/models': () => [filtered()],
  // The public register shows A's systems by design, under public ids, with none of A's ids, keys or staff.
  'GET /v1/transparency/register': () => [filtered(), filtered({ query: { tenant: 'ministry-test' } })],
  'GET /v1/transparency/register/:id': (a) => [
    filtered({ path: `/v1/transparency/register/${publicSystemId(a.appId)}` }),
  ],
  'GET /openapi.json': () => [filtered()],

  // The gateway: B's own application, even when it names A's conversation or asks for A's corpus.
  'POST /v1/chat/completions': () => [
    filtered({
      body: chat('Qui rénovera le palais de Tafilalet ?'),
      headers: { [CONVERSATION_HEADER]: 'conv-a' },
      as: 'application',
      succeeds: true,
    }),
  ],
  'POST /v1/embeddings': () => [filtered({ body: { model: 'atlas', input: A_SECRET_TEXT } })],
  // A's case is A's application's, and its citizen's: B's key and B's citizen (even under the same name) find nothing.
  'GET /v1/reviews/:id': (a) => [refuse({ path: `/v1/reviews/${a.reviewId}` })],
  // Feedback and hand-overs name an answer: A's answer is not B's to rate or to be called back about.
  'POST /v1/feedback': (a) => [
    refuse({ body: { audit_id: a.recordId, rating: 'not_helpful', reasons: ['incorrect'] } }),
  ],
  'POST /v1/handoffs': (a) => [
    refuse({ body: { audit_id: a.recordId, reason: 'complaint' } }),
    filtered({ body: { reason: 'prefer_human' }, as: 'application', succeeds: true }),
  ],
  // The assistant's terms and consent are the caller's own application's, for its own citizen: B's key naming A's
  // citizen, or B's citizen under the same name (whose tenant offers no chat), reach B's application only; a staff
  // token has no consent to give.
  'GET /v1/assistant': () => [
    filtered({ as: 'application', succeeds: true }),
    filtered({ query: { user: A_CITIZEN, lang: 'ar' }, as: 'application', succeeds: true }),
    filtered({ as: 'citizen' }),
    refuse({ as: 'staff' }),
  ],
  // B's application rests on the public interest: consent is not asked there (409), and never reaches A's.
  'POST /v1/assistant/consent': () => [
    filtered({ body: { user: A_CITIZEN }, as: 'application' }),
    filtered({ body: {}, as: 'citizen' }),
    refuse({ body: { user: A_CITIZEN }, as: 'staff' }),
  ],
  'DELETE /v1/assistant/consent': () => [
    filtered({ body: { user: A_CITIZEN }, as: 'application', succeeds: true }),
    filtered({ as: 'citizen' }),
    refuse({ body: { user: A_CITIZEN }, as: 'staff' }),
  ],
  'GET /v1/oversight/feedback': (a) => [refuse({ query: { application: a.appId } }), filtered()],
  'GET /v1/oversight/handoffs': () => [filtered(), filtered({ query: { status: 'open' } })],
  'POST /v1/oversight/handoffs/:id/close': (a) => [
    refuse({ path: `/v1/oversight/handoffs/${a.handoffId}/close`, body: {} }),
  ],
  'GET /v1/usage': (a) => [refuse({ query: { application: a.appId } }), filtered()],

  // The operator's API answers the admin token only.
  'POST /v1/admin/tenants': () => [refuse({ body: { name: 'intrus' } })],
  'GET /v1/admin/tenants': () => [refuse()],
  'POST /v1/admin/applications': (a) => [refuse({ body: { tenant: a.tenantId, name: 'intrus' } })],
  'GET /v1/admin/applications': (a) => [refuse({ query: { tenant: a.tenantId } })],
  'POST /v1/admin/keys': (a) => [refuse({ body: { application: a.appId } })],
  'GET /v1/admin/keys': (a) => [refuse({ query: { application: a.appId } })],
  'POST /v1/admin/keys/:key/revoke': (a) => [refuse({ path: `/v1/admin/keys/${a.keyId}/revoke` })],
  'POST /v1/admin/corpus/collections': (a) => [refuse({ body: { tenant: a.tenantId, name: 'intrus' } })],
  'GET /v1/admin/corpus/collections': (a) => [refuse({ query: { tenant: a.tenantId } })],
  'GET /v1/admin/corpus/documents': (a) => [
    refuse({ query: { collection: a.collectionId, tenant: a.tenantId } }),
  ],
  'POST /v1/admin/corpus/documents': (a) => [
    refuse({ query: { collection: a.collectionId, tenant: a.tenantId, file_name: 'x.txt' }, body: 'x' }),
  ],
  'GET /v1/admin/corpus/documents/:id': (a) => [
    refuse({ path: `/v1/admin/corpus/documents/${a.documentId}` }),
  ],
  'POST /v1/admin/corpus/documents/:id/withdraw': (a) => [
    refuse({ path: `/v1/admin/corpus/documents/${a.documentId}/withdraw`, body: { reason: 'intrus' } }),
  ],
  'GET /v1/admin/corpus/search': (a) => [refuse({ query: { q: A_SECRET_TEXT, tenant: a.tenantId } })],

  // The audit log's records and proofs: the tenant's readers only.
  'GET /v1/audit/records': (a) => [refuse({ query: { application: a.appId } }), filtered()],
  'GET /v1/audit/stats': (a) => [
    refuse({ query: statsQuery({ application: a.appId }) }),
    filtered({ query: statsQuery() }),
  ],
  'GET /v1/audit/proof/inclusion': (a) => [refuse({ query: { record: a.recordId } })],

  // Oversight.
  'POST /v1/oversight/staff': (a) => [
    refuse({ body: { tenant: a.tenantId, name: 'intrus', roles: ['dpo'] } }),
  ],
  'GET /v1/oversight/staff': (a) => [refuse({ query: { tenant: a.tenantId } }), filtered()],
  'GET /v1/oversight/applications': () => [filtered()],
  'PUT /v1/oversight/applications/:id/use-case': (a) => [
    refuse({ path: `/v1/oversight/applications/${a.appId}/use-case`, body: MINIMAL_USE_CASE }),
  ],
  'GET /v1/oversight/applications/:id/use-case': (a) => [
    refuse({ path: `/v1/oversight/applications/${a.appId}/use-case` }),
  ],
  'GET /v1/oversight/applications/:id/processing-record': (a) => [
    refuse({ path: `/v1/oversight/applications/${a.appId}/processing-record` }),
    refuse({ path: `/v1/oversight/applications/${a.appId}/processing-record`, query: { format: 'html' } }),
  ],
  'GET /v1/oversight/applications/:id/promotion': (a) => [
    refuse({ path: `/v1/oversight/applications/${a.appId}/promotion` }),
  ],
  'POST /v1/oversight/applications/:id/promote': (a) => [
    refuse({ path: `/v1/oversight/applications/${a.suspendedAppId}/promote` }),
  ],
  'GET /v1/oversight/applications/:id/assessment': (a) => [
    refuse({ path: `/v1/oversight/applications/${a.appId}/assessment` }),
  ],
  'POST /v1/oversight/applications/:id/assessments': (a) => [
    refuse({ path: `/v1/oversight/applications/${a.appId}/assessments`, body: { answers: MINIMAL_ANSWERS } }),
  ],
  'POST /v1/oversight/applications/:id/assessments/:aid/sign': (a) => [
    refuse({ path: `/v1/oversight/applications/${a.appId}/assessments/${a.assessmentId}/sign` }),
  ],
  'POST /v1/oversight/applications/:id/sandboxes': (a) => [
    refuse({ path: `/v1/oversight/applications/${a.appId}/sandboxes`, body: SANDBOX }),
  ],
  'GET /v1/oversight/sandboxes': (a) => [refuse({ query: { application: a.appId } }), filtered()],
  'GET /v1/oversight/sandboxes/:id': (a) => [refuse({ path: `/v1/oversight/sandboxes/${a.sandboxId}` })],
  'POST /v1/oversight/sandboxes/:id/close': (a) => [
    refuse({ path: `/v1/oversight/sandboxes/${a.sandboxId}/close`, body: { tested: 'rien du tout' } }),
  ],
  'POST /v1/oversight/models/:id/approvals': () => [
    refuse({ path: '/v1/oversight/models/atlas/approvals', body: { tier: 'high' } }),
  ],
  'DELETE /v1/oversight/models/:id/approvals/:tier': () => [
    refuse({ path: '/v1/oversight/models/atlas/approvals/minimal' }),
  ],
  'GET /v1/oversight/suspensions': () => [filtered()],
  'POST /v1/oversight/suspensions': (a) => [
    refuse({ body: { target_kind: 'application', target_id: a.appId, reason: 'intrusion' } }),
  ],
  'DELETE /v1/oversight/suspensions/:kind/:id': (a) => [
    refuse({ path: `/v1/oversight/suspensions/application/${a.suspendedAppId}` }),
  ],
  'GET /v1/oversight/reviews': (a) => [refuse({ query: { application: a.appId } }), filtered()],
  'GET /v1/oversight/reviews/:id': (a) => [refuse({ path: `/v1/oversight/reviews/${a.reviewId}` })],
  'POST /v1/oversight/reviews/:id/claim': (a) => [
    refuse({ path: `/v1/oversight/reviews/${a.reviewId}/claim` }),
  ],
  'PUT /v1/oversight/reviews/:id/answer': (a) => [
    refuse({ path: `/v1/oversight/reviews/${a.reviewId}/answer`, body: { answer: 'réécrite' } }),
  ],
  'POST /v1/oversight/reviews/:id/approve': (a) => [
    refuse({ path: `/v1/oversight/reviews/${a.reviewId}/approve`, body: {} }),
  ],
  'POST /v1/oversight/reviews/:id/reject': (a) => [
    refuse({ path: `/v1/oversight/reviews/${a.reviewId}/reject`, body: { reason: 'intrusion' } }),
  ],
  'POST /v1/oversight/assurance/runs': (a) => [
    refuse({ body: { pack: TEST_PACK, application: a.appId, model: 'atlas' } }),
  ],
  'GET /v1/oversight/assurance/runs': (a) => [refuse({ query: { application: a.appId } }), filtered()],
  'GET /v1/oversight/assurance/runs/:id': (a) => [
    refuse({ path: `/v1/oversight/assurance/runs/${a.runId}` }),
  ],
  'POST /v1/oversight/assurance/runs/:id/resume': (a) => [
    refuse({ path: `/v1/oversight/assurance/runs/${a.runId}/resume`, body: {} }),
  ],
  'GET /v1/oversight/assurance/runs/:id/report': (a) => [
    refuse({ path: `/v1/oversight/assurance/runs/${a.runId}/report` }),
    refuse({ path: `/v1/oversight/assurance/runs/${a.runId}/report`, query: { format: 'html' } }),
  ],

  // Data-subject rights: the same person's name in B finds nothing of A's.
  'POST /v1/subject-rights/requests': (a) => [
    filtered({ body: { user: A_CITIZEN, kind: 'access' }, as: 'application', succeeds: true }),
    refuse({ body: { user: A_CITIZEN, kind: 'access', application: a.appId }, as: 'staff' }),
    filtered({ body: { kind: 'access' }, as: 'citizen', succeeds: true }),
  ],
  'GET /v1/subject-rights/requests': () => [filtered()],
  'GET /v1/subject-rights/requests/:id': (a) => [
    refuse({ path: `/v1/subject-rights/requests/${a.requestId}` }),
  ],
  'POST /v1/subject-rights/requests/:id/complete': (a) => [
    refuse({ path: `/v1/subject-rights/requests/${a.requestId}/complete`, body: { reason: 'fait' } }),
  ],
  'POST /v1/subject-rights/requests/:id/refuse': (a) => [
    refuse({ path: `/v1/subject-rights/requests/${a.requestId}/refuse`, body: { reason: 'refusée' } }),
  ],
  'GET /v1/subject-rights/objections': () => [filtered(), filtered({ query: { active: 'true' } })],
  'POST /v1/subject-rights/objections/:id/lift': (a) => [
    refuse({ path: `/v1/subject-rights/objections/${a.objectionId}/lift` }),
  ],
  'POST /v1/legal-holds': (a) => [
    refuse({ body: { application: a.appId, reason: 'intrusion' }, as: 'staff' }),
  ],
  'GET /v1/legal-holds': () => [filtered()],
  'POST /v1/legal-holds/:id/lift': (a) => [refuse({ path: `/v1/legal-holds/${a.holdId}/lift` })],

  // Sign-in: starting a login is public, naming a tenant is not reading it; B's session is not A's.
  'GET /auth/:tenant/login': (a) => [filtered({ path: `/auth/${a.tenantId}/login` })],
  'GET /auth/:tenant/callback': (a) => [
    filtered({ path: `/auth/${a.tenantId}/callback`, query: { code: 'x', state: 'y' } }),
  ],
  'GET /auth/session': () => [filtered()],
  // A's tenant takes no guests (only the web assistant's does): naming it opens nothing.
  'POST /auth/:tenant/guest': (a) => [refuse({ path: `/auth/${a.tenantId}/guest`, body: {} })],

  // The web interface: the same public document on every page, its assets, and what pages need before sign-in.
  'GET /': () => [filtered()],
  ...Object.fromEntries(
    WEB_PAGES.filter((page) => page !== '/').flatMap((page) => [
      [`GET ${page}`, () => [filtered()]],
      [`GET ${page}/*`, () => [filtered({ path: `${page}/x` })]],
    ]),
  ),
  'GET /assets/*': () => [filtered({ path: '/assets/none.js' })],
  'GET /web/settings': () => [filtered()],
  'GET /v1/oversight/me': () => [filtered()],
  // Not with B's citizen session, which it would end before the probes that follow.
  'POST /auth/logout': () => [filtered({ as: 'application' }), filtered({ as: 'staff' })],
};

function statsQuery(extra: Record<string, string> = {}) {
  const to = new Date(Date.now() + 3_600_000).toISOString();
  const from = new Date(Date.now() - 86_400_000).toISOString();
  return { by: STAT_DIMENSIONS[0], from, to, ...extra };
}

describe('tenant isolation: tenant B against tenant A, on every route', () => {
  const fixture = useUpstreamGateway({
    security: { admin_token: ADMIN_TOKEN },
    // Every released answer is sampled for review, so tenant A has a review case.
    oversight: { sampling_rates: { minimal: 1 } },
  });
  const a = { staffIds: [], staffTokens: [] } as unknown as TenantA;
  /** Tenant B's credentials: its application's key, a staff member of every role, and a citizen's session. */
  const credentials: Credential[] = [];

  const call = async (
    token: string | undefined,
    method: string,
    path: string,
    options: Omit<Probe, 'expect'> = {},
  ) => {
    const url = new URL(path, fixture.gateway.origin);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
    const response = await fetch(url, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined
        ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
        : {}),
      redirect: 'manual',
    });
    return { status: response.status, text: await response.text() };
  };
  const ok = async (token: string, method: string, path: string, options: Omit<Probe, 'expect'> = {}) => {
    const { status, text } = await call(token, method, path, options);
    assert.ok(status < 300, `${method} ${path} set-up answered ${status}: ${text}`);
    return JSON.parse(text) as Json;
  };

  before(async () => {
    const { platform, applicationId, tenantId, key } = fixture.gateway;
    const o = platform.oversight;
    Object.assign(a, { tenantId, appId: applicationId, key });
    a.keyId = (await platform.tenancy.listApiKeys({ applicationId }))[0]!.id;
    for (const role of STAFF_ROLES) {
      const { member, token } = await o.staff.create(PLATFORM_ADMIN, {
        tenantId,
        name: `A ${role}`,
        roles: [role],
      });
      a.staffIds.push(member.id);
      a.staffTokens.push(token);
    }
    const dpo = a.staffTokens[STAFF_ROLES.indexOf('dpo')]!;

    // A's corpus, internal to A, holding the secret text.
    const collection = await ok(ADMIN_TOKEN, 'POST', '/v1/admin/corpus/collections', {
      body: { tenant: tenantId, name: 'dossiers-a', visibility: 'internal' },
    });
    a.collectionId = collection.id as string;
    const document = await ok(ADMIN_TOKEN, 'POST', '/v1/admin/corpus/documents', {
      query: {
        collection: a.collectionId,
        tenant: tenantId,
        file_name: 'dossier.txt',
        title: 'Dossier interne',
        publisher: 'Ministère A',
        source_uri: 'https://a.gov.ma/dossier',
        licence: 'internal',
        language: 'fra_Latn',
      },
      headers: { 'content-type': 'text/plain' },
      body: `Le dossier ${A_SECRET_TEXT} est confidentiel. Le palais de Tafilalet sera rénové par l'entreprise ${A_CORPUS_FACT}.`,
    });
    a.documentId = ((document.document as Json | undefined)?.id ?? document.id) as string;

    // A's citizen chats (a flow record, a sampled review case, a conversation vault).
    await ok(key, 'POST', '/v1/chat/completions', {
      body: { ...chat(`Je suis ${A_CITIZEN}, parlez-moi de ${A_SECRET_TEXT}`), user: A_CITIZEN },
      headers: { [CONVERSATION_HEADER]: 'conv-a' },
    });
    const reviews = await ok(ADMIN_TOKEN, 'GET', '/v1/oversight/reviews', {
      query: { application: applicationId },
    });
    a.reviewId = ((reviews.data as Json[])[0]! as Json).id as string;
    const records = await ok(ADMIN_TOKEN, 'GET', '/v1/audit/records', {
      query: { application: applicationId },
    });
    a.recordId = ((records.data as Json[]).find((r) => r.kind === 'flow') as Json).id as string;
    await ok(key, 'POST', '/v1/feedback', {
      body: { audit_id: a.recordId, rating: 'not_helpful', reasons: ['unclear'], comment: A_SECRET_TEXT },
    });
    a.handoffId = (
      await ok(key, 'POST', '/v1/handoffs', {
        body: { audit_id: a.recordId, reason: 'complaint', message: A_SECRET_TEXT },
      })
    ).id as string;

    // Governance: a second application to suspend and promote, a sandbox, an assurance run.
    const second = await platform.tenancy.createApplication({ tenantId, name: 'second' });
    a.suspendedAppId = second.id;
    a.assessmentId = (await commission(platform, second.id, { promote: false })).id;
    await o.killSwitch.suspend(PLATFORM_ADMIN, {
      targetKind: 'application',
      targetId: second.id,
      reason: 'essai',
    });
    a.sandboxId = (
      await o.sandboxes.open(PLATFORM_ADMIN, applicationId, {
        purpose: SANDBOX.purpose,
        endsAt: new Date(SANDBOX.ends_at),
        maxRequests: 10,
        maxTokens: 10_000,
      })
    ).sandbox.id;
    const { run, wait } = await platform.assurance.start(PLATFORM_ADMIN, {
      packId: TEST_PACK,
      applicationId: second.id,
      modelId: 'atlas',
    });
    a.runId = run.id;
    await wait;

    // Rights: a request left open, an objection, a legal hold.
    a.requestId = (
      await ok(key, 'POST', '/v1/subject-rights/requests', {
        body: { user: A_CITIZEN, kind: 'access' },
      })
    ).id as string;
    await ok(key, 'POST', '/v1/subject-rights/requests', {
      body: { user: 'objector-of-a', kind: 'opposition' },
    });
    const objections = await ok(dpo, 'GET', '/v1/subject-rights/objections');
    a.objectionId = ((objections.data as Json[])[0] as Json).id as string;
    a.holdId = (
      await ok(dpo, 'POST', '/v1/legal-holds', { body: { user: A_CITIZEN, reason: 'contentieux en cours' } })
    ).id as string;

    // Tenant B, with the same kinds of things of its own.
    const tenantB = await platform.tenancy.createTenant({ name: 'ministry-b' });
    const appB = await platform.tenancy.createApplication({ tenantId: tenantB.id, name: 'assistant-b' });
    await commission(platform, appB.id);
    credentials.push({
      label: 'B application key',
      kind: 'application',
      token: (await platform.tenancy.createKey({ applicationId: appB.id })).key,
    });
    for (const role of STAFF_ROLES) {
      const { token } = await o.staff.create(PLATFORM_ADMIN, {
        tenantId: tenantB.id,
        name: `B ${role}`,
        roles: [role],
      });
      credentials.push({ label: `B ${role}`, kind: 'staff', token });
    }
    // B's citizen goes by the very name A's flows were filed under: still nothing of A's.
    credentials.push({
      label: 'B citizen session',
      kind: 'citizen',
      token: await openCitizenSession(platform, tenantB.id, A_CITIZEN),
    });
  });

  it('has an isolation case for every route, and none for a route that is gone', () => {
    const routes = listRoutes(fixture.gateway.app).map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((route) => !(route in CASES));
    assert.deepEqual(missing, [], 'routes without an isolation case: add them to CASES');
    const stale = Object.keys(CASES).filter((route) => !routes.includes(route));
    assert.deepEqual(stale, [], 'cases of routes that no longer exist: a renamed route lost its case');
  });

  it("refuses B's credentials on A's resources, and never shows B any of A's data", async () => {
    const markers = [
      a.tenantId,
      a.appId,
      a.suspendedAppId,
      a.key,
      a.keyId,
      ...a.staffIds,
      ...a.staffTokens,
      a.recordId,
      a.reviewId,
      a.handoffId,
      a.assessmentId,
      a.sandboxId,
      a.runId,
      a.requestId,
      a.objectionId,
      a.holdId,
      a.collectionId,
      a.documentId,
      A_SECRET_TEXT,
      A_CORPUS_FACT,
    ];
    const failures: string[] = [];
    for (const route of listRoutes(fixture.gateway.app)) {
      const cases = CASES[`${route.method} ${route.url}`];
      if (!cases) continue;
      for (const probe of cases(a)) {
        const path = probe.path ?? route.url;
        const request = JSON.stringify([path, probe.query, probe.body]);
        for (const who of credentials) {
          if (probe.as && probe.as !== who.kind) continue;
          const { status, text } = await call(who.token, route.method, path, probe);
          const where = `${route.method} ${path} ${JSON.stringify(probe.query ?? {})} as ${who.label}: ${status}`;
          if (status >= 500) failures.push(`${where} (server error) ${text.slice(0, 200)}`);
          else if (probe.expect === 'refuse' && ![401, 403, 404].includes(status))
            failures.push(`${where} (expected a refusal) ${text.slice(0, 200)}`);
          else if (probe.succeeds && status >= 300)
            failures.push(`${where} (expected B's own request to succeed) ${text.slice(0, 200)}`);
          // A refusal may echo the id it was asked for; nothing else of A's may appear.
          const leaked = markers.filter((m) => text.includes(m) && !request.includes(m));
          if (leaked.length > 0) failures.push(`${where} shows A's ${leaked.join(', ')}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
