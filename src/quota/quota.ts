import { createHmac } from 'node:crypto';
import { Counter as PromCounter, Gauge } from 'prom-client';
import { errors } from '../errors.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { FlowContext } from '../pipeline/flow-context.js';
import type { PipelineResult } from '../pipeline/pipeline.js';
import type { ModelEntry, ModelRegistry } from '../providers/model-registry.js';
import type { StreamPart, Usage } from '../providers/spec.js';
import type { UsageStore } from '../store/usage-store.js';
import type { LimitSet, QuotaConfig } from './config.js';
import { createMemoryStore, type Check, type Counter, type CounterStore } from './memory-store.js';
import { createRedisStore } from './redis-store.js';
import { createUsageAccounting, type UsageAccounting } from './usage.js';

export const QUOTA_STAGE = 'enforce-quota';

const WINDOWS = [
  { name: 'minute', ms: 60_000 },
  { name: 'day', ms: 86_400_000 },
] as const;
const METRICS = ['requests', 'tokens'] as const;

type ScopeName = 'application' | 'actor' | 'model';

/** Whose allowance a counter holds, and how a refusal names it. */
interface Scope {
  name: ScopeName;
  id: string;
  limits: LimitSet;
  /** Says who may do how much, e.g. `this application may send`. */
  says: Record<(typeof METRICS)[number], string>;
}

/** One limit of one scope in the current window. */
interface Limit {
  scope: Scope;
  metric: (typeof METRICS)[number];
  window: (typeof WINDOWS)[number];
  limit: number;
  counter: Counter;
  resetsAt: number;
}

export interface Quota {
  /** Admits a request against every limit that applies to it, or raises a 429 that names the limit and the wait. */
  admit(ctx: FlowContext): Promise<void>;
  /**
   * Once the flow has run: charges its tokens to the token limits and records its usage. A stream's tokens are known
   * only once it ends, so its parts are handed back wrapped, and charged then.
   */
  settle(result: PipelineResult): Promise<PipelineResult>;
  usage: UsageAccounting;
  close(): Promise<void>;
}

export interface QuotaOptions {
  config: QuotaConfig;
  /** `limits.default_rpm`: requests per minute of an application that sets none. */
  defaultRpm: number;
  models: ModelRegistry;
  usageStore: UsageStore;
  /** Keys the hash that names an end user's counters. */
  secret: string;
  logger: Logger;
  metrics: Metrics;
  now?: () => number;
}

/**
 * Rate limits and token quotas per application, per actor (the end user an application names in `user`) and per
 * model, in fixed minute and UTC-day windows.
 *
 * Token limits are checked before and charged after: a request is admitted while its windows' token counts are
 * under their limits, and its real tokens (the model's own count) are added once the answer is known. No estimate
 * of an answer's length is needed and nothing has to be given back when a request fails; the price is that the
 * requests in flight when a limit is reached may overshoot it by their own tokens.
 */
