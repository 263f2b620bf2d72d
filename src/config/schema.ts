import { z } from 'zod';
import { DEFAULT_GUARD_POLICY } from '../guard/policy.js';
import { GUARD_DECISIONS, GUARD_REASONS } from '../guard/types.js';
import { identityConfig } from '../identity/config-schema.js';
import { quotaConfig } from '../quota/config.js';

/**
 * The shape of `mizan.yaml`. Keys are snake_case in the file; every default lives here so that the example
 * config, `mizan config check` and the running server agree on one source of truth.
 */

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. MA or FR');

const hosting = z.strictObject({
  operator: z.string().min(1),
  country: countryCode,
  /** Hosted under Moroccan jurisdiction; personal data may flow only to sovereign hosting unless authorised. */
  sovereign: z.boolean(),
});

const timeouts = z.strictObject({
  connect_ms: z.number().int().positive().default(2_000),
  /** Until the response headers, and for streams until the first event. */
  first_byte_ms: z.number().int().positive().default(30_000),
  /** Longest silence allowed between two streamed events before the stream counts as stalled. */
  idle_ms: z.number().int().positive().default(30_000),
  total_ms: z.number().int().positive().default(300_000),
});

const retries = z.strictObject({
  max: z.number().int().min(0).max(10).default(2),
  base_delay_ms: z.number().int().min(0).default(100),
  max_delay_ms: z.number().int().min(0).default(2_000),
});

const openAICompatibleProvider = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dot, dash, underscore'),
  type: z.literal('openai-compatible'),
  base_url: z.url({ protocol: /^https?$/ }),
  /** Name of the environment variable holding the upstream API key: keys never live in the file. */
  api_key_env: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name')
    .optional(),
  /** The key itself, given as "${ENV_VAR}" or in `api_key_file` (read by the loader); wins over `api_key_env`. */
  api_key: z.string().min(1).optional(),
  hosting,
  timeouts: timeouts.prefault({}),
  retries: retries.prefault({}),
  max_connections: z.number().int().positive().default(128),
});

const extractiveProvider = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  type: z.literal('extractive'),
});

/** A GGUF model run in-process by llama.cpp (the optional package node-llama-cpp): fully offline sites. */
const llamaCppProvider = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dot, dash, underscore'),
  type: z.literal('llama-cpp'),
  /** A GGUF chat model file; the chat template it carries (`tokenizer.chat_template`) formats the conversation. */
  model_path: z.string().min(1),
  /** Tokens one request may hold, prompt and answer together; each concurrent request reserves its own. */
  context_size: z.number().int().min(64).default(4096),
  /** Requests generated at once; others wait in a queue, in order of arrival. */
  max_concurrency: z.number().int().min(1).max(64).default(1),
  /** Requests allowed to wait for a free slot; beyond, a request is refused (503) and may fall back. */
  max_queue: z.number().int().min(0).default(16),
  /** CPU threads for generation; unset, the engine chooses from the machine's cores. */
  threads: z.number().int().positive().optional(),
  /** Offload the model to a GPU (needs a CUDA, Vulkan or Metal build of the engine); off runs on the CPU only. */
  gpu: z.boolean().default(false),
  /** The file's SHA-256 as published with the weights: checked at load, so a corrupt or altered copy is refused. */
  model_sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, '64 lowercase hexadecimal digits')
    .optional(),
  hosting,
});

const provider = z.discriminatedUnion('type', [
  openAICompatibleProvider,
  extractiveProvider,
  llamaCppProvider,
]);

export const riskTiers = ['minimal', 'limited', 'high', 'prohibited'] as const;

const model = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'letters, digits and . _ : / -'),
  provider: z.string(),
  /** The name the upstream knows the model by, when it differs from Mizan's id. */
  upstream_model: z.string().optional(),
  kind: z.enum(['chat', 'embedding']).default('chat'),
  aliases: z.array(z.string()).default([]),
  licence: z.string().default('unknown'),
  languages: z.array(z.string()).default([]),
  context_length: z.number().int().positive().optional(),
  /** Energy per 1,000 tokens on the hardware that serves it (Wh), as measured by its operator; enables estimates. */
  energy_wh_per_1k_tokens: z.number().positive().optional(),
  /** Parameters (billions): without a measured energy, the estimate is derived from them (src/quota/energy.ts). */
  parameters_billions: z.number().positive().optional(),
  /** Where the weights come from (a repository id or URL, and revision), for the register of models in use. */
  source: z.string().min(1).optional(),
  approved_for: z.array(z.enum(riskTiers)).default([]),
  /** Models tried in order when this one fails before its first byte. */
  fallback: z.array(z.string()).default([]),
});

