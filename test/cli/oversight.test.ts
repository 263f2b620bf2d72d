import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify as toYaml } from 'yaml';
import { acquireDataDirLock } from '../../src/store/data-dir-lock.js';
import { MINIMAL_ANSWERS, MINIMAL_USE_CASE } from '../support/oversight-fixtures.js';
import { isolatedEnv, runCli, startCli, watchServe, type CliRun } from '../support/run-cli.js';

interface Check {
  check: string;
  ok: boolean;
}

describe('mizan oversight commands: the way of an application to production, and the kill switch', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  let entryFile: string;
  let answersFile: string;
  let dpoToken: string;
  let direct: string;
  let served: string;
  let servedKey: string;

  const mizan = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
    runCli(args, { ...env, ...extraEnv });
  const succeeds = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> => {
    const run = await mizan(args, extraEnv);
    assert.equal(run.code, 0, `mizan ${args.join(' ')} failed:\n${run.stderr}`);
    return run.stdout;
  };
  const json = async <T>(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<T> =>
    JSON.parse(await succeeds([...args, '--json'], extraEnv)) as T;

  /** register → assess → DPO sign-off (with the token given) → checks, all passed; ends before promotion. */
  async function commission(applicationId: string, signWith: { args: string[]; env: NodeJS.ProcessEnv }) {
    const entry = await json<{ purpose: string }>(['register', 'set', applicationId, '--file', entryFile]);
    assert.equal(entry.purpose, MINIMAL_USE_CASE.purpose);
    const assessment = await json<{ id: string; tier: string; signedAt: string | null }>([
      'assess',
      'submit',
      applicationId,
      '--file',
      answersFile,
    ]);
    assert.equal(assessment.tier, 'minimal');
    assert.equal(assessment.signedAt, null);
    const signed = await json<{ signedBy: string; signedAt: string | null }>(
      ['assess', 'sign', applicationId, assessment.id, ...signWith.args],
      signWith.env,
    );
    assert.match(signed.signedBy, /^staff:stf_/, 'signed off by the DPO in person');
    assert.ok(signed.signedAt);
    const checks = await json<Check[]>(['apps', 'checks', applicationId]);
    assert.deepEqual(
      checks.map((c) => [c.check, c.ok]),
      [
        ['use_case_registered', true],
        ['cndp_formality_granted', true],
        ['risk_assessment_signed', true],
        ['use_not_prohibited', true],
      ],
    );
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mizan-cli-oversight-'));
    const config = join(dir, 'mizan.yaml');
    writeFileSync(config, '# defaults only\n');
    entryFile = join(dir, 'entry.json');
    writeFileSync(entryFile, JSON.stringify(MINIMAL_USE_CASE));
    answersFile = join(dir, 'answers.yaml');
    dataDir = join(dir, 'data');
    writeFileSync(answersFile, toYaml(MINIMAL_ANSWERS));
    env = {
      ...isolatedEnv(),
      MIZAN_CONFIG: config,
      MIZAN_DATA_DIR: dataDir,
      MIZAN_HOST: '127.0.0.1',
      MIZAN_LOG_LEVEL: 'info',
    };
    await succeeds(['tenants', 'create', 'sante']);
    const app = async (name: string) =>
      (await json<Array<{ id: string }>>(['apps', 'create', '--tenant', 'sante', name]))[0]!.id;
    direct = await app('orientation');
    served = await app('guichet');
    servedKey = (await json<{ key: string }>(['keys', 'create', '--app', served])).key;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 2 with the usage line, before opening anything, when a required option is missing', async () => {
    // Held by this process: a command that opened the database would fail with store_locked instead.
    const lock = acquireDataDirLock(dataDir);
    let run: CliRun;
    try {
      run = await mizan(['sandbox', 'open', direct, '--purpose', 'Try synthetic questions']);
    } finally {
      lock.release();
    }
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /usage:[\s\S]*mizan sandbox open APP_ID --purpose TEXT --ends DATE/);
  });

  it('takes an application to production on the database directly, and refuses promotion by a DPO', async () => {
    const dpo = await json<{ token: string; roles: string[] }>([
      'staff',
      'create',
      '--tenant',
      'sante',
      '--name',
      'DPO santé',
      '--roles',
      'dpo',
    ]);
    assert.match(dpo.token, /^mzs_/);
    assert.deepEqual(dpo.roles, ['dpo']);
    dpoToken = dpo.token;

    await commission(direct, { args: [], env: { MIZAN_STAFF_TOKEN: dpoToken } });

    const byDpo = await mizan(['apps', 'promote', direct, '--token', dpoToken]);
    assert.equal(byDpo.code, 1);
    assert.match(byDpo.stderr, /^error \(role_required\): /);

    const promoted = await json<{ stage: string }>(['apps', 'promote', direct]);
    assert.equal(promoted.stage, 'production');

    const events = await json<Array<{ action: string; actor: string }>>(['audit', 'events', '--app', direct]);
    assert.deepEqual(
      events.map((e) => e.action),
      ['use_case.registered', 'assessment.submitted', 'assessment.signed', 'application.promoted'],
    );
    assert.equal(
      events[0]!.actor,
      'platform-admin',
      'without a staff token, the operator acts as platform admin',
    );
  });

  it('does the same through a running mizan serve, whose kill switch then stops and resumes the application', async () => {
    const server = watchServe(startCli(['serve'], { ...env, PORT: '0' }));
    try {
      const address = await server.listening;
      const models = () =>
        fetch(`${address}/v1/models`, { headers: { authorization: `Bearer ${servedKey}` } }).then(
          async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string } } }),
        );

      assert.equal((await models()).body.error?.code, 'use_case_not_registered');
      await commission(served, { args: ['--token', dpoToken], env: {} });
      await succeeds(['apps', 'promote', served]);
      assert.equal((await models()).status, 200, 'the application serves once promoted');

      await succeeds(['suspend', 'application', served, '--reason', 'incident under investigation']);
      const suspended = await models();
      assert.equal(suspended.status, 503);
      assert.equal(suspended.body.error?.code, 'application_suspended');
      await succeeds(['resume', 'application', served]);
      assert.equal((await models()).status, 200, 'the application serves again once resumed');
    } finally {
      server.child.kill('SIGTERM');
    }
    assert.equal(await server.exited, 0, server.output());
    assert.ok(!server.output().includes(dpoToken), 'the server never logs a staff token');
  });
});
