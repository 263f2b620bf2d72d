/**
 * `npm run bench -- audit [--seconds N] [--concurrency C] [--records N] [--out FILE]`
 *
 * The verifiable audit log's figures: durable appends per second through the production writer (group commit) on
 * PGlite and on PostgreSQL with 1 and 4 writer processes; how fast the integrator places them in the Merkle tree;
 * inclusion and consistency proof sizes and times from the database; and the offline verifier over an export of
 * N records (default 1,000,000), untouched and with one record altered. Targets (issue 8): >= 5,000 durable
 * records/s on PostgreSQL with 4 writers; 1,000,000 records verified in <= 10 s. PostgreSQL is the machine's
 * server (MIZAN_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), on a fresh database.
 * The tree alone is also built over the same leaf hashes by merkletreejs, the most used Merkle tree on npm, and the
 * ratio printed. Writes bench/RESULTS-audit.md.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createIntegrator } from '../src/audit/integrator.js';
import { leafHash, TreeBuilder } from '../src/audit/merkle.js';
import { createProofs } from '../src/audit/proofs.js';
import { signedHead } from '../src/audit/record.js';
import { generateSigningKey } from '../src/audit/signed-head.js';
import {
  exportLine,
  MANIFEST_FILE,
  RECORDS_FILE,
  sha256File,
  type ExportLine,
  type ExportManifest,
} from '../src/audit/export-format.js';
import { verifyExport } from '../src/audit/verify-export.js';
import { createAuditWriter } from '../src/audit/writer.js';
import { createAuditStore, type AuditStore } from '../src/store/audit-store.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { onMaintenanceConnection } from '../test/store/backends.js';
import { flowLikeEvent } from './audit-writer.js';
import { generateExport } from './audit-verify-scale.js';
import { machine, REPO_ROOT, revision } from './environment.js';
import { f2, int, met, table, writeMarkdownReport } from './report.js';
import { percentile } from './stats.js';

const log = (message: string) => console.error(`[audit] ${message}`);
const { key } = generateSigningKey();

interface AppendRow {
  store: string;
  writers: number;
  records: number;
  seconds: number;
  integrateSeconds: number;
}

async function integrateAll(store: AuditStore): Promise<number> {
  const started = performance.now();
  await createIntegrator({ store, key, logId: 'bench', intervalMs: 60_000 }).integrate();
  return (performance.now() - started) / 1000;
}

async function pgliteAppends(seconds: number, concurrency: number): Promise<AppendRow> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mizan-bench-audit-'));
  const database = await openDatabase({ dataDir });
  try {
    await migrateToLatest(database.db);
    const store = createAuditStore(database.db);
    const writer = createAuditWriter({ store });
    const end = Date.now() + seconds * 1000;
    let records = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async (_, loop) => {
        for (let i = loop; Date.now() < end; i += concurrency) {
          await writer.append(flowLikeEvent(i));
          records++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    await writer.close();
    return {
      store: 'PGlite (file)',
      writers: 1,
      records,
      seconds: elapsed,
      integrateSeconds: await integrateAll(store),
    };
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function writerProcess(url: string, seconds: number, concurrency: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(REPO_ROOT, 'bench/audit-writer.ts'),
      url,
      String(seconds),
      String(concurrency),
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`an audit writer process exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as { count: number; seconds: number };
}

/** A fresh database on the server; `use` gets it migrated, and it is dropped afterwards. */
async function withPostgres<T>(maintenanceUrl: string, use: (url: string, database: Database) => Promise<T>) {
  const name = `mizan_bench_${randomBytes(5).toString('hex')}`;
  await onMaintenanceConnection(maintenanceUrl, `create database ${name}`);
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.href, dataDir: tmpdir() });
  try {
    await migrateToLatest(database.db);
    return await use(url.href, database);
  } finally {
    await database.close();
    await onMaintenanceConnection(maintenanceUrl, `drop database ${name} with (force)`);
  }
}

async function postgresAppends(
  url: string,
  database: Database,
  writers: number,
  seconds: number,
  concurrency: number,
): Promise<AppendRow> {
  const results = await Promise.all(
    Array.from({ length: writers }, () => writerProcess(url, seconds, concurrency)),
  );
  return {
    store: 'PostgreSQL',
    writers,
    records: results.reduce((sum, r) => sum + r.count, 0),
    seconds: Math.max(...results.map((r) => r.seconds)),
    integrateSeconds: await integrateAll(createAuditStore(database.db)),
  };
}

