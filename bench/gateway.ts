/**
 * The gateway benchmark: latency added over the upstream at fixed rates, peak throughput on one core, memory,
 * and Mizan's time per pipeline stage, for Mizan and Portkey side by side. The method is in bench/README.md.
 */
import { revision } from './environment.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closedLoop } from './closed-loop.js';
import {
  ms,
  percent,
  renderReport,
  type CellSummary,
  type Environment,
  type MemorySummary,
  type ModeSummary,
  type PeakSummary,
  type Plan,
  type StageTime,
} from './gateway-report.js';
import { openLoop, type LoadResult } from './open-loop.js';
import { cpuSecondsOf, foreignCpuMeter, memoryOf, pinSelf, stopChildren } from './processes.js';
import { withMarkedSections } from './report.js';
import { median, percentile } from './stats.js';
import { portkeyPackage, startMizan, startPortkey, startUpstream, type Target } from './targets.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_FILE = join(ROOT, 'bench/RESULTS.md');
const GATEWAY_CORE = 0;
const LOAD_CORE = 1;

const FULL: Plan = {
  rates: [200, 500, 1000],
  rounds: 3,
  warmUpMs: 1_000,
  measureMs: 4_000,
  peakConcurrency: 64,
  peakWarmUpMs: 1_000,
  peakMs: 4_000,
};

const QUICK: Plan = { ...FULL, rounds: 1, warmUpMs: 300, measureMs: 1_000, peakWarmUpMs: 300, peakMs: 1_500 };

/** Above this share of a core taken by other processes, the machine was not quiet enough to trust. */
const NOISY_BACKGROUND_SHARE = 0.1;

const MODES = [
  { name: 'non-streaming', stream: false },
  { name: 'streaming', stream: true },
] as const;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { quick: { type: 'boolean', default: false } } });
  const plan = values.quick ? QUICK : FULL;
  const environment = describeEnvironment(args);
  if (environment.cpus < 2)
    throw new Error('the gateway benchmark needs two cores: one for the gateway, one for the load');
  checkBuild();
  pinSelf(LOAD_CORE);

  const workDir = mkdtempSync(join(tmpdir(), 'mizan-bench-'));
  // On exit rather than in `finally`, so that Ctrl-C (which exits once the children are stopped) cleans up too.
  process.once('exit', () => rmSync(workDir, { recursive: true, force: true }));
  const targets: Target[] = [];
  try {
    const placement = { gatewayCore: GATEWAY_CORE, upstreamCore: LOAD_CORE, workDir };
    const upstream = await startUpstream(placement);
    targets.push(upstream.target);
    targets.push(await startMizan(placement, upstream.url));
    targets.push(await startPortkey(placement, upstream.url));
    const idle = targets.map((target) => memoryOf(target.pid));

    const progress = createProgress(plan, targets.length);
    const modes: ModeSummary[] = [];
    for (const mode of MODES) modes.push(await benchmarkMode(plan, targets, mode, progress));

    const memory: MemorySummary[] = targets.map((target, index) => {
      const after = memoryOf(target.pid);
      return {
        target: target.name,
        idleMiB: idle[index]!.rssMiB,
        afterMiB: after.rssMiB,
        peakMiB: after.peakRssMiB,
      };
    });
    const markdown = renderReport({ environment, plan, modes, memory });
    const previous = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : '';
    writeFileSync(RESULTS_FILE, withMarkedSections(markdown, previous));
    console.log(markdown);
    console.error(`written to ${RESULTS_FILE}`);
  } finally {
    await Promise.all(targets.map((target) => target.pool.destroy()));
    await stopChildren();
  }
}

type Mode = (typeof MODES)[number];

/** One measured run of a cell, with the CPU other processes took meanwhile. */
type Round = LoadResult & { backgroundShare: number };

