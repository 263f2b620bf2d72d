import { z } from 'zod';

const limit = z.number().int().min(0).optional();

/** Limits of one scope; an absent or 0 limit is no limit. */
export const limitSet = z.strictObject({
  requests_per_minute: limit,
  requests_per_day: limit,
  tokens_per_minute: limit,
  tokens_per_day: limit,
});

export type LimitSet = z.infer<typeof limitSet>;

/** The `quota:` section of `mizan.yaml`. */
export const quotaConfig = z
  .strictObject({
    /**
     * Counters shared by every replica (`redis://` or `rediss://`); without one each process counts on its own.
     * While Redis cannot be reached, each replica falls back to its own counters and says so.
     */
    redis_url: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    /** Prefixes every Redis key, so that several deployments can share one Redis. */
    key_prefix: z.string().min(1).default('mizan:quota'),
    /** How long a Redis call may take before this request is decided on local counters instead. */
    redis_timeout_ms: z.number().int().positive().default(250),
    /** Every application's limits; `limits.default_rpm` and an application's own `rate_limit_rpm` still apply. */
    application: limitSet.prefault({}),
    /** Per end user of an application (the request's `user`), within that application. */
    actor: limitSet.prefault({}),
    /** Per model id, across every application: the capacity of the model's servers. */
    models: z.record(z.string(), limitSet).default({}),
    /** Per application id, replacing `application` for the limits it sets. */
    applications: z.record(z.string(), limitSet).default({}),
    /** How often usage is added to the database (usage is counted in memory in between). */
    usage_flush_ms: z.number().int().positive().default(1_000),
    /**
     * Useful floating-point operations per joule of the serving hardware, for energy estimates from a model's
     * `parameters_billions` (src/quota/energy.ts).
     */
    energy_flops_per_joule: z.number().positive().default(4e10),
  })
  .prefault({});

export type QuotaConfig = z.infer<typeof quotaConfig>;