export function createQuota(options: QuotaOptions): Quota {
  const { config, logger, metrics } = options;
  const now = options.now ?? Date.now;
  const refusals = new PromCounter({
    name: 'mizan_quota_refusals_total',
    help: 'Requests refused by a rate limit or token quota, by scope (application, actor, model) and metric.',
    labelNames: ['scope', 'metric'],
    registers: [metrics.registry],
  });
  const local = createMemoryStore(now);
  let store: CounterStore = local;
  if (config.redis_url) {
    const redisUp = new Gauge({
      name: 'mizan_quota_redis_up',
      help: '1 while the shared quota counters in Redis answer, 0 while this replica counts on its own.',
      registers: [metrics.registry],
    });
    const fallbacks = new PromCounter({
      name: 'mizan_quota_local_fallbacks_total',
      help: 'Quota decisions taken on this replica’s own counters because Redis could not be reached.',
      registers: [metrics.registry],
    });
    store = createRedisStore({
      url: config.redis_url,
      prefix: config.key_prefix,
      timeoutMs: config.redis_timeout_ms,
      fallback: local,
      onState(up) {
        redisUp.set(up ? 1 : 0);
        // No URL in the log: it may carry a password.
        if (up) logger.info({ component: 'quota' }, 'quota counters are shared in Redis again');
        else
          logger.warn(
            { component: 'quota' },
            'Redis cannot be reached: rate limits and quotas are enforced per replica until it returns',
          );
      },
      onFallback: () => fallbacks.inc(),
    });
  }
  const usage = createUsageAccounting(options.usageStore, config.usage_flush_ms, logger);

  const modelOf = (ctx: FlowContext): ModelEntry | undefined =>
    'model' in ctx.operation ? options.models.resolve(ctx.operation.model) : undefined;

  function scopesOf(ctx: FlowContext): Scope[] {
    const { application } = ctx.principal!;
    const own = config.applications[application.id] ?? {};
    const scopes: Scope[] = [
      {
        name: 'application',
        id: application.id,
        limits: {
          ...config.application,
          ...own,
          requests_per_minute:
            own.requests_per_minute ??
            application.rateLimitRpm ??
            config.application.requests_per_minute ??
            options.defaultRpm,
        },
        says: { requests: 'this application may send', tokens: 'this application may use' },
      },
    ];
    const user = 'user' in ctx.operation ? ctx.operation.user : undefined;
    if (user !== undefined) {
      // Keyed, so that neither Redis nor its backups hold the user's identifier or a hash one could guess it from.
      const id = createHmac('sha256', options.secret)
        .update(`${application.id}\u0000${user}`)
        .digest('hex')
        .slice(0, 32);
      scopes.push({
        name: 'actor',
        id,
        limits: config.actor,
        says: {
          requests: 'each user of this application may send',
          tokens: 'each user of this application may use',
        },
      });
    }
    const model = modelOf(ctx);
    const modelLimits = model && config.models[model.id];
    if (model && modelLimits) {
      scopes.push({
        name: 'model',
        id: model.id,
        limits: modelLimits,
        says: {
          requests: `model "${model.id}" takes, from all applications together,`,
          tokens: `model "${model.id}" serves, to all applications together,`,
        },
      });
    }
    return scopes;
  }

  function limitsOf(scopes: Scope[], metric?: (typeof METRICS)[number]): Limit[] {
    const t = now();
    const limits: Limit[] = [];
    for (const scope of scopes) {
      for (const m of METRICS) {
        if (metric !== undefined && m !== metric) continue;
        for (const window of WINDOWS) {
          const limit = scope.limits[`${m}_per_${window.name}`] ?? 0;
          if (limit <= 0) continue;
          // Epoch days are UTC days, so the day window resets at midnight UTC.
          const index = Math.floor(t / window.ms);
          limits.push({
            scope,
            metric: m,
            window,
            limit,
            counter: { key: `${scope.name}:${scope.id}:${m}:${window.name}:${index}`, ttlMs: window.ms },
            resetsAt: (index + 1) * window.ms,
          });
        }
      }
    }
    return limits;
  }

  function refusal(limit: Limit) {
    const retryAfter = Math.max(1, Math.ceil((limit.resetsAt - now()) / 1000));
    refusals.inc({ scope: limit.scope.name, metric: limit.metric });
    return errors.rateLimited(
      limit.metric === 'requests' ? 'rate_limit_exceeded' : 'token_quota_exceeded',
      `${limit.scope.says[limit.metric]} ${limit.limit} ${limit.metric} per ${limit.window.name}; retry in ${retryAfter} s`,
      retryAfter,
    );
  }

  function account(ctx: FlowContext, entry: ModelEntry, tokens: Usage | undefined) {
    const { tenant, application } = ctx.principal!;
    const total = tokens?.totalTokens ?? 0;
    usage.record({
      tenantId: tenant.id,
      applicationId: application.id,
      model: entry.id,
      promptTokens: tokens?.promptTokens ?? 0,
      completionTokens: tokens?.completionTokens ?? 0,
      energyWh:
        entry.energyWhPer1kTokens === undefined ? undefined : (total * entry.energyWhPer1kTokens) / 1000,
    });
    if (total <= 0) return Promise.resolve();
    const counters = limitsOf(scopesOf(ctx), 'tokens').map((limit) => limit.counter);
    return store
      .add(counters, total)
      .catch((error: unknown) => logger.error({ err: error }, 'tokens could not be charged to their quota'));
  }

  /**
   * Charges a stream once it has been read, to its end or not: one the client left early has no usage part, so only
   * its request is counted (and nothing when the client left before it was read at all).
   */
  async function* charged(ctx: FlowContext, entry: ModelEntry, parts: AsyncIterable<StreamPart>) {
    let tokens: Usage | undefined;
    try {
      for await (const part of parts) {
        if (part.type === 'usage') tokens = part.usage;
        yield part;
      }
    } finally {
      await account(ctx, entry, tokens);
    }
  }

  return {
    async admit(ctx) {
      const limits = limitsOf(scopesOf(ctx));
      const checks: Check[] = limits.map((limit) => ({
        ...limit.counter,
        limit: limit.limit,
        cost: limit.metric === 'requests' ? 1 : 0,
      }));
      const refused = await store.admit(checks);
      if (refused >= 0) throw refusal(limits[refused]!);
    },
    async settle(result) {
      const { ctx, halt } = result;
      const outcome = ctx.outcome;
      // Usage is a model's work: a request refused before one answered (by its quota, the guard…) has none.
      if (!ctx.principal || halt?.stage === QUOTA_STAGE || !outcome || !('entry' in outcome)) return result;
      if (outcome.kind === 'stream') {
        return {
          ...result,
          ctx: { ...ctx, outcome: { ...outcome, parts: charged(ctx, outcome.entry, outcome.parts) } },
        };
      }
      await account(ctx, outcome.entry, outcome.kind === 'held' ? undefined : outcome.result.usage);
      return result;
    },
    usage,
    async close() {
      await usage.close();
      await store.close();
    },
  };
}
