import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { acquireDataDirLock, LOCK_FILE_NAME } from '../../src/store/data-dir-lock.js';
import { MINIMAL_ANSWERS, MINIMAL_USE_CASE } from '../support/oversight-fixtures.js';
import { isolatedEnv, runCli, startCli, watchServe, type CliRun } from '../support/run-cli.js';

describe('mizan CLI with an embedded database in a fresh data folder', () => {
  let dir: string;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let tenantId: string;
  let applicationId: string;
  let key: string;
  let prefix: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mizan-cli-'));
    dataDir = join(dir, 'data');
    // An empty file keeps a mizan.yaml in the working directory, if any, out of the test.
    const config = join(dir, 'mizan.yaml');
    writeFileSync(config, '# defaults only\n');
    env = {
      ...isolatedEnv(),
      MIZAN_CONFIG: config,
      MIZAN_DATA_DIR: dataDir,
      MIZAN_HOST: '127.0.0.1',
      MIZAN_LOG_LEVEL: 'info',
    };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const start = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): ChildProcess =>
    startCli(args, { ...env, ...extraEnv });
  const mizan = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
    runCli(args, { ...env, ...extraEnv });

  const succeeds = async (args: string[]): Promise<string> => {
    const run = await mizan(args);
    assert.equal(run.code, 0, `mizan ${args.join(' ')} failed:\n${run.stderr}`);
    return run.stdout;
  };

  it('validates the configuration and prints the providers when config check runs', async () => {
    const stdout = await succeeds(['config', 'check', '--json']);
    const summary = JSON.parse(stdout) as {
      providers: Array<{ id: string; type: string }>;
      models: Array<{ id: string }>;
      database: string;
    };
    assert.deepEqual(summary.providers, [{ id: 'builtin', type: 'extractive' }]);
    assert.deepEqual(
      summary.models.map((m) => m.id),
      ['mizan-extractive'],
    );
    assert.match(summary.database, /^pglite/);
    assert.ok(!existsSync(dataDir), 'checking the configuration creates nothing');
  });

  it('exits 2 naming server.port and PORT when PORT is not a number', async () => {
    const run = await mizan(['config', 'check'], { PORT: 'abc' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /server\.port/);
    assert.match(run.stderr, /PORT/);
  });

  it('exits 2 naming MIZAN_UPSTREAM_BASE_URL when it is not a URL', async () => {
    const run = await mizan(['config', 'check'], {
      MIZAN_UPSTREAM_BASE_URL: 'llm.gov.ma/v1',
      MIZAN_UPSTREAM_MODEL: 'atlas-chat',
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /MIZAN_UPSTREAM_BASE_URL/);
  });

  it('exits 2 and prints the help when the command is unknown', async () => {
    const run = await mizan(['tenant', 'list']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown command "tenant"/);
    assert.match(run.stderr, /usage: mizan <command>/);
  });

  it('creates a tenant that tenants list --json then shows', async () => {
    const created = await succeeds(['tenants', 'create', 'ministere-interieur']);
    assert.match(created, /ministere-interieur/);
    const tenants = JSON.parse(await succeeds(['tenants', 'list', '--json'])) as Array<{
      id: string;
      name: string;
    }>;
    assert.deepEqual(
      tenants.map((t) => t.name),
      ['ministere-interieur'],
    );
    tenantId = tenants[0]!.id;
    assert.match(tenantId, /^ten_/);
  });

  it('creates an application limited to one model that apps list --json then shows', async () => {
    const created = JSON.parse(
      await succeeds([
        'apps',
        'create',
        '--tenant',
        'ministere-interieur',
        '--models',
        'mizan-extractive',
        'guichet',
        '--json',
      ]),
    ) as Array<{ id: string }>;
    applicationId = created[0]!.id;
    const apps = JSON.parse(await succeeds(['apps', 'list', '--json'])) as Array<{
      id: string;
      name: string;
      tenantId: string;
      allowedModels: string[];
    }>;
    assert.equal(apps.length, 1);
    assert.deepEqual(apps[0], {
      ...apps[0],
      id: applicationId,
      name: 'guichet',
      tenantId,
      allowedModels: ['mizan-extractive'],
    });
  });

  it('prints a new mz_ key once with keys create, and keys list shows its prefix but never the key or a hash', async () => {
    const created = JSON.parse(await succeeds(['keys', 'create', '--app', applicationId, '--json'])) as {
      key: string;
      prefix: string;
      applicationId: string;
    };
    assert.match(created.key, /^mz_[0-9A-Za-z]{40}$/);
    assert.ok(created.key.startsWith(created.prefix));
    assert.equal(created.applicationId, applicationId);
    ({ key, prefix } = created);

    const listing = await succeeds(['keys', 'list', '--json']);
    const keys = JSON.parse(listing) as Array<{ prefix: string; revokedAt: string | null }>;
    assert.deepEqual(
      keys.map((k) => [k.prefix, k.revokedAt]),
      [[prefix, null]],
    );
    assert.ok(!listing.includes(key), 'the key is not shown again');
    assert.doesNotMatch(listing, /"(hash|key)"\s*:/);
    assert.doesNotMatch(listing, /[0-9a-f]{64}/, 'no HMAC digest');
  });

  it('fails with store_locked naming the owner when another process holds the data folder', async () => {
    const lock = acquireDataDirLock(dataDir);
    try {
      const run = await mizan(['tenants', 'list']);
      assert.notEqual(run.code, 0);
      assert.match(run.stderr, /store_locked/);
      assert.match(run.stderr, new RegExp(`process ${process.pid}\\b`));
    } finally {
      lock.release();
    }
  });

  it('serves with the created key, administers through the running server, and exits 0 on SIGTERM', async () => {
    const server = watchServe(start(['serve'], { PORT: '0' }));
    let dpoToken = '';
    try {
      const address = await server.listening;

      // An application serves once registered, assessed, signed off by its DPO in person, and promoted.
      const entryFile = join(dir, 'use-case.json');
      writeFileSync(entryFile, JSON.stringify(MINIMAL_USE_CASE));
      const answersFile = join(dir, 'answers.json');
      writeFileSync(answersFile, JSON.stringify(MINIMAL_ANSWERS));
      await succeeds(['register', 'set', applicationId, '--file', entryFile]);
      const assessment = JSON.parse(
        await succeeds(['assess', 'submit', applicationId, '--file', answersFile, '--json']),
      ) as { id: string };
      ({ token: dpoToken } = JSON.parse(
        await succeeds([
          'staff',
          'create',
          '--tenant',
          'ministere-interieur',
          '--name',
          'DPO',
          '--roles',
          'dpo',
          '--json',
        ]),
      ) as { token: string });
      await succeeds(['assess', 'sign', applicationId, assessment.id, '--token', dpoToken]);
      await succeeds(['apps', 'promote', applicationId]);

      const models = await fetch(`${address}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal(models.status, 200);
      const listed = (await models.json()) as { data: Array<{ id: string }> };
      assert.deepEqual(
        listed.data.map((m) => m.id),
        ['mizan-extractive'],
      );

      // The server holds the embedded database: the CLI goes through its admin API instead.
      const tenants = JSON.parse(await succeeds(['tenants', 'list', '--json'])) as Array<{ name: string }>;
      assert.deepEqual(
        tenants.map((t) => t.name),
        ['ministere-interieur'],
      );
    } finally {
      server.child.kill('SIGTERM');
    }
    assert.equal(await server.exited, 0, server.output());
    assert.ok(!existsSync(join(dataDir, LOCK_FILE_NAME)), 'the data folder is released');
    assert.ok(!server.output().includes(key), 'the server never logs the key');
    assert.ok(!server.output().includes(dpoToken), 'nor a staff token');
  });

  it('sets revokedAt when keys revoke is given the prefix', async () => {
    const revoked = JSON.parse(await succeeds(['keys', 'revoke', prefix, '--json'])) as Array<{
      prefix: string;
      revokedAt: string | null;
    }>;
    assert.equal(revoked[0]?.prefix, prefix);
    assert.ok(revoked[0]?.revokedAt && !Number.isNaN(Date.parse(revoked[0].revokedAt)));
  });
});