export const configSchema = z.strictObject({
  server: z
    .strictObject({
      host: z.string().default('0.0.0.0'),
      port: z.number().int().min(0).max(65_535).default(8080),
      body_limit_bytes: z.number().int().positive().default(1_048_576),
      /** Sent to every replica's load balancer in `server-timing`; off hides stage names from clients. */
      server_timing: z.boolean().default(true),
      /** Largest request line and headers together; bigger requests answer 431. */
      max_header_bytes: z.number().int().min(1024).default(16_384),
      /** How long a client may take to send a request; none bounds the answer, so streams are never cut. */
      timeouts: z
        .strictObject({
          headers_ms: z.number().int().positive().default(10_000),
          /** The whole request, body included (document uploads too). */
          request_ms: z.number().int().positive().default(120_000),
          /** An idle kept-alive connection between two requests. */
          keep_alive_ms: z.number().int().positive().default(5_000),
        })
        .prefault({}),
      json: z
        .strictObject({
          max_depth: z.number().int().min(1).default(64),
          max_keys: z.number().int().min(1).default(10_000),
        })
        .prefault({}),
      /** Origins whose browser pages may call the API; none by default (no cross-origin access). */
      cors: z
        .strictObject({
          origins: z.array(z.url({ protocol: /^https?$/ })).default([]),
          credentials: z.boolean().default(false),
        })
        .prefault({}),
      /** Send Strict-Transport-Security (also sent on any request that arrived over TLS). */
      hsts: z.boolean().default(false),
    })
    .prefault({}),
  data_dir: z.string().default('./data'),
  database: z
    .strictObject({
      /** A postgres:// URL; without one Mizan runs on embedded PGlite in `data_dir`. */
      url: z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
        .optional(),
    })
    .prefault({}),
  security: z
    .strictObject({
      /** HMAC secret for API-key hashes; required with PostgreSQL, generated into data_dir otherwise. */
      key_hash_secret: z.string().min(32, 'must be at least 32 characters').optional(),
      /** Bearer token for the admin API; the admin API is off without one. */
      admin_token: z.string().min(24, 'must be at least 24 characters').optional(),
      /** How long a verified API key is trusted before it is checked again (revocation delay across replicas). */
      key_cache_ttl_ms: z.number().int().min(0).default(5_000),
    })
    .prefault({}),
  limits: z
    .strictObject({
      /** Requests per minute per application when the application sets none; 0 means unlimited. */
      default_rpm: z.number().int().min(0).default(0),
    })
    .prefault({}),
  /** Rate limits and token quotas per application, actor and model, and usage accounting (src/quota). */
  quota: quotaConfig,
  privacy: z
    .strictObject({
      /** How long a named conversation's pseudonyms (encrypted) are kept, so later turns restore them. */
      conversation_retention_hours: z.number().positive().default(24),
    })
    .prefault({}),
  corpus: z
    .strictObject({
      /** Search the governed corpus for every chat request and cite it. */
      retrieval: z.boolean().default(true),
      /** Load the demo corpus (Moroccan law texts, demo procedure pages) into the platform's collections at start. */
      demo: z.boolean().default(true),
      /** Passages given to the model per answer. */
      top_k: z.number().int().min(1).max(20).default(5),
      /** Largest document accepted for ingestion, in bytes. */
      max_document_bytes: z
        .number()
        .int()
        .positive()
        .default(20 * 1024 * 1024),
      /**
       * What to do with answer sentences the cited passages do not support: `report` them in `mizan.grounding`,
       * also `mark` them in the answer, or `remove` them (non-streamed answers).
       */
      grounding: z.enum(['report', 'mark', 'remove']).default('report'),
      /**
       * An embedding model (a `models` id of kind `embedding`, hosted in Morocco) for dense search alongside the
       * full-text search; without one, search is full-text only.
       */
      embedding_model: z.string().min(1).optional(),
    })
    .prefault({}),
  oversight: z
    .strictObject({
      /** How long a held answer may wait for its reviewer before the case is escalated. */
      review_sla_minutes: z.number().int().positive().default(240),
      /** How often overdue cases are looked for. */
      escalation_check_ms: z.number().int().positive().default(60_000),
      /** How long the vault of a held answer is kept, so that the citizen's values can be restored in the outcome. */
      review_outcome_retention_days: z.number().positive().default(30),
      /** How long a replica trusts the governance decisions it read (suspensions, approvals, register). */
      cache_ttl_ms: z.number().int().min(0).default(1_000),
      /**
       * Share of released answers queued for after-the-fact review, per risk tier, replacing the tier's default
       * (minimal 0, limited 0.02, high 0.1).
       */
      sampling_rates: z
        .strictObject({
          minimal: z.number().min(0).max(1).optional(),
          limited: z.number().min(0).max(1).optional(),
          high: z.number().min(0).max(1).optional(),
        })
        .prefault({}),
      /** Escalations and automatic suspensions are posted here as JSON (and always logged). */
      notify_webhook: z.url({ protocol: /^https?$/ }).optional(),
      breaker: z
        .strictObject({
          /** Failures within the window that suspend a model automatically; 0 turns the breaker off. */
          failures: z.number().int().min(0).default(5),
          window_ms: z.number().int().positive().default(60_000),
        })
        .prefault({}),
    })
    .prefault({}),
  audit: z
    .strictObject({
      /** Names the log in its signed heads; keep it when the signing key rotates. */
      log_id: z.string().min(1).max(200).default('mizan-audit'),
      /** How often pending records are placed in the tree and a head is signed. */
      integrate_interval_ms: z.number().int().positive().default(1_000),
      /** When the database cannot be reached: keep serving and spool records to a local file, or refuse requests. */
      on_database_unavailable: z.enum(['spool', 'refuse']).default('spool'),
      /** The spool file (default: audit-spool.jsonl in data_dir); each replica needs its own. */
      spool_path: z.string().min(1).optional(),
      /** How long after a failure the database is tried again. */
      retry_ms: z.number().int().positive().default(1_000),
    })
    .prefault({}),
  rights: z
    .strictObject({
      /** Days from receipt within which a data-subject request must be answered (Law 09-08 art. 8: 10 days). */
      deadline_days: z.number().int().positive().default(10),
      /** Days before its deadline that an open request is notified to the people on duty. */
      alert_before_days: z.number().int().min(0).default(2),
    })
    .prefault({}),
  retention: z
    .strictObject({
      /** How often content older than each application's declared retention is purged (LAW.md R7). */
      sweep_interval_ms: z.number().int().positive().default(3_600_000),
    })
    .prefault({}),
  guard: z
    .strictObject({
      /** Check requests and answers (prompt injection, jailbreaks, harmful content, scope, output leaks). */
      enabled: z.boolean().default(true),
      /** Run the shipped compact classifier besides the rule packs. */
      classifier: z.boolean().default(true),
      /** Scores (0–1) at which a finding is reported, sent to a reviewer, or blocked. */
      thresholds: z
        .strictObject({
          warn: z.number().min(0).max(1).default(DEFAULT_GUARD_POLICY.thresholds.warn),
          review: z.number().min(0).max(1).default(DEFAULT_GUARD_POLICY.thresholds.review),
          block: z.number().min(0).max(1).default(DEFAULT_GUARD_POLICY.thresholds.block),
        })
        .prefault({}),
      /** The strongest decision each reason may lead to, replacing the defaults of src/guard/policy.ts. */
      actions: z.partialRecord(z.enum(GUARD_REASONS), z.enum(GUARD_DECISIONS)).default({}),
      /** A guard model served OpenAI-style (e.g. Llama Guard), called after the in-process checks pass. */
      model: z
        .strictObject({
          id: z.string().min(1),
          timeout_ms: z.number().int().positive().default(2_000),
          /** When the guard model fails: let the request through on the in-process checks, or refuse it. */
          on_error: z.enum(['allow', 'block']).default('allow'),
        })
        .optional(),
      /** Who a person in distress can call, shown with a self-harm answer (default: Moroccan emergency numbers). */
      help_resources: z
        .array(z.strictObject({ name: z.string().min(1), contact: z.string().min(1) }))
        .optional(),
    })
    .prefault({}),
  /** The web interface served at `/` (citizen assistant, consoles, transparency page, developer portal). */
  web: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** A build of the interface other than the one `npm run build` makes (dist/web), e.g. with a ministry's own look. */
      dist_dir: z.string().min(1).optional(),
      /** The assistant the home page opens: a tenant and its citizen-facing application (id or name). */
      assistant: z
        .strictObject({
          tenant: z.string().min(1).default('demo'),
          application: z.string().min(1).default('demo-assistant'),
          /**
           * Anyone may chat without signing in, in an anonymous session of their own (public information services);
           * off where citizens must sign in with the tenant's identity provider first.
           */
          guests: z.boolean().default(true),
        })
        .prefault({}),
    })
    .prefault({}),
  /** Sign-in with OpenID Connect (citizens with the national digital identity, staff with their administration's). */
  identity: identityConfig.prefault({}),
  logging: z
    .strictObject({
      level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    })
    .prefault({}),
  /** OpenTelemetry traces (src/observability/tracing.ts): spans per request, pipeline stage and model call, over OTLP/HTTP. */
  tracing: z
    .strictObject({
      enabled: z.boolean().default(false),
      /** The collector's OTLP/HTTP traces URL, e.g. http://otel-collector:4318/v1/traces. */
      otlp_endpoint: z.url({ protocol: /^https?$/ }).optional(),
      /** `service.name` of every span. */
      service_name: z.string().min(1).default('mizan'),
      /** Share of new traces recorded; a request continuing a caller's trace follows the caller's decision. */
      sample_ratio: z.number().min(0).max(1).default(1),
      /** Headers sent to the collector, e.g. its credentials: give those as "${ENV_VAR}" or in `<header>_file`. */
      headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'an HTTP header name'), z.string()).default({}),
    })
    .refine((tracing) => !tracing.enabled || tracing.otlp_endpoint !== undefined, {
      message: 'tracing needs otlp_endpoint (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)',
      path: ['otlp_endpoint'],
    })
    .prefault({}),
  providers: z.array(provider).default([]),
  models: z.array(model).default([]),
});

export type MizanConfig = z.infer<typeof configSchema>;
export type ProviderConfig = z.infer<typeof provider>;
export type OpenAICompatibleProviderConfig = z.infer<typeof openAICompatibleProvider>;
export type LlamaCppProviderConfig = z.infer<typeof llamaCppProvider>;
export type ModelConfig = z.infer<typeof model>;
export type HostingConfig = z.infer<typeof hosting>;
export type RiskTier = (typeof riskTiers)[number];
