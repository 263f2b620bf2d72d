/**
 * `npm run bench -- scale`: 1, 2 and 4 gateway replicas (`mizan serve`, one process each) on one PostgreSQL
 * database, behind a round-robin balancer on loopback, with the test upstream as the model server. For each replica
 * count, a closed loop of concurrent clients runs for a fixed time; throughput and latency are printed, then the
 * audit log is checked to be one consistent log holding a record of every accepted request (bench/scale/).
 * Writes bench/RESULTS-scale.md and the scale section of bench/RESULTS.md (only the former with --out).
 *
 * Options: --duration S (measured seconds per step, default 15), --warm-up S (default 3), --concurrency N
 * (clients, default 32), --replicas 1,2,4, --retrieval (search the demo corpus for every request, as the default
 * configuration does), --redis URL (quota counters; default redis://127.0.0.1:6379), --no-redis, --database URL
 * (a server where databases may be created; default postgres://postgres@127.0.0.1:5432/postgres), --out FILE.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { benchArgs } from './args.js';
import { machine, REPO_ROOT, revision } from './environment.js';
import { cpuSecondsOf, foreignCpuMeter, memoryOf } from './processes.js';
import { duration, int, table, writeMarkdownReport } from './report.js';
import { auditIntact, checkAuditLog, type AuditCheck } from './scale/audit-check.js';
import {
  createDatabase,
  prepareDeployment,
  startBalancer,
  startReplica,
  startUpstream,
  stop,
} from './scale/cluster.js';
import { closedLoop, createPool, latency, type LoadResult } from './scale/load.js';
import { postgresCpuMeter } from './scale/postgres-cpu.js';
import { requestsCountedInRedis } from './scale/redis-count.js';

const LOG_ID = 'mizan-audit';
const RESULTS_FILE = join(REPO_ROOT, 'bench/RESULTS.md');
const SECTION_START = '<!-- scale: written by `npm run bench -- scale` -->';
const SECTION_END = '<!-- /scale -->';

interface Step {
  replicas: number;
  load: LoadResult;
  /** CPU the replicas used during the measured window, in cores. */
  gatewayCores: number;
  rssMiB: number;
  /** CPU taken meanwhile by the PostgreSQL server, and by everything outside the benchmark's own processes (PostgreSQL included). */
  postgresCores: number;
  otherCores: number;
  /** CPU taken by the benchmark's own balancer, upstream and load generator. */
  harnessCores: number;
  /** Requests counted in Redis's shared counters, when Redis is used. */
  countedInRedis: number | undefined;
  /** The machine's one-minute load average when the step began. */
  loadAverage: number;
  audit: AuditCheck;
}

type Options = ReturnType<typeof readOptions>;

