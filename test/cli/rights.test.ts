import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isolatedEnv, runCli, type CliRun } from '../support/run-cli.js';

/** A DPO handles data-subject requests and legal holds from the command line, on the database. */
describe('mizan rights and mizan holds', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let dpo: string;
  let appId: string;

  const mizan = (args: string[]): Promise<CliRun> => runCli(args, env);
  const json = async <T>(args: string[]): Promise<T> => {
    const run = await mizan([...args, '--json']);
    assert.equal(run.code, 0, `mizan ${args.join(' ')} failed:\n${run.stderr}`);
    return JSON.parse(run.stdout) as T;
  };

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mizan-cli-rights-'));
    env = { ...isolatedEnv(), MIZAN_DATA_DIR: dataDir };
    await json(['tenants', 'create', 'etat-civil']);
    appId = (await json<Array<{ id: string }>>(['apps', 'create', '--tenant', 'etat-civil', 'guichet']))[0]!
      .id;
    dpo = (
      await json<{ token: string }>([
        'staff',
        'create',
        '--tenant',
        'etat-civil',
        '--name',
        'DPO',
        '--roles',
        'dpo',
      ])
    ).token;
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('files an objection for a person, lists it with its deadline, and places and lifts a legal hold', async () => {
    const filed = await json<{ id: string; kind: string; status: string; due_at: string }>([
      'rights',
      'request',
      '--user',
      'oidc-sub-42',
      '--kind',
      'opposition',
      '--app',
      appId,
      '--token',
      dpo,
    ]);
    assert.equal(filed.kind, 'opposition');
    assert.equal(filed.status, 'completed');
    const due = Date.parse(filed.due_at) - Date.now();
    assert.ok(due > 9 * 86_400_000 && due <= 10 * 86_400_000, 'due within the 10 days of art. 8');

    const listed = await mizan(['rights', 'list', '--token', dpo]);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(filed.id));
    assert.doesNotMatch(listed.stdout, /oidc-sub-42/, 'the login subject is never stored or shown');

    const hold = await json<{ id: string }>([
      'holds',
      'place',
      '--reason',
      'contentieux en cours',
      '--user',
      'oidc-sub-42',
      '--token',
      dpo,
    ]);
    const holds = await mizan(['holds', 'list', '--token', dpo]);
    assert.match(holds.stdout, new RegExp(hold.id));
    const lifted = await mizan(['holds', 'lift', hold.id, '--token', dpo]);
    assert.equal(lifted.code, 0, lifted.stderr);
    assert.match(lifted.stdout, /lifted/);
  });

  it('refuses a request without a person or kind as bad usage, and a refusal without a reason', async () => {
    assert.equal((await mizan(['rights', 'request', '--kind', 'access', '--token', dpo])).code, 2);
    assert.equal((await mizan(['rights', 'refuse', 'sr_x', '--token', dpo])).code, 2);
    const unknown = await mizan(['rights', 'request', '--user', 'u', '--kind', 'everything', '--token', dpo]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /kind/);
  });
});
