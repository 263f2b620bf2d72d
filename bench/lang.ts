/**
 * `npm run bench -- lang [--data FILE] [--quick] [--runs N] [--min-seconds S] [--no-peers] [--no-pin] [--out FILE]`
 *
 * Evaluates `identifyLanguage()` on the held-out language-identification set (shared/data/lid-benchmark,
 * lid_eval.jsonl, the test split): per label precision, recall and F1 over the seven labels, macro-F1, accuracy, a
 * confusion matrix, what it says on the confounders (languages close to ours that are none of them), and its speed
 * on one core; the npm peers franc-all, eld, tinyld, cld3-asm and @bluzzi/lingua run offline on the same sentences,
 * each system in a child process of its own (bench/lang/measure.ts) under `taskset -c 0`. Prints markdown and writes
 * it to bench/RESULTS-lang.md.
 */
import { benchArgs, type PeerBenchOptions } from './args.js';
import { machine, revision } from './environment.js';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { duration, f3, int, met, pct, quote, table, writeMarkdownReport } from './report.js';
import {
  ALL_LABELS,
  CONFOUNDERS,
  DEFAULT_DATA,
  GOLD_RENAMES,
  LABELS,
  loadRows,
  repoRoot,
  type Label,
  type Row,
  type ScoredLabel,
} from './lang/data.js';
import type { Measurement } from './lang/measure.js';
import { confusion, score, type Scores } from './lang/metrics.js';
import { OURS, SYSTEM_NAMES, type SystemName } from './lang/systems.js';

const TARGET_MACRO_F1 = 0.95;
const TARGET_PER_SECOND = 50_000;

interface Options extends PeerBenchOptions {
  data: string;
  minSeconds: number;
  warmupSeconds: number;
}

