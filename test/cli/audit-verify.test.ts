import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RECORDS_FILE } from '../../src/audit/export-format.js';
import { generateSigningKey } from '../../src/audit/signed-head.js';
import type { VerifyReport } from '../../src/audit/verify-export.js';
import { sampleRecord, writeExport } from '../support/audit-export.js';
import { isolatedEnv, runCli } from '../support/run-cli.js';

describe('mizan audit verify', () => {
  // No database and no configuration: a configuration file that does not exist would fail any command that reads it.
  const env = { ...isolatedEnv(), MIZAN_CONFIG: '/nonexistent/mizan.yaml' };
  const { key } = generateSigningKey();
  let dir: string;
  let good: string;
  let publicKey: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mizan-audit-verify-'));
    good = join(dir, 'good');
    await writeExport(good, { records: 60, key, headsAt: [20, 40] });
    publicKey = join(dir, 'log.pub');
    writeFileSync(publicKey, key.publicKeyPem);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('says an untouched export is valid against the pinned key, and exits 0', async () => {
    const run = await runCli(['audit', 'verify', '--export', good, '--public-key', publicKey], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /60 records in the tree, 60 of them in full/);
    assert.match(run.stdout, /3 signed heads checked/);
    assert.match(run.stdout, /^VALID/m);
    assert.doesNotMatch(run.stdout, /warning/);
  });

  it('prints the report as JSON, and warns when no key is pinned', async () => {
    const run = await runCli(['audit', 'verify', '--export', good, '--json'], env);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as VerifyReport;
    assert.equal(report.valid, true);
    assert.equal(report.heads_checked, 3);
    assert.match(report.warnings[0]!, /not pinned/);
  });

  it('exits 1 and names the altered record', async () => {
    const altered = join(dir, 'altered');
    await writeExport(altered, { records: 60, key, headsAt: [20, 40] });
    const file = join(altered, RECORDS_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"req-33"', '"req-34"'));
    const run = await runCli(['audit', 'verify', '--export', altered, '--public-key', publicKey], env);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^INVALID/m);
    assert.match(run.stdout, /file_hash_mismatch: records.jsonl/);
    assert.match(run.stdout, new RegExp(`record_altered: record 33 \\(${sampleRecord(33).id}\\)`));
  });

  it('checks heads saved earlier, as a JSON array or JSON lines', async () => {
    const fork = join(dir, 'fork');
    const { heads } = await writeExport(fork, {
      records: 60,
      key,
      headsAt: [20, 40],
      record: (i) => (i === 30 ? { ...sampleRecord(i), action: 'forked' } : sampleRecord(i)),
    });
    const array = join(dir, 'heads.json');
    writeFileSync(array, JSON.stringify(heads));
    const lines = join(dir, 'heads.jsonl');
    writeFileSync(lines, heads.map((h) => JSON.stringify(h)).join('\n'));
    for (const file of [array, lines]) {
      const run = await runCli(
        ['audit', 'verify', '--export', good, '--public-key', publicKey, '--heads', file, '--json'],
        env,
      );
      assert.equal(run.code, 1, run.stderr);
      const report = JSON.parse(run.stdout) as VerifyReport;
      assert.deepEqual(
        report.problems.map((p) => [p.code, p.tree_size]),
        [
          ['earlier_head_inconsistent', 40],
          ['earlier_head_inconsistent', 60],
        ],
      );
    }
  });

  it('exits 2 when it cannot check as asked', async () => {
    const missing = await runCli(['audit', 'verify'], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /usage: mizan audit verify --export DIR/);
    const nowhere = await runCli(['audit', 'verify', '--export', join(dir, 'nowhere')], env);
    assert.equal(nowhere.code, 2);
    assert.match(nowhere.stderr, /is not a readable folder/);
    const noKey = await runCli(
      ['audit', 'verify', '--export', good, '--public-key', join(good, RECORDS_FILE)],
      env,
    );
    assert.equal(noKey.code, 2);
    assert.match(noKey.stderr, /holds no PEM public key/);
  });
});
