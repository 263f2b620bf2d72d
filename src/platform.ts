import { randomUUID } from 'node:crypto';
import type { MizanConfig } from './config/schema.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { createTracing, type Attributes, type Tracing } from './observability/tracing.js';
import { RETRIES_ATTRIBUTE, tracedProviders } from './providers/traced-provider.js';
import { identifyLanguage } from './language/identify.js';
import type { Operation } from './pipeline/flow-context.js';
import { createPipeline, type Pipeline, type PipelineResult, type Stage } from './pipeline/pipeline.js';
import { flowContent, flowRecord } from './audit/flow-record.js';
import { createAuditService, type AuditService } from './audit/audit-service.js';
import { sealContent } from './audit/content.js';
import { auditUnavailable } from './audit/writer.js';
import { authenticate } from './pipeline/stages/authenticate.js';
import { ConfigError } from './config/load.js';
import { loadDemoCorpus } from './corpus/demo.js';
import { createEmbedder, type Embed } from './corpus/embedder.js';
import { createRetriever, type Retriever } from './corpus/retriever.js';
import { createCorpusStore, type CorpusStore } from './corpus/store.js';
import { answerInLanguage } from './pipeline/stages/answer-in-language.js';
import { checkAnswerGrounding } from './pipeline/stages/check-grounding.js';
import { retrieve } from './pipeline/stages/retrieve.js';
import { detectLanguage } from './pipeline/stages/detect-language.js';
import { enforceQuota } from './pipeline/stages/enforce-quota.js';
import { generate } from './pipeline/stages/generate.js';
import { protectPrivacy } from './pipeline/stages/protect-privacy.js';
import { resolvePolicy } from './pipeline/stages/resolve-policy.js';
import { restorePrivacy } from './pipeline/stages/restore-privacy.js';
import { scan } from './privacy/scan.js';
import { deriveTenantKeys, resolveVaultMasterKey, type TenantKeys } from './privacy/vault-crypto.js';
import { createVaultStore } from './store/vault-store.js';
import { listAllowedModels, routeModel } from './pipeline/stages/route-model.js';
import { createProviders } from './providers/create-providers.js';
import { createModelRegistry, type ModelRegistry } from './providers/model-registry.js';
import { withEnergyEstimates } from './quota/energy.js';
import { createQuota, type Quota } from './quota/quota.js';
import { createUsageStore } from './store/usage-store.js';
import type { ModelProvider } from './providers/spec.js';
import { openDatabase, type Database } from './store/database.js';
import { migrateToLatest } from './store/migrate.js';
import { createTenancyStore } from './store/tenancy-store.js';
import { createAuthenticator, type Authenticator } from './tenancy/authenticator.js';
import { resolveKeyHashSecret } from './tenancy/server-secret.js';
import { createTenancyService, type TenancyService } from './tenancy/tenancy-service.js';
import { createOversight, type Oversight } from './oversight/oversight.js';
import { createIdentity, type Identity } from './identity/identity-service.js';
import { createAssurance, type Assurance } from './assurance/assurance-service.js';
import { holdForReview } from './pipeline/stages/hold-for-review.js';
import { oversee } from './pipeline/stages/oversee.js';
import { instructFairness } from './pipeline/stages/instruct-fairness.js';
import { checkStereotypes } from './pipeline/stages/check-stereotypes.js';
import { refuseSandboxPersonalData } from './pipeline/stages/refuse-sandbox-personal-data.js';
import { identifySubject, respectObjection } from './pipeline/stages/identify-subject.js';
import { requireConsent } from './pipeline/stages/require-consent.js';
import { createConsentService, type ConsentService } from './oversight/consent.js';
import { createConsentStore } from './store/consent-store.js';
import { createSubjectRights, type SubjectRights } from './privacy/rights/rights-service.js';
import { createInputGuard } from './guard/guard.js';
import { createModelGuard } from './guard/model-guard.js';
import { guardPolicy, type GuardVerdict } from './guard/policy.js';
import { guardInput } from './pipeline/stages/guard-input.js';
import { guardOutput } from './pipeline/stages/guard-output.js';
import type { Passage } from './corpus/types.js';

