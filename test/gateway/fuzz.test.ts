import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import type { Actor } from '../../src/oversight/actors.js';
import { useUpstreamGateway } from '../support/gateway-harness.js';
import { listRoutes, type Route } from '../support/route-table.js';

const ADMIN_TOKEN = 'fuzz-admin-token-0123456789abcdefgh';
const PLATFORM_ADMIN: Actor = { kind: 'platform_admin' };
/** Fixed, so a failure replays; MIZAN_FUZZ_SEED explores other runs. */
const SEED = Number(process.env.MIZAN_FUZZ_SEED ?? 20_261_124);
/** Runs of the walk over every route, then of requests that pass parsing and reach the pipeline. */
const RUNS = 300;
const CHAT_RUNS = 100;

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

/** Plain HTTP, so that any method, any bytes and any content type reach the server as written. */
function send(
  origin: string,
  sent: Sent,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: sent.method,
        path: sent.path,
        // Node sends a DELETE's or an OPTIONS' body without framing unless told its length.
        headers: { ...sent.headers, ...(sent.body ? { 'content-length': String(sent.body.length) } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(sent.body);
  });
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const manyKeys = (count: number) =>
  JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i])));
const HUGE = JSON.stringify({ model: 'atlas', messages: [{ role: 'user', content: 'x'.repeat(1_200_000) }] });

/** A path parameter: plain, unicode, traversal, percent-encoded junk, or long. */
const param = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).map(encodeURIComponent),
  fc.constantFrom(
    '..',
    '%2e%2e%2f',
    '%00',
    '%ZZ',
    '%C0%AF',
    'atlas',
    'app_',
    "'%20OR%201=1%20--",
    '%F0%9F%92%A9',
  ),
  fc.integer({ min: 200, max: 3000 }).map((n) => 'a'.repeat(n)),
);

/** A query string, its values already encoded; the junk ones on purpose (bad or null percent-escapes). */
const queryString = fc
  .dictionary(
    fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
    fc.oneof(
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.constantFrom('%ZZ', '%00', '%', 'true', '-1', '1e309', ''),
    ),
    { maxKeys: 4 },
  )
  .map((query) =>
    Object.entries(query)
      .map(([k, v]) => `${k}=${v}`)
      .join('&'),
  );

const body = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.json({ maxDepth: 4 }).map((text) => Buffer.from(text)) },
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          model: fc.oneof(fc.constant('atlas'), fc.string()),
          messages: fc.array(
            fc.record({
              role: fc.constantFrom('user', 'system', 'assistant', 'tool', 'x'),
              content: fc.jsonValue(),
            }),
            { maxLength: 3 },
          ),
          stream: fc.jsonValue(),
          user: fc.string(),
          name: fc.string(),
          tenant: fc.string(),
          application: fc.string(),
          answers: fc.jsonValue(),
          kind: fc.string(),
          reason: fc.string(),
        },
        { requiredKeys: [] },
      )
      .map((value) => Buffer.from(JSON.stringify(value))),
  },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 20_000 }).map((d) => Buffer.from(nested(d))) },
  { weight: 1, arbitrary: fc.constant(Buffer.from(manyKeys(12_000))) },
  { weight: 1, arbitrary: fc.constant(Buffer.from(HUGE)) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.constant(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])) },
  { weight: 1, arbitrary: fc.string().map((text) => Buffer.from(text)) },
);

const contentType = fc.option(
  fc.constantFrom(
    'application/json',
    'application/json; charset=latin1',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=xyz',
    'application/octet-stream',
    ';;;',
    'application/json; charset=utf-8; boundary="',
  ),
  { nil: undefined },
);

const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
const extraHeaders = fc.dictionary(
  fc.constantFrom(
    'x-request-id',
    'x-mizan-conversation-id',
    'accept',
    'accept-language',
    'origin',
    'x-forwarded-for',
    'x-fuzz',
  ),
  headerValue,
  { maxKeys: 3 },
);

