import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MANIFEST_FILE, RECORDS_FILE, sha256File } from '../../src/audit/export-format.js';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/observability/logger.js';
import { createPlatform } from '../../src/platform.js';
import { commission } from '../support/oversight-fixtures.js';
import { isolatedEnv, runCli } from '../support/run-cli.js';

/**
 * The auditor's path on a real data folder: requests go through the platform and are logged; the operator runs
 * `mizan audit export`; the auditor, with the log's public key obtained separately, runs `mizan audit verify`.
 */
describe('mizan audit export, then verify', () => {
  let dataDir: string;
  let out: string;
  let publicKey: string;
  let applicationId: string;
  const env = () => ({ ...isolatedEnv(), MIZAN_DATA_DIR: dataDir });

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mizan-audit-export-'));
    out = mkdtempSync(join(tmpdir(), 'mizan-audit-out-'));
    const { config } = loadConfig({ document: { data_dir: dataDir, corpus: { demo: false } }, env: {} });
    const platform = await createPlatform(config, { env: {}, logger: createLogger('silent') });
    try {
      const tenant = await platform.tenancy.createTenant({ name: 'douane' });
      const other = await platform.tenancy.createTenant({ name: 'autre' });
      const apps = await Promise.all(
        [tenant, other].map((t) => platform.tenancy.createApplication({ tenantId: t.id, name: 'guichet' })),
      );
      applicationId = apps[0]!.id;
      for (const app of apps) {
        await commission(platform, app.id);
        const { key } = await platform.tenancy.createKey({ applicationId: app.id });
        for (let i = 0; i < 3; i++) {
          await platform.handle(
            {
              kind: 'chat',
              model: 'mizan-extractive',
              messages: [{ role: 'user', content: `Question ${i}` }],
              params: {},
              stream: false,
              includeUsage: false,
            },
            {
              requestId: `r${i}`,
              bearer: key,
              conversationId: undefined,
              signal: new AbortController().signal,
            },
          );
        }
      }
      await platform.audit.integrator.integrate();
      publicKey = join(out, 'log.pub');
      writeFileSync(publicKey, platform.audit.key.publicKeyPem);
    } finally {
      await platform.close();
    }
  });
  after(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('exports one application in full and the rest as hashes, and the export verifies against the pinned key', async () => {
    const dir = join(out, 'one-app');
    const exported = await runCli(['audit', 'export', '--out', dir, '--app', applicationId, '--json'], env());
    assert.equal(exported.code, 0, exported.stderr);
    const manifest = JSON.parse(exported.stdout) as { tree_size: number; records_in_full: number };
    assert.ok(manifest.records_in_full >= 3 && manifest.records_in_full < manifest.tree_size);
    const lines = readFileSync(join(dir, RECORDS_FILE), 'utf8').trim().split('\n');
    assert.equal(lines.length, manifest.tree_size);
    const full = lines
      .map((l) => JSON.parse(l) as { record?: { application_id: string } })
      .filter((l) => l.record);
    assert.ok(full.every((l) => l.record!.application_id === applicationId));

    const verified = await runCli(['audit', 'verify', '--export', dir, '--public-key', publicKey], env());
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /^VALID/m);

    // The same export with one record's outcome changed is caught, named, and exits 1.
    const altered = lines.map((l) => l.replace('"outcome":"completion"', '"outcome":"refused"'));
    const changed = altered.findIndex((l, i) => l !== lines[i]);
    assert.ok(changed >= 0);
    writeFileSync(
      join(dir, RECORDS_FILE),
      [...lines.slice(0, changed), altered[changed], ...lines.slice(changed + 1)].join('\n') + '\n',
    );
    // Re-hashed in the manifest too, as a forger would: the record itself must give it away.
    const manifestFile = join(dir, MANIFEST_FILE);
    const written = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: Record<string, string> };
    written.files[RECORDS_FILE] = await sha256File(join(dir, RECORDS_FILE));
    writeFileSync(manifestFile, JSON.stringify(written));
    const caught = await runCli(
      ['audit', 'verify', '--export', dir, '--public-key', publicKey, '--json'],
      env(),
    );
    assert.equal(caught.code, 1);
    const report = JSON.parse(caught.stdout) as {
      valid: boolean;
      problems: Array<{ code: string; index?: number }>;
    };
    assert.equal(report.valid, false);
    assert.equal(report.problems[0]!.code, 'record_altered');
    assert.equal(report.problems[0]!.index, changed);
  });

  it('refuses a folder that already holds an export, and bad dates, as usage errors', async () => {
    const dir = join(out, 'twice');
    assert.equal((await runCli(['audit', 'export', '--out', dir], env())).code, 0);
    const again = await runCli(['audit', 'export', '--out', dir], env());
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already holds an export/);
    const badDate = await runCli(
      ['audit', 'export', '--out', join(out, 'bad'), '--from', 'yesterday-ish'],
      env(),
    );
    assert.equal(badDate.code, 2);
    assert.equal((await runCli(['audit', 'export'], env())).code, 2);
  });
});
