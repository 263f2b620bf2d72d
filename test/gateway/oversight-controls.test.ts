import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useUpstreamGateway } from '../support/gateway-harness.js';
import { commission, commissionHighRisk, MINIMAL_USE_CASE } from '../support/oversight-fixtures.js';

const ADMIN_TOKEN = 'oversight-admin-token-0123456789abcdef';

/** School orientation decided for an agent: high risk, with grades as the sensitive topic. */
const SCHOOL_USE_CASE = {
  ...MINIMAL_USE_CASE,
  purpose: 'Orientation advice for pupils after the baccalaureate, drafted for the counsellors',
  sector: 'education',
  people_affected: ['students', 'minors'],
  data_categories: ['PERSON', 'MA_MASSAR'],
};
const SCHOOL_ANSWERS = {
  use: 'grading_placement',
  autonomy: 'draft_for_agent',
  impact_on_rights: 'access_to_service',
  vulnerability: ['students', 'minors'],
  data_sensitivity: ['identifiers'],
  scale: 'national',
};

interface Body {
  error?: { code: string; message: string };
  choices?: { message: { content: string } }[];
  mizan?: { review: { case_id: string } | null };
}

describe('oversight controls at the gateway', () => {
  const fixture = useUpstreamGateway({
    security: { admin_token: ADMIN_TOKEN },
    // Every released answer of a minimal-risk application is sampled for after-the-fact review here.
    oversight: { breaker: { failures: 2, window_ms: 60_000 }, sampling_rates: { minimal: 1 } },
  });
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${fixture.gateway.origin}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Body & Record<string, unknown> };
  };
  const ask = (key: string, content: string) =>
    call('POST', '/v1/chat/completions', key, { model: 'atlas', messages: [{ role: 'user', content }] });
  const newApp = async (tenantId: string, name: string) => {
    const { platform } = fixture.gateway;
    const app = await platform.tenancy.createApplication({ tenantId, name });
    return { id: app.id, key: (await platform.tenancy.createKey({ applicationId: app.id })).key };
  };
  let tenantId: string;
  let reviewer: string;
  let admin: string;

  before(async () => {
    const tenant = await fixture.gateway.platform.tenancy.createTenant({ name: 'education' });
    tenantId = tenant.id;
    const staff = async (roles: string[]) =>
      (
        (await call('POST', '/v1/oversight/staff', ADMIN_TOKEN, { tenant: tenant.id, name: roles[0], roles }))
          .body as {
          token: string;
        }
      ).token;
    reviewer = await staff(['reviewer']);
    admin = await staff(['tenant_admin']);
  });

  it('refuses an application whose CNDP formality is only filed', async () => {
    const app = await newApp(tenantId, 'filed');
    await commission(fixture.gateway.platform, app.id, { promote: false });
    await call('PUT', `/v1/oversight/applications/${app.id}/use-case`, admin, {
      ...MINIMAL_USE_CASE,
      cndp: { regime: 'declaration', reference: 'D-77/2026', status: 'filed' },
    });
    const refused = await ask(app.key, 'Bonjour');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error?.code, 'cndp_authorisation_missing');
  });

  it('holds an answer when its grounding fails where the tier requires it, and the citizen sees a rejection with its reason', async () => {
    const app = await newApp(tenantId, 'orientation');
    await commissionHighRisk(fixture.gateway.platform, app.id, {
      useCase: SCHOOL_USE_CASE,
      answers: SCHOOL_ANSWERS,
    });
    fixture.upstream.enqueue({ content: 'Les inscriptions ouvrent en juin.' });
    const held = await ask(app.key, 'Quand ouvrent les inscriptions en classe préparatoire ?');
    const caseId = held.body.mizan?.review?.case_id;
    assert.ok(caseId, JSON.stringify(held.body));
    const found = await call('GET', `/v1/oversight/reviews/${caseId}`, reviewer);
    assert.deepEqual(
      (found.body as { triggers: { kind: string }[] }).triggers.map((t) => t.kind),
      ['grounding_failed'],
    );

    const scoredBadly = await call('POST', `/v1/oversight/reviews/${caseId}/approve`, reviewer, {
      scores: { sentences: [{ index: 7, verdict: 'correct' }] },
    });
    assert.equal(scoredBadly.status, 400);
    assert.equal(scoredBadly.body.error?.code, 'score_sentence_unknown');
    const noReason = await call('POST', `/v1/oversight/reviews/${caseId}/reject`, reviewer, {});
    assert.equal(noReason.body.error?.code, 'reason_required');
    const rejected = await call('POST', `/v1/oversight/reviews/${caseId}/reject`, reviewer, {
      reason: 'Les dates changent chaque année : consultez le portail Tawjihi.',
      scores: { sentences: [{ index: 0, verdict: 'unsupported' }] },
    });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    const outcome = await call('GET', `/v1/reviews/${caseId}`, app.key);
    assert.equal(outcome.body.status, 'rejected');
    assert.match(String(outcome.body.reason), /Tawjihi/);
    assert.match(String(outcome.body.message), /agent/i);
  });

  it('hands a user who asks for a person to a reviewer, whatever the tier', async () => {
    fixture.upstream.enqueue({ content: 'Bien sûr.' });
    const held = await ask(fixture.gateway.key, 'Je veux parler à un conseiller, s’il vous plaît.');
    assert.ok(held.body.mizan?.review?.case_id);
    assert.match(held.body.choices![0]!.message.content, /conseiller|agent|personne/i);
  });

  it('releases a sampled answer at once and queues it for after-the-fact review', async () => {
    const app = await newApp(tenantId, 'sampled');
    await commission(fixture.gateway.platform, app.id);
    fixture.upstream.enqueue({ content: 'Le guichet ouvre à 8 h 30.' });
    const released = await ask(app.key, 'À quelle heure ouvre le guichet ?');
    assert.equal(released.body.mizan?.review, null);
    assert.equal(released.body.choices![0]!.message.content, 'Le guichet ouvre à 8 h 30.');
    const queue = await call('GET', `/v1/oversight/reviews?kind=sample&application=${app.id}`, reviewer);
    const cases = (queue.body as { data: { draft: string; triggers: { kind: string }[] }[] }).data;
    assert.equal(cases.length, 1);
    assert.equal(cases[0]!.draft, 'Le guichet ouvre à 8 h 30.');
    assert.deepEqual(cases[0]!.triggers, [{ kind: 'sampled' }]);
  });

  it('serves a sandbox only between its dates', async () => {
    const app = await newApp(tenantId, 'trial');
    await commission(fixture.gateway.platform, app.id, { promote: false });
    const later = await call('POST', `/v1/oversight/applications/${app.id}/sandboxes`, admin, {
      purpose: 'next month',
      starts_at: new Date(Date.now() + 86_400_000).toISOString(),
      ends_at: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      max_requests: 10,
      max_tokens: 1000,
    });
    const early = await ask(String(later.body.key), 'Bonjour');
    assert.equal(early.status, 403);
    assert.equal(early.body.error?.code, 'sandbox_not_started');
    const now = await call('POST', `/v1/oversight/applications/${app.id}/sandboxes`, admin, {
      purpose: 'today',
      ends_at: new Date(Date.now() + 86_400_000).toISOString(),
      max_requests: 10,
      max_tokens: 1000,
    });
    // The sandbox's end is moved into the past, as time would.
    await fixture.gateway.platform.database.db
      .updateTable('sandboxes')
      .set({ ends_at: new Date(Date.now() - 1000) })
      .where('id', '=', String(now.body.id))
      .execute();
    const expired = await ask(String(now.body.key), 'Bonjour');
    assert.equal(expired.status, 403);
    assert.equal(expired.body.error?.code, 'sandbox_expired');
  });

  it('flags an answer that generalises about a group, and holds it where the tier asks for review', async () => {
    const stereotyped = 'Les gens de la campagne sont tous paresseux : adressez-vous à un agent.';
    fixture.upstream.enqueue({ content: stereotyped });
    const minimal = await ask(fixture.gateway.key, 'Comment remplir le formulaire de demande ?');
    const flagged = minimal.body as unknown as {
      mizan: { oversight: { flags: string[] } };
      choices: Body['choices'];
    };
    assert.deepEqual(flagged.mizan.oversight.flags, ['stereotyped_generalisation']);
    assert.equal(
      flagged.choices![0]!.message.content,
      stereotyped,
      'a minimal-risk answer is flagged, not held',
    );

    const app = await newApp(tenantId, 'orientation-stereotype');
    await commissionHighRisk(fixture.gateway.platform, app.id, {
      useCase: SCHOOL_USE_CASE,
      answers: SCHOOL_ANSWERS,
    });
    fixture.upstream.enqueue({ content: stereotyped });
    const held = await ask(app.key, 'Comment remplir le formulaire de demande de bourse ?');
    const caseId = held.body.mizan?.review?.case_id;
    assert.ok(caseId);
    const found = await call('GET', `/v1/oversight/reviews/${caseId}`, reviewer);
    assert.ok(
      (found.body as { triggers: { kind: string; detail?: string }[] }).triggers.some(
        (t) => t.kind === 'stereotype' && t.detail === 'rural_people',
      ),
    );
    // The high tier's model was told to stay neutral.
    const sent = JSON.stringify(fixture.upstream.requests.at(-1)!.body);
    assert.match(sent, /neutre|neutral/i);
  });

  it('suspends a model for one tenant only, with a localized 503', async () => {
    const app = await newApp(tenantId, 'drafts');
    await commission(fixture.gateway.platform, app.id);
    const suspended = await call('POST', '/v1/oversight/suspensions', admin, {
      target_kind: 'model',
      target_id: 'atlas',
      reason: 'answers under investigation',
    });
    assert.equal(suspended.status, 201);
    const refused = await ask(app.key, 'Bonjour');
    assert.equal(refused.status, 503);
    assert.equal(refused.body.error?.code, 'model_suspended');
    fixture.upstream.enqueue({ content: 'Bonjour.' });
    assert.equal((await ask(fixture.gateway.key, 'Bonjour')).status, 200, 'another tenant is not affected');
    assert.equal((await call('DELETE', '/v1/oversight/suspensions/model/atlas', admin)).status, 200);
    fixture.upstream.enqueue({ content: 'Bonjour.' });
    assert.equal((await ask(app.key, 'Bonjour')).status, 200);
  });

  it('suspends a failing model automatically, and records who did it', async () => {
    fixture.upstream.enqueue(
      { status: 500 },
      { status: 500 },
      { status: 500 },
      { status: 500 },
      { status: 500 },
      { status: 500 },
    );
    assert.equal((await ask(fixture.gateway.key, 'Bonjour')).status, 502);
    assert.equal((await ask(fixture.gateway.key, 'Bonjour')).status, 502);
    // The breaker suspends in the background; the next request finds it done.
    let status = 0;
    for (let i = 0; i < 20 && status !== 503; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      fixture.upstream.enqueue({ content: 'Bonjour.' });
      status = (await ask(fixture.gateway.key, 'Bonjour')).status;
    }
    assert.equal(status, 503);
    const log = await call('GET', '/v1/audit/records?subject=atlas&kind=governance', ADMIN_TOKEN);
    const events = (log.body as { data: { action: string; actor: string }[] }).data;
    assert.ok(events.some((e) => e.action === 'model.suspended' && e.actor === 'gateway'));
    assert.equal((await call('DELETE', '/v1/oversight/suspensions/model/atlas', ADMIN_TOKEN)).status, 200);
  });
});
