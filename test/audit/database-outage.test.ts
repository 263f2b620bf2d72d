import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { Client } from 'pg';
import { verifyExport } from '../../src/audit/verify-export.js';
import { startGateway, upstreamProvider, UPSTREAM_ENV } from '../support/gateway-harness.js';
import { privatePostgresUnavailable, startPrivatePostgres } from '../support/private-postgres.js';
import { startTestUpstream } from '../support/test-upstream.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * The durability promise of the audit log, tested for real: a private PostgreSQL server is killed with SIGKILL in
 * the middle of a load and started again. Every request that was answered 200 must have its record in the log
 * afterwards, placed in the tree: spooled to a local file and replayed in spool mode, or never answered at all in
 * refuse mode.
 */
describe('the audit log when PostgreSQL dies under load', { skip: privatePostgresUnavailable() }, () => {
  for (const mode of ['spool', 'refuse'] as const) {
    it(`${mode} mode: no answered request is missing from the log`, { timeout: 120_000 }, async () => {
      const pg = await startPrivatePostgres();
      const upstream = await startTestUpstream();
      const gateway = await startGateway(
        {
          database: { url: pg.url },
          // Caches long enough that requests keep being served while the database is down.
          security: { key_hash_secret: randomBytes(24).toString('hex'), key_cache_ttl_ms: 600_000 },
          oversight: { cache_ttl_ms: 600_000 },
          audit: { on_database_unavailable: mode, retry_ms: 200, integrate_interval_ms: 200 },
          providers: [upstreamProvider('dc', upstream.url)],
          models: [{ id: 'atlas', provider: 'dc' }],
        },
        {
          ...UPSTREAM_ENV,
          MIZAN_VAULT_KEY: randomBytes(32).toString('base64'),
          MIZAN_AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
        },
      );
      try {
        const answered: Array<{ id: string; at: number }> = [];
        const refused = new Map<number, number>();
        let running = true;
        const worker = async () => {
          while (running) {
            try {
              const response = await fetch(`${gateway.origin}/v1/chat/completions`, {
                method: 'POST',
                headers: { authorization: `Bearer ${gateway.key}`, 'content-type': 'application/json' },
                body: JSON.stringify({ model: 'atlas', messages: [{ role: 'user', content: 'Bonjour' }] }),
              });
              const body = (await response.json()) as { mizan?: { audit_id: string } };
              if (response.status === 200) answered.push({ id: body.mizan!.audit_id, at: Date.now() });
              else refused.set(response.status, (refused.get(response.status) ?? 0) + 1);
            } catch {
              refused.set(0, (refused.get(0) ?? 0) + 1);
            }
          }
        };
        const workers = Array.from({ length: 6 }, worker);
        await until(() => answered.length >= 30, 30_000, 'answers before the kill');
        await pg.kill();
        await sleep(1_500);
        await pg.start();
        const restartedAt = Date.now();
        await until(
          () => answered.some((a) => a.at > restartedAt + 500),
          30_000,
          'answers after the restart',
        );
        running = false;
        await Promise.all(workers);

        const audit = gateway.platform.audit;
        await until(() => audit.log.spooled() === 0, 30_000, 'the spool to drain');
        await audit.integrator.integrate();

        const client = new Client({ connectionString: pg.url });
        await client.connect();
        try {
          const ids = answered.map((a) => a.id);
          const { rows } = await client.query<{ id: string; leaf_index: string | null }>(
            'select id, leaf_index from audit_events where id = any($1)',
            [ids],
          );
          const logged = new Map(rows.map((r) => [r.id, r.leaf_index]));
          const missing = ids.filter((id) => !logged.has(id));
          assert.deepEqual(missing, [], `${missing.length} answered requests are missing from the log`);
          assert.ok(
            rows.every((r) => r.leaf_index !== null),
            'every record is placed in the tree',
          );
          const spooled =
            (
              await gateway.platform.metrics.registry.getSingleMetric('mizan_audit_records_total')?.get()
            )?.values.find((v) => v.labels.where === 'spool')?.value ?? 0;
          if (mode === 'spool') {
            assert.ok(spooled > 0, 'records were spooled while the database was down');
          } else {
            assert.equal(spooled, 0);
            assert.ok((refused.get(503) ?? 0) > 0, 'requests were refused with 503 during the outage');
          }
          const { rows: tree } = await client.query<{ tree_size: string }>(
            'select tree_size from audit_tree',
          );
          const { rows: count } = await client.query<{ n: string }>('select count(*) as n from audit_events');
          assert.equal(tree[0]!.tree_size, count[0]!.n, 'one tree holds every record');
          // The heads signed before, during and after the outage are heads of that one tree, as an auditor sees it.
          const exported = join(mkdtempSync(join(tmpdir(), 'mizan-outage-')), 'export');
          try {
            await audit.export(exported, {});
            const report = await verifyExport(exported);
            assert.ok(report.valid, report.problems.map((p) => p.message).join('\n'));
            assert.equal(report.tree_size, Number(count[0]!.n));
          } finally {
            rmSync(dirname(exported), { recursive: true, force: true });
          }
        } finally {
          await client.end();
        }
      } finally {
        await gateway.close();
        await upstream.close();
        await pg.stop();
      }
    });
  }
});
