/**
 * Child processes pinned to a CPU core, and what the benchmark reads about them from /proc. Every child is
 * registered so that it is stopped on exit, error or Ctrl-C.
 */
import { spawn, execFileSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const children = new Set<ChildProcess>();
const STOP_GRACE_MS = 3_000;
const POLL_MS = 100;

/** Runs `node <args>` on one core; `taskset` execs node, so the child's pid is node's own. */
export function spawnPinned(
  core: number,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdio: StdioOptions },
): ChildProcess {
  const child = spawn('taskset', ['-c', String(core), process.execPath, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: options.stdio,
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Pins this process and all its threads (the load generator's) to one core. */
export function pinSelf(core: number): void {
  execFileSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], { stdio: 'ignore' });
}

/** SIGTERM, then SIGKILL if it is still there after a grace period. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const gone = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS, false, { ref: false })]);
  if (!gone) {
    child.kill('SIGKILL');
    await exited;
  }
}

export async function stopChildren(): Promise<void> {
  await Promise.all([...children].map(stopChild));
}

/** The last resort on process exit, where nothing asynchronous can run any more. */
export function killChildren(): void {
  for (const child of children) child.kill('SIGKILL');
}

/** Polls `ready` until it holds; fails early, with `describe()`'s context, if the child exits first. */
export async function waitUntil(
  what: string,
  child: ChildProcess,
  ready: () => Promise<boolean>,
  options: { timeoutMs: number; describe: () => string },
): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${what} exited (${child.exitCode ?? child.signalCode}) before it was ready\n${options.describe()}`,
      );
    }
    if (await ready().catch(() => false)) return;
    await sleep(POLL_MS);
  }
  throw new Error(`${what} was not ready within ${options.timeoutMs} ms\n${options.describe()}`);
}

/** A port free right now on loopback, for a child that must be told its port up front. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

export interface Memory {
  /** Resident set now, and its high-water mark, in MiB. */
  rssMiB: number;
  peakRssMiB: number;
}

export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** User plus system CPU time the process has used, in seconds. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name, which may itself contain spaces: utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Measures the CPU taken by everything but `pids` and this process (other processes on the machine, and the
 * hypervisor's steal): the returned reader gives its mean share of one core since the meter was started.
 * Interrupt time counts as busy because a process is charged for the interrupts that arrive while it runs.
 */
export function foreignCpuMeter(pids: number[]): () => number {
  const machine = (): number => {
    const [user, nice, system, , , irq, softirq, steal] = /^cpu\s+(.+)$/m
      .exec(readFileSync('/proc/stat', 'utf8'))![1]!
      .split(/\s+/)
      .map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / CLOCK_TICKS_PER_SECOND;
  };
  const ours = (): number => {
    const self = process.cpuUsage();
    return (self.user + self.system) / 1e6 + pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  };
  const start = { machine: machine(), ours: ours(), at: performance.now() };
  // Per-process and machine-wide accounting round differently, by a few ticks: an idle machine can read below 0.
  return () =>
    Math.max(0, machine() - start.machine - (ours() - start.ours)) / ((performance.now() - start.at) / 1000);
}
