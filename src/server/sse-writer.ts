import { once } from 'node:events';
import type { ServerResponse } from 'node:http';

/**
 * Writes Server-Sent Events with backpressure: when the client reads slowly, writing waits for `drain`
 * instead of buffering the whole answer in memory. Resolves `false` once the client has gone.
 */
export function createSseWriter(response: ServerResponse, signal: AbortSignal) {
  return {
    async event(data: string): Promise<boolean> {
      if (signal.aborted || response.destroyed) return false;
      if (response.write(`data: ${data}\n\n`)) return true;
      try {
        await once(response, 'drain', { signal });
        return true;
      } catch {
        return false;
      }
    },
    end(): void {
      if (!response.destroyed) response.end();
    },
  };
}
