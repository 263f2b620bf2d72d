/**
 * A closed loop for peak throughput: `concurrency` workers each send their next request as soon as the last
 * one is answered, so the server is never idle and its throughput, not the offered rate, is what is measured.
 */
import type { Pool } from 'undici';
import { send, type RequestSpec } from './open-loop.js';

export interface PeakResult {
  /** Successful answers completed within the window, per second. */
  rate: number;
  errors: number;
}

export async function closedLoop(
  pool: Pool,
  spec: RequestSpec,
  options: { concurrency: number; durationMs: number },
): Promise<PeakResult> {
  const started = performance.now();
  const end = started + options.durationMs;
  let ok = 0;
  let errors = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      const exchange = await send(pool, spec);
      if (!exchange.ok) errors++;
      else if (exchange.doneAt <= end) ok++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { rate: ok / (options.durationMs / 1000), errors };
}
