/**
 * CPU used by the PostgreSQL server's processes (postmaster, backends, background workers) on this machine over a
 * window, in cores. Backends that start during the window count whole; those that end during it are lost, so the
 * figure is a floor. Other databases' sessions on the same server count too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpuSecondsOf } from '../processes.js';

function postgresCpu(): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') cpu.set(pid, cpuSecondsOf(pid));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return cpu;
}

/** Starts the meter; the returned reader gives PostgreSQL's mean cores since then. */
export function postgresCpuMeter(): () => number {
  const before = postgresCpu();
  const startedAt = performance.now();
  return () => {
    let seconds = 0;
    for (const [pid, now] of postgresCpu()) seconds += now - (before.get(pid) ?? 0);
    return seconds / ((performance.now() - startedAt) / 1000);
  };
}
