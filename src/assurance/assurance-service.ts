import { errors } from '../errors.js';
import type { Logger } from '../observability/logger.js';
import { actorLabel, tenantScope, type Actor } from '../oversight/actors.js';
import { READ_ROLES, type GovernanceContext } from '../oversight/governance.js';
import type { SandboxService } from '../oversight/sandbox/sandbox-service.js';
import type { ModelEntry, ModelRegistry } from '../providers/model-registry.js';
import type { AssuranceRun, AssuranceStore } from '../store/assurance-store.js';
import type { TenancyService } from '../tenancy/tenancy-service.js';
import { DEFAULT_SEED, expandPack, type ExpandOptions } from './cases.js';
import { loadPack, type Pack } from './pack.js';
import { buildReport } from './report.js';
import { forEachBounded, sendCase, type Handle } from './runner.js';
import type { AssuranceCase, AssuranceReport, CaseResult } from './types.js';

const DAY_MS = 86_400_000;
const GATEWAY: Actor = { kind: 'gateway' };
const RUN_ROLES = ['tenant_admin', 'dpo'] as const;

/** The model as served: a report holds for this exact version (id, upstream name and provider). */
export const modelFingerprint = (entry: ModelEntry) =>
  `${entry.id}|${entry.upstreamModel}|${entry.provider.id}`;

/** The passing, finished runs of an application on the current version of each of these models. */
export const passingRuns = async (
  store: AssuranceStore,
  applicationId: string,
  entries: readonly ModelEntry[],
): Promise<AssuranceRun[]> => {
  const current = new Set(entries.map(modelFingerprint));
  return (await store.listRuns({ applicationId })).filter(
    (r) => r.status === 'finished' && r.passed === true && current.has(r.modelFingerprint),
  );
};

const runNotFound = (id: string) =>
  errors.notFound('assurance_run_not_found', `no assurance run "${id}"`, 'run');

export interface RunOptions {
  concurrency?: number;
  dataDir?: string | null;
}

export interface StartRun extends RunOptions {
  /** Drives sampling and attack randomness; stored on the run, so a resume draws the same cases. */
  seed?: number;
  /** A shipped pack's id, or the path of a pack file. */
  packId: string;
  applicationId: string;
  modelId: string;
}

/**
 * Assurance runs: a pack's cases sent through an application's full pipeline with one model, each result stored
 * as it comes (so an interrupted run resumes where it stopped), then graded into a report. A run goes through an
 * assurance sandbox of its own — models not yet approved can be tried there, its key never leaves the process —
 * which closes with the report. A high-tier application is promoted only on a passing report for the model version
 * it will use.
 */
