/**
 * What the gateway benchmark sends its load to: the upstream itself (the baseline), Mizan and Portkey, each
 * started as a pinned child process and reached through its own keep-alive pool.
 */
import type { ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'undici';
import { createPool, type RequestSpec } from './open-loop.js';
import { freePort, spawnPinned, stopChild, waitUntil } from './processes.js';

export interface Target {
  name: string;
  /** The process whose memory and CPU are reported (the upstream's, for the baseline). */
  pid: number;
  pool: Pool;
  /** Mizan reports its time per stage in `server-timing`. */
  serverTiming: boolean;
  spec(stream: boolean): RequestSpec;
}

export interface Placement {
  gatewayCore: number;
  upstreamCore: number;
  /** Scratch directory for data and logs, removed by the caller. */
  workDir: string;
}

/** How the report names the targets. */
export const BASELINE = 'direct';
export const MIZAN = 'Mizan';
export const PORTKEY = 'Portkey';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODEL = 'test-model';
const PROMPT = "Bonjour, quels documents faut-il pour renouveler ma carte nationale d'identité ?";
const STARTUP_TIMEOUT_MS = 60_000;
const LOG_TAIL_CHARACTERS = 2_000;

const chatBody = (stream: boolean): string =>
  JSON.stringify({ model: MODEL, stream, messages: [{ role: 'user', content: PROMPT }] });

const chatTarget = (
  name: string,
  child: ChildProcess,
  base: string,
  headers: Record<string, string>,
  serverTiming = false,
): Target => {
  const url = new URL(base);
  return {
    name,
    pid: child.pid!,
    pool: createPool(url.origin),
    serverTiming,
    spec: (stream) => ({
      path: `${url.pathname.replace(/\/$/, '')}/chat/completions`,
      headers: { 'content-type': 'application/json', ...headers },
      body: chatBody(stream),
      stream,
    }),
  };
};

/** The test upstream in its own process; it prints its URL once listening. */
export async function startUpstream(placement: Placement): Promise<{ target: Target; url: string }> {
  const child = spawnPinned(
    placement.upstreamCore,
    ['--import', 'tsx', join(ROOT, 'bench/upstream-process.ts')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the test upstream exited (${code}) before listening`)));
  });
  lines.close();
  return { target: chatTarget(BASELINE, child, url, {}), url };
}

/**
 * Mizan is started twice on the same data directory. The first start creates the database (PGlite's initdb
 * leaves some 500 MiB more resident than a plain start) and the demo key; the second, the one measured, is
 * what a deployment runs after any restart.
 */
export async function startMizan(placement: Placement, upstreamUrl: string): Promise<Target> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = join(placement.workDir, 'mizan-data');
  const keyFile = join(dataDir, 'demo-key');
  const start = () =>
    startGateway(placement, MIZAN, {
      args: [join(ROOT, 'bin/mizan.js'), 'serve'],
      env: {
        PORT: String(port),
        MIZAN_HOST: '127.0.0.1',
        MIZAN_DATA_DIR: dataDir,
        MIZAN_UPSTREAM_BASE_URL: upstreamUrl,
        MIZAN_UPSTREAM_MODEL: MODEL,
      },
      // The demo key is written on first start, before the server listens.
      ready: async () => existsSync(keyFile) && (await isOk(`${base}/healthz`)),
    });
  await stopChild(await start());
  const child = await start();
  const key = readFileSync(keyFile, 'utf8').trim();
  return chatTarget(MIZAN, child, `${base}/v1`, { authorization: `Bearer ${key}` }, true);
}

export async function startPortkey(placement: Placement, upstreamUrl: string): Promise<Target> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await startGateway(placement, PORTKEY, {
    args: [portkeyPackage().entry, `--port=${port}`, '--headless'],
    ready: () => isOk(`${base}/`),
  });
  // Portkey forwards the bearer to the provider; the test upstream ignores it.
  return chatTarget(PORTKEY, child, `${base}/v1`, {
    authorization: 'Bearer bench',
    'x-portkey-provider': 'openai',
    'x-portkey-custom-host': upstreamUrl,
  });
}

/** Starts a gateway on the gateway core, its output in a log file, and waits until `ready` holds. */
async function startGateway(
  placement: Placement,
  name: string,
  command: { args: string[]; env?: Record<string, string>; ready: () => Promise<boolean> },
): Promise<ChildProcess> {
  const log = join(placement.workDir, `${name.toLowerCase()}.log`);
  const output = openSync(log, 'a');
  const child = spawnPinned(placement.gatewayCore, command.args, {
    // The scratch directory as cwd, so that a mizan.yaml lying in the repository is not picked up.
    cwd: placement.workDir,
    env: { ...process.env, ...command.env },
    stdio: ['ignore', output, output],
  });
  closeSync(output);
  await waitUntil(name, child, command.ready, {
    timeoutMs: STARTUP_TIMEOUT_MS,
    describe: () => readFileSync(log, 'utf8').slice(-LOG_TAIL_CHARACTERS),
  });
  return child;
}

/** Portkey's installed release and its own `bin`, so a new entry point in a later release is followed. */
export function portkeyPackage(): { version: string; entry: string } {
  const manifest = createRequire(import.meta.url).resolve('@portkey-ai/gateway/package.json');
  const { version, bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string; bin: string };
  return { version, entry: join(dirname(manifest), bin) };
}

async function isOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
  await response.body?.cancel();
  return response.ok;
}
