import { createClient } from 'redis';
import type { Check, Counter, CounterStore } from './memory-store.js';

/**
 * Checks every counter, then takes every cost, in one script: Redis runs a script without interleaving another
 * client's commands, so two replicas can never both take the last request of a window.
 * KEYS: the counters; ARGV: limit, cost and ttl (ms) of each, in order. Returns the refused check's 1-based index.
 */
const ADMIT = `
for i = 1, #KEYS do
  local value = tonumber(redis.call('GET', KEYS[i]) or '0')
  local limit = tonumber(ARGV[3 * i - 2])
  local cost = tonumber(ARGV[3 * i - 1])
  if value >= limit or value + cost > limit then return i end
end
for i = 1, #KEYS do
  local cost = tonumber(ARGV[3 * i - 1])
  if cost > 0 then
    if redis.call('INCRBY', KEYS[i], cost) == cost then redis.call('PEXPIRE', KEYS[i], ARGV[3 * i]) end
  end
end
return 0
`;

/** KEYS: the counters; ARGV: the amount, then each counter's ttl (ms). */
const ADD = `
for i = 1, #KEYS do
  if redis.call('INCRBY', KEYS[i], ARGV[1]) == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[i], ARGV[i + 1]) end
end
return 0
`;

export interface RedisStoreOptions {
  url: string;
  prefix: string;
  timeoutMs: number;
  /** Decides while Redis cannot be reached. */
  fallback: CounterStore;
  /** Called when Redis stops or starts answering (not on every failed reconnection). */
  onState(up: boolean): void;
  /** Called for each decision taken by the fallback. */
  onFallback(): void;
}

/**
 * Counters in Redis, shared by every replica. Commands fail at once while the client is disconnected (no offline
 * queue) and are given up after `timeoutMs`, so a Redis that is down or hung costs a request at most that: the
 * request is then decided on this process's own counters, and Redis is used again as soon as it answers.
 */
export function createRedisStore(options: RedisStoreOptions): CounterStore {
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: Math.max(options.timeoutMs, 1_000),
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000),
    },
  });
  let up: boolean | undefined;
  const setState = (next: boolean) => {
    if (up === next) return;
    // The first connection is not news; losing it, or never getting it, is.
    if (up !== undefined || !next) options.onState(next);
    up = next;
  };
  // Without a listener a connection error would crash the process; the state changes say what matters.
  client.on('error', () => setState(false));
  client.on('ready', () => setState(true));
  client.on('end', () => setState(false));
  const connecting = client.connect().catch(() => undefined);
  const firstReady = new Promise<void>((resolve) => client.once('ready', resolve));

  const key = (counter: Counter) => `${options.prefix}:${counter.key}`;
  async function run<T>(call: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    // Right after start, the first connection is waited for rather than counted around.
    if (up === undefined) await within(firstReady, options.timeoutMs).catch(() => undefined);
    if (client.isReady) {
      try {
        const result = await within(call(), options.timeoutMs);
        setState(true);
        return result;
      } catch {
        setState(false);
      }
    }
    options.onFallback();
    return fallback();
  }

  return {
    admit: (checks: readonly Check[]) =>
      checks.length === 0
        ? Promise.resolve(-1)
        : run(
            async () =>
              Number(
                await client.eval(ADMIT, {
                  keys: checks.map(key),
                  arguments: checks.flatMap((c) => [String(c.limit), String(c.cost), String(c.ttlMs)]),
                }),
              ) - 1,
            () => options.fallback.admit(checks),
          ),
    add: (counters, amount) =>
      counters.length === 0 || amount <= 0
        ? Promise.resolve()
        : run(
            async () => {
              await client.eval(ADD, {
                keys: counters.map(key),
                arguments: [String(amount), ...counters.map((c) => String(c.ttlMs))],
              });
            },
            () => options.fallback.add(counters, amount),
          ),
    async close() {
      client.destroy();
      await connecting;
      await options.fallback.close();
    },
  };
}

/** The promise's value, or a rejection once `ms` have passed. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
