import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useUpstreamGateway } from '../support/gateway-harness.js';
import { commission, CONSENT_USE_CASE, LIMITED_ANSWERS } from '../support/oversight-fixtures.js';

type Json = Record<string, unknown>;

describe('the assistant’s notice and consent', () => {
  const fixture = useUpstreamGateway({
    models: [{ id: 'atlas', provider: 'dc', approved_for: ['minimal', 'limited'] }],
    web: { assistant: { tenant: 'ministry-test', application: 'bourses', guests: true } },
  });
  const keys = { consent: '', otherTenantConsent: '' };
  let consentAppId = '';

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${fixture.gateway.origin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  /** A guest of the web assistant, whose chat goes to the consent-based application. */
  const guest = async () => {
    const response = await fetch(`${fixture.gateway.origin}/auth/ministry-test/guest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(response.status, 201);
    return /mizan_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')![1]!;
  };
  const chat = (token: string, user?: string) => {
    fixture.upstream.enqueue({ content: 'Le dossier se dépose avant le 30 juin.' });
    return call('POST', '/v1/chat/completions', token, {
      model: 'atlas',
      messages: [{ role: 'user', content: 'Quand déposer le dossier de bourse ?' }],
      ...(user ? { user } : {}),
    });
  };
  const error = (body: Json) => body.error as { code: string; message: string };

  before(async () => {
    const { platform } = fixture.gateway;
    const consentApp = async (tenantId: string, name: string) => {
      const application = await platform.tenancy.createApplication({ tenantId, name });
      await commission(platform, application.id, { useCase: CONSENT_USE_CASE, answers: LIMITED_ANSWERS });
      return application.id;
    };
    consentAppId = await consentApp(fixture.gateway.tenantId, 'bourses');
    keys.consent = (await platform.tenancy.createKey({ applicationId: consentAppId })).key;
    const other = await platform.tenancy.createTenant({ name: 'other-academy' });
    const otherAppId = await consentApp(other.id, 'bourses');
    keys.otherTenantConsent = (await platform.tenancy.createKey({ applicationId: otherAppId })).key;
  });

  it('shows the transparency notice in the interface’s language and asks for consent before the first message', async () => {
    const citizen = await guest();
    const expected = {
      fr: /Vous échangez avec un système d’intelligence artificielle.*Académie de test.*D-1\/2026.*dpo@academie\.test/,
      en: /You are talking to an artificial intelligence system.*Académie de test.*D-1\/2026/,
      ar: /أنت تتحاور مع نظام للذكاء الاصطناعي.*Académie de test/,
      zgh: /ⴰⵔ ⵜⵙⴰⵡⴰⵍⴷ ⴷ ⵢⴰⵏ ⵓⵏⴰⴳⵔⴰⵡ.*Académie de test/,
    };
    for (const [lang, notice] of Object.entries(expected)) {
      const terms = await call('GET', `/v1/assistant?lang=${lang}`, citizen);
      assert.equal(terms.status, 200, JSON.stringify(terms.body));
      assert.match(terms.body.notice as string, notice, lang);
      assert.deepEqual(
        { ...terms.body, notice: undefined },
        {
          object: 'mizan.assistant',
          application: 'bourses',
          risk_tier: 'limited',
          ai_label: true,
          notice: undefined,
          consent: { required: true, given_at: null },
        },
      );
    }
    const unknown = await call('GET', '/v1/assistant?lang=de', citizen);
    assert.equal(unknown.status, 400);
  });

  it('refuses a citizen’s chat until they consent, serves it once they do, and refuses it again once they withdraw', async () => {
    const citizen = await guest();
    const refused = await chat(citizen);
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    assert.equal(error(refused.body).code, 'consent_required');
    assert.match(error(refused.body).message, /consentement.*J’accepte.*retirer/);

    const given = await call('POST', '/v1/assistant/consent', citizen, {});
    assert.equal(given.status, 200, JSON.stringify(given.body));
    const givenAt = given.body.given_at as string;
    assert.ok(!Number.isNaN(Date.parse(givenAt)));
    const terms = await call('GET', '/v1/assistant?lang=fr', citizen);
    assert.deepEqual(terms.body.consent, { required: true, given_at: givenAt });
    // Consenting again keeps the first consent.
    assert.equal((await call('POST', '/v1/assistant/consent', citizen)).body.given_at, givenAt);

    const served = await chat(citizen);
    assert.equal(served.status, 200, JSON.stringify(served.body));

    const withdrawn = await call('DELETE', '/v1/assistant/consent', citizen);
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
    assert.equal(withdrawn.body.given_at, null);
    const again = await chat(citizen);
    assert.equal(again.status, 403);
    assert.equal(error(again.body).code, 'consent_required');
    assert.deepEqual((await call('GET', '/v1/assistant', citizen)).body.consent, {
      required: true,
      given_at: null,
    });

    const events = await fixture.gateway.platform.audit.log.list({
      applicationId: consentAppId,
      kind: 'oversight',
    });
    const consentEvents = events.filter((e) => e.action.startsWith('consent.'));
    assert.deepEqual(
      consentEvents.map((e) => [e.action, e.actor]),
      [
        ['consent.given', 'citizen'],
        ['consent.withdrawn', 'citizen'],
      ],
    );
    assert.equal(consentEvents[0]!.dataSubject, consentEvents[1]!.dataSubject);
    assert.ok(consentEvents[0]!.dataSubject);
  });

  it('lets an application consent for the user it names, and only for that user of that application', async () => {
    const user = 'sub-famille-2291';
    assert.equal((await chat(keys.consent, user)).status, 403);
    // The request that names no one has no consent to ask for.
    assert.equal((await chat(keys.consent)).status, 200);
    const missingUser = await call('POST', '/v1/assistant/consent', keys.consent, {});
    assert.equal(missingUser.status, 400);

    // Another tenant's application takes the same person's consent for itself, not for this one.
    const elsewhere = await call('POST', '/v1/assistant/consent', keys.otherTenantConsent, { user });
    assert.equal(elsewhere.status, 200, JSON.stringify(elsewhere.body));
    assert.equal(
      (await call('GET', `/v1/assistant?user=${user}`, keys.otherTenantConsent)).body.application,
      'bourses',
    );
    assert.equal((await chat(keys.consent, user)).status, 403);
    const here = await call('GET', `/v1/assistant?user=${user}`, keys.consent);
    assert.deepEqual(here.body.consent, { required: true, given_at: null });

    assert.equal((await call('POST', '/v1/assistant/consent', keys.consent, { user })).status, 200);
    assert.equal((await chat(keys.consent, user)).status, 200);
    assert.equal((await chat(keys.consent, 'sub-another-person')).status, 403);
  });

  it('asks no consent where the register names another legal basis, and shows no notice where the tier needs none', async () => {
    const { key } = fixture.gateway;
    const terms = await call('GET', '/v1/assistant?lang=en&user=sub-agent-1', key);
    assert.equal(terms.status, 200, JSON.stringify(terms.body));
    assert.deepEqual(terms.body, {
      object: 'mizan.assistant',
      application: 'assistant',
      risk_tier: 'minimal',
      ai_label: true,
      notice: null,
      consent: { required: false, given_at: null },
    });
    assert.equal((await chat(key, 'sub-agent-1')).status, 200);
    const consent = await call('POST', '/v1/assistant/consent', key, { user: 'sub-agent-1' });
    assert.equal(consent.status, 409);
    assert.equal(error(consent.body).code, 'consent_not_required');
  });

  it('refuses a staff token, which has no consent to give', async () => {
    const { token } = await fixture.gateway.platform.oversight.staff.create(
      { kind: 'platform_admin' },
      { tenantId: fixture.gateway.tenantId, name: 'Agent', roles: ['agent'] },
    );
    assert.equal((await call('GET', '/v1/assistant', token)).status, 401);
    assert.equal((await call('POST', '/v1/assistant/consent', token, { user: 'x' })).status, 401);
  });
});
