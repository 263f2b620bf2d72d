import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../../bench/processes.js';
import { createClient } from 'redis';
import { startTestUpstream, type TestUpstream } from '../support/test-upstream.js';
import { startGateway, upstreamProvider, UPSTREAM_ENV, type Gateway } from '../support/gateway-harness.js';
import { commission } from '../support/oversight-fixtures.js';
import { estimatedWhPer1kTokens } from '../../src/quota/energy.js';

const ADMIN_TOKEN = 'admin-token-for-quota-tests-0123456789';
const REDIS_URL = 'redis://127.0.0.1:6379';
/** What the test upstream reports for every answer. */
const USAGE = { prompt_tokens: 10, completion_tokens: 20 };
const TOKENS = USAGE.prompt_tokens + USAGE.completion_tokens;
const DAY_S = 86_400;

interface ErrorBody {
  error: { code: string; type: string; message: string };
}

interface UsageBody {
  from: string;
  to: string;
  data: Array<{ application: string; model: string; day: string; requests: number; total_tokens: number }>;
  total: {
    requests: number;
    prompt_tokens: number;
    completion_tokens: number;
    total_tokens: number;
    energy_wh_estimate: number | null;
  };
}

/** Models served by one upstream, each a model of its own for Mizan so that each test has its own model limits. */
const models = (ids: string[]) => ids.map((id) => ({ id, provider: 'dc', upstream_model: 'test-model' }));

/** A new tenant with one commissioned application and its key: counters of its own. */
async function newApplication(gateway: Gateway, options: { rateLimitRpm?: number } = {}) {
  const tenancy = gateway.platform.tenancy;
  const tenant = await tenancy.createTenant({ name: `tenant-${randomUUID()}` });
  const application = await tenancy.createApplication({
    tenantId: tenant.id,
    name: 'assistant',
    rateLimitRpm: options.rateLimitRpm ?? null,
  });
  await commission(gateway.platform, application.id);
  const { key } = await tenancy.createKey({ applicationId: application.id });
  return { tenantId: tenant.id, applicationId: application.id, key };
}

