import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  HEADS_FILE,
  KEYS_FILE,
  MANIFEST_FILE,
  RECORDS_FILE,
  type ExportLine,
} from '../../src/audit/export-format.js';
import { recordLeafHash } from '../../src/audit/merkle.js';
import { generateSigningKey, signTreeHead } from '../../src/audit/signed-head.js';
import { verifyExport, type VerifyOptions, type VerifyReport } from '../../src/audit/verify-export.js';
import {
  readManifest,
  sampleRecord,
  TEST_LOG_ID,
  writeExport,
  writeManifest,
  type ExportSpec,
} from '../support/audit-export.js';

const { key } = generateSigningKey();
const stranger = generateSigningKey().key;
const pinned: VerifyOptions = { pinnedKeys: new Map([[key.keyId, key.publicKey]]) };
const root = mkdtempSync(join(tmpdir(), 'mizan-verify-export-'));
after(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
async function exported(spec: Partial<ExportSpec> = {}) {
  const dir = join(root, `export-${folders++}`);
  const written = await writeExport(dir, { records: 100, key, headsAt: [10, 25, 50, 64, 90], ...spec });
  return { dir, ...written };
}

const readLines = (dir: string, file = RECORDS_FILE) =>
  readFileSync(join(dir, file), 'utf8').split('\n').slice(0, -1);

/** Rewrites a file of the export, and (like anyone who rewrites an export would) the manifest's hash of it. */
async function rewrite(dir: string, edit: (lines: string[]) => string[], file = RECORDS_FILE, rehash = true) {
  writeFileSync(
    join(dir, file),
    edit(readLines(dir, file))
      .map((line) => `${line}\n`)
      .join(''),
  );
  if (rehash) await writeManifest(dir, await readManifest(dir));
}

const editRecord = (lines: string[], index: number, change: (line: Required<ExportLine>) => void) => {
  const line = JSON.parse(lines[index]!) as Required<ExportLine>;
  change(line);
  lines[index] = JSON.stringify(line);
  return lines;
};

const codes = (report: VerifyReport) => report.problems.map((p) => p.code);
const rangeOf = (message: string) => {
  const match = /between index (\d+) and (\d+)/.exec(message);
  assert.ok(match, message);
  return [Number(match[1]), Number(match[2])] as const;
};

describe('offline verification of an audit export', () => {
  it('finds an untouched export valid, every head checked, with a pinned key', async () => {
    const { dir, heads } = await exported();
    const report = await verifyExport(dir, pinned);
    assert.deepEqual(report.problems, []);
    assert.equal(report.valid, true);
    assert.equal(report.tree_size, 100);
    assert.equal(report.records_in_full, 100);
    assert.equal(report.heads_checked, heads.length);
    assert.equal(report.root_hash, heads.at(-1)!.root_hash);
    assert.deepEqual(report.warnings, []);
  });

  it('without a pinned key, trusts keys.json but says so', async () => {
    const { dir } = await exported();
    const report = await verifyExport(dir);
    assert.equal(report.valid, true);
    assert.match(report.warnings.join(' '), /not pinned/);
  });

  it('verifies the whole tree of a filtered export, where records outside the filter are hashes only', async () => {
    const { dir } = await exported({ inFull: (i) => i % 3 === 0 });
    const report = await verifyExport(dir, pinned);
    assert.equal(report.valid, true, JSON.stringify(report.problems));
    assert.equal(report.records_in_full, 34);
    assert.ok(readLines(dir)[1]!.indexOf('"record"') === -1);
  });

  it('verifies records written in any key order, as long as their content is the same', async () => {
    const { dir } = await exported();
    const reversed = (value: unknown): unknown =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.fromEntries(
            Object.entries(value)
              .reverse()
              .map(([k, v]) => [k, reversed(v)]),
          )
        : value;
    await rewrite(dir, (lines) => lines.map((line) => JSON.stringify(reversed(JSON.parse(line)))));
    const report = await verifyExport(dir, pinned);
    assert.equal(report.valid, true, JSON.stringify(report.problems));
  });

  it('handles an empty log with a head of size 0', async () => {
    const { dir } = await exported({ records: 0, headsAt: [0] });
    const report = await verifyExport(dir, pinned);
    assert.equal(report.valid, true, JSON.stringify(report.problems));
    assert.equal(report.heads_checked, 1);
  });

  it('names the file changed after the export was made', async () => {
    const { dir } = await exported();
    writeFileSync(join(dir, KEYS_FILE), readFileSync(join(dir, KEYS_FILE), 'utf8') + ' ');
    const report = await verifyExport(dir, pinned);
    assert.deepEqual(codes(report), ['file_hash_mismatch']);
    assert.match(report.problems[0]!.message, new RegExp(KEYS_FILE));
  });

  for (const [field, change] of [
    ['a detail value', (line: Required<ExportLine>) => (line.record.detail.tokens = 421)],
    ['its time', (line: Required<ExportLine>) => (line.record.at = '2026-11-01T09:00:00.000Z')],
    ['its id', (line: Required<ExportLine>) => (line.record.id = 'evt_forged')],
  ] as const) {
    it(`catches a record whose ${field} was altered, naming it`, async () => {
      const { dir } = await exported();
      await rewrite(dir, (lines) => editRecord(lines, 37, change));
      const report = await verifyExport(dir, pinned);
      assert.equal(report.valid, false);
      const [first] = report.problems;
      assert.equal(first!.code, 'record_altered');
      assert.equal(first!.index, 37);
      assert.equal(first!.record_id, field === 'its id' ? 'evt_forged' : sampleRecord(37).id);
      assert.match(first!.message, /record 37/);
      // The tree recomputed from the record as it is no longer matches the head after it.
      const mismatch = report.problems.find((p) => p.code === 'head_root_mismatch')!;
      assert.equal(mismatch.tree_size, 50);
      assert.deepEqual(rangeOf(mismatch.message), [25, 49]);
    });
  }

  it('catches a record altered with its leaf hash recomputed, by the signed head, naming the range', async () => {
    const { dir } = await exported();
    await rewrite(dir, (lines) =>
      editRecord(lines, 70, (line) => {
        line.record.detail.outcome = 'refused';
        line.leaf_hash = recordLeafHash(line.record).toString('hex');
      }),
    );
    const report = await verifyExport(dir, pinned);
    assert.deepEqual(codes(report), ['head_root_mismatch']);
    assert.equal(report.problems[0]!.tree_size, 90);
    assert.deepEqual(rangeOf(report.problems[0]!.message), [64, 89]);
    assert.equal(report.heads_checked, 4);
  });

  it('catches a dropped record', async () => {
    const { dir } = await exported();
    await rewrite(dir, (lines) => lines.filter((_, i) => i !== 12));
    const report = await verifyExport(dir, pinned);
    assert.deepEqual(codes(report), ['record_missing', 'head_root_mismatch', 'export_truncated']);
    assert.equal(report.problems[0]!.index, 12);
    assert.deepEqual(rangeOf(report.problems[1]!.message), [10, 24]);
    assert.match(report.problems[2]!.message, /has 99 of 100 records/);
  });

  it('catches a duplicated record', async () => {
    const { dir } = await exported();
    await rewrite(dir, (lines) => [...lines.slice(0, 41), lines[40]!, ...lines.slice(41)]);
    const report = await verifyExport(dir, pinned);
    assert.deepEqual(codes(report), ['record_duplicated', 'head_root_mismatch', 'export_malformed']);
    assert.equal(report.problems[0]!.index, 40);
    assert.equal(report.problems[0]!.record_id, sampleRecord(40).id);
  });

  it('catches two records swapped', async () => {
    const { dir } = await exported();
    await rewrite(dir, (lines) => {
      [lines[55], lines[56]] = [lines[56]!, lines[55]!];
      return lines;
    });
    const report = await verifyExport(dir, pinned);
    assert.deepEqual(codes(report), ['record_reordered', 'head_root_mismatch']);
    assert.equal(report.problems[0]!.index, 55);
    assert.equal(report.problems[0]!.record_id, sampleRecord(55).id);
  });

  it('reports a record moved far away once, not every record it passed', async () => {
    const { dir } = await exported();
    await rewrite(dir, (lines) => {
      const [moved] = lines.splice(5, 1);
      lines.splice(80, 0, moved!);
      return lines;
    });
    const report = await verifyExport(dir, pinned);
    // In log order: the first head after the record's place no longer matches, then the record turns up late.
    assert.deepEqual(codes(report), ['head_root_mismatch', 'record_reordered']);
    assert.deepEqual(rangeOf(report.problems[0]!.message), [0, 9]);
    assert.equal(report.problems[1]!.index, 5);
  });

  it('catches a truncated records file', async () => {
    const { dir } = await exported();
    await rewrite(dir, (lines) => lines.slice(0, 80));
    const report = await verifyExport(dir, pinned);
    assert.deepEqual(codes(report), ['export_truncated']);
    assert.match(report.problems[0]!.message, /records.jsonl has 80 of 100 records/);
  });

  it('catches a missing last head', async () => {
    const { dir } = await exported();
    await rewrite(dir, (lines) => lines.slice(0, -1), HEADS_FILE);
    const report = await verifyExport(dir, pinned);
    assert.deepEqual(codes(report), ['export_truncated']);
    assert.match(report.problems[0]!.message, /covers 90 of 100 records/);
  });

  it('catches a forged head', async () => {
    const { dir, heads } = await exported();
    const forged = { ...heads[2]!, root_hash: heads[3]!.root_hash };
    await rewrite(
      dir,
      (lines) => lines.map((line, i) => (i === 2 ? JSON.stringify(forged) : line)),
      HEADS_FILE,
    );
    const report = await verifyExport(dir, pinned);
    assert.deepEqual(codes(report), ['head_signature_invalid']);
    assert.equal(report.problems[0]!.tree_size, 50);
  });

  it('catches a log rewritten and re-signed with another key, when the key is pinned', async () => {
    const { dir } = await exported({
      key: stranger,
      record: (i) => (i === 30 ? { ...sampleRecord(i), action: 'rewritten' } : sampleRecord(i)),
    });
    const unpinned = await verifyExport(dir);
    assert.equal(unpinned.valid, true, 'a consistent rewrite passes on the export’s own keys...');
    assert.match(unpinned.warnings.join(' '), /not pinned/);
    const report = await verifyExport(dir, pinned);
    assert.equal(report.valid, false, '...but not against the pinned key');
    assert.deepEqual([...new Set(codes(report))], ['unknown_key', 'export_truncated']);
    assert.match(report.problems[0]!.message, /not a pinned key/);
  });

  it('catches a manifest whose tree size was changed', async () => {
    const { dir } = await exported();
    const manifest = await readManifest(dir);
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest, tree_size: 90 }));
    let report = await verifyExport(dir, pinned);
    // Hiding the last records: the file and the signed heads both still say there were more.
    assert.deepEqual(codes(report), ['export_malformed', 'export_truncated']);
    assert.match(report.problems[0]!.message, /100 records, but the manifest says the tree has 90/);
    assert.match(report.problems[1]!.message, /head of size 100 goes beyond/);

    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest, tree_size: 120 }));
    report = await verifyExport(dir, pinned);
    assert.deepEqual(codes(report), ['export_truncated', 'export_truncated']);
    assert.match(report.problems[0]!.message, /has 100 of 120 records/);
  });

  it('checks heads the auditor saved: same log passes, a fork or a later head fails', async () => {
    const { dir, heads } = await exported();
    const fork = await exported({
      records: 130,
      record: (i) => (i === 47 ? { ...sampleRecord(i), detail: { forked: true } } : sampleRecord(i)),
    });
    const ok = await verifyExport(dir, { ...pinned, earlierHeads: [heads[1]!, heads[3]!] });
    assert.equal(ok.valid, true, JSON.stringify(ok.problems));
    const forkedHead = fork.heads.find((h) => h.tree_size === 64)!;
    const report = await verifyExport(dir, {
      ...pinned,
      earlierHeads: [fork.heads.at(-1)!, forkedHead, fork.heads.find((h) => h.tree_size === 25)!],
    });
    assert.deepEqual(codes(report), ['earlier_head_inconsistent', 'earlier_head_beyond_export']);
    assert.equal(report.problems[0]!.tree_size, 64);
    assert.equal(report.problems[1]!.tree_size, 130);
    // A saved head signed by a key that is not trusted is not taken on its word.
    const foreign = signTreeHead(stranger, TEST_LOG_ID, 10, Buffer.alloc(32), new Date());
    assert.deepEqual(codes(await verifyExport(dir, { ...pinned, earlierHeads: [foreign] })), ['unknown_key']);
  });

  it('names a malformed line by its number', async () => {
    const { dir } = await exported();
    await rewrite(dir, (lines) => lines.map((line, i) => (i === 8 ? line.slice(0, 40) : line)));
    const report = await verifyExport(dir, pinned);
    assert.equal(report.problems[0]!.code, 'record_malformed');
    assert.match(report.problems[0]!.message, /line 9 of records.jsonl: not JSON/);
  });

  it('checks heads are in order and their times never go back', async () => {
    const { dir, heads } = await exported();
    const late = signTreeHead(
      key,
      TEST_LOG_ID,
      25,
      Buffer.from(heads[1]!.root_hash, 'hex'),
      new Date('2020-01-01'),
    );
    await rewrite(
      dir,
      (lines) => [lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3), JSON.stringify(late)],
      HEADS_FILE,
    );
    const report = await verifyExport(dir, pinned);
    assert.deepEqual([...new Set(codes(report))], ['heads_out_of_order']);
  });

  it('refuses a folder that is not an export', async () => {
    const empty = join(root, 'empty');
    assert.deepEqual(codes(await verifyExport(empty)), ['export_malformed']);
    const { dir } = await exported();
    writeFileSync(
      join(dir, MANIFEST_FILE),
      JSON.stringify({ ...(await readManifest(dir)), format: 'other/v9' }),
    );
    const report = await verifyExport(dir);
    assert.deepEqual(codes(report), ['export_malformed']);
    assert.match(report.problems[0]!.message, /other\/v9/);
  });

  it('lists the first 100 problems and says how many more there were', async () => {
    const { dir } = await exported({ records: 300, headsAt: [] });
    await rewrite(dir, (lines) =>
      lines.map((line, i) => (i % 2 === 0 ? line.replace('"chat"', '"tampered"') : line)),
    );
    const report = await verifyExport(dir, pinned);
    assert.equal(report.problems.length, 100);
    assert.match(report.warnings.join(' '), /51 more problems/);
  });

  it('gives the same verdicts when worker threads hash the records', async () => {
    const { dir } = await exported({ records: 400, headsAt: [100, 200, 300] });
    const threaded = { ...pinned, workers: 2, blockBytes: 8192 };
    assert.equal((await verifyExport(dir, threaded)).valid, true);
    await rewrite(dir, (lines) => editRecord(lines, 250, (line) => (line.record.actor = 'someone else')));
    const [inline, parallel] = [await verifyExport(dir, pinned), await verifyExport(dir, threaded)];
    assert.deepEqual(parallel, inline);
    assert.deepEqual(codes(parallel), ['record_altered', 'head_root_mismatch']);
  });
});