/** Everything a running Mizan is made of, wired once; the HTTP app and the CLI both start from here. */
export interface Platform {
  config: MizanConfig;
  logger: Logger;
  metrics: Metrics;
  /** OpenTelemetry spans per request, stage and model call; a no-op unless `tracing.enabled`. */
  tracing: Tracing;
  database: Database;
  tenancy: TenancyService;
  providers: ReadonlyMap<string, ModelProvider>;
  models: ModelRegistry;
  pipelines: Record<Operation['kind'], Pipeline>;
  corpus: { store: CorpusStore; retriever: Retriever };
  oversight: Oversight;
  assurance: Assurance;
  /** Data-subject rights, legal holds and retention (Law 09-08 art. 7-9). */
  rights: SubjectRights;
  audit: AuditService;
  authenticator: Authenticator;
  /** Sign-in with OpenID Connect: sessions of citizens and staff (src/identity). */
  identity: Identity;
  /** Rate limits, token quotas and usage accounting (src/quota). */
  quota: Quota;
  /** Consent, where an application's processing rests on it (src/oversight/consent.ts). */
  consents: ConsentService;
  /**
   * Runs one request through its pipeline and appends its audit entry before returning, so that nothing is released
   * unaudited; the HTTP routes and the assurance runner both come through here.
   */
  handle(operation: Operation, request: FlowRequest): Promise<PipelineResult>;
  close(): Promise<void>;
}