interface ProofRow {
  kind: string;
  treeSize: number;
  hashes: [number, number];
  ms: number[];
}

async function proofFigures(store: AuditStore, samples: number): Promise<ProofRow[]> {
  const proofs = createProofs(store, signedHead('bench'));
  const head = await proofs.latest();
  const n = head.treeSize;
  const inclusion: ProofRow = { kind: 'inclusion', treeSize: n, hashes: [Infinity, 0], ms: [] };
  const consistency: ProofRow = { kind: 'consistency', treeSize: n, hashes: [Infinity, 0], ms: [] };
  for (let s = 0; s < samples; s++) {
    const index = Math.floor(Math.random() * n);
    const [event] = await store.byLeafRange(index, index + 1);
    let started = performance.now();
    const proof = await proofs.inclusion(event!);
    inclusion.ms.push(performance.now() - started);
    inclusion.hashes = [
      Math.min(inclusion.hashes[0], proof.audit_path.length),
      Math.max(inclusion.hashes[1], proof.audit_path.length),
    ];
    const first = 1 + Math.floor(Math.random() * n);
    started = performance.now();
    const c = await proofs.consistency(first, n);
    consistency.ms.push(performance.now() - started);
    consistency.hashes = [
      Math.min(consistency.hashes[0], c.proof.length),
      Math.max(consistency.hashes[1], c.proof.length),
    ];
  }
  return [inclusion, consistency];
}

/**
 * The tree alone, against the most used Merkle tree on npm (merkletreejs) on the same leaf hashes: building the
 * tree and reading its root. merkletreejs carries an odd node up where RFC 6962 splits at a power of two, so the
 * roots differ; what is compared is the work.
 */
async function treePeer(leaves: number) {
  const { MerkleTree } = await import('merkletreejs');
  const hashes = Array.from({ length: leaves }, (_, i) => leafHash(`leaf ${i}`));
  let started = performance.now();
  const builder = new TreeBuilder();
  for (const leaf of hashes) builder.append(leaf);
  builder.root();
  const ours = (performance.now() - started) / 1000;
  started = performance.now();
  const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();
  new MerkleTree(hashes, sha256, { hashLeaves: false }).getRoot();
  const peer = (performance.now() - started) / 1000;
  return { leaves, ours, peer };
}