type Tampering =
  | { kind: 'alter' | 'alter_consistently' | 'drop' | 'duplicate' | 'insert_forged'; at: number }
  | { kind: 'swap' | 'move'; at: number; to: number };

describe('offline verification: properties', () => {
  const spec = fc.integer({ min: 1, max: 200 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      headsAt: fc.uniqueArray(fc.integer({ min: 0, max: n }), { maxLength: 8 }),
      at: fc.nat(n - 1),
      to: fc.nat(n - 1),
      kind: fc.constantFrom(
        'alter',
        'alter_consistently',
        'drop',
        'duplicate',
        'insert_forged',
        'swap',
        'move',
      ),
    }),
  );

  /** Applies one tampering; returns the positions [lo, hi] where the first problem must be found. */
  const tamper = (lines: string[], t: Tampering): [number, number] => {
    const at = t.at;
    switch (t.kind) {
      case 'alter':
        editRecord(lines, at, (line) => (line.record.detail.latency_ms = -1));
        return [at, at];
      case 'alter_consistently':
        editRecord(lines, at, (line) => {
          line.record.subject = 'case_forged';
          line.leaf_hash = recordLeafHash(line.record).toString('hex');
        });
        return [at, at];
      case 'drop':
        lines.splice(at, 1);
        return [at, at];
      case 'duplicate':
        lines.splice(at + 1, 0, lines[at]!);
        return [at, at + 1];
      case 'insert_forged': {
        const record = { ...sampleRecord(at), id: 'evt_forged', action: 'forged' };
        lines.splice(
          at,
          0,
          JSON.stringify({ index: at, leaf_hash: recordLeafHash(record).toString('hex'), record }),
        );
        return [at, at + 1];
      }
      case 'swap': {
        [lines[at], lines[t.to]] = [lines[t.to]!, lines[at]!];
        return [Math.min(at, t.to), Math.max(at, t.to)];
      }
      case 'move': {
        const [moved] = lines.splice(at, 1);
        lines.splice(t.to, 0, moved!);
        return [Math.min(at, t.to), Math.max(at, t.to)];
      }
    }
  };

  it('an untouched export verifies; any single tampering is caught where it was made', async () => {
    await fc.assert(
      fc.asyncProperty(spec, async ({ n, headsAt, at, to, kind }) => {
        const dir = join(root, `property-${folders++}`);
        try {
          await writeExport(dir, { records: n, key, headsAt });
          const clean = await verifyExport(dir, pinned);
          assert.equal(clean.valid, true, JSON.stringify(clean.problems));

          const t = { kind, at, to } as Tampering;
          const lines = readLines(dir);
          const [lo, hi] = tamper(lines, t);
          if (lines.join('\n') === readLines(dir).join('\n')) return; // a swap or move onto itself changes nothing
          await rewrite(dir, () => lines);
          const report = await verifyExport(dir, pinned);
          assert.equal(report.valid, false, `${kind} at ${at} (to ${to}) of ${n} went unnoticed`);

          const located = report.problems.find(
            (p) => p.index !== undefined || p.code === 'head_root_mismatch',
          );
          if (!located) {
            // Nothing left to locate: the change was at the very end, past the last head's leaves.
            assert.ok(hi >= n - 1, `${kind} at ${at}: ${JSON.stringify(report.problems)}`);
            assert.ok(codes(report).every((c) => c === 'export_truncated' || c === 'export_malformed'));
            return;
          }
          if (located.code === 'head_root_mismatch') {
            const [a, b] = rangeOf(located.message);
            assert.ok(a <= lo && lo <= b, `${kind} at ${lo}..${hi}, head range ${a}..${b}`);
          } else {
            assert.ok(
              lo <= located.index! && located.index! <= hi,
              `${kind} at ${lo}..${hi}: ${JSON.stringify(located)}`,
            );
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });
});