/** A chat request (with its usage at the end when streamed). */
async function chat(
  gateway: Gateway,
  key: string,
  body: { model?: string; user?: string; stream?: boolean } = {},
): Promise<Response> {
  return fetch(`${gateway.origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: body.model ?? 'atlas',
      messages: [{ role: 'user', content: 'Bonjour' }],
      ...(body.user ? { user: body.user } : {}),
      ...(body.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
    }),
  });
}

async function assertOk(response: Response) {
  assert.equal(response.status, 200, await response.clone().text());
  await response.text();
}

/** A 429 with its Retry-After (seconds) and error. */
async function refused(response: Response) {
  assert.equal(response.status, 429);
  const retryAfter = Number(response.headers.get('retry-after'));
  const { error } = (await response.json()) as ErrorBody;
  assert.equal(error.type, 'rate_limit_error');
  return { retryAfter, error };
}

async function metric(gateway: Gateway, name: string): Promise<number | undefined> {
  const text = await (await fetch(`${gateway.origin}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('quotas in one process (no Redis)', () => {
  let upstream: TestUpstream;
  let gateway: Gateway;

  before(async () => {
    upstream = await startTestUpstream({ record: false });
    upstream.setDefault({ usage: USAGE });
    gateway = await startGateway(
      {
        security: { admin_token: ADMIN_TOKEN },
        providers: [upstreamProvider('dc', upstream.url)],
        models: [
          { id: 'atlas', provider: 'dc', upstream_model: 'test-model', parameters_billions: 8 },
          ...models(['tpm', 'rpd', 'tpd']),
        ],
        quota: {
          actor: { requests_per_minute: 2 },
          models: {
            tpm: { tokens_per_minute: 50 },
            rpd: { requests_per_day: 3 },
            tpd: { tokens_per_day: 50 },
          },
        },
      },
      UPSTREAM_ENV,
    );
  });
  after(async () => {
    await gateway.close();
    await upstream.close();
  });

  it("limits an application's requests per minute from its own setting: 429 with Retry-After", async () => {
    const limited = await newApplication(gateway, { rateLimitRpm: 2 });
    await assertOk(await chat(gateway, limited.key));
    await assertOk(await chat(gateway, limited.key));
    const { retryAfter, error } = await refused(await chat(gateway, limited.key));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(error.code, 'rate_limit_exceeded');
    assert.match(error.message, /this application may send 2 requests per minute; retry in \d+ s/);
    await assertOk(await chat(gateway, (await newApplication(gateway)).key));
  });

  it('limits each end user of an application on their own', async () => {
    const { key } = await newApplication(gateway);
    await assertOk(await chat(gateway, key, { user: 'citizen-a' }));
    await assertOk(await chat(gateway, key, { user: 'citizen-a' }));
    const { error } = await refused(await chat(gateway, key, { user: 'citizen-a' }));
    assert.equal(error.code, 'rate_limit_exceeded');
    assert.match(error.message, /each user of this application may send 2 requests per minute/);
    await assertOk(await chat(gateway, key, { user: 'citizen-b' }));
    await assertOk(await chat(gateway, key));
  });

  it("limits a model's tokens per minute across applications, counting the tokens each answer used", async () => {
    // 30 tokens each: the first two are admitted under 50, and bring the window to 60.
    await assertOk(await chat(gateway, (await newApplication(gateway)).key, { model: 'tpm' }));
    await assertOk(await chat(gateway, (await newApplication(gateway)).key, { model: 'tpm' }));
    const { retryAfter, error } = await refused(
      await chat(gateway, (await newApplication(gateway)).key, { model: 'tpm' }),
    );
    assert.equal(error.code, 'token_quota_exceeded');
    assert.match(error.message, /model "tpm" serves, to all applications together, 50 tokens per minute/);
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  });

  it("limits a model's requests per day, to be retried after midnight UTC", async () => {
    const { key } = await newApplication(gateway);
    for (let i = 0; i < 3; i++) await assertOk(await chat(gateway, key, { model: 'rpd' }));
    const { retryAfter, error } = await refused(await chat(gateway, key, { model: 'rpd' }));
    assert.equal(error.code, 'rate_limit_exceeded');
    assert.match(error.message, /3 requests per day/);
    const untilMidnight = DAY_S - Math.floor((Date.now() / 1000) % DAY_S);
    assert.ok(
      Math.abs(retryAfter - untilMidnight) <= 2,
      `Retry-After ${retryAfter}, ${untilMidnight} s to midnight`,
    );
  });

  it("counts a streamed answer's tokens once the stream ends", async () => {
    const { key } = await newApplication(gateway);
    await assertOk(await chat(gateway, key, { model: 'tpd', stream: true }));
    await assertOk(await chat(gateway, key, { model: 'tpd', stream: true }));
    const { error } = await refused(await chat(gateway, key, { model: 'tpd', stream: true }));
    assert.equal(error.code, 'token_quota_exceeded');
    assert.match(error.message, /50 tokens per day/);
  });

  describe('the usage endpoint', () => {
    const usage = (token: string | undefined, query: string) =>
      fetch(`${gateway.origin}/v1/usage${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const staff = async (tenantId: string, roles: string[]) =>
      (
        await gateway.platform.oversight.staff.create(
          { kind: 'platform_admin' },
          { tenantId, name: 'staff', roles },
        )
      ).token;

    it("adds up an application's requests, tokens and energy estimate, for the platform admin and the tenant's admins", async () => {
      const mine = await newApplication(gateway);
      await assertOk(await chat(gateway, mine.key));
      await assertOk(await chat(gateway, mine.key, { stream: true }));
      await assertOk(await chat(gateway, mine.key, { user: 'citizen-c' }));
      const today = new Date().toISOString().slice(0, 10);
      const expected = {
        requests: 3,
        prompt_tokens: 3 * USAGE.prompt_tokens,
        completion_tokens: 3 * USAGE.completion_tokens,
        total_tokens: 3 * TOKENS,
      };
      const tenantAdmin = await staff(mine.tenantId, ['tenant_admin']);
      for (const token of [ADMIN_TOKEN, tenantAdmin]) {
        const response = await usage(token, `?application=${mine.applicationId}&from=${today}&to=${today}`);
        assert.equal(response.status, 200);
        const body = (await response.json()) as UsageBody;
        const { energy_wh_estimate: energy, ...totals } = body.total;
        assert.deepEqual(totals, expected);
        // 8 billion parameters: 2 × 8·10⁹ FLOP per token at the default 4·10¹⁰ FLOP per joule.
        const whPerToken = estimatedWhPer1kTokens(8, 4e10) / 1000;
        assert.ok(Math.abs(energy! - 3 * TOKENS * whPerToken) < 1e-6, `energy ${energy}`);
        assert.deepEqual(
          body.data.map((row) => [row.application, row.model, row.day, row.requests]),
          [[mine.applicationId, 'atlas', today, 3]],
        );
      }
      const all = (await (await usage(tenantAdmin, '')).json()) as UsageBody;
      assert.equal(all.total.requests, 3, "a tenant admin's view without an application is their tenant's");
    });

    it("refuses another tenant's usage, other roles and anonymous readers", async () => {
      const mine = await newApplication(gateway);
      await assertOk(await chat(gateway, mine.key));
      const other = await newApplication(gateway);
      const otherAdmin = await staff(other.tenantId, ['tenant_admin']);
      const refusedRead = await usage(otherAdmin, `?application=${mine.applicationId}`);
      assert.equal(refusedRead.status, 404);
      const ownView = (await (await usage(otherAdmin, '')).json()) as UsageBody;
      assert.equal(ownView.total.requests, 0, "another tenant's requests are not in the view");
      const dpo = await staff(mine.tenantId, ['dpo']);
      assert.equal((await usage(dpo, `?application=${mine.applicationId}`)).status, 403);
      assert.equal((await usage(undefined, `?application=${mine.applicationId}`)).status, 401);
      assert.equal((await usage(mine.key, `?application=${mine.applicationId}`)).status, 401);
      assert.equal((await usage(ADMIN_TOKEN, '?from=2026-02-02&to=2026-01-01')).status, 400);
    });
  });
});

describe('quotas shared in Redis by two gateways', () => {
  const prefix = `mizan-test:${randomUUID()}`;
  let upstream: TestUpstream;
  let gateways: Gateway[];

  before(async () => {
    upstream = await startTestUpstream({ record: false });
    upstream.setDefault({ usage: USAGE });
    const document = {
      providers: [upstreamProvider('dc', upstream.url)],
      models: models(['atlas']),
      quota: { redis_url: REDIS_URL, key_prefix: prefix, models: { atlas: { requests_per_minute: 3 } } },
    };
    gateways = [await startGateway(document, UPSTREAM_ENV), await startGateway(document, UPSTREAM_ENV)];
  });
  after(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await upstream.close();
  });

  it('shares a limit between the two, so that replicas together allow what one would', async () => {
    const [a, b] = gateways as [Gateway, Gateway];
    await assertOk(await chat(a, a.key));
    await assertOk(await chat(a, a.key));
    await assertOk(await chat(b, b.key));
    const fromB = await refused(await chat(b, b.key));
    assert.match(
      fromB.error.message,
      /model "atlas" takes, from all applications together, 3 requests per minute/,
    );
    assert.ok(fromB.retryAfter >= 1 && fromB.retryAfter <= 60);
    await refused(await chat(a, a.key));
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    try {
      assert.ok((await redis.keys(`${prefix}:*`)).length > 0, 'the counters are in Redis');
    } finally {
      redis.destroy();
    }
    assert.equal(await metric(a, 'mizan_quota_local_fallbacks_total'), 0);
  });
});

describe('quotas when Redis cannot be reached', () => {
  let upstream: TestUpstream;
  let gateway: Gateway;

  before(async () => {
    upstream = await startTestUpstream({ record: false });
    gateway = await startGateway(
      {
        providers: [upstreamProvider('dc', upstream.url)],
        models: models(['atlas']),
        quota: {
          redis_url: `redis://127.0.0.1:${await freePort()}`,
          key_prefix: `mizan-test:${randomUUID()}`,
          application: { requests_per_minute: 3 },
        },
      },
      UPSTREAM_ENV,
    );
  });
  after(async () => {
    await gateway.close();
    await upstream.close();
  });

  it("serves on this process's own limits, never a 5xx, and says so in its metrics", async () => {
    for (let i = 0; i < 3; i++) await assertOk(await chat(gateway, gateway.key));
    const { error } = await refused(await chat(gateway, gateway.key));
    assert.equal(error.code, 'rate_limit_exceeded');
    assert.equal(await metric(gateway, 'mizan_quota_redis_up'), 0);
    assert.ok((await metric(gateway, 'mizan_quota_local_fallbacks_total'))! >= 4);
  });
});
