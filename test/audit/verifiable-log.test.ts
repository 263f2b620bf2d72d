import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createIntegrator } from '../../src/audit/integrator.js';
import { recordLeafHash, verifyConsistency, verifyInclusion } from '../../src/audit/merkle.js';
import { createProofs } from '../../src/audit/proofs.js';
import { signedHead } from '../../src/audit/record.js';
import { generateSigningKey, verifyTreeHead } from '../../src/audit/signed-head.js';
import { createAuditSpool } from '../../src/audit/spool.js';
import { createAuditWriter } from '../../src/audit/writer.js';
import { isMizanError } from '../../src/errors.js';
import { createAuditStore, type AuditStore, type NewAuditEvent } from '../../src/store/audit-store.js';
import type { Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { BACKENDS } from '../store/backends.js';

const event = (i: number, tenantId = 'ten_a'): NewAuditEvent => ({
  kind: 'flow',
  tenantId,
  applicationId: 'app_1',
  action: 'chat',
  actor: 'application:app_1',
  subject: null,
  detail: { outcome: 'completion', i, data_categories: { MA_PHONE: { pseudonymize: 1 } } },
});

const { key } = generateSigningKey();
const keys = new Map([[key.keyId, key.publicKey]]);
const LOG = 'test-log';

for (const backend of BACKENDS) {
  describe(`${backend.name}: the verifiable audit log`, () => {
    let database: Database;
    let store: AuditStore;
    before(async () => {
      database = await backend.open();
      await migrateToLatest(database.db);
      store = createAuditStore(database.db);
    });
    after(() => database.close());

    const integrator = () => createIntegrator({ store, key, logId: LOG, intervalMs: 60_000, batchSize: 64 });
    const proofs = () => createProofs(store, signedHead(LOG));

    it('places every appended record once in one tree, signs heads, and proves inclusion and consistency', async () => {
      const writer = createAuditWriter({ store });
      const sizes: number[] = [];
      // Batches of several sizes, each integrated: every integration signs a head (64 leaves per batch at most).
      for (const count of [1, 7, 150, 3]) {
        const base = sizes.at(-1) ?? 0;
        await Promise.all(Array.from({ length: count }, (_, i) => writer.append(event(base + i))));
        const head = await integrator().integrate();
        assert.ok(head);
        sizes.push(head.treeSize);
      }
      assert.equal(sizes.at(-1), 161);
      const heads = await store.heads(-1, 161, 100);
      const signed = heads.map(signedHead(LOG));
      // One head per batch of at most 64 leaves: 1, 8, 72, 136, 158, 161.
      assert.deepEqual(
        signed.map((h) => h.tree_size),
        [1, 8, 72, 136, 158, 161],
      );
      for (const head of signed) assert.equal(verifyTreeHead(head, keys), 'valid');

      const events = await store.byLeafRange(0, 161);
      assert.deepEqual(
        events.map((e) => e.leafIndex),
        Array.from({ length: 161 }, (_, i) => i),
      );
      const latest = signed.at(-1)!;
      const root = Buffer.from(latest.root_hash, 'hex');
      for (const e of [events[0]!, events[1]!, events[80]!, events[160]!]) {
        const proof = await proofs().inclusion(e);
        assert.equal(proof.tree_size, 161);
        assert.equal(proof.leaf_hash, recordLeafHash(proof.record).toString('hex'));
        assert.ok(
          verifyInclusion(
            recordLeafHash(proof.record),
            proof.leaf_index,
            proof.tree_size,
            proof.audit_path.map((h) => Buffer.from(h, 'hex')),
            root,
          ),
        );
      }
      // An earlier head: the record proves against it too.
      const early = await proofs().inclusion(events[3]!, 8);
      assert.equal(early.signed_tree_head.tree_size, 8);

      for (const first of signed.filter((h) => h.tree_size > 0)) {
        const proof = await proofs().consistency(first.tree_size, 161);
        assert.ok(
          verifyConsistency(
            first.tree_size,
            161,
            Buffer.from(first.root_hash, 'hex'),
            root,
            proof.proof.map((h) => Buffer.from(h, 'hex')),
          ),
          `consistency ${first.tree_size} -> 161`,
        );
      }
    });

    it('refuses proofs outside the tree with clear errors', async () => {
      const p = proofs();
      const code = async (work: Promise<unknown>) => {
        try {
          await work;
          return 'none';
        } catch (error) {
          assert.ok(isMizanError(error));
          return error.code;
        }
      };
      const latest = await p.latest();
      assert.equal(await code(p.consistency(0, 5)), 'proof_out_of_range');
      assert.equal(await code(p.consistency(9, 5)), 'proof_out_of_range');
      assert.equal(await code(p.consistency(1, latest.treeSize + 1)), 'proof_out_of_range');
      const someEvent = (await store.byLeafRange(0, 1))[0]!;
      assert.equal(await code(p.inclusion(someEvent, 12_345)), 'head_not_found');
      const writer = createAuditWriter({ store });
      await writer.append({ ...event(999), id: 'evt_not_yet' });
      const pending = (await store.byId('evt_not_yet'))!;
      assert.equal(await code(p.inclusion(pending)), 'record_not_integrated');
      await integrator().integrate();
    });

    it('keeps one tree when several integrators and writers run at once', async () => {
      const writers = [createAuditWriter({ store }), createAuditWriter({ store })];
      const integrators = [integrator(), integrator(), integrator()];
      const before = (await store.latestHead())!.treeSize;
      await Promise.all([
        ...Array.from({ length: 200 }, (_, i) => writers[i % 2]!.append(event(10_000 + i))),
        ...integrators.map((x) => x.integrate()),
      ]);
      await Promise.all(integrators.map((x) => x.integrate()));
      const head = (await store.latestHead())!;
      assert.equal(head.treeSize, before + 200);
      const events = await store.byLeafRange(0, head.treeSize);
      assert.equal(new Set(events.map((e) => e.leafIndex)).size, head.treeSize);
      const heads = (await store.heads(0, head.treeSize, 1000)).map(signedHead(LOG));
      for (let i = 1; i < heads.length; i++) {
        const [older, newer] = [heads[i - 1]!, heads[i]!];
        assert.ok(newer.timestamp >= older.timestamp, 'head times never go back');
        const proof = await proofs().consistency(older.tree_size, newer.tree_size);
        assert.ok(
          verifyConsistency(
            older.tree_size,
            newer.tree_size,
            Buffer.from(older.root_hash, 'hex'),
            Buffer.from(newer.root_hash, 'hex'),
            proof.proof.map((h) => Buffer.from(h, 'hex')),
          ),
          `consistency ${older.tree_size} -> ${newer.tree_size}`,
        );
      }
    });

    it('spools records while the database is unreachable and replays them in order', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mizan-spool-'));
      try {
        let down = true;
        const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
          code: 'ECONNREFUSED',
        });
        const flaky: AuditStore = {
          ...store,
          insert: (batch) => (down ? Promise.reject(unreachable) : store.insert(batch)),
        };
        const spool = createAuditSpool(join(dir, 'spool.jsonl'));
        const writer = createAuditWriter({ store: flaky, spool, retryMs: 10 });
        await Promise.all(
          Array.from({ length: 20 }, (_, i) => writer.append({ ...event(i), id: `evt_spooled_${i}` })),
        );
        assert.equal(writer.spooled(), 20);
        assert.equal(await store.byId('evt_spooled_0'), undefined);
        assert.equal(readFileSync(join(dir, 'spool.jsonl'), 'utf8').trim().split('\n').length, 20);

        down = false;
        await new Promise((r) => setTimeout(r, 20));
        await writer.append({ ...event(20), id: 'evt_after_outage' });
        assert.equal(writer.spooled(), 0);
        const rows = await store.list({ after: 0, limit: 1000 });
        const order = rows
          .map((r) => r.id)
          .filter((id) => id.startsWith('evt_spooled_') || id === 'evt_after_outage');
        assert.deepEqual(order, [
          ...Array.from({ length: 20 }, (_, i) => `evt_spooled_${i}`),
          'evt_after_outage',
        ]);
        assert.equal(readFileSync(join(dir, 'spool.jsonl'), 'utf8'), '');
        await writer.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses with 503 audit_unavailable when there is no spool, and accepts again when the database is back', async () => {
      let down = true;
      const flaky: AuditStore = {
        ...store,
        insert: (batch) =>
          down
            ? Promise.reject(Object.assign(new Error('Connection terminated unexpectedly'), {}))
            : store.insert(batch),
      };
      const writer = createAuditWriter({ store: flaky, retryMs: 30 });
      await assert.rejects(writer.append(event(1)), (error: unknown) => {
        assert.ok(isMizanError(error));
        assert.equal(error.code, 'audit_unavailable');
        assert.equal(error.status, 503);
        return true;
      });
      assert.equal(writer.accepting(), false);
      down = false;
      await new Promise((r) => setTimeout(r, 40));
      assert.equal(writer.accepting(), true);
      await writer.append(event(2));
    });
  });
}

describe('the audit spool file', () => {
  it('drops a torn last line (a write that never completed) and keeps the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mizan-spool-'));
    try {
      const path = join(dir, 'spool.jsonl');
      const spool = createAuditSpool(path);
      const at = new Date('2026-11-24T10:00:00.123Z');
      await spool.write([
        {
          event: { ...event(1), id: 'evt_1', at, dataSubject: null },
          content: {
            recordId: 'evt_1',
            tenantId: 'ten_a',
            applicationId: 'app_1',
            dataSubject: 'sub_x',
            conversationId: null,
            createdAt: at,
            salt: Buffer.from('0123456789abcdef'),
            ciphertext: null,
          },
        },
      ]);
      writeFileSync(path, readFileSync(path, 'utf8') + '{"event":{"id":"evt_2","at":"2026', { flag: 'w' });
      const read = await spool.read();
      assert.equal(read.length, 1);
      assert.equal(read[0]!.event.id, 'evt_1');
      assert.equal(read[0]!.event.at.toISOString(), at.toISOString());
      assert.deepEqual(read[0]!.content!.salt, Buffer.from('0123456789abcdef'));
      assert.ok(readFileSync(path, 'utf8').endsWith('\n'));
      await spool.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
