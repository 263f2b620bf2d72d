import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type ConfigError } from '../../src/config/load.js';
import { startTestUpstream, type TestUpstream } from '../support/test-upstream.js';
import { startGateway, upstreamProvider, UPSTREAM_ENV, type Gateway } from '../support/gateway-harness.js';

/** Sends raw bytes and resolves with everything the server wrote before it closed the connection. */
function rawExchange(origin: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('a hardened gateway', () => {
  let upstream: TestUpstream;
  let gateway: Gateway;
  before(async () => {
    upstream = await startTestUpstream();
    gateway = await startGateway(
      {
        server: {
          max_header_bytes: 4096,
          timeouts: { headers_ms: 200, request_ms: 300 },
          json: { max_depth: 8, max_keys: 50 },
          cors: { origins: ['https://portail.gov.ma'] },
        },
        providers: [upstreamProvider('dc', upstream.url)],
        models: [{ id: 'atlas', provider: 'dc' }],
      },
      UPSTREAM_ENV,
    );
  });
  after(async () => {
    await gateway.close();
    await upstream.close();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.key}`, 'content-type': 'application/json', ...headers },
      body,
    });

  it('sends security headers on answers and on errors', async () => {
    for (const path of ['/healthz', '/nowhere']) {
      const response = await fetch(`${gateway.origin}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(
        response.headers.get('strict-transport-security'),
        null,
        'no HSTS over plain HTTP by default',
      );
    }
  });

  it('refuses JSON nested too deep with a 400 and too many keys with a 413', async () => {
    const deep = await post('['.repeat(9) + ']'.repeat(9));
    assert.equal(deep.status, 400);
    assert.equal(((await deep.json()) as { error: { code: string } }).error.code, 'json_too_deep');

    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])));
    const many = await post(wide);
    assert.equal(many.status, 413);
    assert.equal(((await many.json()) as { error: { code: string } }).error.code, 'json_too_many_keys');

    // Brackets and colons inside strings are text, not structure.
    const text = await post(
      JSON.stringify({ model: 'atlas', messages: [{ role: 'user', content: '[[[[[[[[[[:::::'.repeat(20) }] }),
    );
    assert.equal(text.status, 200);
  });

  it('refuses a NUL character in the URL or in a JSON string, which the database could not store', async () => {
    const inUrl = await fetch(`${gateway.origin}/v1/reviews/rev%00x`, {
      headers: { authorization: `Bearer ${gateway.key}` },
    });
    assert.equal(inUrl.status, 400);
    assert.equal(((await inUrl.json()) as { error: { code: string } }).error.code, 'invalid_character');
    const inBody = await post(
      JSON.stringify({ model: 'atlas', messages: [{ role: 'user', content: 'a\u0000b' }] }),
    );
    assert.equal(inBody.status, 400);
    assert.equal(((await inBody.json()) as { error: { code: string } }).error.code, 'invalid_character');
  });

  it("answers in Mizan's error shape what Fastify or Node cannot route or parse", async () => {
    const longId = await fetch(`${gateway.origin}/v1/reviews/${'a'.repeat(500)}`);
    assert.equal(longId.status, 400);
    assert.equal(((await longId.json()) as { error: { type: string } }).error.type, 'invalid_request_error');

    const garbage = await rawExchange(gateway.origin, 'NOT-HTTP\r\n\r\n');
    assert.match(garbage, /^HTTP\/1\.1 400/);
    assert.match(garbage, /"code":"malformed_request"/);
  });

  it('answers 431 to headers larger than the limit', async () => {
    const response = await fetch(`${gateway.origin}/healthz`, { headers: { 'x-padding': 'a'.repeat(5000) } });
    assert.equal(response.status, 431);
  });

  it('closes a connection whose headers never finish', async () => {
    const received = await rawExchange(gateway.origin, 'GET /healthz HTTP/1.1\r\nHost: mizan\r\n');
    assert.match(received, /^HTTP\/1\.1 408/);
    assert.match(received, /"code":"request_timeout"/);
  });

  it('lets a stream run longer than the request timeout', async () => {
    upstream.enqueue({ chunks: ['un ', 'deux ', 'trois ', 'quatre ', 'cinq'], chunkDelayMs: 150 });
    const response = await post(
      JSON.stringify({ model: 'atlas', stream: true, messages: [{ role: 'user', content: 'Compte' }] }),
    );
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.match(text, /cinq/);
    assert.match(text, /\[DONE\]/);
  });

  it('allows the configured origin only', async () => {
    const allowed = await fetch(`${gateway.origin}/healthz`, {
      headers: { origin: 'https://portail.gov.ma' },
    });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://portail.gov.ma');
    const other = await fetch(`${gateway.origin}/healthz`, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);

    const preflight = await fetch(`${gateway.origin}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://portail.gov.ma',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);
  });
});

describe('a gateway with default settings', () => {
  let gateway: Gateway;
  before(async () => {
    gateway = await startGateway({ server: { hsts: true } });
  });
  after(() => gateway.close());

  it('sends no CORS header to any origin, and HSTS when configured', async () => {
    const response = await fetch(`${gateway.origin}/healthz`, {
      headers: { origin: 'https://portail.gov.ma' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
  });
});

describe('secrets in the configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-secrets-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const token = 'a-long-admin-token-from-a-file-0123456789';
  const secretFile = join(dir, 'admin-token');
  writeFileSync(secretFile, `${token}\n`);
  const config = (yaml: string, env: Record<string, string> = {}) => {
    const file = join(dir, 'mizan.yaml');
    writeFileSync(file, yaml);
    return loadConfig({ file, env });
  };

  it('reads a secret from a *_file, without its final newline', () => {
    const loaded = config(`security:\n  admin_token_file: ${secretFile}\n`);
    assert.equal(loaded.config.security.admin_token, token);
    assert.deepEqual(loaded.warnings, []);
  });

  it('reads a secret from ${ENV} and from NAME_FILE variables', () => {
    const secret = 'k'.repeat(40);
    const loaded = config('security:\n  key_hash_secret: ${HASH_SECRET}\n', { HASH_SECRET: secret });
    assert.equal(loaded.config.security.key_hash_secret, secret);
    assert.deepEqual(loaded.warnings, []);
    assert.equal(config('', { MIZAN_ADMIN_TOKEN_FILE: secretFile }).config.security.admin_token, token);
  });

  it("reads a provider's API key from its file", () => {
    const keyFile = join(dir, 'provider-key');
    writeFileSync(keyFile, 'sk-upstream-from-file\n');
    const provider = config(
      `providers:\n  - id: dc\n    type: openai-compatible\n    base_url: http://127.0.0.1:9/v1\n    api_key_file: ${keyFile}\n    hosting: { operator: dc, country: MA, sovereign: true }\n`,
    ).config.providers[0];
    assert.equal(provider?.type === 'openai-compatible' && provider.api_key, 'sk-upstream-from-file');
  });

  it('names a missing variable or file', () => {
    assert.throws(
      () => config('security:\n  admin_token: ${NOT_SET_ANYWHERE}\n'),
      (error: ConfigError) => /NOT_SET_ANYWHERE is not set/.test(error.message),
    );
    assert.throws(
      () => config(`security:\n  admin_token_file: ${join(dir, 'missing')}\n`),
      (error: ConfigError) => error.problems[0]?.key === 'security.admin_token_file',
    );
  });

  it('warns about a literal secret, and refuses it in production', () => {
    const yaml = `security:\n  admin_token: ${token}\ndatabase:\n  url: postgres://mizan:hunter2@db/mizan\n`;
    const loaded = config(yaml);
    assert.equal(loaded.config.security.admin_token, token);
    assert.deepEqual(
      loaded.warnings.map((w) => w.split(':')[0]),
      ['security.admin_token', 'database.url'],
    );
    assert.throws(
      () => config(yaml, { NODE_ENV: 'production' }),
      (error: ConfigError) => error.problems.some((p) => p.key === 'security.admin_token'),
    );
  });

  it('loads the defaults with no file and no secret', () => {
    const loaded = loadConfig({ document: {}, env: { NODE_ENV: 'production' } });
    assert.deepEqual(loaded.warnings, []);
  });
});