async function benchmarkMode(
  plan: Plan,
  targets: Target[],
  mode: Mode,
  progress: (line: string) => void,
): Promise<ModeSummary> {
  const results = new Map<string, Round[]>();
  const cellKey = (rate: number, target: Target): string => `${rate} ${target.name}`;
  const serverTimings: string[] = [];
  const pids = targets.map((target) => target.pid);
  const foreignCpu = foreignCpuMeter(pids);
  // Rounds outermost and targets innermost: the targets compared in a cell run back to back, in turn, so that
  // drift in the machine (other tenants, thermal state) spreads over all of them.
  for (let round = 0; round < plan.rounds; round++) {
    for (const rate of plan.rates) {
      for (const target of targets) {
        const spec = target.spec(mode.stream);
        await openLoop(target.pool, spec, { rate, durationMs: plan.warmUpMs });
        const cellForeignCpu = foreignCpuMeter(pids);
        const result = await openLoop(target.pool, spec, { rate, durationMs: plan.measureMs });
        const key = cellKey(rate, target);
        results.set(key, [...(results.get(key) ?? []), { ...result, backgroundShare: cellForeignCpu() }]);
        if (target.serverTiming) serverTimings.push(...result.serverTimings);
        progress(
          `${mode.name} ${rate} req/s ${target.name}: p50 ${ms(percentile(result.total, 50))}, ` +
            `p99 ${ms(percentile(result.total, 99))}, errors ${result.errors}`,
        );
      }
    }
  }

  const peaks: PeakSummary[] = [];
  for (const target of targets) {
    const spec = target.spec(mode.stream);
    const options = { concurrency: plan.peakConcurrency };
    await closedLoop(target.pool, spec, { ...options, durationMs: plan.peakWarmUpMs });
    const cpuBefore = cpuSecondsOf(target.pid);
    const peak = await closedLoop(target.pool, spec, { ...options, durationMs: plan.peakMs });
    const cpuShare = (cpuSecondsOf(target.pid) - cpuBefore) / (plan.peakMs / 1000);
    peaks.push({ target: target.name, rate: peak.rate, errors: peak.errors, cpuShare });
    progress(`${mode.name} peak ${target.name}: ${Math.round(peak.rate)} req/s, errors ${peak.errors}`);
  }

  const cells: CellSummary[] = plan.rates.flatMap((rate) =>
    targets.map((target) => summariseCell(rate, target.name, results.get(cellKey(rate, target)) ?? [])),
  );
  const backgroundShare = foreignCpu();
  if (backgroundShare > NOISY_BACKGROUND_SHARE) {
    console.error(
      `warning: other processes took ${percent(backgroundShare)} of a core during the ${mode.name} runs; ` +
        'the numbers are noisy',
    );
  }
  return {
    mode: mode.name,
    stream: mode.stream,
    cells,
    peaks,
    stages: stageTimes(serverTimings),
    backgroundShare,
  };
}

/** Each figure is the median over the rounds of that round's figure; errors are summed. */
function summariseCell(rate: number, target: string, runs: Round[]): CellSummary {
  const over = (figure: (result: Round) => number): number => median(runs.map(figure));
  const failures: Record<string, number> = {};
  for (const result of runs) {
    for (const [failure, count] of Object.entries(result.failures))
      failures[failure] = (failures[failure] ?? 0) + count;
  }
  return {
    target,
    rate,
    achievedRate: over((result) => result.achievedRate),
    p50: over((result) => percentile(result.total, 50)),
    p99: over((result) => percentile(result.total, 99)),
    max: over((result) => percentile(result.total, 100)),
    firstByteP50: over((result) => percentile(result.firstByte, 50)),
    firstByteP99: over((result) => percentile(result.firstByte, 99)),
    errors: runs.reduce((sum, result) => sum + result.errors, 0),
    failures,
    sendLagP99: over((result) => result.sendLagP99),
    backgroundShare: over((result) => result.backgroundShare),
  };
}

/** Per stage, from `server-timing` headers such as `authenticate;dur=0.104, route-model;dur=0.015`. */
function stageTimes(headers: string[]): StageTime[] {
  const durations = new Map<string, number[]>();
  for (const header of headers) {
    for (const [, stage, duration] of header.matchAll(/([^,\s;]+);dur=([\d.]+)/g)) {
      const values = durations.get(stage!) ?? [];
      values.push(Number(duration));
      durations.set(stage!, values);
    }
  }
  return [...durations].map(([stage, values]) => {
    values.sort((a, b) => a - b);
    return {
      stage,
      meanMs: values.reduce((sum, value) => sum + value, 0) / values.length,
      p50Ms: percentile(values, 50),
      p99Ms: percentile(values, 99),
    };
  });
}

function createProgress(plan: Plan, targets: number): (line: string) => void {
  const total = MODES.length * (plan.rounds * plan.rates.length + 1) * targets;
  let done = 0;
  return (line) => {
    done++;
    console.error(`[${String(done).padStart(String(total).length)}/${total}] ${line}`);
  };
}

/** Taken before this process pins itself to one core, which would hide the other from `nproc`. */
function describeEnvironment(args: string[]): Environment {
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  const viaNpm = process.env.npm_lifecycle_event === 'bench';
  return {
    date: new Date().toISOString(),
    command: [viaNpm ? 'npm run bench --' : 'node --import tsx bench/run.ts', 'gateway', ...args].join(' '),
    cpus: Number(execFileSync('nproc', { encoding: 'utf8' })),
    cpuModel,
    node: process.version,
    mizan: revision('src', 'bin'),
    portkey: portkeyPackage().version,
  };
}

/** The gateway runs from dist/: refuse a missing build and warn about one older than the sources. */
function checkBuild(): void {
  const entry = join(ROOT, 'dist/cli/main.js');
  let built: number;
  try {
    built = statSync(entry).mtimeMs;
  } catch {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  const sources = join(ROOT, 'src');
  const stale = readdirSync(sources, { recursive: true, encoding: 'utf8' }).some(
    (file) =>
      file.endsWith('.ts') && !file.endsWith('.test.ts') && statSync(join(sources, file)).mtimeMs > built,
  );
  if (stale)
    console.error('warning: src/ has changed since the last build; run `npm run build` to measure it');
}
