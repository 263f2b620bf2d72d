import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/observability/logger.js';
import { createTracing } from '../../src/observability/tracing.js';
import { startGateway, upstreamProvider, UPSTREAM_ENV, type Gateway } from '../support/gateway-harness.js';
import { startTestUpstream, type TestUpstream } from '../support/test-upstream.js';

/** A span as an OTLP/HTTP JSON export carries it, with its attributes flattened to plain values. */
interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  status: { code?: number };
  attributes: Record<string, unknown>;
}

// OTLP's span kinds and status codes, as numbers in its JSON encoding.
const KIND = { internal: 1, server: 2, client: 3 };
const STATUS_ERROR = 2;

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
}
interface OtlpSpan extends Omit<ExportedSpan, 'attributes' | 'status'> {
  status?: { code?: number };
  attributes?: Array<{ key: string; value: OtlpValue }>;
}
interface OtlpExport {
  resourceSpans: Array<{
    resource?: { attributes?: Array<{ key: string; value: OtlpValue }> };
    scopeSpans: Array<{ spans: OtlpSpan[] }>;
  }>;
}

const plain = (value: OtlpValue): unknown =>
  value.arrayValue
    ? (value.arrayValue.values ?? []).map(plain)
    : value.intValue !== undefined
      ? Number(value.intValue)
      : (value.stringValue ?? value.doubleValue ?? value.boolValue);

const attributesOf = (list: Array<{ key: string; value: OtlpValue }> = []) =>
  Object.fromEntries(list.map(({ key, value }) => [key, plain(value)]));

