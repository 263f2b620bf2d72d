/**
 * `npm run bench -- pii [--quick] [--seed N] [--count N] [--mb N] [--runs N] [--no-peers] [--no-pin] [--out FILE]`
 *
 * Evaluates `scan()` (src/privacy/scan.ts): precision, recall and F1 per type on a synthetic Moroccan set generated
 * from a seed (bench/pii/generator.ts), on Presidio's synthetic English set and on the Moroccan law corpus (false
 * positives per MB), then throughput on one core over ~10 MB of mixed text; the npm peers `redact-pii` and
 * `@redactpii/node` run on the same inputs. Prints markdown and writes it to bench/RESULTS-pii.md.
 */
import { benchArgs, type PeerBenchOptions } from './args.js';
import { machine, revision } from './environment.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan, scannableTypes } from '../src/privacy/scan.js';
import { ENTITY_TYPES, IDENTIFIER_TYPES, type Entity, type EntityType } from '../src/privacy/types.js';
import {
  PRESIDIO_MAP,
  PRESIDIO_SKIPPED,
  loadLawCorpus,
  loadPresidio,
  sharedDataDir,
  type LawProvision,
  type PresidioItem,
} from './pii/corpora.js';
import { DEFAULT_COUNT, DEFAULT_SEED, LANGS, generateDataset, type Sample } from './pii/generator.js';
import { FAMILY, FEMALE_GIVEN, MALE_GIVEN } from './pii/lexicon.js';
import { Evaluator, exactPrf, lenientPrf, type Counts, type Span } from './pii/metrics.js';
import { loadPeers, mapPhone, type Peer } from './pii/peers.js';
import { f2, f3, quote, table, visible, writeMarkdownReport } from './report.js';
import type { ThroughputResult } from './pii/throughput.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

/** Types with a fixed shape: the ≥ 0.98 F1 target applies to them. */
const STRUCTURED: readonly EntityType[] = IDENTIFIER_TYPES.filter((t) => t !== 'PERSON' && t !== 'ADDRESS');
const TARGET_STRUCTURED_F1 = 0.98;
const TARGET_PERSON_F1 = 0.85;
const TARGET_MB_S = 30;

interface Options extends PeerBenchOptions {
  quick: boolean;
  seed: number;
  count: number;
  mb: number;
}

function parseArgs(args: string[]): Options {
  const { flag, value, positive: num } = benchArgs(args);
  const quick = flag('--quick');
  return {
    quick,
    seed: num('--seed', DEFAULT_SEED),
    count: num('--count', quick ? 4000 : DEFAULT_COUNT),
    mb: num('--mb', quick ? 2 : 10),
    runs: num('--runs', 3),
    peers: !flag('--no-peers'),
    pin: !flag('--no-pin'),
    out: value('--out') ?? path.join(root, 'bench', 'RESULTS-pii.md'),
  };
}

const toSpans = (entities: readonly Entity[]): Span[] =>
  entities.map((e) => ({ type: e.type, start: e.start, end: e.end }));

