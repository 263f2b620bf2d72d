import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { COMMAND_TIMEOUT_MS, isolatedEnv, runCli, startCli, type CliRun } from '../support/run-cli.js';

const GUIDE = `---
id: guide-passeport
title: Demande de passeport biométrique
publisher: Ministère de l'Intérieur
source_uri: https://example.ma/guides/passeport
licence: Texte officiel
---
# Passeport biométrique

La demande de passeport biométrique se dépose à la préfecture ou au consulat, avec un timbre fiscal et deux photographies récentes.
`;
const HOURS = `# Horaires du guichet unique

Le guichet unique de la préfecture reçoit le public du lundi au vendredi, de huit heures trente à seize heures trente.
`;

interface Added {
  file: string;
  document: { id: string };
  version: number;
  created: boolean;
}

describe('mizan corpus: collections, ingestion with provenance, versions, withdrawal and search', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let guide: string;
  let guideId: string;
  let hoursId: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mizan-cli-corpus-'));
    const config = join(dir, 'mizan.yaml');
    writeFileSync(config, 'corpus:\n  demo: false\n');
    env = {
      ...isolatedEnv(),
      MIZAN_CONFIG: config,
      MIZAN_DATA_DIR: join(dir, 'data'),
      MIZAN_HOST: '127.0.0.1',
      MIZAN_LOG_LEVEL: 'info',
    };
    guide = join(dir, 'guide-passeport.md');
    writeFileSync(guide, GUIDE);
    writeFileSync(join(dir, 'sans-origine.txt'), 'Une note sans éditeur, sans source et sans licence.');
    writeFileSync(join(dir, 'horaires.md'), HOURS);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const mizan = (args: string[]): Promise<CliRun> => runCli(args, env);
  const succeeds = async (args: string[]): Promise<string> => {
    const run = await mizan(args);
    assert.equal(run.code, 0, `mizan ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
    return run.stdout;
  };

  it('creates a tenant collection and a platform collection that collections list shows', async () => {
    await succeeds(['tenants', 'create', 'ministere']);
    const created = JSON.parse(
      await succeeds(['corpus', 'collections', 'create', 'guides', '--tenant', 'ministere', '--json']),
    ) as {
      name: string;
      visibility: string;
      tenantId: string | null;
    }[];
    assert.deepEqual(
      created.map((c) => [c.name, c.visibility]),
      [['guides', 'internal']],
    );
    await succeeds(['corpus', 'collections', 'create', 'lois', '--visibility', 'public']);
    const listed = JSON.parse(
      await succeeds(['corpus', 'collections', 'list', '--tenant', 'ministere', '--json']),
    ) as { name: string }[];
    assert.deepEqual(listed.map((c) => c.name).sort(), ['guides', 'lois']);
    const platform = await succeeds(['corpus', 'collections', 'list']);
    assert.match(platform, /lois/);
    assert.doesNotMatch(platform, /guides/);
  });

  it('adds each file on its own: the good one is stored, the one without provenance is reported, and the exit code is 1', async () => {
    const run = await mizan([
      'corpus',
      'add',
      guide,
      join(dir, 'sans-origine.txt'),
      '--collection',
      'guides',
      '--tenant',
      'ministere',
    ]);
    assert.equal(run.code, 1, run.stderr);
    const added = /guide-passeport\.md: added (doc_\S+) v1 \((\d+) chunks?, 0 quarantined\)/.exec(run.stdout);
    assert.ok(added, run.stdout);
    guideId = added[1]!;
    assert.match(run.stderr, /sans-origine\.txt: error \(missing_provenance\)/);

    const again = JSON.parse(
      await succeeds(['corpus', 'add', guide, '--collection', 'guides', '--tenant', 'ministere', '--json']),
    ) as Added;
    assert.deepEqual([again.document.id, again.version, again.created], [guideId, 1, false]);
  });

  it('lists the collection and shows a document with its versions', async () => {
    const listed = JSON.parse(
      await succeeds(['corpus', 'list', '--collection', 'guides', '--tenant', 'ministere', '--json']),
    ) as {
      id: string;
      externalId: string;
    }[];
    assert.deepEqual(
      listed.map((d) => [d.id, d.externalId]),
      [[guideId, 'guide-passeport']],
    );
    writeFileSync(guide, GUIDE.replace('un timbre fiscal', 'un timbre fiscal électronique'));
    assert.match(
      await succeeds(['corpus', 'add', guide, '--collection', 'guides', '--tenant', 'ministere']),
      /added doc_\S+ v2/,
    );
    const shown = JSON.parse(await succeeds(['corpus', 'show', guideId, '--json'])) as {
      title: string;
      versions: { version: number; sha256: string; ingestedBy: string }[];
    };
    assert.equal(shown.title, 'Demande de passeport biométrique');
    assert.deepEqual(
      shown.versions.map((v) => v.version),
      [1, 2],
    );
    assert.match(shown.versions[0]!.ingestedBy, /^mizan cli/);
    const human = await succeeds(['corpus', 'show', guideId]);
    assert.match(human, /sourceUri: https:\/\/example\.ma\/guides\/passeport/);
  });

  it('searches as the assistant would, for the tenant', async () => {
    const output = await succeeds([
      'corpus',
      'search',
      'Où déposer une demande de passeport ?',
      '--tenant',
      'ministere',
    ]);
    assert.match(output, /language: fra_Latn/);
    assert.match(output, new RegExp(guideId));
    assert.match(output, /préfecture ou au consulat/);
    const platformOnly = JSON.parse(
      await succeeds(['corpus', 'search', 'Où déposer une demande de passeport ?', '--json']),
    ) as { data: unknown[] };
    assert.deepEqual(platformOnly.data, [], "a tenant's internal collection is not the platform's");
  });

  it('administers the corpus through the running server while it holds the embedded database', async () => {
    const server = startCli(['serve'], { ...env, PORT: '0' });
    let output = '';
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`serve did not start: ${output}`)),
          COMMAND_TIMEOUT_MS,
        );
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          if (!output.includes('Mizan is listening')) return;
          clearTimeout(timer);
          resolve();
        };
        server.stdout!.on('data', onData);
        server.stderr!.on('data', onData);
        void exited.then((code) => reject(new Error(`serve exited with ${code}: ${output}`)));
      });
      const added = JSON.parse(
        await succeeds([
          'corpus',
          'add',
          join(dir, 'horaires.md'),
          '--collection',
          'lois',
          '--publisher',
          'Préfecture de test',
          '--source',
          'https://example.ma/horaires',
          '--licence',
          'Texte officiel',
          '--json',
        ]),
      ) as Added;
      assert.equal(added.created, true);
      hoursId = added.document.id;
      const found = JSON.parse(
        await succeeds(['corpus', 'search', 'horaires du guichet unique', '--json']),
      ) as { data: { documentId: string }[] };
      assert.equal(found.data[0]?.documentId, hoursId);
      const remoteError = await mizan(['corpus', 'withdraw', 'doc_nope', '--reason', 'test']);
      assert.equal(remoteError.code, 1);
      assert.match(remoteError.stderr, /document_not_found/);
    } finally {
      server.kill('SIGTERM');
    }
    assert.equal(await exited, 0, output);
    assert.ok(!output.includes('huit heures trente'), 'the server never logs document text');
  });

  it('withdraws a document: search no longer finds it, show still does, with withdrawnAt', async () => {
    const withdrawn = JSON.parse(
      await succeeds(['corpus', 'withdraw', guideId, '--reason', 'procédure remplacée', '--json']),
    ) as {
      withdrawnAt: string | null;
    }[];
    assert.ok(withdrawn[0]?.withdrawnAt);
    const found = JSON.parse(
      await succeeds([
        'corpus',
        'search',
        'Où déposer une demande de passeport ?',
        '--tenant',
        'ministere',
        '--json',
      ]),
    ) as {
      data: { documentId: string }[];
    };
    assert.ok(found.data.every((p) => p.documentId !== guideId));
    const shown = JSON.parse(await succeeds(['corpus', 'show', guideId, '--json'])) as {
      withdrawnAt: string | null;
    };
    assert.equal(shown.withdrawnAt, withdrawn[0]!.withdrawnAt);
    const usage = await mizan(['corpus', 'withdraw', guideId]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--reason TEXT/);
  });
});