/** What a request brings besides its operation. */
export interface FlowRequest {
  requestId: string;
  bearer: string | undefined;
  conversationId: string | undefined;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

export interface PlatformOptions {
  logger?: Logger;
  env?: Record<string, string | undefined>;
  /** Keep the embedded database in memory (tests); ignored with PostgreSQL. */
  inMemoryDatabase?: boolean;
}

export async function createPlatform(config: MizanConfig, options: PlatformOptions = {}): Promise<Platform> {
  const logger = options.logger ?? createLogger(config.logging.level);
  const metrics = createMetrics();
  const tracing = createTracing(config.tracing, logger);
  const secret = resolveKeyHashSecret(config);
  const database = await openDatabase({
    url: config.database.url,
    dataDir: config.data_dir,
    inMemory: options.inMemoryDatabase === true,
  });
  try {
    const { applied } = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
  } catch (error) {
    await database.close();
    throw error;
  }
  const store = createTenancyStore(database.db);
  const vaultKey = resolveVaultMasterKey({
    env: options.env ?? process.env,
    dataDir: config.data_dir,
    databaseUrl: config.database.url,
  });
  const authenticator = createAuthenticator({ store, secret, ttlMs: config.security.key_cache_ttl_ms });
  const tenancy = createTenancyService(store, secret, authenticator);
  const identity = createIdentity({ config, database, tenancy, secret });
  const providers = tracedProviders(
    createProviders(config.providers, {
      env: options.env ?? process.env,
      onRetry: (provider, _error, retry) => {
        metrics.countRetry(provider);
        tracing.annotate({ [RETRIES_ATTRIBUTE]: retry });
      },
      ...(tracing.enabled ? { traceHeaders: tracing.propagationHeaders } : {}),
    }),
    tracing,
  );
  const models = createModelRegistry(
    withEnergyEstimates(config.models, config.quota.energy_flops_per_joule),
    providers,
  );
  const embed = corpusEmbedder(config, models);
  const corpusStore = createCorpusStore(database.db);
  if (config.corpus.demo) {
    const started = Date.now();
    try {
      const { files, changed } = await loadDemoCorpus(corpusStore, {
        maxBytes: config.corpus.max_document_bytes,
        embed,
      });
      if (changed > 0) logger.info({ files, changed, ms: Date.now() - started }, 'demo corpus loaded');
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  const retriever = createRetriever(corpusStore, { topK: config.corpus.top_k, embed });

  const derivedKeys = new Map<string, TenantKeys>();
  const tenantKeys = (tenantId: string) => {
    let keys = derivedKeys.get(tenantId);
    if (!keys) derivedKeys.set(tenantId, (keys = deriveTenantKeys(vaultKey, tenantId)));
    return keys;
  };
  const hashKey = (tenantId: string) => tenantKeys(tenantId).hash;
  let audit: AuditService;
  try {
    audit = await createAuditService({ config, database, env: options.env ?? process.env, logger, metrics });
  } catch (error) {
    await database.close();
    throw error;
  }
  audit.start();
  const vaults = createVaultStore(database.db, vaultKey);
  const oversight = createOversight({
    config,
    database,
    audit: audit.log,
    tenancy,
    models,
    logger,
    vaults,
    scan: (text) => scan(text),
    hashKey,
    secret,
    sessions: identity,
  });
  oversight.startEscalations();
  const rights = createSubjectRights({
    config,
    database,
    audit: audit.log,
    vaults,
    keys: tenantKeys,
    governance: oversight.governance,
    logger,
    scan: (text) => scan(text),
  });
  rights.start();
  const consents = createConsentService({
    store: createConsentStore(database.db),
    audit: audit.log,
    useCaseOf: async (applicationId) => (await oversight.governance.snapshot(applicationId))?.useCase,
  });

  const observeAttempt = (
    entry: { id: string; provider: { id: string } },
    outcome: string,
    seconds: number,
  ) => {
    metrics.observeUpstream(entry.provider.id, entry.id, outcome, seconds);
    oversight.breaker.record(entry.id, outcome);
  };
  const detect = detectLanguage(identifyLanguage, metrics.countLanguage);
  const quota = createQuota({
    config: config.quota,
    defaultRpm: config.limits.default_rpm,
    models,
    usageStore: createUsageStore(database.db),
    secret,
    logger,
    metrics,
  });
  // The language is known before the policy, so that a refusal can speak the user's language.
  const admission = (operation: Operation['kind']): Stage[] => [
    authenticate(authenticator, identity),
    enforceQuota(quota),
    ...(operation === 'chat' ? [detect] : []),
    resolvePolicy(oversight),
    identifySubject(rights.subjects),
    respectObjection(rights.subjects),
    requireConsent(consents),
  ];
  const pipeline = (stages: Stage[]) => createPipeline(stages, metrics.observeStage, tracing);
  const guard = createGuardStages(config, models, metrics);
  const privacy = protectPrivacy({
    scan: (text) => scan(text),
    vaults,
    hashKey,
    retentionMs: config.privacy.conversation_retention_hours * 3_600_000,
  });

  const pipelines: Record<Operation['kind'], Pipeline> = {
    chat: pipeline([
      ...admission('chat'),
      ...guard.input,
      ...(config.corpus.retrieval
        ? [
            retrieve(async (question, tenantId, language) =>
              guard.passages(await retriever.retrieve(question, tenantId, language)),
            ),
          ]
        : []),
      privacy,
      refuseSandboxPersonalData(),
      oversee(),
      answerInLanguage(),
      instructFairness(),
      routeModel(models, oversight.modelGate),
      generate(observeAttempt),
      restorePrivacy(),
      ...guard.output,
      checkAnswerGrounding(config.corpus.grounding),
      checkStereotypes(),
      holdForReview({
        reviews: oversight.reviews,
        protect: oversight.protectForReview,
        onSampleError: (error) =>
          logger.error({ err: error }, 'a sampled answer could not be queued for review'),
      }),
    ]),
    embeddings: pipeline([
      ...admission('embeddings'),
      privacy,
      refuseSandboxPersonalData(),
      routeModel(models, oversight.modelGate),
      generate(observeAttempt),
    ]),
    'list-models': pipeline([...admission('list-models'), listAllowedModels(models, oversight.modelGate)]),
  };

  /** One span per flow (under the request's span over HTTP; its own trace for an assurance run). */
  const handle = (operation: Operation, request: FlowRequest): Promise<PipelineResult> =>
    tracing.inSpan(
      `flow ${operation.kind}`,
      { attributes: { 'mizan.operation': operation.kind } },
      async (span) => {
        const result = await runPipeline(operation, request);
        if (tracing.enabled) span.setAttributes(flowAttributes(result));
        return result;
      },
    );
  async function runPipeline(operation: Operation, request: FlowRequest): Promise<PipelineResult> {
    if (!audit.log.accepting()) throw auditUnavailable(config.audit.retry_ms);
    const result = await pipelines[operation.kind].run({
      ...request,
      auditId: randomUUID(),
      receivedAt: Date.now(),
      operation,
      received: operation,
    });
    const { ctx, timings, halt } = result;
    await auditFlow(operation, ctx, halt, timings);
    const sandboxId = ctx.principal?.sandboxId;
    const usage = ctx.outcome?.kind === 'completion' ? ctx.outcome.result.usage : undefined;
    if (sandboxId && usage) await oversight.sandboxes.addTokens(sandboxId, usage.totalTokens);
    return quota.settle(result);
  }
  /** Seals the flow's content (kept encrypted only when the register says so) and appends its record. */
  async function auditFlow(
    received: Operation,
    ctx: PipelineResult['ctx'],
    halt: PipelineResult['halt'],
    timings: PipelineResult['timings'],
  ) {
    const principal = ctx.principal;
    // Content is sealed only once the caller is known: it is kept, if at all, under its tenant's key.
    // What the guard blocked is not kept in any form, not even as a commitment: only its reason is counted.
    const blocked = halt?.error.type === 'guard_blocked' || ctx.guard?.decision === 'block';
    const content = principal && !blocked && flowContent(received, ctx);
    const keep = halt === undefined && (ctx.policy?.oversight.processing.retainContent ?? false);
    const sealed =
      principal && content
        ? sealContent(
            tenantKeys(principal.tenant.id).encryption,
            principal.tenant.id,
            ctx.auditId,
            content,
            keep,
          )
        : undefined;
    await audit.log.append(
      flowRecord(ctx, halt, timings, sealed),
      principal &&
        sealed && {
          tenantId: principal.tenant.id,
          applicationId: principal.application.id,
          dataSubject: ctx.dataSubject ?? null,
          conversationId: ctx.conversationId ?? null,
          salt: sealed.salt,
          ciphertext: sealed.ciphertext,
        },
    );
  }

  const assurance = createAssurance({
    governance: oversight.governance,
    store: oversight.assuranceRuns,
    sandboxes: oversight.sandboxes,
    tenancy,
    models,
    handle,
    logger,
  });

  return {
    config,
    logger,
    metrics,
    tracing,
    database,
    tenancy,
    providers,
    models,
    corpus: { store: corpusStore, retriever },
    oversight,
    audit,
    authenticator,
    identity,
    quota,
    consents,
    pipelines,
    handle,
    assurance,
    rights,
    async close() {
      oversight.stop();
      await rights.stop();
      await assurance.stop();
      await Promise.allSettled([...providers.values()].map((p) => p.close()));
      await quota.close();
      await audit.stop();
      await database.close();
      await tracing.close();
    },
  };
}

/**
 * The guard's stages, as configured: the input check before anything reads the request, the check of retrieved
 * passages (an instruction in one quarantines it), and the output check once the answer reads as the user will
 * see it. The guard model, if any, must be a configured chat model.
 */
function createGuardStages(config: MizanConfig, models: ModelRegistry, metrics: Metrics) {
  if (!config.guard.enabled) return { input: [], output: [], passages: (passages?: Passage[]) => passages };
  const policy = guardPolicy(config.guard);
  const inputGuard = createInputGuard({ classifier: config.guard.classifier, policy });
  const counter = (check: 'input' | 'output') => (verdict: GuardVerdict) => {
    for (const reason of verdict.reasons) metrics.countGuard(check, verdict.decision, reason);
  };
  const modelConfig = config.guard.model;
  const entry = modelConfig && models.resolve(modelConfig.id);
  const problem = !modelConfig
    ? undefined
    : !entry || entry.kind !== 'chat'
      ? `no chat model "${modelConfig.id}" in models: the guard model must be one`
      : entry.provider.hosting.country !== 'MA'
        ? `model "${modelConfig.id}" is hosted in ${entry.provider.hosting.country}; the guard model reads requests before pseudonymization, so it must be hosted in Morocco`
        : undefined;
  if (problem) throw new ConfigError([{ key: 'guard.model.id', source: 'configuration', message: problem }]);
  return {
    input: [
      guardInput({
        guard: inputGuard,
        policy,
        ...(modelConfig && entry
          ? {
              model: {
                guard: createModelGuard(entry, { timeoutMs: modelConfig.timeout_ms }),
                onError: modelConfig.on_error,
              },
            }
          : {}),
        ...(config.guard.help_resources ? { helpResources: config.guard.help_resources } : {}),
        count: counter('input'),
      }),
    ],
    output: [guardOutput({ policy, count: counter('output') })],
    passages(passages?: Passage[]) {
      return passages?.filter((passage) => {
        const verdict = inputGuard.checkContent(passage.text);
        if (verdict.decision === 'allow') return true;
        metrics.countGuard('passage', 'quarantine', 'indirect_injection');
        return false;
      });
    },
  };
}

/**
 * The embedding model of dense search, if one is configured: it must serve embeddings and be hosted in Morocco,
 * since it reads the user's question before the privacy stage.
 */
function corpusEmbedder(config: MizanConfig, models: ModelRegistry): Embed | undefined {
  const name = config.corpus.embedding_model;
  if (name === undefined) return undefined;
  const entry = models.resolve(name);
  const problem =
    entry === undefined
      ? `no model "${name}" in models`
      : entry.kind !== 'embedding'
        ? `model "${name}" is a ${entry.kind} model, not an embedding model`
        : entry.provider.hosting.country !== 'MA'
          ? `model "${name}" is hosted in ${entry.provider.hosting.country}; questions are embedded before pseudonymization, so it must be hosted in Morocco`
          : undefined;
  if (problem)
    throw new ConfigError([{ key: 'corpus.embedding_model', source: 'configuration', message: problem }]);
  return createEmbedder(entry!);
}

/** What a flow's span says of it: decisions and names, never who asked or what was said. */
function flowAttributes({ ctx, halt }: PipelineResult): Attributes {
  const outcome = ctx.outcome;
  const entry = outcome && 'entry' in outcome ? outcome.entry : undefined;
  return {
    'mizan.flow.outcome': halt ? 'halt' : (outcome?.kind ?? 'none'),
    ...(halt ? { 'mizan.halted_stage': halt.stage, 'error.type': halt.error.code } : {}),
    ...(ctx.policy ? { 'mizan.risk_tier': ctx.policy.oversight.tier } : {}),
    ...(ctx.policy?.oversight.sandboxId ? { 'mizan.sandbox': true } : {}),
    ...(entry ? { 'mizan.model.id': entry.id, 'mizan.provider.id': entry.provider.id } : {}),
    ...(ctx.review?.held ? { 'mizan.review.held': true } : {}),
  };
}