function readOptions(args: string[]) {
  const a = benchArgs(args);
  const options = {
    durationMs: a.positive('--duration', 15) * 1000,
    warmUpMs: a.positive('--warm-up', 3) * 1000,
    concurrency: a.positive('--concurrency', 32),
    replicas: (a.value('--replicas') ?? '1,2,4').split(',').map(Number),
    retrieval: a.flag('--retrieval'),
    redis: a.flag('--no-redis') ? undefined : (a.value('--redis') ?? 'redis://127.0.0.1:6379'),
    server: a.value('--database') ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    out: a.value('--out') ?? join(REPO_ROOT, 'bench/RESULTS-scale.md'),
  };
  if (options.replicas.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--replicas needs a list of positive integers, e.g. 1,2,4');
  // A run written elsewhere is a trial, not the record.
  return { ...options, record: a.value('--out') === undefined };
}

export async function run(args: string[]): Promise<void> {
  const startedAt = Date.now();
  const options = readOptions(args);
  const log = (message: string) => console.error(message);
  const cpus = Number(execFileSync('nproc', { encoding: 'utf8' }));
  log(
    `${cpus} CPU cores for everything (replicas, balancer, upstream, PostgreSQL, load): ` +
      (cpus < 8
        ? 'replicas compete for the same cores, so throughput cannot grow much past the core count'
        : 'ok'),
  );

  const upstream = await startUpstream();
  const steps: Step[] = [];
  try {
    for (const replicas of options.replicas) {
      steps.push(await measureStep(replicas, upstream, options, log));
      const step = steps.at(-1)!;
      log(
        `${replicas} replica(s): ${step.load.rate.toFixed(0)} req/s, p50 ${duration(latency(step.load, 50))}, ` +
          `p99 ${duration(latency(step.load, 99))}, errors ${errorCount(step.load)}, audit ${auditIntact(step.audit) ? 'intact' : 'NOT INTACT'}`,
      );
    }
  } finally {
    await stop(upstream.child);
  }

  const lines = await report(steps, { ...options, cpus, postgres: await serverVersion(options.server) });
  await writeMarkdownReport(options.out, lines, log, startedAt);
  if (options.record) {
    await updateResultsSection(lines);
    log(`updated the scale section of ${RESULTS_FILE}`);
  }
  if (steps.some((step) => !auditIntact(step.audit) || errorCount(step.load) > 0)) process.exitCode = 1;
}

async function measureStep(
  replicas: number,
  upstream: { url: string; child: ChildProcess },
  options: Options,
  log: (message: string) => void,
): Promise<Step> {
  const loadAverage = loadavg()[0]!;
  const redis = options.redis
    ? { url: options.redis, keyPrefix: `mizan:scale:${process.pid}:${replicas}` }
    : undefined;
  const workDir = mkdtempSync(join(tmpdir(), `mizan-scale-${replicas}-`));
  const database = await createDatabase(options.server, `mizan_scale_${process.pid}_${replicas}`);
  const started: Awaited<ReturnType<typeof startReplica>>[] = [];
  try {
    const deployment = await prepareDeployment({
      workDir,
      databaseUrl: database.url,
      upstreamUrl: upstream.url,
      retrieval: options.retrieval,
      ...(redis ? { redis } : {}),
    });
    log(`${replicas} replica(s): starting`);
    started.push(
      ...(await Promise.all(
        Array.from({ length: replicas }, (_, i) => startReplica(deployment, workDir, i)),
      )),
    );
    const balancer = await startBalancer(started.map((r) => r.url));
    const pool = createPool(balancer.url);
    let load: LoadResult;
    let gatewayCores: number;
    let otherCores: number;
    let postgresCores: number;
    let harnessCores: number;
    const auditIds: string[] = [];
    try {
      const warmUp = await closedLoop(pool, deployment.key, {
        concurrency: options.concurrency,
        durationMs: options.warmUpMs,
      });
      auditIds.push(...warmUp.auditIds);
      const pids = started.map((r) => r.child.pid!);
      const cpuBefore = pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
      const harness = [balancer.child.pid!, upstream.child.pid!];
      const otherCpu = foreignCpuMeter([...pids, ...harness]);
      const postgresCpu = postgresCpuMeter();
      const harnessCpu = () => {
        const self = process.cpuUsage();
        return harness.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0) + (self.user + self.system) / 1e6;
      };
      const harnessBefore = harnessCpu();
      load = await closedLoop(pool, deployment.key, {
        concurrency: options.concurrency,
        durationMs: options.durationMs,
      });
      gatewayCores =
        (pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0) - cpuBefore) / (options.durationMs / 1000);
      otherCores = otherCpu();
      postgresCores = postgresCpu();
      harnessCores = (harnessCpu() - harnessBefore) / (options.durationMs / 1000);
      auditIds.push(...load.auditIds);
      for (const [why, count] of Object.entries(warmUp.failures))
        load.failures[`${why} (warm-up)`] = (load.failures[`${why} (warm-up)`] ?? 0) + count;
    } finally {
      await pool.destroy();
      await stop(balancer.child);
    }
    const rssMiB = started.reduce((sum, r) => sum + memoryOf(r.child.pid!).rssMiB, 0);
    log(`${replicas} replica(s): checking the audit log of ${auditIds.length} answers`);
    const audit = await checkAuditLog({
      databaseUrl: database.url,
      logId: LOG_ID,
      publicKeyPem: deployment.publicKeyPem,
      auditIds,
    });
    const countedInRedis = redis && (await requestsCountedInRedis(redis.url, redis.keyPrefix));
    return {
      replicas,
      load,
      gatewayCores,
      rssMiB,
      postgresCores,
      otherCores,
      harnessCores,
      countedInRedis,
      loadAverage,
      audit,
    };
  } finally {
    await Promise.all(started.map((r) => stop(r.child)));
    await database.drop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** `a–b` over the values, two decimals. */
const range = (values: number[]): string => {
  const [low, high] = [Math.min(...values), Math.max(...values)].map((x) => x.toFixed(2));
  return low === high ? low! : `${low}–${high}`;
};

const errorCount = (load: LoadResult): number => Object.values(load.failures).reduce((sum, n) => sum + n, 0);

async function serverVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

async function report(steps: Step[], o: Options & { cpus: number; postgres: string }): Promise<string[]> {
  const base = steps.find((s) => s.replicas === 1) ?? steps[0]!;
  const viaNpm = process.env.npm_lifecycle_event === 'bench';
  const command = [
    viaNpm ? 'npm run bench --' : 'node --import tsx bench/run.ts',
    'scale',
    ...process.argv.slice(3),
  ];
  const ms = (x: number) => x.toFixed(1);
  return [
    '# Scale benchmark: gateway replicas on PostgreSQL',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`${command.join(' ')}\``,
    `- Machine: ${machine()} (nproc ${o.cpus}); Node ${process.version}; PostgreSQL ${o.postgres}; Mizan ${revision('src', 'bench')}`,
    `- Deployment: N replicas of \`mizan serve\` (from the sources, through tsx), one process each, on one fresh PostgreSQL database; a round-robin balancer (node:http, keep-alive) on loopback in front; the test upstream as the model server; every pipeline stage on as configured by default, ${o.retrieval ? 'retrieval from the demo corpus included' : 'except retrieval (`corpus.retrieval: false`; `--retrieval` turns it on: a full-text search in PostgreSQL per request, some 25–40 ms of database time here, which then bounds throughput whatever the replica count)'}`,
    `- Load: closed loop, ${o.concurrency} concurrent clients (undici) sending non-streamed chat completions through the balancer; ${o.warmUpMs / 1000} s warm-up, then ${o.durationMs / 1000} s measured per replica count`,
    o.redis
      ? `- Redis (${o.redis}): quota counters shared by the replicas (\`quota.redis_url\`), with an application limit far above the load, so that every request checks and takes its counter in Redis and none is refused`
      : '- Redis: not used (`--no-redis`): the replicas share only PostgreSQL',
    `- **Every process shares the machine's ${o.cpus} cores**: replicas, balancer, upstream, PostgreSQL and the load generator. One Node process runs its JavaScript on one core, so a second replica can use the core a single one leaves idle; past the core count, replicas only compete with each other and with PostgreSQL. The figures show how the gateway shares a database across replicas, not what more machines would give`,
    '',
    '## Throughput and latency',
    '',
    table(
      [
        'Replicas',
        'Throughput (req/s)',
        'vs 1 replica',
        'p50 (ms)',
        'p95 (ms)',
        'p99 (ms)',
        'Errors',
        'Gateways CPU (cores)',
        'Gateways RSS (MiB)',
        'Balancer, upstream, load CPU (cores)',
        'PostgreSQL CPU (cores)',
        'Other CPU (cores)',
      ],
      steps.map((s) => [
        String(s.replicas),
        int(s.load.rate),
        `${(s.load.rate / base.load.rate).toFixed(2)}×`,
        ms(latency(s.load, 50)),
        ms(latency(s.load, 95)),
        ms(latency(s.load, 99)),
        String(errorCount(s.load)),
        s.gatewayCores.toFixed(2),
        int(s.rssMiB),
        s.harnessCores.toFixed(2),
        s.postgresCores.toFixed(2),
        s.otherCores.toFixed(2),
      ]),
    ),
    '',
    `Gateways CPU: the replicas' processes together, in cores, during the measured window. Balancer, upstream, load: the benchmark's own processes, which share the same cores. PostgreSQL CPU: the server's processes (all its databases; backends that ended within the window are missed). Other CPU: everything else on the machine meanwhile, the balancer, upstream and load generator aside: PostgreSQL, Redis, and whatever else was running (this machine is shared; its load average was ${steps.map((s) => s.loadAverage.toFixed(1)).join(', ')} at the start of each step).`,
    '',
    `What bounded throughput in this run: the replicas together used ${range(steps.map((s) => s.gatewayCores))} cores, PostgreSQL ${range(steps.map((s) => s.postgresCores))}, while processes outside the benchmark took ${range(steps.map((s) => s.otherCores))} of the ${o.cpus}. Throughput grows with replicas only while they find idle cores.`,
    '',
    ...steps
      .filter((s) => errorCount(s.load) > 0)
      .map((s) => `- Errors with ${s.replicas} replica(s): ${JSON.stringify(s.load.failures)}`),
    '',
    '## Audit log',
    '',
    'After the load, once every record has its leaf, the log is exported and checked by the offline verifier (the functions behind `mizan audit export` and `mizan audit verify`, signatures pinned to the deployment key): every signed head, whichever replica signed it, must match the one Merkle tree recomputed from the records. Then the audit id of every 200 answer (warm-up included) is looked for among the exported records.',
    '',
    table(
      [
        'Replicas',
        '200 answers',
        'Flow records',
        'Answers missing from the log',
        'Records in the tree',
        'Signed heads checked',
        'Verifier',
        'Intact',
        'Requests counted in Redis',
      ],
      steps.map((s) => [
        String(s.replicas),
        int(s.audit.answered),
        int(s.audit.flowRecords),
        String(s.audit.missing.length),
        int(s.audit.treeSize),
        int(s.audit.headsChecked),
        s.audit.valid ? 'valid' : `INVALID: ${s.audit.problems.slice(0, 3).join('; ')}`,
        auditIntact(s.audit) ? 'yes' : 'NO',
        s.countedInRedis === undefined ? '—' : int(s.countedInRedis),
      ]),
    ),
    '',
    "Flow records count every request a replica received, so they equal the 200 answers when there were no errors. The tree also holds the governance records of commissioning the application. Requests counted in Redis: the sum of the shared per-minute request counters; it equals the flow records when every replica reached Redis for every request (one decided on a replica's own counters, Redis being slower than `quota.redis_timeout_ms`, is missing from it).",
    '',
  ];
}

/** The scale section of bench/RESULTS.md, between its markers: replaced when present, appended otherwise. */
async function updateResultsSection(lines: string[]): Promise<void> {
  const prettier = await import('prettier');
  const body = (
    await prettier.format(lines.slice(1).join('\n'), { parser: 'markdown', proseWrap: 'preserve' })
  ).replace(/^## /gm, '### ');
  const section = `${SECTION_START}\n\n## Scale: gateway replicas on PostgreSQL (bench/RESULTS-scale.md)\n\n${body}\n${SECTION_END}\n`;
  const current = readFileSync(RESULTS_FILE, 'utf8');
  const start = current.indexOf(SECTION_START);
  const end = current.indexOf(SECTION_END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + SECTION_END.length + 1)
      : `${current.trimEnd()}\n\n${section}`;
  writeFileSync(RESULTS_FILE, next);
}
