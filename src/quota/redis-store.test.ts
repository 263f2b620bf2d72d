import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { createClient } from 'redis';
import { createMemoryStore, type Check, type CounterStore } from './memory-store.js';
import { createRedisStore } from './redis-store.js';

const REDIS = { host: '127.0.0.1', port: 6379 };

/** A TCP relay to the real Redis that the test can stop and start again on the same port: Redis "going away". */
async function startRelay() {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(REDIS);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  return {
    url: () => `redis://127.0.0.1:${port}`,
    async stop() {
      const closed = new Promise((resolve) => server!.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    start: listen,
  };
}

async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await delay(50);
  }
}

const request = (limit: number): Check => ({
  key: 'application:app_a:requests:minute:1',
  ttlMs: 60_000,
  limit,
  cost: 1,
});

describe('the Redis counter store, on the real Redis', () => {
  const redis = createClient({ socket: REDIS });
  const stores: CounterStore[] = [];
  const open = (options: { url?: string; prefix: string }) => {
    const events = { states: [] as boolean[], fallbacks: 0 };
    const store = createRedisStore({
      url: options.url ?? `redis://${REDIS.host}:${REDIS.port}`,
      prefix: options.prefix,
      timeoutMs: 250,
      fallback: createMemoryStore(),
      onState: (up) => events.states.push(up),
      onFallback: () => events.fallbacks++,
    });
    stores.push(store);
    return { store, events };
  };

  before(() => redis.connect());
  after(async () => {
    await Promise.all(stores.map((store) => store.close()));
    redis.destroy();
  });

  it('lets two replicas share one limit, atomically under concurrent requests', async () => {
    const prefix = `mizan-test:${randomUUID()}`;
    const a = open({ prefix });
    const b = open({ prefix });
    const admitted = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).store.admit([request(10)])),
    );
    assert.equal(admitted.filter((index) => index === -1).length, 10);
    assert.equal(await redis.get(`${prefix}:${request(10).key}`), '10');
    assert.ok((await redis.pTTL(`${prefix}:${request(10).key}`)) > 0, 'the counter expires with its window');
    assert.equal(a.events.fallbacks + b.events.fallbacks, 0);
  });

  it('decides on local counters while Redis is away, says so once, and goes back to Redis when it returns', async () => {
    const relay = await startRelay();
    const prefix = `mizan-test:${randomUUID()}`;
    const { store, events } = open({ url: relay.url(), prefix });
    const key = `${prefix}:${request(100).key}`;
    await eventually(
      async () => (await store.admit([request(100)])) === -1 && (await redis.get(key)) !== null,
      'Redis counts',
    );
    assert.deepEqual(events.states, []);

    await relay.stop();
    const before = Number(await redis.get(key));
    for (let i = 0; i < 5; i++) assert.equal(await store.admit([request(100)]), -1);
    assert.equal(await store.admit([request(2)]), 0, 'the local counters still enforce the limit');
    assert.deepEqual(events.states, [false]);
    assert.ok(events.fallbacks >= 6);
    assert.equal(Number(await redis.get(key)), before);

    await relay.start();
    await eventually(() => events.states.length === 2, 'the store reconnects');
    assert.deepEqual(events.states, [false, true]);
    const fallbacks = events.fallbacks;
    assert.equal(await store.admit([request(100)]), -1);
    assert.equal(Number(await redis.get(key)), before + 1);
    assert.equal(events.fallbacks, fallbacks);
    await relay.stop();
  });
});
