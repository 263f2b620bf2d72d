import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../bench/processes.js';
import { Client } from 'pg';

/**
 * A PostgreSQL server of the test's own, in a temporary folder, that the test may kill with SIGKILL and start
 * again (crash recovery included) without touching the machine's shared server. Run as the `postgres` system user,
 * since PostgreSQL refuses to run as root.
 */
export interface PrivatePostgres {
  url: string;
  /** SIGKILL: no shutdown, no checkpoint; what was committed must survive. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const BIN_ROOT = '/usr/lib/postgresql';

/** The binaries folder of the newest PostgreSQL installed from Debian's packages, or undefined. */
export function postgresBinaries(): string | undefined {
  if (!existsSync(BIN_ROOT)) return undefined;
  const version = readdirSync(BIN_ROOT)
    .filter((v) => existsSync(join(BIN_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return version && join(BIN_ROOT, version, 'bin');
}

const postgresUser = (): { uid: number; gid: number } | undefined => {
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
};

/** Why a private server cannot run here, or undefined when it can. */
export function privatePostgresUnavailable(): string | undefined {
  if (!postgresBinaries()) return 'no PostgreSQL server binaries under /usr/lib/postgresql';
  if (process.getuid?.() === 0 && !postgresUser()) return 'running as root without a postgres user';
  return undefined;
}

async function waitForServer(url: string, timeoutMs: number, gone = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (gone() || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('no PostgreSQL binaries');
  const asUser = process.getuid?.() === 0 ? postgresUser() : undefined;
  const root = mkdtempSync(join(tmpdir(), 'mizan-pg-'));
  if (asUser) chownSync(root, asUser.uid, asUser.gid);
  const data = join(root, 'data');
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'], {
    ...(asUser ?? {}),
    encoding: 'utf8',
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let server: ChildProcess | undefined;

  const exited = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // After a SIGKILL the old backends may hold the shared memory for a moment: a refused start is tried again.
  const start = async () => {
    for (let attempt = 0; ; attempt++) {
      const child = spawn(
        join(bin, 'postgres'),
        ['-D', data, '-p', String(port), '-k', root, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on'],
        { ...(asUser ?? {}), stdio: 'ignore' },
      );
      const up = await Promise.race([
        waitForServer(url, 30_000, () => child.exitCode !== null || child.signalCode !== null).then(
          () => true,
          () => false,
        ),
        exited(child).then(() => false),
      ]);
      if (up) {
        server = child;
        return;
      }
      if (attempt > 50) throw new Error('the private PostgreSQL server did not start again');
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  await start();
  return {
    url,
    start,
    async kill() {
      if (!server) return;
      const child = server;
      child.kill('SIGKILL');
      await exited(child);
      server = undefined;
    },
    async stop() {
      if (server) {
        const child = server;
        child.kill('SIGINT');
        await exited(child);
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
