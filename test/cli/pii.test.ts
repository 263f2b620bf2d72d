import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isolatedEnv, runCli } from '../support/run-cli.js';

interface ScanLine {
  id: string | number | null;
  entities: Array<{ type: string; start: number; end: number; text: string; score: number }>;
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ScanLine);

describe('mizan pii on standard input', () => {
  let dir: string;
  const env = isolatedEnv();
  before(() => (dir = mkdtempSync(join(tmpdir(), 'mizan-pii-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one JSON line with typed entities and JavaScript offsets for plain text', async () => {
    const text = 'رقم البطاقة الوطنية BK482913 — téléphone : ٠٦١٢٣٤٥٦٧٨';
    const run = await runCli(['pii', 'scan'], env, text);
    assert.equal(run.code, 0, run.stderr);
    const [line] = lines(run.stdout);
    assert.equal(line!.id, null);
    const byType = Object.fromEntries(line!.entities.map((e) => [e.type, e]));
    for (const entity of line!.entities) assert.equal(text.slice(entity.start, entity.end), entity.text);
    assert.equal(byType.MA_CIN?.text, 'BK482913');
    assert.equal(byType.MA_PHONE?.text, '٠٦١٢٣٤٥٦٧٨');
    assert.ok(byType.MA_PHONE!.score > 0 && byType.MA_PHONE!.score <= 1);
  });

  it('answers each {id, text} JSON line with its id, and finds nothing in legal references', async () => {
    const input = [
      { id: 'a', text: 'RIB : 011 519 0000012050005349 21' },
      { id: 7, text: 'Vu la loi 09-08, le décret 2-09-165 et l’article 43 ; montant 1 250,00 DH.' },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const run = await runCli(['pii', 'scan', '--jsonl'], env, `${input}\n`);
    assert.equal(run.code, 0, run.stderr);
    const [first, second] = lines(run.stdout);
    assert.equal(first!.id, 'a');
    assert.deepEqual(
      first!.entities.map((e) => e.type),
      ['MA_RIB'],
    );
    assert.deepEqual(second, { id: 7, entities: [] });
  });

  it('exits 2 with the line number when a JSON line is malformed', async () => {
    const run = await runCli(['pii', 'scan', '--jsonl'], env, '{"id":1,"text":"ok"}\nnot json\n');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /line 2/);
  });

  it('applies a policy file: pseudonyms stable within an input, redaction labels, allowed types untouched', async () => {
    const policy = join(dir, 'policy.yaml');
    writeFileSync(policy, 'operators:\n  MA_PHONE: pseudonymize\n  MA_CIN: redact\n  EMAIL: allow\n');
    const run = await runCli(
      ['pii', 'redact', '--policy', policy],
      env,
      'CIN BK482913, tél 0612345678 puis 06 12 34 56 78, mail a.b@example.ma',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'CIN ⟦MA_CIN⟧, tél ⟦MA_PHONE_1⟧ puis ⟦MA_PHONE_1⟧, mail a.b@example.ma');
  });

  it('refuses a policy naming an unknown entity type, naming the key', async () => {
    const policy = join(dir, 'bad.yaml');
    writeFileSync(policy, 'operators:\n  CIN: redact\n');
    const run = await runCli(['pii', 'redact', '--policy', policy], env, 'x');
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /operators\.CIN/);
  });
});