export function createAssurance(deps: {
  governance: GovernanceContext;
  store: AssuranceStore;
  sandboxes: SandboxService;
  tenancy: TenancyService;
  models: ModelRegistry;
  handle: Handle;
  logger: Logger;
}) {
  const { governance, store } = deps;
  const active = new Map<string, { controller: AbortController; done: Promise<AssuranceRun> }>();

  function chatModel(modelId: string): ModelEntry {
    const entry = deps.models.resolve(modelId);
    if (!entry || entry.kind !== 'chat') {
      throw errors.notFound('model_not_found', `no chat model "${modelId}" is configured`, 'model');
    }
    return entry;
  }

  function expand(pack: Pack, options: ExpandOptions) {
    const expansions = expandPack(pack, options);
    return {
      cases: expansions.flatMap((e) => e.cases),
      skipped: new Map(expansions.flatMap((e) => (e.skipped ? [[e.recipe, e.skipped] as const] : []))),
    };
  }

  async function runFor(actor: Actor, id: string) {
    const run = await store.findRun(id);
    if (!run) throw runNotFound(id);
    await governance.applicationFor(actor, run.applicationId, READ_ROLES).catch(() => {
      throw runNotFound(id);
    });
    return run;
  }

  /** Sends the cases still without a result, then grades the run and closes its sandbox with the report. */
  async function execute(actor: Actor, run: AssuranceRun, pack: Pack, options: RunOptions) {
    const entry = chatModel(run.modelId);
    const { cases, skipped } = expand(pack, { dataDir: options.dataDir, seed: run.seed });
    const done = new Set((await store.results(run.id)).map((r) => r.caseId));
    const todo = cases.filter((c) => !done.has(c.id));
    // The run's sandbox is the platform's own (the gateway opens and closes it); who started the run is on the run.
    const { sandbox, key } = await deps.sandboxes.open(GATEWAY, run.applicationId, {
      purpose: `assurance run ${run.id}: pack ${pack.id} v${pack.version} on ${entry.id}`,
      endsAt: new Date(governance.now() + DAY_MS),
      maxRequests: todo.length + 1,
      maxTokens: 1_000_000_000,
      assurance: true,
    });
    await store.setRunning(run.id, sandbox.id);
    const controller = new AbortController();
    const finished = (async () => {
      await forEachBounded(todo, options.concurrency ?? 4, controller.signal, async (kase: AssuranceCase) => {
        const result = await sendCase(deps.handle, { kase, model: entry.id, key, signal: controller.signal });
        // A case cut short by a stop has no result: it is sent again when the run resumes.
        if (!controller.signal.aborted) await store.addResult(run.id, kase.id, result);
      });
      if (controller.signal.aborted) throw errors.internal('assurance_run_stopped', 'the run was stopped');
      const results = (await store.results(run.id)).map((r) => r.result as CaseResult);
      const application = await governance.snapshot(run.applicationId);
      const report = buildReport({
        id: run.id,
        pack,
        cases,
        results,
        skipped,
        application: application
          ? {
              id: application.application.id,
              name: application.application.name,
              tier: application.tier ?? null,
            }
          : null,
        model: { id: entry.id, licence: entry.licence, hosting: entry.provider.hosting },
        startedAt: run.startedAt,
        finishedAt: new Date(governance.now()),
      });
      const saved = await store.finishRun(run.id, { grade: report.grade, passed: report.passed, report });
      await deps.sandboxes.close(GATEWAY, sandbox.id, {
        tested: `assurance pack ${pack.id} v${pack.version}: ${cases.length} cases on ${entry.id}; grade ${report.grade} (${report.passed ? 'passed' : 'failed'})`,
        incidents: report.recipes
          .filter((r) => r.grade > pack.passing_grade)
          .map((r) => ({
            title: r.title,
            severity: 'high' as const,
            description: `graded ${r.grade} on ${r.metric} (${r.value})`,
          })),
      });
      await governance.record({
        tenantId: run.tenantId,
        applicationId: run.applicationId,
        action: 'assurance.finished',
        actor: actorLabel(actor),
        subject: run.id,
        detail: {
          pack: pack.id,
          version: pack.version,
          model: entry.id,
          grade: report.grade,
          passed: report.passed,
        },
      });
      return saved;
    })();
    active.set(run.id, { controller, done: finished });
    finished
      .catch((error: unknown) =>
        deps.logger.error({ err: error, run: run.id }, 'assurance run did not finish'),
      )
      .finally(() => active.delete(run.id));
    return finished;
  }

  return {
    /** Starts a run and returns it at once; `wait` resolves when it is graded. */
    async start(actor: Actor, input: StartRun) {
      const application = await governance.applicationFor(actor, input.applicationId, RUN_ROLES);
      const pack = loadPack(input.packId);
      const entry = chatModel(input.modelId);
      const seed = input.seed ?? DEFAULT_SEED;
      const { cases } = expand(pack, { dataDir: input.dataDir, seed });
      if (cases.length === 0) {
        throw errors.unprocessable(
          'assurance_no_cases',
          `the pack "${pack.id}" has no case to run here (is its data folder set?)`,
          'pack',
        );
      }
      const snapshot = await governance.snapshot(input.applicationId);
      const run = await store.createRun({
        tenantId: application.tenantId,
        applicationId: application.id,
        packId: pack.id,
        packVersion: pack.version,
        modelId: entry.id,
        modelFingerprint: modelFingerprint(entry),
        assessmentId: snapshot?.assessment?.id ?? null,
        seed,
        totalCases: cases.length,
        startedBy: actorLabel(actor),
      });
      await governance.record({
        tenantId: application.tenantId,
        applicationId: application.id,
        action: 'assurance.started',
        actor: actorLabel(actor),
        subject: run.id,
        detail: { pack: pack.id, version: pack.version, model: entry.id, cases: cases.length },
      });
      const wait = execute(actor, run, pack, input);
      return { run, wait };
    },

    /**
     * Resumes a run that stopped (its process shut down or crashed): the cases with a result are not sent again. A
     * run still `running` may be one whose process died; resuming one that another replica is still running only
     * repeats requests, since a case's result is written once. A pack given by path is given again.
     */
    async resume(actor: Actor, id: string, options: RunOptions & { pack?: string } = {}) {
      const run = await runFor(actor, id);
      await governance.applicationFor(actor, run.applicationId, RUN_ROLES);
      if (run.status === 'finished') {
        throw errors.conflict('assurance_run_finished', 'this run is finished already');
      }
      if (active.has(id)) throw errors.conflict('assurance_run_active', 'this run is running now');
      const pack = loadPack(options.pack ?? run.packId);
      if (pack.id !== run.packId || pack.version !== run.packVersion) {
        throw errors.conflict(
          'assurance_pack_changed',
          `the run was started with ${run.packId} v${run.packVersion}, not ${pack.id} v${pack.version}`,
          'pack',
        );
      }
      return { run, wait: execute(actor, run, pack, options) };
    },

    async get(actor: Actor, id: string) {
      const run = await runFor(actor, id);
      return { ...run, done: await store.countResults(id), running: active.has(id) };
    },

    async list(actor: Actor, applicationId?: string) {
      if (applicationId) await governance.applicationFor(actor, applicationId, READ_ROLES);
      const tenantId = tenantScope(actor);
      return store.listRuns({
        ...(tenantId ? { tenantId } : {}),
        ...(applicationId ? { applicationId } : {}),
      });
    },

    async report(actor: Actor, id: string): Promise<AssuranceReport> {
      const run = await runFor(actor, id);
      if (!run.report)
        throw errors.conflict('assurance_run_unfinished', `the run is ${run.status}: no report yet`);
      return run.report as AssuranceReport;
    },

    /** Stops the runs of this process (shutdown), marked interrupted; they resume later from their stored results. */
    async stop() {
      const stopping = [...active.entries()];
      for (const [, { controller }] of stopping) controller.abort();
      await Promise.allSettled(stopping.map(([, a]) => a.done));
      await Promise.all(stopping.map(([id]) => store.markInterrupted(id)));
    },
  };
}

export type Assurance = ReturnType<typeof createAssurance>;
