/**
 * An open-loop, constant-rate load generator: request i is due at t0 + i/rate whatever happened to the
 * requests before it, and its latency is measured from that planned time. A stalled server therefore shows
 * up in the percentiles instead of silently slowing the sender down (coordinated omission).
 */
import { Pool } from 'undici';
import { percentile } from './stats.js';

export interface RequestSpec {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** An SSE answer, complete once `data: [DONE]` arrives; otherwise a JSON completion. */
  stream: boolean;
}

export interface Exchange {
  /** A 200 with a complete answer. */
  ok: boolean;
  /** Why it failed: the status or the error code. */
  failure?: string;
  /** performance.now() when the first body byte and the last one arrived. */
  firstByteAt: number;
  doneAt: number;
  serverTiming?: string;
}

/** Long enough for any sane answer here; a hung gateway then counts as errors instead of stalling the run. */
const REQUEST_TIMEOUT_MS = 10_000;
const STREAM_END = /data: \[DONE\]\s*$/;

/** Keep-alive connections to one target; enough of them that the closed loop never queues in the client. */
export const createPool = (origin: string): Pool =>
  new Pool(origin, {
    connections: 128,
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });

/** Sends one request and reads the whole answer, noting when its first and last bytes arrived. */
export async function send(pool: Pool, spec: RequestSpec): Promise<Exchange> {
  try {
    const response = await pool.request({
      method: 'POST',
      path: spec.path,
      headers: spec.headers,
      body: spec.body,
    });
    let firstByteAt = 0;
    let text = '';
    response.body.setEncoding('utf8');
    for await (const chunk of response.body) {
      firstByteAt ||= performance.now();
      text += chunk as string;
    }
    const doneAt = performance.now();
    const header = response.headers['server-timing'];
    const serverTiming = typeof header === 'string' ? header : undefined;
    const complete = spec.stream ? STREAM_END.test(text) : text.includes('"choices"');
    if (response.statusCode === 200 && complete) return { ok: true, firstByteAt, doneAt, serverTiming };
    const failure = response.statusCode === 200 ? 'incomplete answer' : `HTTP ${response.statusCode}`;
    return { ok: false, failure, firstByteAt, doneAt };
  } catch (error) {
    const now = performance.now();
    const failure = (error as { code?: string }).code ?? String(error);
    return { ok: false, failure, firstByteAt: now, doneAt: now };
  }
}

export interface LoadResult {
  /** Successful answers per second, from the first planned send to the last answer. */
  achievedRate: number;
  ok: number;
  errors: number;
  /** Failure reason → count. */
  failures: Record<string, number>;
  /** Milliseconds from the planned send time, ascending, successful requests only. */
  firstByte: number[];
  total: number[];
  /** The `server-timing` headers received, when the target sends one. */
  serverTimings: string[];
  /** How late, at p99, requests left after their planned time: the load generator's own delay (ms). */
  sendLagP99: number;
}

export async function openLoop(
  pool: Pool,
  spec: RequestSpec,
  options: { rate: number; durationMs: number },
): Promise<LoadResult> {
  const count = Math.round((options.rate * options.durationMs) / 1000);
  const interval = 1000 / options.rate;
  const exchanges: Promise<void>[] = [];
  const result: LoadResult = {
    achievedRate: 0,
    ok: 0,
    errors: 0,
    failures: {},
    firstByte: [],
    total: [],
    serverTimings: [],
    sendLagP99: 0,
  };
  const sendLags: number[] = [];
  let lastDoneAt = 0;
  const t0 = performance.now();

  const launch = (planned: number): void => {
    sendLags.push(performance.now() - planned);
    exchanges.push(
      send(pool, spec).then((exchange) => {
        lastDoneAt = Math.max(lastDoneAt, exchange.doneAt);
        if (!exchange.ok) {
          result.errors++;
          const failure = exchange.failure ?? 'unknown';
          result.failures[failure] = (result.failures[failure] ?? 0) + 1;
          return;
        }
        result.ok++;
        result.firstByte.push(exchange.firstByteAt - planned);
        result.total.push(exchange.doneAt - planned);
        if (exchange.serverTiming) result.serverTimings.push(exchange.serverTiming);
      }),
    );
  };

  // Timers fire late by up to a millisecond or so; every request already due is sent at once on each wake-up,
  // and the lateness is counted because latency runs from the planned time.
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = (): void => {
      const now = performance.now();
      for (; next < count && t0 + next * interval <= now; next++) launch(t0 + next * interval);
      if (next >= count) return resolve();
      setTimeout(tick, t0 + next * interval - now);
    };
    tick();
  });
  await Promise.all(exchanges);

  result.firstByte.sort((a, b) => a - b);
  result.total.sort((a, b) => a - b);
  result.achievedRate = result.ok / ((lastDoneAt - t0) / 1000);
  result.sendLagP99 = percentile(
    sendLags.sort((a, b) => a - b),
    99,
  );
  return result;
}
