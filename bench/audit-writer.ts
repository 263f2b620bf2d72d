/**
 * One writer process of the audit benchmark: appends flow-sized records through the production writer (group
 * commit) from `concurrency` concurrent request loops for `seconds`, then prints how many were made durable.
 * Usage: node --import tsx bench/audit-writer.ts DATABASE_URL SECONDS CONCURRENCY
 */
import { tmpdir } from 'node:os';
import { createAuditWriter } from '../src/audit/writer.js';
import { createAuditStore, type NewAuditEvent } from '../src/store/audit-store.js';
import { openDatabase } from '../src/store/database.js';

/** A record shaped like a real flow's (about 700 bytes of JSON). */
export const flowLikeEvent = (i: number): NewAuditEvent => ({
  kind: 'flow',
  tenantId: 'ten_bench',
  applicationId: `app_${i % 8}`,
  action: 'chat',
  actor: `application:app_${i % 8}`,
  subject: null,
  dataSubject: `sub_${(i % 5000).toString(16).padStart(32, '0')}`,
  detail: {
    request_id: `req-${i}`,
    key_id: 'key_bench',
    outcome: i % 50 === 0 ? 'refused' : 'completion',
    purpose: 'Information des usagers sur les démarches administratives',
    legal_basis: 'public_interest',
    risk_tier: 'limited',
    sandbox_id: null,
    language: 'ary_Arab',
    review: null,
    data_categories: i % 3 === 0 ? { MA_PHONE: { pseudonymize: 1 } } : {},
    model: { id: 'atlas', provider: 'dc', country: 'MA' },
    sources: [{ document_id: 'doc_1', version: 3, sha256: 'ab'.repeat(32) }],
    grounded: true,
    flags: [],
    latency_ms: 180 + (i % 40),
    tokens: 420,
    content: { request: 'cd'.repeat(32), answer: 'ef'.repeat(32), kept: false },
  },
});

async function main() {
  const [url, seconds, concurrency] = process.argv.slice(2);
  const database = await openDatabase({ url: url!, dataDir: tmpdir() });
  const writer = createAuditWriter({ store: createAuditStore(database.db) });
  const end = Date.now() + Number(seconds) * 1000;
  let count = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Number(concurrency) }, async (_, loop) => {
      for (let i = loop; Date.now() < end; i += Number(concurrency)) {
        await writer.append(flowLikeEvent(process.pid * 1_000_000 + i));
        count++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await writer.close();
  await database.close();
  console.log(JSON.stringify({ count, seconds: elapsed }));
}

if (process.argv[1]?.endsWith('audit-writer.ts')) await main();