function parseArgs(args: string[]): Options {
  const { flag, value, positive: num } = benchArgs(args);
  const quick = flag('--quick');
  const data = value('--data');
  return {
    data: data === undefined ? DEFAULT_DATA : path.resolve(process.cwd(), data),
    runs: Math.round(num('--runs', quick ? 1 : 3)),
    minSeconds: num('--min-seconds', quick ? 0.3 : 1),
    warmupSeconds: quick ? 0.3 : 1,
    peers: !flag('--no-peers'),
    pin: !flag('--no-pin'),
    out: value('--out') ?? path.join(repoRoot, 'bench', 'RESULTS-lang.md'),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring, one child per system

type Outcome = { ok: true; m: Measurement } | { ok: false; reason: string };

function measureInChild(system: SystemName, o: Options, taskset: boolean): Outcome {
  const script = path.join(repoRoot, 'bench', 'lang', 'measure.ts');
  const nodeArgs = [
    '--import',
    'tsx',
    script,
    '--system',
    system,
    '--data',
    o.data,
    '--runs',
    String(o.runs),
    '--min-seconds',
    String(o.minSeconds),
    '--warmup-seconds',
    String(o.warmupSeconds),
  ];
  const cmd = taskset ? 'taskset' : process.execPath;
  const cmdArgs = taskset ? ['-c', '0', process.execPath, ...nodeArgs] : nodeArgs;
  const r = spawnSync(cmd, cmdArgs, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = r.stdout?.split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status === 0 && line) return { ok: true, m: JSON.parse(line.slice(7)) as Measurement };
  const err = `${r.error ? String(r.error) : ''}\n${r.stderr ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at ') && !l.startsWith('Node.js'));
  const reason =
    err.find((l) => /Error|Cannot find|ERR_/.test(l)) ?? err[0] ?? `exit status ${r.status ?? r.signal}`;
  return { ok: false, reason: reason.slice(0, 300) };
}

// ---------------------------------------------------------------------------------------------------------------
// Report helpers

const ratio = (a: number, b: number) =>
  b === 0 ? '∞' : a / b >= 10 ? (a / b).toFixed(0) : (a / b).toFixed(2);

function distribution(preds: readonly Label[], rows: readonly Row[], gold: string): Map<Label, number> {
  const m = new Map<Label, number>(ALL_LABELS.map((l) => [l, 0]));
  rows.forEach((r, i) => {
    if (r.gold === gold) m.set(preds[i]!, m.get(preds[i]!)! + 1);
  });
  return m;
}

const topText = (m: ReadonlyMap<string, number>, n = 4) =>
  [...m.entries()]
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, c]) => `${k} ${c}`)
    .join(', ') || '—';

// ---------------------------------------------------------------------------------------------------------------

export async function run(args: string[]): Promise<void> {
  const o = parseArgs(args);
  const started = Date.now();
  const command = `npm run bench -- lang${args.length > 0 ? ' ' + args.join(' ') : ''}`;
  const log = (s: string) => console.error(`[lang] ${s}`);

  const rows = loadRows(o.data); // fails with a clear message when the file is missing
  const scored = rows.filter((r) => (LABELS as readonly string[]).includes(r.gold));
  const confRows = rows.filter((r) => (CONFOUNDERS as readonly string[]).includes(r.gold));
  const other = rows.length - scored.length - confRows.length;
  log(`${rows.length} sentences: ${scored.length} of the seven labels, ${confRows.length} confounders`);

  const taskset = o.pin && spawnSync('taskset', ['--version']).status === 0;
  const systems: readonly SystemName[] = o.peers ? SYSTEM_NAMES : [OURS];
  const results: Measurement[] = [];
  const missing: { system: string; reason: string }[] = [];
  for (const system of systems) {
    const t0 = Date.now();
    const out = measureInChild(system, o, taskset);
    if (out.ok) {
      results.push(out.m);
      log(
        `${out.m.name}: ${int(out.m.speed.perSecWall)} sentences/s, ${((Date.now() - t0) / 1000).toFixed(1)} s in all`,
      );
    } else if (system === OURS) {
      throw new Error(`Mizan's identifier failed: ${out.reason}`);
    } else {
      missing.push({ system, reason: out.reason });
      log(`${system} left out: ${out.reason}`);
    }
  }
  if (!o.peers) missing.push({ system: 'peers', reason: 'skipped (--no-peers)' });

  const scores = new Map<string, Scores>(results.map((m) => [m.name, score(rows, m.preds)]));
  const ours = results.find((m) => m.system === OURS)!;
  const oursScore = scores.get(ours.name)!;
  const peers = results.filter((m) => m.system !== OURS);

  // ---------------------------------------------------------------------------------------------------------------
  const md: string[] = [];
  md.push('# Language-identification benchmark results', '');
  md.push(
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`${command}\` (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    `- Machine: ${machine()}; load average at the end ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
    `- Node ${process.version}; Mizan ${revision('src/language', 'models')}; peers: ${peers.map((p) => `${p.name} ${p.version}`).join(', ') || 'none'}${missing.length > 0 ? ` (left out: ${missing.map((m) => m.system).join(', ')}; see the notes)` : ''}`,
    `- Data: \`${path.relative(repoRoot, o.data)}\` (held-out test split, never trained on): ${rows.length} sentences, ${scored.length} with one of the seven labels (${LABELS.map((l) => `${l} ${scored.filter((r) => r.gold === l).length}`).join(', ')}), ${confRows.length} confounders (${CONFOUNDERS.map((l) => `${l} ${confRows.filter((r) => r.gold === l).length}`).join(', ')})${other > 0 ? `, ${other} with other labels (not scored)` : ''}. Gold labels renamed: ${Object.entries(
      GOLD_RENAMES,
    )
      .map(([a, b]) => `${a} → ${b}`)
      .join(', ')}.`,
    `- Each system runs in a child process of its own, ${taskset ? '`taskset -c 0` (core 0)' : 'not pinned (no taskset or --no-pin)'}: load, one pass over all ${rows.length} sentences for the answers, untimed warm-up passes (at least ${o.warmupSeconds} s), then ${o.runs} timed runs of whole passes (at least ${o.minSeconds} s each) of a single-threaded loop; sentences/s is the median run, wall clock.`,
    '',
  );

  // Targets.
  // "Above every peer on every label": a peer at or above Mizan's F1 misses it, except a tie at 1.000 (perfect).
  const below: string[] = [];
  const tiedPerfect: string[] = [];
  for (const l of LABELS)
    for (const p of peers) {
      const theirs = scores.get(p.name)!.perLabel[l].f1;
      const mine = oursScore.perLabel[l].f1;
      if (theirs === 1 && mine === 1) tiedPerfect.push(`${l} with ${p.name}`);
      else if (theirs >= mine) below.push(`${l}: ${p.name} ${f3(theirs)} ≥ ${f3(mine)}`);
    }
  md.push('## Against the targets (stated, not asserted)', '');
  md.push(
    `- Macro-F1 over the seven labels: ${f3(oursScore.macroF1)} (target ≥ ${TARGET_MACRO_F1}: ${met(oursScore.macroF1 >= TARGET_MACRO_F1)}); accuracy ${f3(oursScore.accuracy)} (${oursScore.correct}/${oursScore.total}); with the confounders' false positives, macro-F1 ${f3(oursScore.withConfounders.macroF1)}`,
    peers.length === 0
      ? '- F1 above every peer on every label: no peer ran'
      : `- F1 above every peer on every label: ${met(below.length === 0)}${below.length > 0 ? ` (not above: ${below.join('; ')})` : ''}${tiedPerfect.length > 0 ? `; tied at 1.000, which no system can beat: ${tiedPerfect.join(', ')}` : ''}`,
    `- Speed on one core: ${int(ours.speed.perSecWall)} sentences/s wall, ${int(ours.speed.perSecCpu)} CPU time (target ≥ ${int(TARGET_PER_SECOND)}: ${met(ours.speed.perSecWall >= TARGET_PER_SECOND)})`,
    `- Model load time (no target): ${duration(ours.loadMs + ours.firstCallMs)} to the first answer: ${duration(ours.loadMs)} to import the module (through tsx, which compiles the TypeScript on the way), then ${duration(ours.firstCallMs)} for the first call, which reads the model file when it is loaded on first use`,
    '',
  );
  if (ours.errors.count > 0)
    md.push(
      `\`identifyLanguage()\` threw on ${ours.errors.count} sentences (first: ${ours.errors.first}).`,
      '',
    );

  // (1) Ours per label.
  md.push('## Mizan per label', '');
  md.push(
    'Sentence level, over the rows whose gold label is one of the seven. The last two columns count, in addition, every confounder row predicted as that label as a false positive (recall is unchanged).',
    '',
  );
  md.push(
    table(
      ['Label', 'Support', 'Predicted', 'P', 'R', 'F1', 'P with confounders', 'F1 with confounders'],
      [
        ...LABELS.map((l) => {
          const s = oursScore.perLabel[l];
          const c = oursScore.withConfounders.perLabel[l];
          return [l, String(s.gold), String(s.pred), f3(s.p), f3(s.r), f3(s.f1), f3(c.p), f3(c.f1)];
        }),
        [
          '**Macro**',
          String(oursScore.total),
          '',
          f3(LABELS.reduce((a, l) => a + oursScore.perLabel[l].p, 0) / LABELS.length),
          f3(LABELS.reduce((a, l) => a + oursScore.perLabel[l].r, 0) / LABELS.length),
          `**${f3(oursScore.macroF1)}**`,
          f3(LABELS.reduce((a, l) => a + oursScore.withConfounders.perLabel[l].p, 0) / LABELS.length),
          f3(oursScore.withConfounders.macroF1),
        ],
        [
          `**Accuracy** (${oursScore.correct} right)`,
          String(oursScore.total),
          '',
          '',
          '',
          f3(oursScore.accuracy),
          '',
          '',
        ],
      ],
    ),
    '',
  );

  // (2) Confusion matrix.
  const cm = confusion(rows, ours.preds);
  md.push('## Confusion matrix (Mizan)', '');
  md.push(
    'Rows: gold label; columns: predicted. The confounder rows, below the line, have no right column but `und`.',
    '',
  );
  const cmRow = (g: string) => {
    const r = cm.get(g);
    return [
      g,
      ...ALL_LABELS.map((l) => String(r?.get(l) ?? 0)),
      String([...(r?.values() ?? [])].reduce((a, b) => a + b, 0)),
    ];
  };
  md.push(
    table(
      ['Gold \\ predicted', ...ALL_LABELS, 'Total'],
      [
        ...LABELS.map(cmRow),
        ['*confounders*', ...ALL_LABELS.map(() => ''), ''],
        ...CONFOUNDERS.map((c) => cmRow(c).map((x, i) => (i === 0 ? `${x} (confounder)` : x))),
      ],
    ),
    '',
  );

  // (3) Peers side by side.
  md.push('## Side by side with the peers', '');
  if (peers.length === 0) {
    md.push('No peer ran.', '');
  } else {
    md.push(
      'F1 per label on the same sentences in the same run; `n/a` marks a label the system cannot output (no Darija class in any peer, no Tamazight class in eld, cld3 or Lingua: F1 0, counted so in macro-F1). Speed: sentences/s on one core, wall clock, median run; the last column is Mizan/peer.',
      '',
    );
    const cell = (m: Measurement, l: ScoredLabel) =>
      m.labels.includes(l) ? f3(scores.get(m.name)!.perLabel[l].f1) : 'n/a';
    md.push(
      table(
        [
          'System',
          ...LABELS,
          'Macro-F1',
          'Accuracy',
          'Macro-F1 with confounders',
          'Sentences/s',
          'Mizan speed / system',
        ],
        results.map((m) => {
          const s = scores.get(m.name)!;
          const name = m.system === OURS ? `**${m.name}**` : `${m.name} ${m.version}`;
          return [
            name,
            ...LABELS.map((l) => cell(m, l)),
            f3(s.macroF1),
            f3(s.accuracy),
            f3(s.withConfounders.macroF1),
            int(m.speed.perSecWall),
            m.system === OURS ? '1' : ratio(ours.speed.perSecWall, m.speed.perSecWall),
          ];
        }),
      ),
      '',
    );
  }
  md.push('### Speed and load time', '');
  md.push(
    table(
      [
        'System',
        'Sentences/s (wall)',
        'Sentences/s (CPU)',
        'Runs (sentences in s, wall)',
        'Load',
        'First call',
        'Errors',
      ],
      results.map((m) => [
        m.system === OURS ? `**${m.name}**` : `${m.name} ${m.version}`,
        int(m.speed.perSecWall),
        int(m.speed.perSecCpu),
        m.speed.runs.map((r) => `${r.sentences} in ${r.wallS.toFixed(2)}`).join(', '),
        duration(m.loadMs),
        duration(m.firstCallMs),
        String(m.errors.count),
      ]),
    ),
    '',
  );

  // (4) Confounders.
  md.push('## Confounders', '');
  md.push(
    "Languages next to ours that are none of the seven: romanized MSA (arb_Latn), Tuareg in Tifinagh (taq_Tfng), Tachelhit in Arabic script (shi_Arab), Algerian Arabic (arq_Arab). The right answer is `und`; any of the seven is a false positive of that label (counted in the 'with confounders' columns above).",
    '',
  );
  md.push('### What Mizan says on them', '');
  md.push(
    table(
      ['Confounder', 'Rows', ...ALL_LABELS, 'Claimed as one of the seven'],
      CONFOUNDERS.map((c) => {
        const d = distribution(ours.preds, rows, c);
        const n = [...d.values()].reduce((a, b) => a + b, 0);
        const claimed = n - d.get('und')!;
        return [
          c,
          String(n),
          ...ALL_LABELS.map((l) => String(d.get(l))),
          n === 0 ? '—' : `${claimed} (${pct(claimed / n)})`,
        ];
      }),
    ),
    '',
  );
  if (peers.length > 0) {
    md.push('### Every system: confounder rows claimed as one of the seven (top labels)', '');
    md.push(
      table(
        ['Confounder', 'Rows', ...results.map((m) => m.name)],
        CONFOUNDERS.map((c) => {
          const n = confRows.filter((r) => r.gold === c).length;
          return [
            c,
            String(n),
            ...results.map((m) => {
              const d = distribution(m.preds, rows, c);
              const claimed = n - d.get('und')!;
              d.delete('und');
              return n === 0 ? '—' : `${pct(claimed / n)} (${topText(d, 2)})`;
            }),
          ];
        }),
        'lr' + 'l'.repeat(results.length),
      ),
      '',
    );
  }

  // Notes.
  md.push('## Notes', '');
  md.push(
    "- **Peers' codes mapped to ours** (the same rule for every peer, `bench/lang/systems.ts`): `ary` → `ary_Arab`/`ary_Latn` by the text's dominant script (no peer has Darija, so none ever says it); Arabic (`ar`, `ara`, `arb`, Lingua's `Arabic`) → `arb_Arab` on Arabic-script text, `und` on Latin-script text (no peer has a romanized-Arabic class, and “Arabic” there is no claim of either of ours); Berber (`ber`, `tzm`, `zgh`, `kab`, `shi`, `rif`, `tmh`, `taq`, `thv`, `ttq`) → `zgh_Tfng`/`zgh_Latn` by the dominant script (`und` on Arabic script); `fr`/`fra`/`French` → `fra_Latn`; `en`/`eng`/`English` → `eng_Latn`; anything else, or no answer, → `und`.",
    '- **Settings** (each peer given its best chance, offline, from `node_modules`):',
    ...results.map((m) => `  - ${m.name}: ${m.settings}`),
    '- The `franc-all (only: …)` row restricts franc to the languages of our label set that it knows: it is told the answer space, which the other systems are not, so read it as an upper bound for franc.',
  );
  for (const m of missing) md.push(`- **Left out: ${m.system}** — ${m.reason}`);
  for (const m of peers) {
    const und = new Map<string, number>();
    rows.forEach((r, i) => {
      if (!(LABELS as readonly string[]).includes(r.gold) || m.preds[i] !== 'und') return;
      const code = m.raw[i] ? `\`${m.raw[i]}\`` : '(none)';
      und.set(code, (und.get(code) ?? 0) + 1);
    });
    md.push(
      `- ${m.name}: its most frequent answers mapped to \`und\` on the seven labels' rows: ${topText(und, 6)}${m.errors.count > 0 ? `; threw on ${m.errors.count} sentences (first: ${m.errors.first})` : ''}`,
    );
  }
  md.push(
    '- Licences: the DODa rows (Darija, CC BY-NC 4.0) serve evaluation only; FLORES+/NTREX/Tatoeba rows carry their own licences (field `license` of each row).',
    '',
  );

  // Mizan's errors.
  const pairs = new Map<string, { count: number; examples: string[] }>();
  rows.forEach((r, i) => {
    const p = ours.preds[i]!;
    const right = (LABELS as readonly string[]).includes(r.gold) ? p === r.gold : p === 'und';
    if (right) return;
    const key = `${r.gold} → ${p}`;
    let e = pairs.get(key);
    if (!e) pairs.set(key, (e = { count: 0, examples: [] }));
    e.count++;
    if (e.examples.length < 2) e.examples.push(`${r.id}: \`${quote(r.text, 140)}\``);
  });
  if (pairs.size > 0) {
    md.push("## Mizan's most frequent errors", '');
    md.push('Gold → predicted, count, and the first two sentences (id: text); confounders included.', '');
    for (const [key, e] of [...pairs.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, 12))
      md.push(`- **${key}** (${e.count}): ${e.examples.join('; ')}`);
    md.push('');
  }

  await writeMarkdownReport(o.out, md, log, started);
}