/** A stand-in for an OpenTelemetry collector: an OTLP/HTTP receiver on loopback that keeps what it is sent. */
async function startCollector() {
  const posts: Array<{ headers: Record<string, unknown>; body: string }> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      posts.push({ headers: { ...request.headers }, body });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    posts,
    spans(): ExportedSpan[] {
      return posts.flatMap(({ body }) =>
        (JSON.parse(body) as OtlpExport).resourceSpans.flatMap((resource) =>
          resource.scopeSpans.flatMap((scope) =>
            scope.spans.map((span) => ({
              ...span,
              status: span.status ?? {},
              attributes: attributesOf(span.attributes),
            })),
          ),
        ),
      );
    },
    serviceNames: () =>
      posts.flatMap(({ body }) =>
        (JSON.parse(body) as OtlpExport).resourceSpans.map(
          (resource) => attributesOf(resource.resource?.attributes)['service.name'],
        ),
      ),
    reset: () => (posts.length = 0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type Collector = Awaited<ReturnType<typeof startCollector>>;

const chat = (
  gateway: Gateway,
  body: Record<string, unknown>,
  { headers = {}, query = '' }: { headers?: Record<string, string>; query?: string } = {},
) =>
  fetch(`${gateway.origin}/v1/chat/completions${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gateway.key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'atlas', messages: [{ role: 'user', content: 'Bonjour' }], ...body }),
  });

/** The spans of one request's trace, found by the request id its server span carries. */
function traceOf(collector: Collector, requestId: string) {
  const spans = collector.spans();
  const server = spans.find((span) => span.attributes['mizan.request.id'] === requestId);
  assert.ok(server, `a server span for request ${requestId}`);
  const inTrace = spans.filter((span) => span.traceId === server.traceId);
  const childrenOf = (parent: ExportedSpan) => inTrace.filter((span) => span.parentSpanId === parent.spanId);
  return { server, inTrace, childrenOf };
}

const gatewayConfig = (upstream: TestUpstream, tracing: Record<string, unknown>) => ({
  providers: [upstreamProvider('dc', upstream.url)],
  models: [{ id: 'atlas', provider: 'dc', upstream_model: 'test-model' }],
  tracing,
});

describe('OpenTelemetry traces sent to a collector', () => {
  let collector: Collector;
  let upstream: TestUpstream;
  let gateway: Gateway;

  before(async () => {
    collector = await startCollector();
    upstream = await startTestUpstream();
    gateway = await startGateway(
      gatewayConfig(upstream, {
        enabled: true,
        otlp_endpoint: collector.url,
        service_name: 'mizan-test',
        headers: { authorization: 'Bearer ${COLLECTOR_TOKEN}' },
      }),
      { ...UPSTREAM_ENV, COLLECTOR_TOKEN: 'collector-secret' },
    );
  });
  after(async () => {
    await gateway.close();
    await upstream.close();
    await collector.close();
  });
  beforeEach(() => {
    upstream.reset();
    collector.reset();
  });

  it('records the request, each pipeline stage and the model call in one trace, joined by the model server', async () => {
    const response = await chat(gateway, {});
    assert.equal(response.status, 200);
    await response.json();
    await gateway.platform.tracing.flush();

    const { server, inTrace, childrenOf } = traceOf(collector, response.headers.get('x-request-id')!);
    assert.equal(server.name, 'POST /v1/chat/completions');
    assert.equal(server.kind, KIND.server);
    assert.equal(server.parentSpanId ?? '', '');
    assert.deepEqual(
      {
        method: server.attributes['http.request.method'],
        route: server.attributes['http.route'],
        path: server.attributes['url.path'],
        status: server.attributes['http.response.status_code'],
      },
      { method: 'POST', route: '/v1/chat/completions', path: '/v1/chat/completions', status: 200 },
    );

    const [flow, ...others] = childrenOf(server);
    assert.equal(others.length, 0);
    assert.equal(flow!.name, 'flow chat');
    assert.equal(flow!.attributes['mizan.model.id'], 'atlas');
    const stages = childrenOf(flow!);
    assert.deepEqual(
      stages.map((span) => span.name).sort(),
      gateway.platform.pipelines.chat.stages.map((stage) => stage.name).sort(),
    );
    assert.ok(stages.every((span) => span.attributes['mizan.stage.outcome'] === 'next'));

    const generate = stages.find((span) => span.name === 'generate')!;
    const [call] = childrenOf(generate);
    assert.ok(call, 'the model call is a child of the generate stage');
    assert.equal(call.name, 'chat test-model');
    assert.equal(call.kind, KIND.client);
    assert.deepEqual(
      {
        model: call.attributes['gen_ai.request.model'],
        provider: call.attributes['mizan.provider.id'],
        country: call.attributes['mizan.hosting.country'],
        finish: call.attributes['gen_ai.response.finish_reasons'],
      },
      { model: 'test-model', provider: 'dc', country: 'MA', finish: ['stop'] },
    );
    assert.ok(inTrace.every((span) => span.traceId === server.traceId));

    // The model server receives the trace context of the call's span, so its own spans join this trace.
    assert.equal(upstream.requests.length, 1);
    assert.equal(upstream.requests[0]!.headers.traceparent, `00-${server.traceId}-${call.spanId}-01`);
    assert.deepEqual(collector.serviceNames(), ['mizan-test']);
    assert.equal(collector.posts[0]!.headers.authorization, 'Bearer collector-secret');
  });

  it("continues a caller's trace given in traceparent", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpan = '00f067aa0ba902b7';
    const response = await chat(gateway, {}, { headers: { traceparent: `00-${traceId}-${callerSpan}-01` } });
    assert.equal(response.status, 200);
    await gateway.platform.tracing.flush();
    const { server } = traceOf(collector, response.headers.get('x-request-id')!);
    assert.equal(server.traceId, traceId);
    assert.equal(server.parentSpanId, callerSpan);
    assert.match(String(upstream.requests[0]!.headers.traceparent), new RegExp(`^00-${traceId}-`));
  });

  it('counts retries on the model call and marks a failed request, with codes only', async () => {
    upstream.enqueue({ status: 503 }, {});
    const answered = await chat(gateway, {});
    assert.equal(answered.status, 200);
    upstream.enqueue({ status: 400 });
    const refused = await chat(gateway, {});
    assert.equal(refused.status, 400);
    await gateway.platform.tracing.flush();

    const call = (requestId: string) => {
      const { inTrace } = traceOf(collector, requestId);
      return inTrace.find((span) => span.kind === KIND.client)!;
    };
    assert.equal(call(answered.headers.get('x-request-id')!).attributes['mizan.upstream.retries'], 1);
    const failed = call(refused.headers.get('x-request-id')!);
    assert.equal(failed.status.code, STATUS_ERROR);
    assert.equal(typeof failed.attributes['error.type'], 'string');
    const { inTrace } = traceOf(collector, refused.headers.get('x-request-id')!);
    const generate = inTrace.find((span) => span.name === 'generate')!;
    assert.equal(generate.attributes['mizan.stage.outcome'], 'halt');
    assert.equal(generate.attributes['error.type'], failed.attributes['error.type']);
  });

  it('keeps personal data, message content, keys, user ids and query strings out of every span (Law 09-08)', async () => {
    // Synthetic values: a CIN, a mobile number, an e-mail address and a name.
    const cin = 'BK482913';
    const phone = '0612345678';
    const email = 'amina.benali@example.ma';
    const content = `Je suis Amina Benali, CIN ${cin}, téléphone ${phone}, e-mail ${email}. Où renouveler ma carte ?`;
    upstream.setDefault({ content: `Bonjour, votre CIN ${cin} est notée.` });
    const secrets = [
      cin,
      phone,
      '612345678',
      email,
      'Amina',
      'Benali',
      'renouveler',
      'citizen-7731',
      gateway.key,
    ];
    for (const stream of [false, true]) {
      const response = await chat(
        gateway,
        { stream, user: 'citizen-7731', messages: [{ role: 'user', content }] },
        { query: `?cin=${cin}&phone=${phone}` },
      );
      assert.equal(response.status, 200);
      await response.text();
    }
    await gateway.platform.tracing.flush();

    const spans = collector.spans();
    assert.ok(spans.some((span) => span.kind === KIND.client && span.attributes['gen_ai.request.model']));
    assert.ok(spans.some((span) => span.name === 'protect-privacy'));
    const exported = collector.posts.map((post) => post.body).join('\n');
    for (const value of secrets) assert.ok(!exported.includes(value), `no span carries "${value}"`);
    for (const span of spans.filter((s) => s.kind === KIND.server)) {
      assert.equal(span.attributes['url.path'], '/v1/chat/completions');
    }
  });
});

describe('OpenTelemetry traces sampled out or turned off', () => {
  let collector: Collector;
  let upstream: TestUpstream;

  before(async () => {
    collector = await startCollector();
    upstream = await startTestUpstream();
  });
  after(async () => {
    await upstream.close();
    await collector.close();
  });
  beforeEach(() => {
    upstream.reset();
    collector.reset();
  });

  it('records nothing at sample_ratio 0, and tells the next service the trace is not sampled', async () => {
    for (const sampleRatio of [1, 0]) {
      collector.reset();
      const tracing = createTracing(
        {
          enabled: true,
          otlp_endpoint: collector.url,
          service_name: 'mizan',
          sample_ratio: sampleRatio,
          headers: {},
        },
        createLogger('silent'),
      );
      const sent = await tracing.inSpan('flow chat', {}, () =>
        tracing.inSpan('generate', {}, () => tracing.propagationHeaders()),
      );
      await tracing.close();
      assert.match(sent.traceparent!, sampleRatio === 0 ? /-00$/ : /-01$/);
      assert.equal(collector.spans().length, sampleRatio === 0 ? 0 : 2);
    }
  });

  it('sends nothing and propagates nothing when tracing is off', async () => {
    const gateway = await startGateway(
      gatewayConfig(upstream, { enabled: false, otlp_endpoint: collector.url }),
      UPSTREAM_ENV,
    );
    try {
      assert.equal(gateway.platform.tracing.enabled, false);
      assert.equal((await chat(gateway, {})).status, 200);
    } finally {
      await gateway.close();
    }
    assert.equal(collector.posts.length, 0);
    assert.equal(upstream.requests[0]!.headers.traceparent, undefined);
  });
});

describe('tracing configuration', () => {
  it('needs a collector endpoint when on, which OTEL_EXPORTER_OTLP_TRACES_ENDPOINT may give', () => {
    assert.throws(() => loadConfig({ document: { tracing: { enabled: true } }, env: {} }), /otlp_endpoint/);
    const { config } = loadConfig({
      document: { tracing: { enabled: true } },
      env: {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://otel-collector:4318/v1/traces',
        OTEL_SERVICE_NAME: 'mizan-rabat',
      },
    });
    assert.equal(config.tracing.otlp_endpoint, 'http://otel-collector:4318/v1/traces');
    assert.equal(config.tracing.service_name, 'mizan-rabat');
    assert.equal(config.tracing.sample_ratio, 1);
  });

  it('reads a collector header from <header>_file and flags a credential written in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mizan-tracing-'));
    try {
      const tokenFile = join(dir, 'collector-token');
      writeFileSync(tokenFile, 'Bearer from-a-file\n');
      const fromFile = loadConfig({
        document: { tracing: { headers: { authorization_file: tokenFile, 'x-scope-orgid': 'ministry' } } },
        env: {},
      });
      assert.deepEqual(fromFile.config.tracing.headers, {
        authorization: 'Bearer from-a-file',
        'x-scope-orgid': 'ministry',
      });
      assert.deepEqual(fromFile.warnings, []);
      const literal = loadConfig({ document: { tracing: { headers: { 'x-api-key': 'abc' } } }, env: {} });
      assert.match(literal.warnings.join('\n'), /tracing\.headers\.x-api-key/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