async function verifyFigures(records: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mizan-bench-export-'));
  try {
    log(`generating an export of ${int(records)} records`);
    const { publicKey, keyId } = await generateExport(dir, records);
    const pinned = new Map([[keyId, publicKey]]);
    log('verifying it');
    let started = performance.now();
    const clean = await verifyExport(dir, { pinnedKeys: pinned });
    const cleanSeconds = (performance.now() - started) / 1000;
    // Alter one record in the middle, and re-hash the file in the manifest, so that the record check must catch it.
    const file = path.join(dir, RECORDS_FILE);
    const bytes = readFileSync(file);
    let start = 0;
    for (let line = 0; line < Math.floor(records / 2); line++) start = bytes.indexOf(0x0a, start) + 1;
    const end = bytes.indexOf(0x0a, start);
    const line = JSON.parse(bytes.toString('utf8', start, end)) as ExportLine;
    line.record!.detail = { ...line.record!.detail, altered: true };
    writeFileSync(
      file,
      Buffer.concat([bytes.subarray(0, start), Buffer.from(exportLine(line)), bytes.subarray(end + 1)]),
    );
    const manifestFile = path.join(dir, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ExportManifest;
    manifest.files[RECORDS_FILE] = await sha256File(file);
    writeFileSync(manifestFile, JSON.stringify(manifest));
    started = performance.now();
    const altered = await verifyExport(dir, { pinnedKeys: pinned });
    const alteredSeconds = (performance.now() - started) / 1000;
    return { records, clean, cleanSeconds, altered, alteredSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '64' },
      records: { type: 'string', default: '1000000' },
      samples: { type: 'string', default: '200' },
      out: { type: 'string', default: path.join(REPO_ROOT, 'bench/RESULTS-audit.md') },
    },
  });
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  const startedAt = Date.now();
  const maintenanceUrl =
    process.env.MIZAN_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

  const appends: AppendRow[] = [];
  log(`PGlite: ${seconds} s of appends from ${concurrency} concurrent requests`);
  appends.push(await pgliteAppends(seconds, concurrency));
  let proofs: ProofRow[] = [];
  for (const writers of [1, 4]) {
    log(`PostgreSQL: ${writers} writer process(es), ${concurrency} concurrent requests each`);
    await withPostgres(maintenanceUrl, async (url, database) => {
      appends.push(await postgresAppends(url, database, writers, seconds, concurrency));
      if (writers === 4) proofs = await proofFigures(createAuditStore(database.db), Number(values.samples));
    });
  }
  const verify = await verifyFigures(Number(values.records));
  log('the tree alone, against merkletreejs');
  const peer = await treePeer(Number(values.records));

  const pg4 = appends.find((a) => a.store === 'PostgreSQL' && a.writers === 4)!;
  const rate = (a: AppendRow) => a.records / a.seconds;
  const lines = [
    '# Audit log benchmark',
    '',
    `\`npm run bench -- audit --seconds ${seconds} --concurrency ${concurrency} --records ${values.records}\` on ${new Date().toISOString().slice(0, 10)}, revision ${revision('src/audit', 'src/store', 'bench/audit.ts')}; ${machine()}.`,
    '',
    '## Durable appends (group commit), then integration into the Merkle tree',
    '',
    'Each append resolves only once its record is committed; concurrent requests share a commit. Integration (leaf hashes, tree nodes, one signed head per 5,000 records) runs after the load, in one process.',
    '',
    table(
      ['store', 'writer processes', 'records', 'durable records/s', 'integrated records/s'],
      appends.map((a) => [
        a.store,
        String(a.writers),
        int(a.records),
        int(rate(a)),
        int(a.records / a.integrateSeconds),
      ]),
    ),
    '',
    `Target: >= 5,000 durable records/s on PostgreSQL with 4 writers: ${int(rate(pg4))}/s, ${met(rate(pg4) >= 5000)}.`,
    '',
    '## Proofs, from the database',
    '',
    table(
      ['proof', 'tree size', 'hashes (min–max)', 'bytes (max)', 'p50 ms', 'p99 ms'],
      proofs.map((p) => {
        const sorted = [...p.ms].sort((a, b) => a - b);
        return [
          p.kind,
          int(p.treeSize),
          `${p.hashes[0]}–${p.hashes[1]}`,
          int(p.hashes[1] * 32),
          f2(percentile(sorted, 50)),
          f2(percentile(sorted, 99)),
        ];
      }),
    ),
    '',
    '## Offline verification of an export',
    '',
    table(
      ['export', 'records', 'verdict', 'seconds', 'records/s'],
      [
        [
          'untouched',
          int(verify.records),
          verify.clean.valid ? 'valid' : `INVALID: ${verify.clean.problems[0]?.code}`,
          f2(verify.cleanSeconds),
          int(verify.records / verify.cleanSeconds),
        ],
        [
          'one record altered',
          int(verify.records),
          verify.altered.valid
            ? 'VALID (missed!)'
            : `invalid: ${verify.altered.problems[0]?.code} at index ${verify.altered.problems[0]?.index ?? '?'}`,
          f2(verify.alteredSeconds),
          '—',
        ],
      ],
    ),
    '',
    `Target: 1,000,000 records verified in <= 10 s: ${f2(verify.cleanSeconds)} s for ${int(verify.records)}, ${met(verify.records >= 1_000_000 && verify.cleanSeconds <= 10)}.`,
    '',
    '## The tree alone, against a peer',
    '',
    `Building a tree over the same ${int(peer.leaves)} leaf hashes and reading its root, in this process. merkletreejs (the most used Merkle tree on npm) carries an odd node up where RFC 6962 splits at a power of two, so the roots differ; the work compared is the same.`,
    '',
    table(
      ['implementation', 'seconds', 'leaves/s', 'ratio'],
      [
        ['Mizan TreeBuilder (RFC 6962)', f2(peer.ours), int(peer.leaves / peer.ours), '1.00'],
        ['merkletreejs 0.5', f2(peer.peer), int(peer.leaves / peer.peer), f2(peer.peer / peer.ours)],
      ],
    ),
    '',
  ];
  await writeMarkdownReport(values.out, lines, log, startedAt);
}
