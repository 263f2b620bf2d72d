/**
 * Throughput on one core: `scan()` (and each peer's `redact()`) over ~10 MB of mixed text — synthetic sentences
 * grouped into short messages, alternating with law-corpus provisions — after a warm-up pass, median of the runs.
 * `bench/pii.ts` runs this file in a child process under `taskset -c 0` when taskset exists, so the measured
 * process has core 0 to itself as far as our own processes go; it prints one `RESULT {json}` line.
 */
import { Buffer } from 'node:buffer';
import { pathToFileURL } from 'node:url';
import { scan } from '../../src/privacy/scan.js';
import { loadLawCorpus, sharedDataDir } from './corpora.js';
import { generateDataset } from './generator.js';
import { loadPeers } from './peers.js';

export interface ThroughputRun {
  wallS: number;
  cpuS: number;
}

export interface ThroughputResult {
  system: string;
  bytes: number;
  runs: ThroughputRun[];
  /** Median over runs, bytes / 1e6 / seconds. */
  mbPerSWall: number;
  mbPerSCpu: number;
}

export interface MixedCorpus {
  chunks: string[];
  bytes: number;
  syntheticBytes: number;
  lawBytes: number;
}

/** Messages of 8 synthetic sentences alternating with law provisions, cycling until `targetBytes` (UTF-8). */
export function buildMixedCorpus(targetBytes: number, seed: number): MixedCorpus {
  const sentences = generateDataset({ seed, count: 20000 }).map((s) => s.text);
  const dir = sharedDataDir();
  const law = dir ? loadLawCorpus(dir).map((p) => p.text) : [];
  const chunks: string[] = [];
  let bytes = 0;
  let syntheticBytes = 0;
  let lawBytes = 0;
  let si = 0;
  let li = 0;
  while (bytes < targetBytes) {
    const message: string[] = [];
    for (let k = 0; k < 8; k++) message.push(sentences[si++ % sentences.length]!);
    const m = message.join(' ');
    const mb = Buffer.byteLength(m);
    chunks.push(m);
    bytes += mb;
    syntheticBytes += mb;
    if (law.length > 0 && bytes < targetBytes) {
      const p = law[li++ % law.length]!;
      const pb = Buffer.byteLength(p);
      chunks.push(p);
      bytes += pb;
      lawBytes += pb;
    }
  }
  return { chunks, bytes, syntheticBytes, lawBytes };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function measure(
  system: string,
  corpus: MixedCorpus,
  runs: number,
  f: (text: string) => unknown,
): ThroughputResult {
  // Warm-up: untimed passes over at least 10 MB (less leaves the first timed run slower while the JIT settles).
  for (let done = 0; done < Math.max(corpus.bytes, 10e6); done += corpus.bytes)
    for (const chunk of corpus.chunks) f(chunk);
  const out: ThroughputRun[] = [];
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (const chunk of corpus.chunks) f(chunk);
    const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    out.push({ wallS, cpuS: (cpu.user + cpu.system) / 1e6 });
  }
  return {
    system,
    bytes: corpus.bytes,
    runs: out,
    mbPerSWall: corpus.bytes / 1e6 / median(out.map((r) => r.wallS)),
    mbPerSCpu: corpus.bytes / 1e6 / median(out.map((r) => r.cpuS)),
  };
}

export async function runThroughput(mb: number, runs: number, seed: number, withPeers: boolean) {
  const corpus = buildMixedCorpus(mb * 1e6, seed);
  const results: ThroughputResult[] = [measure('Mizan', corpus, runs, (t) => scan(t))];
  if (withPeers) {
    const { peers } = await loadPeers();
    for (const p of peers) results.push(measure(`${p.name} ${p.version}`, corpus, runs, (t) => p.redact(t)));
  }
  return {
    results,
    corpus: {
      bytes: corpus.bytes,
      chunks: corpus.chunks.length,
      syntheticBytes: corpus.syntheticBytes,
      lawBytes: corpus.lawBytes,
    },
  };
}

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const result = await runThroughput(
    arg('--mb', 10),
    arg('--runs', 3),
    arg('--seed', 908),
    !process.argv.includes('--no-peers'),
  );
  console.log(`RESULT ${JSON.stringify(result)}`);
}
