import { cancelledError, isUpstreamError } from './errors.js';

export interface RetryPolicy {
  max: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or the retries are spent. Delays use
 * "full jitter" (a random wait up to an exponentially growing cap) so that replicas retrying a recovering
 * server do not arrive in lockstep; a Retry-After within the cap is honoured.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  signal: AbortSignal,
  attempt: (attemptNumber: number) => Promise<T>,
  onRetry?: (error: unknown, attemptNumber: number) => void,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (signal.aborted) throw cancelledError();
      if (!isUpstreamError(error) || !error.retryable || n >= policy.max) throw error;
      onRetry?.(error, n);
      await sleep(retryDelay(policy, n, error.retryAfterMs), signal);
    }
  }
}

export function retryDelay(policy: RetryPolicy, attemptNumber: number, retryAfterMs?: number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attemptNumber);
  if (retryAfterMs !== undefined && retryAfterMs <= policy.maxDelayMs) return retryAfterMs;
  return Math.random() * cap;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
