import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/observability/logger.js';
import { createPlatform, type Platform } from '../../src/platform.js';
import { buildApp } from '../../src/server/app.js';
import { closeGracefully } from '../../src/server/shutdown.js';
import { startTestUpstream, type TestUpstream } from '../support/test-upstream.js';
import { startGateway, upstreamProvider, UPSTREAM_ENV, type Gateway } from '../support/gateway-harness.js';
import { commission } from '../support/oversight-fixtures.js';

/** Readiness is cached this long by the health routes. */
const READINESS_CACHE_MS = 2_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const config = (upstreamUrl: string) => ({
  providers: [upstreamProvider('sovereign-dc', upstreamUrl)],
  models: [{ id: 'atlas', provider: 'sovereign-dc', upstream_model: 'test-model' }],
});

const chat = (origin: string, key: string, content = 'Bonjour', headers: Record<string, string> = {}) =>
  fetch(`${origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'atlas', messages: [{ role: 'user', content }] }),
  });

describe('Mizan health, readiness, metrics and tracing with one upstream', () => {
  let upstream: TestUpstream;
  let upstreamClosed = false;
  let gateway: Gateway;

  before(async () => {
    upstream = await startTestUpstream();
    gateway = await startGateway(config(upstream.url), UPSTREAM_ENV);
  });
  after(async () => {
    await gateway.close();
    if (!upstreamClosed) await upstream.close();
  });
  beforeEach(() => {
    if (!upstreamClosed) upstream.reset();
  });

  const metrics = async () => {
    const response = await fetch(`${gateway.origin}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return response.text();
  };
  /** The value of one sample line, e.g. `name{labels} 3`, or undefined when absent. */
  const sample = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('answers /healthz 200 without a key', async () => {
    const response = await fetch(`${gateway.origin}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('answers /readyz 200 with every check ok when the database and upstream are reachable', async () => {
    const response = await fetch(`${gateway.origin}/readyz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      status: 'ready',
      checks: { database: 'ok', providers: { 'sovereign-dc': 'ok' } },
    });
  });

  it('counts requests, stage and upstream durations in Prometheus text after a chat request', async () => {
    const before = await metrics();
    const series = 'mizan_http_requests_total{route="/v1/chat/completions",method="POST",status="200"}';
    const countBefore = sample(before, series) ?? 0;
    assert.equal((await chat(gateway.origin, gateway.key)).status, 200);
    const text = await metrics();
    assert.equal(sample(text, series), countBefore + 1);
    assert.match(text, /^# TYPE mizan_http_requests_total counter$/m);
    assert.match(text, /^# TYPE mizan_pipeline_stage_duration_seconds histogram$/m);
    for (const stage of ['authenticate', 'route-model', 'generate']) {
      const count = sample(text, `mizan_pipeline_stage_duration_seconds_count{stage="${stage}"}`);
      assert.ok(count !== undefined && count >= 1, `stage ${stage} is timed`);
    }
    const upstreamCount = sample(
      text,
      'mizan_upstream_duration_seconds_count{provider="sovereign-dc",model="atlas",outcome="ok"}',
    );
    assert.ok(upstreamCount !== undefined && upstreamCount >= 1);
    assert.match(
      text,
      /^mizan_http_request_duration_seconds_bucket\{le="0.005",route="\/v1\/chat\/completions"/m,
    );
  });

  it('counts mizan_errors_total by code when a request has a bad key', async () => {
    const series = 'mizan_errors_total{code="invalid_api_key"}';
    const countBefore = sample(await metrics(), series) ?? 0;
    assert.equal((await chat(gateway.origin, `mz_${'0'.repeat(40)}`)).status, 401);
    assert.equal(sample(await metrics(), series), countBefore + 1);
  });

  it('lists every chat stage in order in server-timing when a chat request succeeds', async () => {
    const response = await chat(gateway.origin, gateway.key);
    assert.equal(response.status, 200);
    const entries = (response.headers.get('server-timing') ?? '').split(', ').map((entry) => {
      const match = /^([a-z-]+);dur=(\d+\.\d+)$/.exec(entry);
      assert.ok(match, `server-timing entry "${entry}"`);
      return match[1];
    });
    assert.deepEqual(
      entries,
      gateway.platform.pipelines.chat.stages.map((s) => s.name),
    );
    for (const stage of ['authenticate', 'route-model', 'generate']) assert.ok(entries.includes(stage));
  });

  it('names the refusing stage last in server-timing when a request is refused', async () => {
    const response = await chat(gateway.origin, `mz_${'0'.repeat(40)}`);
    assert.equal(response.status, 401);
    assert.match(response.headers.get('server-timing') ?? '', /^authenticate;dur=[\d.]+$/);
  });

  it('echoes x-request-id when the client sends a plain id', async () => {
    for (const id of ['req-42', 'trace.2026-01-31T10:00:00Z', 'a'.repeat(64)]) {
      const response = await fetch(`${gateway.origin}/healthz`, { headers: { 'x-request-id': id } });
      assert.equal(response.headers.get('x-request-id'), id);
    }
  });

  it('replaces x-request-id with a fresh UUID when the given id is unsafe or absent', async () => {
    const given = ['two words', '<script>alert(1)</script>', 'a'.repeat(65), 'id"}\\n{"level":60', ''];
    const seen = new Set<string>();
    for (const id of given) {
      const response = await chat(gateway.origin, gateway.key, 'x', { 'x-request-id': id });
      const echoed = response.headers.get('x-request-id') ?? '';
      assert.match(echoed, UUID, `for "${id}"`);
      seen.add(echoed);
    }
    assert.equal(seen.size, given.length, 'each request gets its own id');
  });

  it('answers /readyz 503 not_ready naming the provider once the upstream is down', async () => {
    await upstream.close();
    upstreamClosed = true;
    await delay(READINESS_CACHE_MS + 100);
    const response = await fetch(`${gateway.origin}/readyz`);
    assert.equal(response.status, 503);
    const body = (await response.json()) as {
      status: string;
      checks: { database: string; providers: Record<string, string> };
    };
    assert.equal(body.status, 'not_ready');
    assert.equal(body.checks.database, 'ok');
    assert.deepEqual(Object.keys(body.checks.providers), ['sovereign-dc']);
    assert.notEqual(body.checks.providers['sovereign-dc'], 'ok');
    assert.equal(
      (await fetch(`${gateway.origin}/healthz`)).status,
      200,
      'liveness does not depend on upstreams',
    );
  });
});

/** The production logger (its level and redaction), writing to memory instead of stdout. */
function capturedLogger(level: string) {
  const logger = createLogger(level);
  const lines: string[] = [];
  // pino writes through this symbol at each call, so request loggers (children) write here too.
  Reflect.set(logger, pino.symbols.streamSym, { write: (line: string) => lines.push(line) });
  return { logger, text: () => lines.join('') };
}

describe('Mizan logs at level info with a message holding a secret', () => {
  const SECRET = 'Dossier-CIN-BE771234-ne-pas-journaliser';
  let upstream: TestUpstream;
  let platform: Platform;
  let app: FastifyInstance;
  let origin: string;
  let key: string;
  let dataDir: string;
  let logs: ReturnType<typeof capturedLogger>;

  before(async () => {
    upstream = await startTestUpstream();
    dataDir = mkdtempSync(join(tmpdir(), 'mizan-logs-'));
    const { config: loaded } = loadConfig({
      document: { data_dir: dataDir, ...config(upstream.url) },
      env: {},
    });
    logs = capturedLogger('info');
    platform = await createPlatform(loaded, {
      env: UPSTREAM_ENV,
      inMemoryDatabase: true,
      logger: logs.logger,
    });
    app = await buildApp(platform);
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    const tenant = await platform.tenancy.createTenant({ name: 'logs' });
    const application = await platform.tenancy.createApplication({ tenantId: tenant.id, name: 'logs-app' });
    await commission(platform, application.id);
    ({ key } = await platform.tenancy.createKey({ applicationId: application.id }));
  });
  after(async () => {
    await closeGracefully(app, 100);
    await platform.close();
    await upstream.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never writes the message content or the API key when requests succeed, fail or are refused', async () => {
    upstream.enqueue({ content: `Votre dossier ${SECRET} est prêt.` });
    assert.equal((await chat(origin, key, `Où en est mon dossier ${SECRET} ?`)).status, 200);

    const stream = await fetch(`${origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'atlas', stream: true, messages: [{ role: 'user', content: SECRET }] }),
    });
    await stream.text();

    upstream.setDefault({ status: 500 });
    assert.equal((await chat(origin, key, SECRET)).status, 502);
    upstream.setDefault({});

    const invalid = await fetch(`${origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: `{"model":"atlas","messages":[{"role":"user","content":"${SECRET}"}`,
    });
    assert.equal(invalid.status, 400);
    assert.equal((await chat(origin, `${key.slice(0, -4)}XXXX`, SECRET)).status, 401);

    const text = logs.text();
    assert.match(text, /"msg":"request"/, 'one line per request is written');
    assert.match(text, /"route":"\/v1\/chat\/completions"/);
    assert.match(text, /"msg":"request failed"/, 'the 502 is logged for operators');
    assert.ok(!text.includes(SECRET), 'no message content in the logs');
    assert.ok(!text.includes('ne-pas-journaliser'));
    assert.ok(!text.includes(key), 'no API key in the logs');
    assert.ok(!text.includes(key.slice(0, -4)), 'not even the rejected near-miss key');
    assert.ok(!text.includes(UPSTREAM_ENV.TEST_UPSTREAM_KEY), 'no upstream key in the logs');
  });
});
