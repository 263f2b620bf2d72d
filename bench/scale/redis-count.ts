/**
 * How many requests the replicas counted in Redis: the sum of the per-minute request counters under a deployment's
 * key prefix. Equal to the requests sent when every replica reached Redis for every request; lower when some were
 * decided on a replica's own counters (Redis too slow or down).
 */
import { createClient } from 'redis';

export async function requestsCountedInRedis(url: string, keyPrefix: string): Promise<number> {
  const client = createClient({ url });
  await client.connect();
  try {
    let total = 0;
    for await (const keys of client.scanIterator({
      MATCH: `${keyPrefix}:*:requests:minute:*`,
      COUNT: 1000,
    })) {
      for (const value of keys.length > 0 ? await client.mGet(keys) : []) total += Number(value ?? 0);
    }
    return total;
  } finally {
    client.destroy();
  }
}
