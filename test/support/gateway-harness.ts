import { after, before, beforeEach } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import OpenAI from 'openai';
import { loadConfig } from '../../src/config/load.js';
import { createPlatform, type Platform } from '../../src/platform.js';
import { buildApp } from '../../src/server/app.js';
import { closeGracefully } from '../../src/server/shutdown.js';
import { createLogger } from '../../src/observability/logger.js';
import { startTestUpstream, type TestUpstream } from './test-upstream.js';
import { commission } from './oversight-fixtures.js';

export interface Gateway {
  platform: Platform;
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:PORT */
  origin: string;
  /** An API key of a fresh application that may use every model, registered at the minimal risk tier. */
  key: string;
  applicationId: string;
  tenantId: string;
  /** The official client pointed at Mizan, with its own retries off so Mizan's are what is measured. */
  client(options?: { apiKey?: string; timeoutMs?: number }): OpenAI;
  close(): Promise<void>;
}

/**
 * Starts a real Mizan on a random loopback port, from a configuration document, on an in-memory embedded
 * database, with one tenant, application and key ready.
 */
export async function startGateway(
  document: Record<string, unknown>,
  env: Record<string, string | undefined> = {},
): Promise<Gateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mizan-test-'));
  // Without the demo corpus unless a test asks for it: most tests are about something else, and it takes seconds.
  const { config } = loadConfig({
    document: { data_dir: dataDir, corpus: { demo: false }, ...document },
    env,
  });
  const platform = await createPlatform(config, {
    env,
    inMemoryDatabase: true,
    logger: createLogger(process.env.MIZAN_TEST_LOG_LEVEL ?? 'silent'),
  });
  const app = await buildApp(platform);
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const tenant = await platform.tenancy.createTenant({ name: 'ministry-test' });
  const application = await platform.tenancy.createApplication({ tenantId: tenant.id, name: 'assistant' });
  await commission(platform, application.id);
  const { key } = await platform.tenancy.createKey({ applicationId: application.id });
  return {
    platform,
    app,
    origin,
    key,
    applicationId: application.id,
    tenantId: tenant.id,
    client: (options = {}) =>
      new OpenAI({
        baseURL: `${origin}/v1`,
        apiKey: options.apiKey ?? key,
        maxRetries: 0,
        timeout: options.timeoutMs ?? 10_000,
      }),
    async close() {
      await closeGracefully(app, 100);
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One OpenAI-compatible provider pointing at a test upstream, with fast retries and short timeouts. */
export function upstreamProvider(id: string, url: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    type: 'openai-compatible',
    base_url: url,
    api_key_env: 'TEST_UPSTREAM_KEY',
    hosting: { operator: 'test', country: 'MA', sovereign: true },
    retries: { max: 2, base_delay_ms: 5, max_delay_ms: 50 },
    timeouts: { connect_ms: 1_000, first_byte_ms: 1_000, idle_ms: 1_000, total_ms: 5_000 },
    ...overrides,
  };
}

export const UPSTREAM_ENV = { TEST_UPSTREAM_KEY: 'upstream-secret' };

export interface UpstreamGateway {
  upstream: TestUpstream;
  gateway: Gateway;
}

/**
 * The usual suite fixture: a test upstream served by a gateway as model `atlas` (hosted in Morocco), started before
 * the suite, closed after it, its recorded requests and queued answers cleared before each test. `document` adds
 * to the configuration.
 */
export function useUpstreamGateway(document: Record<string, unknown> = {}): UpstreamGateway {
  const fixture = {} as UpstreamGateway;
  before(async () => {
    fixture.upstream = await startTestUpstream();
    fixture.gateway = await startGateway(
      {
        providers: [upstreamProvider('dc', fixture.upstream.url)],
        models: [{ id: 'atlas', provider: 'dc' }],
        ...document,
      },
      UPSTREAM_ENV,
    );
  });
  after(async () => {
    await fixture.gateway.close();
    await fixture.upstream.close();
  });
  beforeEach(() => fixture.upstream.reset());
  return fixture;
}
