import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { MizanError } from '../errors.js';
import type { Logger } from '../observability/logger.js';
import { createMetrics } from '../observability/metrics.js';
import type { FlowContext } from '../pipeline/flow-context.js';
import { createModelRegistry } from '../providers/model-registry.js';
import { quotaConfig } from './config.js';
import { createQuota } from './quota.js';

const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** A request of a citizen through an application, as the quota stage sees it. */
const request = (user?: string, application = { id: 'app_a', rateLimitRpm: null as number | null }) =>
  ({
    principal: { tenant: { id: 'ten_a' }, application },
    operation: {
      kind: 'chat',
      model: 'atlas',
      messages: [],
      params: {},
      stream: false,
      includeUsage: false,
      user,
    },
  }) as unknown as FlowContext;

const quotaOf = (config: object, logger = {} as Logger, metrics = createMetrics()) =>
  createQuota({
    config: quotaConfig.parse(config),
    defaultRpm: 4,
    models: createModelRegistry([], new Map()),
    usageStore: { add: async () => undefined, list: async () => [] },
    secret: 'a-secret-of-the-tests-0123456789abcdef',
    logger,
    metrics,
  });

/** How many requests in a row are admitted before the first refusal (at most 10). */
async function admitted(quota: ReturnType<typeof createQuota>, ctx: FlowContext) {
  for (let i = 0; i < 10; i++) {
    try {
      await quota.admit(ctx);
    } catch {
      return i;
    }
  }
  return 10;
}

describe("an application's requests per minute", () => {
  it('come from quota.applications, else its own setting, else quota.application, else limits.default_rpm', async () => {
    const quota = quotaOf({
      application: { requests_per_minute: 3 },
      applications: { app_a: { requests_per_minute: 1 } },
    });
    try {
      assert.equal(await admitted(quota, request(undefined, { id: 'app_a', rateLimitRpm: 5 })), 1);
      assert.equal(await admitted(quota, request(undefined, { id: 'app_b', rateLimitRpm: 2 })), 2);
      assert.equal(await admitted(quota, request(undefined, { id: 'app_c', rateLimitRpm: null })), 3);
    } finally {
      await quota.close();
    }
    const unset = quotaOf({});
    try {
      assert.equal(await admitted(unset, request(undefined, { id: 'app_d', rateLimitRpm: null })), 4);
    } finally {
      await unset.close();
    }
  });
});

describe('quotas while Redis cannot be reached', () => {
  it('enforce the limits locally and log one warning that names neither Redis nor the user', async () => {
    const lines: Array<{ level: string; fields: object; message: string }> = [];
    const log =
      (level: string) =>
      (fields: object, message: string): void => {
        lines.push({ level, fields, message });
      };
    const logger = { warn: log('warn'), info: log('info'), error: log('error') } as unknown as Logger;
    const metrics = createMetrics();
    const url = `redis://:s3cret@127.0.0.1:${await closedPort()}`;
    const quota = quotaOf({ redis_url: url, actor: { requests_per_minute: 2 } }, logger, metrics);
    try {
      await quota.admit(request('citizen-4821'));
      await quota.admit(request('citizen-4821'));
      await assert.rejects(quota.admit(request('citizen-4821')), (error: unknown) => {
        assert.ok(error instanceof MizanError);
        assert.equal(error.status, 429);
        return true;
      });
      const warnings = lines.filter((line) => line.level === 'warn');
      assert.equal(warnings.length, 1);
      assert.match(
        warnings[0]!.message,
        /Redis cannot be reached: rate limits and quotas are enforced per replica/,
      );
      const logged = JSON.stringify(lines);
      for (const secret of ['s3cret', 'citizen-4821', '127.0.0.1'])
        assert.ok(!logged.includes(secret), secret);
      const exposition = await metrics.registry.metrics();
      assert.match(exposition, /^mizan_quota_redis_up 0$/m);
      assert.match(exposition, /^mizan_quota_local_fallbacks_total 3$/m);
    } finally {
      await quota.close();
    }
  });
});
