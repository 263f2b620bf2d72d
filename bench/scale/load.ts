/**
 * A closed loop through the balancer: `concurrency` clients each send their next chat completion as soon as the
 * last one is answered, for a fixed time. Every 200 answer's audit id is kept, so that the audit check can look for
 * each accepted request in the log.
 */
import { Pool } from 'undici';
import { percentile } from '../stats.js';
import { MODEL } from './cluster.js';

const PROMPT = "Bonjour, quels documents faut-il pour renouveler ma carte nationale d'identité ?";
const REQUEST_TIMEOUT_MS = 30_000;

export interface LoadResult {
  /** 200 answers completed within the window, per second. */
  rate: number;
  /** Milliseconds per answered request, ascending. */
  latencies: number[];
  ok: number;
  /** Failure (status or error code) → count. */
  failures: Record<string, number>;
  /** The `mizan.audit_id` of every 200 answer, those after the window included. */
  auditIds: string[];
}

export const createPool = (origin: string): Pool =>
  new Pool(origin, { connections: 256, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });

export async function closedLoop(
  pool: Pool,
  key: string,
  options: { concurrency: number; durationMs: number },
): Promise<LoadResult> {
  const body = JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: PROMPT }] });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  const result: LoadResult = { rate: 0, latencies: [], ok: 0, failures: {}, auditIds: [] };
  const fail = (why: string) => (result.failures[why] = (result.failures[why] ?? 0) + 1);
  const end = performance.now() + options.durationMs;

  const client = async (): Promise<void> => {
    while (performance.now() < end) {
      const sent = performance.now();
      try {
        const response = await pool.request({ method: 'POST', path: '/v1/chat/completions', headers, body });
        const text = await response.body.text();
        const done = performance.now();
        if (response.statusCode !== 200) {
          fail(`HTTP ${response.statusCode}`);
          continue;
        }
        const auditId = (JSON.parse(text) as { mizan?: { audit_id?: string } }).mizan?.audit_id;
        if (!auditId) {
          fail('200 without an audit id');
          continue;
        }
        result.auditIds.push(auditId);
        if (done <= end) {
          result.ok++;
          result.latencies.push(done - sent);
        }
      } catch (error) {
        fail((error as { code?: string }).code ?? String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  result.latencies.sort((a, b) => a - b);
  result.rate = result.ok / (options.durationMs / 1000);
  return result;
}

export const latency = (result: LoadResult, p: number): number => percentile(result.latencies, p);
