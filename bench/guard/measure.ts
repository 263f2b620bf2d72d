/**
 * One system, in a process of its own: load it (timed), answer every case of the file, then time a second pass,
 * one check at a time, over every case or an even spread of `--timed-max` of them. `bench/guard.ts` runs this file once per system under `taskset -c 0` when taskset exists,
 * so each system has a fresh heap and core 0 to itself as far as our processes go. With `--single-pass` (a slow
 * system) the answers' own pass is timed, and `--budget-seconds` stops it early; the cases are then taken in
 * the file's order, which the parent shuffles. Prints one `RESULT {json}` line.
 *
 *   node --import tsx bench/guard/measure.ts --system NAME --cases FILE [--single-pass] [--budget-seconds S] [--timed-max N]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { benchArgs } from '../args.js';
import { loadSystem, SYSTEM_NAMES, type Answer, type CheckMode, type SystemName } from './systems.js';

export interface MeasureCase {
  text: string;
  mode: CheckMode;
}

export interface Measurement {
  system: SystemName;
  name: string;
  version: string;
  settings: string;
  loadMs: number;
  /** The first check, where lazy loading shows. */
  firstCallMs: number;
  /** Answers for the first `answered` cases (all of them unless a budget ran out). */
  answered: number;
  detected: boolean[];
  labels: (string | undefined)[];
  /** Milliseconds per check, from the timed pass, for the cases at the indices of `timed`. */
  latencies: number[];
  timed: number[];
  errors: { count: number; first?: string };
}

export async function measure(
  system: SystemName,
  cases: readonly MeasureCase[],
  singlePass: boolean,
  budgetSeconds: number,
  timedMax = Number.POSITIVE_INFINITY,
): Promise<Measurement> {
  const t0 = performance.now();
  const s = await loadSystem(system);
  const loadMs = performance.now() - t0;
  const check = s.check.bind(s);
  const errors: Measurement['errors'] = { count: 0 };
  const detected: boolean[] = [];
  const labels: (string | undefined)[] = [];
  const latencies: number[] = [];
  const deadline = performance.now() + budgetSeconds * 1000;
  let firstCallMs: number | undefined;

  for (const c of cases) {
    if (singlePass && performance.now() > deadline) break;
    const start = performance.now();
    let a: Answer = { detected: false };
    try {
      // A synchronous system is timed without a microtask of ours around it.
      const r = check(c.text, c.mode);
      a = r instanceof Promise ? await r : r;
    } catch (error) {
      errors.count++;
      errors.first ??= String(error);
    }
    firstCallMs ??= performance.now() - start;
    if (singlePass) latencies.push(performance.now() - start);
    detected.push(a.detected);
    labels.push(a.label);
  }
  // The timed pass: every case, or an even spread of `timedMax` of them.
  const stride = Math.max(1, Math.ceil(cases.length / timedMax));
  const timed = singlePass
    ? detected.map((_, k) => k)
    : cases.flatMap((_, k) => (k % stride === 0 ? [k] : []));
  if (!singlePass)
    for (const k of timed) {
      const c = cases[k]!;
      const start = performance.now();
      try {
        const r = check(c.text, c.mode);
        if (r instanceof Promise) await r;
      } catch {
        // Counted in the first pass.
      }
      latencies.push(performance.now() - start);
    }
  return {
    system,
    name: s.name,
    version: s.version,
    settings: s.settings,
    loadMs,
    firstCallMs: firstCallMs ?? Number.NaN,
    answered: detected.length,
    detected,
    labels,
    latencies,
    timed,
    errors,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { flag, value, positive } = benchArgs(process.argv.slice(2));
  const system = value('--system');
  const file = value('--cases');
  if (!SYSTEM_NAMES.includes(system as SystemName) || file === undefined) {
    console.error(
      `usage: measure.ts --system <${SYSTEM_NAMES.join('|')}> --cases FILE [--single-pass] [--budget-seconds S] [--timed-max N]`,
    );
    process.exit(2);
  }
  const cases = JSON.parse(readFileSync(file, 'utf8')) as MeasureCase[];
  const m = await measure(
    system as SystemName,
    cases,
    flag('--single-pass'),
    positive('--budget-seconds', 1e9),
    positive('--timed-max', Number.POSITIVE_INFINITY),
  );
  console.log(`RESULT ${JSON.stringify(m)}`);
  // hai-guardrails leaves worker pools behind; nothing else is pending.
  process.exit(0);
}
