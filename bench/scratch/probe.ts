import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { send } from '../open-loop.js';
import { pinSelf, stopChildren, cpuSecondsOf, memoryOf } from '../processes.js';
import { startMizan, startPortkey, startUpstream } from '../targets.js';

pinSelf(1);
const workDir = mkdtempSync(join(tmpdir(), 'probe-'));
const placement = { gatewayCore: 0, upstreamCore: 1, workDir };
const rate = Number(process.argv[2] ?? 500);
const seconds = Number(process.argv[3] ?? 12);
const stream = process.argv[4] === 'stream';
try {
  const up = await startUpstream(placement);
  process.env.NODE_OPTIONS = process.env.PROBE_NODE_OPTIONS ?? '';
  const mizan = await (process.argv[5] === 'portkey' ? startPortkey : startMizan)(placement, up.url);
  delete process.env.NODE_OPTIONS;
  const cpu0 = cpuSecondsOf(mizan.pid);
  console.log('mem idle', memoryOf(mizan.pid));
  const spec = mizan.spec(stream);
  if (process.env.PROFILE) {
    const { closedLoop } = await import('../closed-loop.js');
    await closedLoop(mizan.pool, spec, { concurrency: 64, durationMs: 3000 });
    process.kill(mizan.pid, 'SIGUSR2');
    const peak = await closedLoop(mizan.pool, spec, { concurrency: 64, durationMs: 8000 });
    process.kill(mizan.pid, 'SIGUSR2');
    console.log('peak', peak);
    await new Promise((r) => setTimeout(r, 3000));
  }
  const interval = 1000 / rate;
  const count = rate * seconds;
  const samples: { epoch: number; planned: number; lat: number; st: string }[] = [];
  const all: Promise<void>[] = [];
  if (process.env.WARM) {
    const { openLoop } = await import('../open-loop.js');
    await openLoop(mizan.pool, spec, { rate, durationMs: 2000 });
  }
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = performance.now();
      for (; next < count && t0 + next * interval <= now; next++) {
        const planned = t0 + next * interval;
        all.push(send(mizan.pool, spec).then((e) => { samples.push({ epoch: performance.timeOrigin + planned, planned: planned - t0, lat: e.doneAt - planned, st: e.serverTiming ?? '' }); }));
      }
      if (next >= count) return resolve();
      setTimeout(tick, t0 + next * interval - now);
    };
    tick();
  });
  await Promise.all(all);
  samples.sort((a, b) => a.planned - b.planned);
  // 100 ms buckets: max latency per bucket, show those with max > 10ms
  const buckets = new Map<number, number>();
  for (const s of samples) { const b = Math.floor(s.planned / 100); buckets.set(b, Math.max(buckets.get(b) ?? 0, s.lat)); }
  for (const [b, m] of buckets) if (m > 10) console.log(`t=${(b / 10).toFixed(1)}s max ${m.toFixed(1)} ms`);
  const worst = [...samples].sort((a, b) => b.lat - a.lat).slice(0, Number(process.env.WORST ?? 8)).sort((a, b) => a.planned - b.planned);
  for (const w of worst) console.log(w.epoch.toFixed(0), w.planned.toFixed(0), w.lat.toFixed(1), w.st);
  const sorted = samples.map((s) => s.lat).sort((a, b) => a - b);
  console.log('p50', sorted[Math.floor(sorted.length / 2)], 'p99', sorted[Math.floor(sorted.length * 0.99)]);
  console.log('mem after', memoryOf(mizan.pid), 'cpu', cpuSecondsOf(mizan.pid) - cpu0);
  if (process.env.SNAPSHOT) {
    process.kill(mizan.pid, 'SIGUSR2');
    await new Promise((r) => setTimeout(r, 15000));
  }
  await mizan.pool.destroy(); await up.target.pool.destroy();
} finally {
  await stopChildren();
  console.log('log dir', workDir);
}