/** scan() that never throws: an error counts, and the input gets no prediction. */
function safeScan(text: string, errors: { count: number; first?: string }): Span[] {
  try {
    return toSpans(scan(text));
  } catch (error) {
    errors.count++;
    errors.first ??= String(error);
    return [];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Gazetteer overlap (how circular the PERSON test is)

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0640]/g, '')
    .toLowerCase()
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[\s'’-]+/g, ' ')
    .trim();

function loadGazetteer(file: string): Set<string> {
  const full = path.join(root, 'src', 'privacy', 'data', file);
  if (!existsSync(full)) return new Set();
  const json = JSON.parse(readFileSync(full, 'utf8')) as { names?: string[][] };
  return new Set((json.names ?? []).flat().map(fold));
}

interface GazetteerOverlap {
  given: { latin: number; arabic: number; total: number };
  family: { latin: number; arabic: number; total: number };
  givenSet: Set<string>;
  familySet: Set<string>;
}

function gazetteerOverlap(): GazetteerOverlap {
  const givenSet = loadGazetteer('given-names.json');
  const familySet = loadGazetteer('family-names.json');
  const count = (names: readonly (readonly [string, string])[], set: Set<string>) => ({
    latin: names.filter(([l]) => set.has(fold(l))).length,
    arabic: names.filter(([, a]) => set.has(fold(a))).length,
    total: names.length,
  });
  return {
    given: count([...MALE_GIVEN, ...FEMALE_GIVEN], givenSet),
    family: count(FAMILY, familySet),
    givenSet,
    familySet,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation passes

interface SyntheticRun {
  evaluator: Evaluator;
  preds: Span[][];
  errors: { count: number; first?: string };
  seconds: number;
  replayMismatches?: number;
}

function evaluateSynthetic(
  samples: readonly Sample[],
  predict: (s: Sample) => Span[],
  types: ReadonlySet<string>,
) {
  const evaluator = new Evaluator(types);
  const preds: Span[][] = [];
  const t0 = performance.now();
  for (const s of samples) {
    const p = predict(s);
    preds.push(p);
    evaluator.add(s, s.spans, p);
  }
  return { evaluator, preds, seconds: (performance.now() - t0) / 1000 };
}

interface NegativeRow {
  kind: string;
  sentences: number;
  flagged: number;
  byType: Map<string, number>;
}

/** Hard negatives: sentences of the `negative:*` categories and what was detected in them. */
function negatives(samples: readonly Sample[], preds: readonly Span[][]): NegativeRow[] {
  const rows = new Map<string, NegativeRow>();
  samples.forEach((s, i) => {
    if (!s.category.startsWith('negative:')) return;
    const kind = s.category.slice(9);
    let row = rows.get(kind);
    if (!row) rows.set(kind, (row = { kind, sentences: 0, flagged: 0, byType: new Map() }));
    row.sentences++;
    const p = preds[i]!;
    if (p.length > 0) row.flagged++;
    for (const x of p) row.byType.set(x.type, (row.byType.get(x.type) ?? 0) + 1);
  });
  return [...rows.values()];
}

const byTypeText = (m: ReadonlyMap<string, number>) =>
  m.size === 0
    ? '—'
    : [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([t, n]) => `${t} ${n}`)
        .join(', ');

interface LawRun {
  bytes: { all: number; fr: number; ar: number };
  byType: Map<string, { all: number; fr: number; ar: number }>;
  examples: Map<string, string[]>;
  seconds: number;
}

function evaluateLaw(provisions: readonly LawProvision[], predict: (text: string) => Span[]): LawRun {
  const run: LawRun = { bytes: { all: 0, fr: 0, ar: 0 }, byType: new Map(), examples: new Map(), seconds: 0 };
  const t0 = performance.now();
  for (const p of provisions) {
    const b = Buffer.byteLength(p.text);
    const lang = p.lang === 'fr' ? 'fr' : 'ar';
    run.bytes.all += b;
    run.bytes[lang] += b;
    for (const s of predict(p.text)) {
      let c = run.byType.get(s.type);
      if (!c) run.byType.set(s.type, (c = { all: 0, fr: 0, ar: 0 }));
      c.all++;
      c[lang]++;
      let ex = run.examples.get(s.type);
      if (!ex) run.examples.set(s.type, (ex = []));
      if (ex.length < 3) {
        const a = Math.max(0, s.start - 40);
        const z = Math.min(p.text.length, s.end + 25);
        ex.push(
          `${p.id}: …${p.text.slice(a, s.start)}⟦${p.text.slice(s.start, s.end)}⟧${p.text.slice(s.end, z)}…`,
        );
      }
    }
  }
  run.seconds = (performance.now() - t0) / 1000;
  return run;
}

// ---------------------------------------------------------------------------------------------------------------
// Throughput, in a child pinned to core 0

function throughput(o: Options): {
  results: ThroughputResult[];
  corpus: Record<string, number>;
  pinned: string;
} {
  const script = path.join(here, 'pii', 'throughput.ts');
  const nodeArgs = [
    '--import',
    'tsx',
    script,
    '--mb',
    String(o.mb),
    '--runs',
    String(o.runs),
    '--seed',
    String(o.seed),
  ];
  if (!o.peers) nodeArgs.push('--no-peers');
  const taskset = o.pin && spawnSync('taskset', ['--version']).status === 0;
  const cmd = taskset ? 'taskset' : process.execPath;
  const cmdArgs = taskset ? ['-c', '0', process.execPath, ...nodeArgs] : nodeArgs;
  const out = execFileSync(cmd, cmdArgs, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`throughput child printed no result:\n${out}`);
  const parsed = JSON.parse(line.slice(7)) as { results: ThroughputResult[]; corpus: Record<string, number> };
  return { ...parsed, pinned: taskset ? '`taskset -c 0` (core 0)' : 'not pinned (no taskset)' };
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const status = (value: number, target: number) => (value >= target ? 'met' : 'missed');

function typeRow(ev: Evaluator, type: string, hasRecognizer: boolean): string[] {
  const c = ev.get(type);
  const e = exactPrf(c);
  const l = lenientPrf(c);
  const langF1 = LANGS.map((lang) => {
    const k = ev.get(`${type}|lang=${lang}`);
    return k.gold === 0 && k.pred === 0 ? '—' : f3(exactPrf(k).f1);
  });
  const recallOf = (tag: string) => {
    const k = ev.get(`${type}|tag=${tag}`);
    return k.gold === 0 ? '—' : `${f3(k.exact / k.gold)} (${k.gold})`;
  };
  const target = (STRUCTURED as readonly string[]).includes(type)
    ? `≥ ${TARGET_STRUCTURED_F1}: ${status(e.f1, TARGET_STRUCTURED_F1)}`
    : '—';
  if (!hasRecognizer)
    return [type, String(c.gold), '—', 'no recognizer', '', '', '', '', '', '', '', '', '', target];
  return [
    type,
    String(c.gold),
    String(c.pred),
    f3(e.p),
    f3(e.r),
    f3(e.f1),
    f3(l.f1),
    ...langF1,
    recallOf('eastern-digits'),
    recallOf('invisible'),
    target,
  ].map(String);
}

const scoreCell = (c: Counts) => {
  const e = exactPrf(c);
  const l = lenientPrf(c);
  return `${f3(e.f1)} / ${f3(l.f1)}`;
};

export async function run(args: string[]): Promise<void> {
  const o = parseArgs(args);
  const started = Date.now();
  const command = `npm run bench -- pii${args.length > 0 ? ' ' + args.join(' ') : ''}`;
  const has = new Set<string>(scannableTypes);
  const allTypes = new Set<string>(ENTITY_TYPES);
  const log = (s: string) => console.error(`[pii] ${s}`);

  // 1. Synthetic set.
  const tGen = performance.now();
  const samples = generateDataset({ seed: o.seed, count: o.count });
  const genSeconds = (performance.now() - tGen) / 1000;
  const synthBytes = samples.reduce((s, x) => s + Buffer.byteLength(x.text), 0);
  log(
    `generated ${samples.length} sentences (${(synthBytes / 1e6).toFixed(2)} MB) in ${genSeconds.toFixed(1)} s`,
  );

  const mizanErrors = { count: 0 } as { count: number; first?: string };
  const mizan: SyntheticRun = {
    ...evaluateSynthetic(samples, (s) => safeScan(s.text, mizanErrors), allTypes),
    errors: mizanErrors,
  };
  log(`Mizan on the synthetic set: ${mizan.seconds.toFixed(1)} s`);

  const { peers, missing } = o.peers
    ? await loadPeers()
    : { peers: [] as Peer[], missing: ['peers skipped (--no-peers)'] };
  const peerRuns = new Map<string, SyntheticRun>();
  for (const peer of peers) {
    let mismatches = 0;
    const r = evaluateSynthetic(
      samples,
      (s) => {
        const { spans, replayOk } = peer.spans(s.text);
        if (!replayOk) mismatches++;
        return mapPhone(spans, 'MA_PHONE');
      },
      new Set(peer.types),
    );
    peerRuns.set(peer.name, { ...r, errors: { count: 0 }, replayMismatches: mismatches });
    log(`${peer.name} on the synthetic set: ${r.seconds.toFixed(1)} s`);
  }

  // 2. Open data.
  const dataDir = sharedDataDir();
  let presidio: PresidioItem[] = [];
  let law: LawProvision[] = [];
  if (dataDir) {
    presidio = loadPresidio(dataDir);
    law = loadLawCorpus(dataDir);
  } else {
    log('../shared/data not found: open-data sections skipped');
  }
  const presidioTypes = new Set(Object.values(PRESIDIO_MAP));
  const presidioMizan = new Evaluator(presidioTypes);
  const presidioUnmapped = new Map<string, Map<string, number>>();
  const presidioUnmappedExamples = new Map<string, string[]>();
  for (const item of presidio) {
    const pred = safeScan(item.text, mizanErrors).map((s) =>
      s.type === 'MA_PHONE' ? { ...s, type: 'PHONE_NUMBER' } : s,
    );
    presidioMizan.add({ id: item.id, text: item.text }, item.gold, pred);
    for (const p of pred) {
      if (presidioTypes.has(p.type)) continue;
      const under = item.all.find((g) => g.start < p.end && p.start < g.end)?.type ?? 'unlabelled text';
      let m = presidioUnmapped.get(p.type);
      if (!m) presidioUnmapped.set(p.type, (m = new Map()));
      m.set(under, (m.get(under) ?? 0) + 1);
      let ex = presidioUnmappedExamples.get(p.type);
      if (!ex) presidioUnmappedExamples.set(p.type, (ex = []));
      if (ex.length < 2)
        ex.push(
          `${item.text.slice(Math.max(0, p.start - 30), p.start)}⟦${item.text.slice(p.start, p.end)}⟧${item.text.slice(p.end, p.end + 20)}`,
        );
    }
  }
  const presidioPeers = new Map<string, Evaluator>();
  for (const peer of peers) {
    const ev = new Evaluator(presidioTypes);
    for (const item of presidio)
      ev.add(
        { id: item.id, text: item.text },
        item.gold,
        mapPhone(peer.spans(item.text).spans, 'PHONE_NUMBER'),
      );
    presidioPeers.set(peer.name, ev);
  }
  log(`Presidio set: ${presidio.length} texts`);

  const lawMizan = evaluateLaw(law, (t) => safeScan(t, mizanErrors));
  const lawPeers = new Map<string, LawRun>();
  for (const peer of peers)
    lawPeers.set(
      peer.name,
      evaluateLaw(law, (t) => peer.spans(t).spans),
    );
  log(`law corpus: ${law.length} provisions, Mizan ${lawMizan.seconds.toFixed(1)} s`);

  // 3. Throughput.
  log(`throughput: ${o.mb} MB, ${o.runs} runs each…`);
  const tp = throughput(o);

  // ---------------------------------------------------------------------------------------------------------------
  const overlap = gazetteerOverlap();
  const md: string[] = [];
  const now = new Date();
  md.push('# PII detection benchmark results', '');
  md.push(
    `- Date: ${now.toISOString()}`,
    `- Command: \`${command}\` (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    `- Machine: ${machine()}; load average at the end ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
    `- Node ${process.version}; Mizan ${revision('src/privacy')}; peers: ${peers.map((p) => `${p.name} ${p.version}`).join(', ') || 'none'}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`,
    `- Synthetic set: ${samples.length} sentences, seed ${o.seed}, ${(synthBytes / 1e6).toFixed(2)} MB, generated by \`bench/pii/generator.ts\` (also \`npx tsx scripts/generate-pii-dataset.ts --seed ${o.seed} --count ${o.count}\`)`,
    `- Types \`scan()\` detects now: ${[...has].join(', ')}; without a recognizer: ${ENTITY_TYPES.filter((t) => !has.has(t)).join(', ') || 'none'}`,
    `- Names in the detector's gazetteer (src/privacy/data): given names ${overlap.given.latin}/${overlap.given.total} in Latin script and ${overlap.given.arabic}/${overlap.given.total} in Arabic script; family names ${overlap.family.latin}/${overlap.family.total} and ${overlap.family.arabic}/${overlap.family.total}`,
    `- Scoring: exact = same type, start and end; lenient = same type and overlapping. F1 figures are exact unless marked. \`scan()\` errors: ${mizanErrors.count}${mizanErrors.first ? ` (first: ${mizanErrors.first})` : ''}`,
    '',
  );

  // Targets.
  const negRowsMizan = negatives(samples, mizan.preds);
  const negSentences = negRowsMizan.reduce((s, r) => s + r.sentences, 0);
  const negFlagged = negRowsMizan.reduce((s, r) => s + r.flagged, 0);
  const negDetections = negRowsMizan.reduce(
    (s, r) => s + [...r.byType.values()].reduce((a, b) => a + b, 0),
    0,
  );
  const personF1 = (langs: readonly string[]) => {
    const c: Counts = { gold: 0, pred: 0, exact: 0, goldHit: 0, predHit: 0 };
    for (const lang of langs) {
      const k = mizan.evaluator.get(`PERSON|lang=${lang}`);
      c.gold += k.gold;
      c.pred += k.pred;
      c.exact += k.exact;
      c.goldHit += k.goldHit;
      c.predHit += k.predHit;
    }
    return c;
  };
  const personFr = personF1(['fr']);
  const personArab = personF1(['ar', 'ary-Arab']);
  const personLatn = personF1(['ary-Latn']);
  const mizanTp = tp.results.find((r) => r.system === 'Mizan');
  md.push('## Against the targets (stated, not asserted)', '');
  for (const t of STRUCTURED) {
    const f1 = exactPrf(mizan.evaluator.get(t)).f1;
    md.push(
      has.has(t)
        ? `- ${t}: F1 ${f3(f1)} (target ≥ ${TARGET_STRUCTURED_F1}: ${status(f1, TARGET_STRUCTURED_F1)})`
        : `- ${t}: no recognizer (target ≥ ${TARGET_STRUCTURED_F1}: missed)`,
    );
  }
  const personLine = (label: string, c: Counts) =>
    has.has('PERSON')
      ? `- PERSON, ${label}: F1 ${f3(exactPrf(c).f1)}, lenient ${f3(lenientPrf(c).f1)} (target ≥ ${TARGET_PERSON_F1}: ${status(exactPrf(c).f1, TARGET_PERSON_F1)})`
      : `- PERSON, ${label}: no recognizer (target ≥ ${TARGET_PERSON_F1}: missed)`;
  md.push(personLine('French', personFr), personLine('Arabic script (MSA and Darija)', personArab));
  md.push(
    `- Hard negatives (amounts, prices, years, times, percentages, law/decree/dahir/article numbers, file and invoice numbers, invalid checksums, bare 9-digit numbers, postal codes, dates outside a birth context): ${negDetections} detections in ${negFlagged} of ${negSentences} sentences (target 0: ${negDetections === 0 ? 'met' : 'missed'})`,
  );
  if (mizanTp)
    md.push(
      `- Throughput on one core, full recognizer set: ${f2(mizanTp.mbPerSWall)} MB/s wall, ${f2(mizanTp.mbPerSCpu)} MB/s CPU time (target ≥ ${TARGET_MB_S}: ${status(mizanTp.mbPerSWall, TARGET_MB_S)})`,
    );
  md.push('');

  // Synthetic table.
  md.push(`## Synthetic Moroccan set: Mizan per type`, '');
  md.push(
    'Columns fr … ary-Latn are exact F1 per language (MSA, Darija in Arabic script, Darija in Latin script); the recall columns are over the labels in sentences with Eastern Arabic digits and with invisible characters (U+200B, U+200E, U+061C) inside the identifier (count in brackets).',
    '',
  );
  md.push(
    table(
      [
        'Type',
        'Gold',
        'Pred',
        'P',
        'R',
        'F1',
        'F1 lenient',
        'F1 fr',
        'F1 ar',
        'F1 ary-Arab',
        'F1 ary-Latn',
        'R eastern digits',
        'R invisible',
        'Target',
      ],
      ENTITY_TYPES.map((t) => typeRow(mizan.evaluator, t, has.has(t))),
      'lrrrrrrrrrrrrl',
    ),
    '',
  );

  // PERSON breakdown.
  if (has.has('PERSON')) {
    const buckets = { in: { gold: 0, exact: 0, hit: 0 }, out: { gold: 0, exact: 0, hit: 0 } };
    samples.forEach((s, i) => {
      for (const g of s.spans) {
        if (g.type !== 'PERSON') continue;
        const inGaz =
          overlap.givenSet.has(fold(g.given ?? '')) &&
          (g.family === undefined || overlap.familySet.has(fold(g.family)));
        const b = inGaz ? buckets.in : buckets.out;
        b.gold++;
        const p = mizan.preds[i]!.filter((x) => x.type === 'PERSON');
        if (p.some((x) => x.start === g.start && x.end === g.end)) b.exact++;
        if (p.some((x) => x.start < g.end && g.start < x.end)) b.hit++;
      }
    });
    md.push('### PERSON by script and by gazetteer membership', '');
    md.push(
      table(
        ['Subset', 'Gold', 'P', 'R', 'F1', 'F1 lenient'],
        [
          ['French (Latin script)', personFr],
          ['Arabic script (ar + ary-Arab)', personArab],
          ['Darija in Latin script', personLatn],
        ].map(([label, c]) => {
          const k = c as Counts;
          const e = exactPrf(k);
          return [label as string, String(k.gold), f3(e.p), f3(e.r), f3(e.f1), f3(lenientPrf(k).f1)];
        }),
      ),
      '',
      `Recall by whether the name's parts are all in the detector's gazetteer: in ${f3(buckets.in.exact / Math.max(1, buckets.in.gold))} exact, ${f3(buckets.in.hit / Math.max(1, buckets.in.gold))} lenient (${buckets.in.gold} names); with a part outside it ${f3(buckets.out.exact / Math.max(1, buckets.out.gold))} exact, ${f3(buckets.out.hit / Math.max(1, buckets.out.gold))} lenient (${buckets.out.gold} names).`,
      '',
    );
  }

  // Weak writings.
  const weak: string[][] = [];
  for (const t of ENTITY_TYPES) {
    if (!has.has(t)) continue;
    const prefix = `${t}|writing=`;
    for (const [key, c] of mizan.evaluator.counts) {
      if (!key.startsWith(prefix) || c.gold === 0) continue;
      const r = c.exact / c.gold;
      if (r < 0.98) weak.push([t, key.slice(prefix.length), String(c.gold), f3(r), f3(c.goldHit / c.gold)]);
    }
  }
  if (weak.length > 0) {
    weak.sort((a, b) => Number(a[3]) - Number(b[3]));
    md.push('### Writings recalled below 0.98 (exact)', '');
    md.push(table(['Type', 'Writing', 'Gold', 'R exact', 'R lenient'], weak.slice(0, 30)), '');
  }

  // Hard negatives.
  md.push('## Hard negatives (synthetic; nothing should be detected)', '');
  const peerNeg = new Map(peers.map((p) => [p.name, negatives(samples, peerRuns.get(p.name)!.preds)]));
  md.push(
    table(
      [
        'Kind',
        'Sentences',
        'Mizan: sentences flagged',
        'Mizan: detections',
        ...peers.map((p) => `${p.name}: sentences flagged (types)`),
      ],
      negRowsMizan.map((r) => [
        r.kind,
        String(r.sentences),
        String(r.flagged),
        byTypeText(r.byType),
        ...peers.map((p) => {
          const pr = peerNeg.get(p.name)!.find((x) => x.kind === r.kind)!;
          return `${pr.flagged} (${byTypeText(pr.byType)})`;
        }),
      ]),
      'lrrl' + 'l'.repeat(peers.length),
    ),
    '',
  );

  // Peers on the synthetic set.
  if (peers.length > 0) {
    md.push('## Peers on the synthetic set', '');
    md.push(
      "F1 exact / lenient for the types each peer claims (their labels mapped: CREDIT_CARD → PAYMENT_CARD, EMAIL_ADDRESS → EMAIL, PHONE_NUMBER → MA_PHONE, PERSON_NAME → PERSON, STREET_ADDRESS → ADDRESS, IP_ADDRESS); their other labels (DIGITS, ZIPCODE, US_SOCIAL_SECURITY_NUMBER, URL…) are not scored but show in the hard-negative table. Spans come from replaying each library's rules over position-tracking text; " +
        peers
          .map(
            (p) =>
              `${p.name}: ${peerRuns.get(p.name)!.replayMismatches} replay mismatches with its own redact()`,
          )
          .join(', ') +
        '.',
      '',
    );
    const peerTypes = [...new Set(peers.flatMap((p) => p.types))];
    md.push(
      table(
        [
          'Type',
          'Gold',
          'Mizan',
          ...peers.map((p) => p.name),
          ...peers.map((p) => `Mizan/${p.name} (exact F1)`),
        ],
        peerTypes.map((t) => {
          const m = mizan.evaluator.get(t);
          const cells = peers.map((p) =>
            p.types.includes(t) ? scoreCell(peerRuns.get(p.name)!.evaluator.get(t)) : 'not supported',
          );
          const ratios = peers.map((p) => {
            if (!p.types.includes(t)) return '—';
            const pf = exactPrf(peerRuns.get(p.name)!.evaluator.get(t)).f1;
            return pf === 0 ? '∞' : f2(exactPrf(m).f1 / pf);
          });
          return [t, String(m.gold), has.has(t) ? scoreCell(m) : 'no recognizer', ...cells, ...ratios];
        }),
      ),
      '',
    );
  }

  // Presidio.
  if (presidio.length > 0) {
    md.push('## Presidio synthetic PII set (English, MIT)', '');
    md.push(
      `${presidio.length} texts from \`presidio-synth-pii-en/synth_dataset_v2.json\`. Labels mapped: ${Object.entries(
        PRESIDIO_MAP,
      )
        .map(([a, b]) => `${a} → ${b}`)
        .join(
          ', ',
        )}; skipped (no Mizan type): ${PRESIDIO_SKIPPED.join(', ')}. PHONE_NUMBER holds US and other non-Moroccan numbers: it is reported apart, against Mizan's MA_PHONE. ADDRESS and PERSON are foreign (US/European) here.`,
      '',
    );
    md.push(
      table(
        [
          'Type',
          'Gold',
          'Mizan P',
          'Mizan R',
          'Mizan F1',
          'Mizan F1 lenient',
          ...peers.map((p) => `${p.name} F1 / lenient`),
        ],
        [...presidioTypes].map((t) => {
          const c = presidioMizan.get(t);
          const e = exactPrf(c);
          const mizanHas = t === 'PHONE_NUMBER' ? has.has('MA_PHONE') : has.has(t as EntityType);
          const label = t === 'PHONE_NUMBER' ? 'PHONE_NUMBER (non-Moroccan; Mizan MA_PHONE)' : t;
          return [
            label,
            String(c.gold),
            ...(mizanHas
              ? [f3(e.p), f3(e.r), f3(e.f1), f3(lenientPrf(c).f1)]
              : ['no recognizer', '', '', '']),
            ...peers.map((p) => {
              const supported = t === 'PHONE_NUMBER' ? p.types.includes('MA_PHONE') : p.types.includes(t);
              return supported ? scoreCell(presidioPeers.get(p.name)!.get(t)) : 'not supported';
            }),
          ];
        }),
      ),
      '',
    );
    const presidioExamples: string[] = [];
    for (const [t, byKind] of presidioMizan.examples) {
      const mizanHas = t === 'PHONE_NUMBER' ? has.has('MA_PHONE') : has.has(t as EntityType);
      if (!mizanHas) continue;
      for (const kind of ['missed', 'wrong-type', 'boundary', 'spurious'] as const) {
        for (const e of (byKind.get(kind) ?? []).slice(0, 2)) {
          presidioExamples.push(
            `- **${t}** ${kind}: \`${quote(e.text, 160)}\` — expected ${quote(e.expected, 120)}; got ${quote(e.got, 120)}`,
          );
        }
      }
    }
    if (presidioExamples.length > 0) md.push('Failing examples (Mizan):', '', ...presidioExamples, '');
    if (presidioUnmapped.size > 0) {
      md.push('Mizan detections of types Presidio does not label (what they landed on):', '');
      for (const [type, m] of presidioUnmapped) {
        md.push(
          `- ${type}: ${byTypeText(m)}; e.g. ${(presidioUnmappedExamples.get(type) ?? []).map((e) => `\`${quote(e)}\``).join(', ')}`,
        );
      }
      md.push('');
    }
  }

  // Law corpus.
  if (law.length > 0) {
    md.push('## Moroccan law corpus (legal text: structured identifiers there are false positives)', '');
    const mb = (b: number) => b / 1e6;
    md.push(
      `${law.length} provisions of \`moroccan-law-corpus/provisions.jsonl\` (raw \`text\`), ${f2(mb(lawMizan.bytes.all))} MB: French ${f2(mb(lawMizan.bytes.fr))} MB, Arabic ${f2(mb(lawMizan.bytes.ar))} MB. Detections per MB; PERSON, ADDRESS and SENSITIVE_* may be right here (signatories' names, addresses of institutions), the structured types almost never.`,
      '',
    );
    const types = new Set<string>([...lawMizan.byType.keys()]);
    for (const run of lawPeers.values()) for (const t of run.byType.keys()) types.add(t);
    const per = (run: LawRun | undefined, t: string, lang: 'all' | 'fr' | 'ar') => {
      const c = run?.byType.get(t);
      return c ? `${c[lang]} (${f2(c[lang] / Math.max(1e-9, mb(run!.bytes[lang])))}/MB)` : '0';
    };
    md.push(
      table(
        ['Type', 'Mizan all', 'Mizan French', 'Mizan Arabic', ...peers.map((p) => `${p.name} all`)],
        [...types]
          .sort()
          .map((t) => [
            t,
            per(lawMizan, t, 'all'),
            per(lawMizan, t, 'fr'),
            per(lawMizan, t, 'ar'),
            ...peers.map((p) => per(lawPeers.get(p.name), t, 'all')),
          ]),
      ),
      '',
    );
    if (lawMizan.examples.size > 0) {
      md.push('Mizan detections there, first three per type:', '');
      for (const [t, ex] of lawMizan.examples)
        for (const e of ex) md.push(`- ${t}: \`${quote(visible(e), 160)}\``);
      md.push('');
    }
  }

  // Throughput.
  md.push('## Throughput on one core', '');
  md.push(
    `${(tp.corpus.bytes! / 1e6).toFixed(2)} MB of mixed text in ${tp.corpus.chunks} inputs (${(tp.corpus.syntheticBytes! / 1e6).toFixed(2)} MB synthetic sentences in messages of 8, ${(tp.corpus.lawBytes! / 1e6).toFixed(2)} MB law provisions, cycled), UTF-8 bytes, 1 MB = 10^6 bytes. A child process ${tp.pinned}; untimed warm-up passes over at least 10 MB, then ${o.runs} timed runs, median. Mizan is \`scan(text)\` with every recognizer; peers are their \`redact(text)\`. Wall and CPU time differ when other processes share the core.`,
    '',
  );
  md.push(
    table(
      ['System', 'MB/s (wall)', 'MB/s (CPU)', 'Runs (s, wall)', 'Mizan / system (wall)'],
      tp.results.map((r) => [
        r.system,
        f2(r.mbPerSWall),
        f2(r.mbPerSCpu),
        r.runs.map((x) => x.wallS.toFixed(3)).join(', '),
        mizanTp ? f2(mizanTp.mbPerSWall / r.mbPerSWall) : '—',
      ]),
    ),
    '',
  );

  // Failure examples.
  md.push('## Failing examples (Mizan, synthetic set)', '');
  md.push(
    'Up to three per type and kind: missed (no overlapping prediction), wrong-type (overlapped by another type), boundary (overlap, not exact), spurious (prediction overlapping no gold span of its type).',
    '',
  );
  for (const t of ENTITY_TYPES) {
    const byKind = mizan.evaluator.examples.get(t);
    if (!byKind) continue;
    if (!has.has(t)) {
      md.push(`- **${t}**: no recognizer.`);
      continue;
    }
    for (const kind of ['missed', 'wrong-type', 'boundary', 'spurious'] as const) {
      for (const e of (byKind.get(kind) ?? []).slice(0, 3)) {
        md.push(
          `- **${t}** ${kind}: \`${quote(visible(e.text))}\` — expected ${quote(visible(e.expected))}; got ${quote(visible(e.got))}`,
        );
      }
    }
  }
  md.push('');

  await writeMarkdownReport(o.out, md, log, started);
}
