/**
 * The deployment the scale benchmark measures: a fresh PostgreSQL database, one tenant with one commissioned
 * application and its API key, N gateway replicas (`mizan serve`, each a process of its own) sharing that database,
 * and the round-robin balancer in front of them. Children are killed if this process exits for any reason.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { stringify } from 'yaml';
import { signingKeyFrom } from '../../src/audit/signed-head.js';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/observability/logger.js';
import { createPlatform } from '../../src/platform.js';
import { commission } from '../../test/support/oversight-fixtures.js';
import { REPO_ROOT } from '../environment.js';
import { freePort, stopChild, waitUntil } from '../processes.js';

export const MODEL = 'atlas';
const STARTUP_TIMEOUT_MS = 120_000;
const LOG_TAIL_CHARACTERS = 2_000;

/** tsx by its path: replicas run in a scratch folder, where the bare name would not resolve. */
const TSX = import.meta.resolve('tsx');
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function spawnNode(args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(process.execPath, args, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** A child that prints one JSON line `{"url": ...}` once listening (the upstream, the balancer). */
async function spawnAnnounced(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawnNode(['--import', TSX, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited (${code}) before listening`)));
  });
  lines.close();
  return { child, url };
}

export const startUpstream = () => spawnAnnounced([join(REPO_ROOT, 'bench/upstream-process.ts')]);

export const startBalancer = (replicaUrls: string[]) =>
  spawnAnnounced([join(REPO_ROOT, 'bench/scale/balancer.ts'), ...replicaUrls]);

/** A database of its own on the server at `serverUrl`, dropped (with any connection left) by `drop()`. */
export async function createDatabase(
  serverUrl: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const onServer = async (statement: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await onServer(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => onServer(`drop database if exists ${name} with (force)`) };
}

export interface Deployment {
  /** The configuration every replica reads, less what each needs of its own (its spool). */
  document: Record<string, unknown>;
  /** Secrets shared by every replica, as the environment gives them. */
  env: Record<string, string>;
  /** An API key of the commissioned application. */
  key: string;
  /** The public key that signs the log's heads (PEM), which the verifier pins. */
  publicKeyPem: string;
}

/**
 * Writes the replicas' configuration, migrates the database and commissions one application through the platform
 * itself (as an operator's tooling would), before any replica starts.
 */
export async function prepareDeployment(options: {
  workDir: string;
  databaseUrl: string;
  upstreamUrl: string;
  retrieval: boolean;
  /** Quota counters shared in Redis, under a key prefix of this deployment's own. */
  redis?: { url: string; keyPrefix: string };
}): Promise<Deployment> {
  const document = {
    server: { host: '127.0.0.1' },
    data_dir: join(options.workDir, 'data'),
    database: { url: options.databaseUrl },
    security: { key_hash_secret: randomBytes(24).toString('hex') },
    // Retrieval is a full-text search in PostgreSQL for every request: on, it measures the database rather than the
    // replicas. Its demo corpus is loaded once here, not by four replicas racing at start.
    corpus: { demo: false, retrieval: options.retrieval },
    audit: { integrate_interval_ms: 500 },
    // A limit far above the load, so that every request checks and takes its counters (in Redis) yet none is refused.
    ...(options.redis
      ? {
          quota: {
            redis_url: options.redis.url,
            key_prefix: options.redis.keyPrefix,
            application: { requests_per_minute: 100_000_000 },
          },
        }
      : {}),
    logging: { level: 'warn' },
    providers: [
      {
        id: 'dc',
        type: 'openai-compatible',
        base_url: options.upstreamUrl,
        hosting: { operator: 'bench', country: 'MA', sovereign: true },
      },
    ],
    models: [{ id: MODEL, provider: 'dc', upstream_model: 'test-model' }],
  };
  const signingKeySeed = randomBytes(32).toString('base64');
  const env = {
    MIZAN_VAULT_KEY: randomBytes(32).toString('base64'),
    MIZAN_AUDIT_SIGNING_KEY: signingKeySeed,
  };

  const { config } = loadConfig({ document, env });
  const platform = await createPlatform(
    // Without Redis: setting up counts no request.
    {
      ...config,
      corpus: { ...config.corpus, demo: options.retrieval },
      quota: { ...config.quota, redis_url: undefined },
    },
    { env, logger: createLogger('warn') },
  );
  try {
    const tenant = await platform.tenancy.createTenant({ name: 'ministry-bench' });
    const application = await platform.tenancy.createApplication({ tenantId: tenant.id, name: 'assistant' });
    await commission(platform, application.id);
    const { key } = await platform.tenancy.createKey({ applicationId: application.id });
    return { document, env, key, publicKeyPem: signingKeyFrom(signingKeySeed).publicKeyPem };
  } finally {
    await platform.close();
  }
}

export interface Replica {
  child: ChildProcess;
  url: string;
}

/** `mizan serve` from the sources (tsx), so that the code measured is the working tree's, built or not. */
export async function startReplica(deployment: Deployment, workDir: string, index: number): Promise<Replica> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = join(workDir, `replica-${index}.log`);
  const configFile = join(workDir, `mizan-${index}.yaml`);
  const audit = {
    ...(deployment.document.audit as object),
    spool_path: join(workDir, `spool-${index}.jsonl`),
  };
  writeFileSync(configFile, stringify({ ...deployment.document, audit }));
  const output = openSync(log, 'a');
  const child = spawnNode(
    ['--import', TSX, join(REPO_ROOT, 'src/cli/main.ts'), 'serve', '--config', configFile],
    {
      cwd: workDir,
      env: {
        ...process.env,
        ...deployment.env,
        PORT: String(port),
      },
      stdio: ['ignore', output, output],
    },
  );
  closeSync(output);
  await waitUntil(`replica ${index}`, child, () => isOk(`${url}/readyz`), {
    timeoutMs: STARTUP_TIMEOUT_MS,
    describe: () => readFileSync(log, 'utf8').slice(-LOG_TAIL_CHARACTERS),
  });
  return { child, url };
}

export const stop = (child: ChildProcess): Promise<void> => stopChild(child);

async function isOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
  await response.body?.cancel();
  return response.ok;
}
