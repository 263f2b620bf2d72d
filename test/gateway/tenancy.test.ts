import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startTestUpstream, type TestUpstream } from '../support/test-upstream.js';
import { startGateway, upstreamProvider, UPSTREAM_ENV, type Gateway } from '../support/gateway-harness.js';
import { commission } from '../support/oversight-fixtures.js';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

interface ErrorBody {
  error: { code: string; param: string | null; type: string };
}

describe('Mizan tenancy with two models, a fallback and the admin API on', () => {
  let upstream: TestUpstream;
  let gateway: Gateway;

  before(async () => {
    upstream = await startTestUpstream({ models: ['atlas-up', 'tafsir-up'] });
    gateway = await startGateway(
      {
        security: { admin_token: ADMIN_TOKEN },
        providers: [upstreamProvider('sovereign-dc', upstream.url)],
        models: [
          {
            id: 'atlas',
            provider: 'sovereign-dc',
            upstream_model: 'atlas-up',
            aliases: ['default'],
            fallback: ['tafsir'],
          },
          { id: 'tafsir', provider: 'sovereign-dc', upstream_model: 'tafsir-up' },
        ],
      },
      UPSTREAM_ENV,
    );
  });
  after(async () => {
    await gateway.close();
    await upstream.close();
  });
  beforeEach(() => upstream.reset());

  /** A new tenant (unique name) with one application and one key. */
  async function tenantWithKey(
    name: string,
    application: { allowedModels?: string[]; rateLimitRpm?: number | null; expiresAt?: Date | null } = {},
  ) {
    const tenancy = gateway.platform.tenancy;
    const tenant = await tenancy.createTenant({ name });
    const app = await tenancy.createApplication({
      tenantId: tenant.id,
      name: `${name}-app`,
      allowedModels: application.allowedModels ?? [],
      rateLimitRpm: application.rateLimitRpm ?? null,
    });
    await commission(gateway.platform, app.id);
    const { key, record } = await tenancy.createKey({
      applicationId: app.id,
      expiresAt: application.expiresAt ?? null,
    });
    return { tenant, app, key, record };
  }

  const listModels = (key: string) =>
    fetch(`${gateway.origin}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
  const chat = (key: string, model = 'atlas') =>
    fetch(`${gateway.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Bonjour' }] }),
    });
  const modelIds = async (response: Response) => {
    assert.equal(response.status, 200);
    return ((await response.json()) as { data: Array<{ id: string }> }).data.map((m) => m.id);
  };
  const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;
  const admin = (method: string, path: string, body?: unknown, token = ADMIN_TOKEN) =>
    fetch(`${gateway.origin}/v1/admin${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('answers 401 at once when a key is revoked in the same process, though it was just cached', async () => {
    const { key, record } = await tenantWithKey('revocation');
    assert.equal((await listModels(key)).status, 200);
    await gateway.platform.tenancy.revokeKey(record.prefix);
    const response = await listModels(key);
    assert.equal(response.status, 401);
    assert.equal((await errorOf(response)).code, 'invalid_api_key');
    assert.equal((await chat(key)).status, 401);
    assert.equal(upstream.requests.length, 0);
  });

  it('answers 401 when the key has expired', async () => {
    const { key } = await tenantWithKey('expired', { expiresAt: new Date(Date.now() - 1_000) });
    const response = await chat(key);
    assert.equal(response.status, 401);
    assert.equal((await errorOf(response)).code, 'invalid_api_key');
    assert.equal(upstream.requests.length, 0);
  });

  it('answers 401 once a key expires even though it was cached moments before', async () => {
    const { key } = await tenantWithKey('expiring', { expiresAt: new Date(Date.now() + 1_500) });
    assert.equal((await listModels(key)).status, 200);
    await delay(1_700);
    assert.equal((await listModels(key)).status, 401);
  });

  it('answers 403 model_not_allowed and lists only the allowed model when the allow-list names one', async () => {
    const { key } = await tenantWithKey('allow-list', { allowedModels: ['atlas'] });
    const refused = await chat(key, 'tafsir');
    assert.equal(refused.status, 403);
    const error = await errorOf(refused);
    assert.equal(error.code, 'model_not_allowed');
    assert.equal(error.param, 'model');
    assert.equal(error.type, 'permission_error');
    assert.deepEqual(await modelIds(await listModels(key)), ['atlas']);
    const retrieve = await fetch(`${gateway.origin}/v1/models/tafsir`, {
      headers: { authorization: `Bearer ${key}` },
    });
    assert.equal(retrieve.status, 404, 'a model the application may not use is not shown to it');
    assert.equal((await chat(key, 'default')).status, 200, 'an alias of an allowed model is allowed');
    assert.ok(upstream.requests.every((r) => (r.body as { model: string }).model === 'atlas-up'));
  });

  it('never falls back to a model outside the allow-list when the allowed model fails', async () => {
    const { key } = await tenantWithKey('no-forbidden-fallback', { allowedModels: ['atlas'] });
    upstream.setDefault({ status: 503 });
    const response = await chat(key, 'atlas');
    assert.equal(response.status, 502);
    assert.ok(upstream.requests.length > 0);
    assert.deepEqual(
      [...new Set(upstream.requests.map((r) => (r.body as { model: string }).model))],
      ['atlas-up'],
      'tafsir was never asked',
    );
  });

  it("isolates tenants: each key sees and uses only its own application's models and keys", async () => {
    const a = await tenantWithKey('tenant-a', { allowedModels: ['atlas'] });
    const b = await tenantWithKey('tenant-b', { allowedModels: ['tafsir'] });
    const bSecond = await gateway.platform.tenancy.createKey({ applicationId: b.app.id });

    assert.deepEqual(await modelIds(await listModels(b.key)), ['tafsir']);
    assert.equal((await chat(b.key, 'tafsir')).status, 200);
    assert.equal((await chat(b.key, 'atlas')).status, 403);
    assert.deepEqual(await modelIds(await listModels(a.key)), ['atlas']);

    const keysOfA = await gateway.platform.tenancy.listApiKeys({ tenantId: a.tenant.id });
    assert.deepEqual(
      keysOfA.map((k) => k.id),
      [a.record.id],
    );
    const keysOfB = await gateway.platform.tenancy.listApiKeys({ tenantId: b.tenant.id });
    assert.deepEqual(keysOfB.map((k) => k.id).sort(), [b.record.id, bSecond.record.id].sort());
  });

  it('answers 429 with Retry-After on the third quick request when the application allows 2 per minute', async () => {
    const limited = await tenantWithKey('limited', { rateLimitRpm: 2 });
    const other = await tenantWithKey('unlimited');
    assert.equal((await chat(limited.key)).status, 200);
    assert.equal((await chat(limited.key)).status, 200);
    const third = await chat(limited.key);
    assert.equal(third.status, 429);
    const retryAfter = Number(third.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${third.headers.get('retry-after')}`);
    const error = await errorOf(third);
    assert.equal(error.code, 'rate_limit_exceeded');
    assert.equal(error.type, 'rate_limit_error');
    assert.equal(upstream.requests.length, 2, 'the refused request never reached the model server');
    for (let i = 0; i < 3; i++)
      assert.equal((await chat(other.key)).status, 200, 'another application is unaffected');
  });

  it('creates a tenant, an application and a key through the admin API, showing the key only once', async () => {
    const tenantResponse = await admin('POST', '/tenants', { name: 'ministere-sante' });
    assert.equal(tenantResponse.status, 201);
    const tenant = (await tenantResponse.json()) as { id: string; name: string };
    assert.equal(tenant.name, 'ministere-sante');

    const appResponse = await admin('POST', '/applications', {
      tenant: 'ministere-sante',
      name: 'rendez-vous',
      allowed_models: ['tafsir'],
      rate_limit_rpm: 100,
    });
    assert.equal(appResponse.status, 201);
    const application = (await appResponse.json()) as {
      id: string;
      tenantId: string;
      allowedModels: string[];
    };
    assert.equal(application.tenantId, tenant.id);
    assert.deepEqual(application.allowedModels, ['tafsir']);

    const keyResponse = await admin('POST', '/keys', { application: application.id });
    assert.equal(keyResponse.status, 201);
    const created = (await keyResponse.json()) as {
      id: string;
      prefix: string;
      key: string;
      revokedAt: null;
    };
    assert.match(created.key, /^mz_[0-9A-Za-z]{40}$/);
    assert.ok(created.key.startsWith(created.prefix));
    assert.equal(created.revokedAt, null);
    assert.ok(!('hash' in created));

    const unregistered = await listModels(created.key);
    assert.equal(unregistered.status, 403, 'an application serves only once its use case is registered');
    await commission(gateway.platform, application.id);
    assert.deepEqual(await modelIds(await listModels(created.key)), ['tafsir'], 'the new key works at once');

    for (const query of [`?application=${application.id}`, `?tenant=${tenant.id}`, '']) {
      const listing = await admin('GET', `/keys${query}`);
      assert.equal(listing.status, 200);
      const text = await listing.text();
      assert.ok(!text.includes(created.key), 'the key is never listed');
      assert.doesNotMatch(text, /"(hash|key)"\s*:/, 'no key or hash field');
      assert.doesNotMatch(text, /[0-9a-f]{64}/, 'no HMAC digest');
      const listed = (JSON.parse(text) as { data: Array<{ id: string; prefix: string }> }).data;
      assert.equal(listed.find((k) => k.id === created.id)?.prefix, created.prefix);
    }
    const applications = (await (await admin('GET', '/applications?tenant=ministere-sante')).json()) as {
      data: Array<{ id: string }>;
    };
    assert.deepEqual(
      applications.data.map((a) => a.id),
      [application.id],
    );
  });

  it('revokes a key through the admin API so that it gets 401 at once', async () => {
    const { key, record } = await tenantWithKey('admin-revocation');
    assert.equal((await listModels(key)).status, 200);
    const revoked = await admin('POST', `/keys/${record.prefix}/revoke`);
    assert.equal(revoked.status, 200);
    const body = (await revoked.json()) as { id: string; revokedAt: string | null };
    assert.equal(body.id, record.id);
    assert.ok(body.revokedAt && !Number.isNaN(Date.parse(body.revokedAt)));
    assert.equal((await listModels(key)).status, 401);
    const unknown = await admin('POST', '/keys/mz_nosuchkey/revoke');
    assert.equal(unknown.status, 404);
    assert.equal((await errorOf(unknown)).code, 'key_not_found');
  });

  it("lists a tenant's keys when the admin API is given the tenant's name, as it is for applications", async () => {
    const { record } = await tenantWithKey('keys-by-name');
    const listing = (await (await admin('GET', '/keys?tenant=keys-by-name')).json()) as {
      data: Array<{ id: string }>;
    };
    assert.deepEqual(
      listing.data.map((k) => k.id),
      [record.id],
    );
  });

  it('answers 401 and changes nothing when the admin token is wrong or missing', async () => {
    const { key } = await tenantWithKey('not-an-admin');
    for (const token of [
      'wrong-admin-token-0123456789abc',
      `${ADMIN_TOKEN}x`,
      ADMIN_TOKEN.slice(0, -1),
      key,
      '',
    ]) {
      const response = await admin('POST', '/tenants', { name: 'intrus' }, token);
      assert.equal(response.status, 401, `token "${token}"`);
      assert.equal((await errorOf(response)).code, 'invalid_admin_token');
    }
    const listing = await fetch(`${gateway.origin}/v1/admin/tenants`);
    assert.equal(listing.status, 401);
    assert.equal(await gateway.platform.tenancy.findTenant('intrus'), undefined);
    assert.equal((await chat(ADMIN_TOKEN)).status, 401, 'the admin token is not an API key');
  });
});
