import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Client } from 'pg';
import { startGateway, upstreamProvider, UPSTREAM_ENV, type Gateway } from '../support/gateway-harness.js';
import { startTestUpstream, type TestUpstream } from '../support/test-upstream.js';

/**
 * Two minutes of steady load on one gateway on PostgreSQL (MIZAN_TEST_DATABASE_URL, else the local server; skipped
 * when there is none): every request must be answered, and memory must settle after the warm-up instead of
 * growing with the number of requests. The gateway runs in this process, so its heap is measured after a full
 * collection; the bounds are generous, to catch a leak per request, not a few megabytes of caches.
 * MIZAN_SOAK_SECONDS shortens or lengthens the run.
 */
const SERVER_URL = process.env.MIZAN_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION_MS = Number(process.env.MIZAN_SOAK_SECONDS ?? 120) * 1000;
const WARM_UP_MS = Math.min(30_000, DURATION_MS / 4);
const SAMPLE_EVERY_MS = DURATION_MS / 12;
const CLIENTS = 8;
const MiB = 2 ** 20;

async function onServer(statement: string): Promise<void> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const unreachable = await onServer('select 1').then(
  () => undefined,
  (error: unknown) => `no PostgreSQL server at ${SERVER_URL} (${String(error)})`,
);

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Sample {
  atMs: number;
  heapMiB: number;
  rssMiB: number;
}

const sample = (startedAt: number): Sample => {
  collectGarbage();
  const { heapUsed, rss } = process.memoryUsage();
  return { atMs: performance.now() - startedAt, heapMiB: heapUsed / MiB, rssMiB: rss / MiB };
};

/** Least-squares slope of the heap, in MiB per minute. */
const heapSlope = (samples: Sample[]): number => {
  const n = samples.length;
  const meanX = samples.reduce((s, p) => s + p.atMs, 0) / n;
  const meanY = samples.reduce((s, p) => s + p.heapMiB, 0) / n;
  const covariance = samples.reduce((s, p) => s + (p.atMs - meanX) * (p.heapMiB - meanY), 0);
  const variance = samples.reduce((s, p) => s + (p.atMs - meanX) ** 2, 0);
  return (covariance / variance) * 60_000;
};

describe('one gateway under sustained load', { skip: unreachable }, () => {
  const database = `mizan_soak_${randomBytes(6).toString('hex')}`;
  let upstream: TestUpstream;
  let gateway: Gateway;

  before(async () => {
    await onServer(`create database ${database}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${database}`;
    upstream = await startTestUpstream({ record: false });
    gateway = await startGateway(
      {
        database: { url: url.href },
        security: { key_hash_secret: randomBytes(24).toString('hex') },
        providers: [upstreamProvider('dc', upstream.url)],
        models: [{ id: 'atlas', provider: 'dc', upstream_model: 'test-model' }],
      },
      {
        ...UPSTREAM_ENV,
        MIZAN_VAULT_KEY: randomBytes(32).toString('base64'),
        MIZAN_AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
      },
    );
  });
  after(async () => {
    await gateway?.close();
    await upstream?.close();
    await onServer(`drop database if exists ${database} with (force)`);
  });

  it(
    'answers every request, and its memory stays flat after the warm-up',
    { timeout: DURATION_MS + 120_000 },
    async () => {
      const failures = new Map<string, number>();
      let answered = 0;
      const startedAt = performance.now();
      const end = startedAt + DURATION_MS;

      const client = async (index: number): Promise<void> => {
        // Half the clients stream, half do not.
        const stream = index % 2 === 1;
        const body = JSON.stringify({
          model: 'atlas',
          stream,
          messages: [
            { role: 'user', content: `Bonjour, quels documents faut-il pour un passeport ? (${index})` },
          ],
        });
        while (performance.now() < end) {
          try {
            const response = await fetch(`${gateway.origin}/v1/chat/completions`, {
              method: 'POST',
              headers: { authorization: `Bearer ${gateway.key}`, 'content-type': 'application/json' },
              body,
            });
            const text = await response.text();
            const complete = stream ? text.trimEnd().endsWith('data: [DONE]') : text.includes('"choices"');
            if (response.status === 200 && complete) answered++;
            else {
              const why = `${response.status} ${text.slice(0, 200)}`;
              failures.set(why, (failures.get(why) ?? 0) + 1);
            }
          } catch (error) {
            failures.set(String(error), (failures.get(String(error)) ?? 0) + 1);
          }
        }
      };

      const samples: Sample[] = [];
      const sampler = (async () => {
        while (performance.now() + SAMPLE_EVERY_MS < end) {
          await sleep(SAMPLE_EVERY_MS);
          samples.push(sample(startedAt));
        }
      })();
      await Promise.all([...Array.from({ length: CLIENTS }, (_, i) => client(i)), sampler]);
      samples.push(sample(startedAt));

      const settled = samples.filter((s) => s.atMs >= WARM_UP_MS);
      const first = settled[0]!;
      const last = settled.at(-1)!;
      const slope = heapSlope(settled);
      const trace = settled
        .map(
          (s) =>
            `${(s.atMs / 1000).toFixed(0)} s: heap ${s.heapMiB.toFixed(1)} MiB, rss ${s.rssMiB.toFixed(0)} MiB`,
        )
        .join('\n');
      const summary = `${answered} answers; heap slope ${slope.toFixed(2)} MiB/min after the warm-up\n${trace}`;
      if (process.env.MIZAN_SOAK_VERBOSE) console.log(summary);

      assert.deepEqual(Object.fromEntries(failures), {}, 'no request failed');
      assert.ok(answered > 0);
      assert.ok(settled.length >= 4, `enough samples after the warm-up\n${summary}`);
      assert.ok(
        last.heapMiB - first.heapMiB < Math.max(32, first.heapMiB / 4),
        `the heap grew from ${first.heapMiB.toFixed(1)} to ${last.heapMiB.toFixed(1)} MiB\n${summary}`,
      );
      assert.ok(
        last.rssMiB - first.rssMiB < Math.max(128, first.rssMiB / 2),
        `the resident set grew from ${first.rssMiB.toFixed(0)} to ${last.rssMiB.toFixed(0)} MiB\n${summary}`,
      );
      assert.ok(slope < 10, `the heap keeps growing after the warm-up\n${summary}`);
    },
  );
});
