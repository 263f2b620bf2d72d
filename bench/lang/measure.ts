/**
 * One system, in a process of its own: load it (timed), answer every sentence of the set once (the answers the
 * parent scores, and a first warm-up), then untimed warm-up passes and timed passes of a single-threaded loop
 * over the same sentences. `bench/lang.ts` runs this file once per system under `taskset -c 0` when taskset
 * exists, so each system has a fresh heap, its own load time and core 0 to itself as far as our processes go.
 * Prints one `RESULT {json}` line.
 *
 *   node --import tsx bench/lang/measure.ts --system NAME --data FILE [--runs N] [--min-seconds S] [--warmup-seconds S]
 */
import { pathToFileURL } from 'node:url';
import { loadRows, type Label, type ScoredLabel } from './data.js';
import { loadSystem, SYSTEM_NAMES, type SystemName } from './systems.js';

export interface SpeedRun {
  sentences: number;
  wallS: number;
  cpuS: number;
}

export interface Measurement {
  system: SystemName;
  name: string;
  version: string;
  settings: string;
  labels: readonly ScoredLabel[];
  /** Import and set-up (`loadSystem`), ms. */
  loadMs: number;
  /** The first call after loading (lazy model loading shows here), ms. */
  firstCallMs: number;
  raw: string[];
  preds: Label[];
  errors: { count: number; first?: string };
  speed: { runs: SpeedRun[]; perSecWall: number; perSecCpu: number; warmupSentences: number };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function measure(
  system: SystemName,
  dataFile: string,
  runs: number,
  minSeconds: number,
  warmupSeconds: number,
): Promise<Measurement> {
  const texts = loadRows(dataFile).map((r) => r.text);
  const t0 = performance.now();
  const s = await loadSystem(system);
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  s.detect('Salam, bghit nbdl la carte nationale.');
  const firstCallMs = performance.now() - t1;

  // Answers (and the first warm-up pass).
  const errors: Measurement['errors'] = { count: 0 };
  const raw: string[] = [];
  const preds: Label[] = [];
  for (const text of texts) {
    let r = '';
    try {
      r = s.detect(text);
    } catch (error) {
      errors.count++;
      errors.first ??= String(error);
    }
    raw.push(r);
    preds.push(s.map(r, text));
  }

  // Speed: the raw call only, single-threaded; errors were counted above and are not expected here.
  const detect = (text: string) => {
    try {
      return s.detect(text).length;
    } catch {
      return 0;
    }
  };
  let sink = 0;
  let warmupSentences = 0;
  const w0 = performance.now();
  do {
    for (const text of texts) sink += detect(text);
    warmupSentences += texts.length;
  } while (performance.now() - w0 < warmupSeconds * 1000);
  const out: SpeedRun[] = [];
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    const start = process.hrtime.bigint();
    let sentences = 0;
    let wallS = 0;
    do {
      for (const text of texts) sink += detect(text);
      sentences += texts.length;
      wallS = Number(process.hrtime.bigint() - start) / 1e9;
    } while (wallS < minSeconds);
    const cpu = process.cpuUsage(cpu0);
    out.push({ sentences, wallS, cpuS: (cpu.user + cpu.system) / 1e6 });
  }
  if (sink < 0) console.error(sink); // keeps the loop's results alive
  return {
    system,
    name: s.name,
    version: s.version,
    settings: s.settings,
    labels: s.labels,
    loadMs,
    firstCallMs,
    raw,
    preds,
    errors,
    speed: {
      runs: out,
      perSecWall: median(out.map((r) => r.sentences / r.wallS)),
      perSecCpu: median(out.map((r) => r.sentences / r.cpuS)),
      warmupSentences,
    },
  };
}

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const system = arg('--system') as SystemName | undefined;
  const data = arg('--data');
  if (!system || !(SYSTEM_NAMES as readonly string[]).includes(system) || !data) {
    console.error(`usage: measure.ts --system <${SYSTEM_NAMES.join('|')}> --data FILE [--runs N] …`);
    process.exit(2);
  }
  const result = await measure(
    system,
    data,
    Number(arg('--runs') ?? 3),
    Number(arg('--min-seconds') ?? 1),
    Number(arg('--warmup-seconds') ?? 1),
  );
  console.log(`RESULT ${JSON.stringify(result)}`);
}