describe('request fuzzing of every route', () => {
  const fixture = useUpstreamGateway({ security: { admin_token: ADMIN_TOKEN } });
  let routes: Route[];
  let staffToken: string;

  before(async () => {
    routes = listRoutes(fixture.gateway.app);
    const { platform, tenantId } = fixture.gateway;
    staffToken = (
      await platform.oversight.staff.create(PLATFORM_ADMIN, {
        tenantId,
        name: 'Fuzz',
        roles: ['tenant_admin', 'reviewer'],
      })
    ).token;
  });

  it('answers every request with a success or a structured 4xx, never a 5xx', async () => {
    const { origin, key } = fixture.gateway;
    const credential = fc.constantFrom(
      undefined,
      'garbage',
      `Bearer ${key}`,
      `Bearer ${staffToken}`,
      `Bearer ${ADMIN_TOKEN}`,
      'Bearer ',
      'Basic dXNlcjpwYXNz',
    );
    const requests = fc
      .record({
        route: fc.constantFrom(...routes),
        method: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'), {
          freq: 4,
          nil: undefined,
        }),
        params: fc.array(param, { minLength: 4, maxLength: 4 }),
        query: queryString,
        authorization: credential,
        contentType,
        extra: extraHeaders,
        body,
      })
      .map(({ route, method, params, query, authorization, contentType, extra, body }): Sent => {
        let index = 0;
        const path = route.url.replace(/:[A-Za-z]+/g, () => params[index++]!);
        const chosen = method ?? route.method;
        return {
          method: chosen,
          path: query ? `${path}?${query}` : path,
          headers: {
            ...extra,
            ...(authorization ? { authorization } : {}),
            ...(contentType ? { 'content-type': contentType } : {}),
          },
          // GET and HEAD carry no body in practice; Node would send one anyway.
          body: chosen === 'GET' ? undefined : body,
        };
      });

    await fc.assert(
      fc.asyncProperty(requests, async (sent) => {
        const { status, text } = await send(origin, sent);
        assert.ok(status < 500, `${status} ${text.slice(0, 300)}`);
        if (status >= 400 && sent.method !== 'HEAD') {
          const parsed = JSON.parse(text) as {
            error?: { type?: unknown; code?: unknown; message?: unknown };
          };
          assert.equal(typeof parsed.error?.code, 'string', text.slice(0, 300));
          assert.equal(typeof parsed.error?.type, 'string', text.slice(0, 300));
          assert.equal(typeof parsed.error?.message, 'string', text.slice(0, 300));
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    const health = await fetch(`${origin}/healthz`);
    assert.equal(health.status, 200, 'the gateway is still up');
  });

  it('answers chat requests shaped almost right with an answer or a structured 4xx', async () => {
    const { origin, key } = fixture.gateway;
    // Mostly well formed, so that most requests pass validation and reach the guard, privacy and the model.
    const content = fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
      {
        weight: 1,
        arbitrary: fc.array(fc.record({ type: fc.constantFrom('text', 'image_url'), text: fc.string() }), {
          maxLength: 3,
        }),
      },
      { weight: 1, arbitrary: fc.jsonValue() },
    );
    const extras = fc.oneof(
      { weight: 2, arbitrary: fc.constant({}) },
      {
        weight: 1,
        arbitrary: fc.dictionary(
          fc.constantFrom(
            'stream',
            'user',
            'temperature',
            'max_tokens',
            'n',
            'stop',
            'tools',
            'metadata',
            'seed',
          ),
          fc.jsonValue({ maxDepth: 2 }),
          { maxKeys: 2 },
        ),
      },
    );
    const chat = fc
      .tuple(
        fc.constantFrom('atlas', 'atlas', 'atlas', 'unknown'),
        fc.array(
          fc.record({ role: fc.constantFrom('user', 'user', 'user', 'system', 'assistant'), content }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.boolean(),
        extras,
      )
      .map(([model, messages, stream, more]) => ({ model, messages, stream, ...more }));
    await fc.assert(
      fc.asyncProperty(chat, async (body) => {
        const { status, text } = await send(origin, {
          method: 'POST',
          path: '/v1/chat/completions',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: Buffer.from(JSON.stringify(body)),
        });
        assert.ok(status < 500, `${status} ${text.slice(0, 300)}`);
        if (status >= 400) {
          const parsed = JSON.parse(text) as { error?: { code?: unknown } };
          assert.equal(typeof parsed.error?.code, 'string', text.slice(0, 300));
        }
      }),
      { seed: SEED, numRuns: CHAT_RUNS, endOnFailure: true },
    );
  });
});
