/**
 * `npm run bench -- assurance [--runs N] [--out FILE]`
 *
 * The assurance harness's self-test: does it find a bias that is there, and stay quiet when there is none? A
 * simulated model answers the shipped counterfactual-fairness pack's own cases — fairly, or biased on purpose
 * (refusing one group more often, answering Darija speakers with shorter answers, deciding less often in favour of
 * rural applicants) — and the real report builder (metrics, tests, Holm correction, grades) judges each run. Over
 * many runs with different seeds it prints the detection power per bias size and the false-alarm rate on fair
 * models, per recipe and per pack (any alarm among the recipes). The end-to-end path (real pipeline, test upstream
 * biased on purpose) is covered by test/gateway/assurance.test.ts. With `--e2e`, the shipped packs also run end to
 * end against the built-in answerer (the model every fresh install has) on the demo corpus, through the real
 * pipeline, and their grades are printed. Writes bench/RESULTS-assurance.md.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/observability/logger.js';
import { createPlatform } from '../src/platform.js';
import { commission } from '../test/support/oversight-fixtures.js';
import { expandPack } from '../src/assurance/cases.js';
import { loadPack, type Pack } from '../src/assurance/pack.js';
import { buildReport } from '../src/assurance/report.js';
import { seededRandom } from '../src/assurance/stats.js';
import type { AssuranceCase, AssuranceReport, CaseResult } from '../src/assurance/types.js';
import { machine, REPO_ROOT, revision } from './environment.js';
import { int, pct, table, writeMarkdownReport } from './report.js';

/** The recipes simulated: one per kind of comparison (shares, means, decisions), each with a bias to plant. */
const RECIPES = ['gender-refusal', 'variety-length', 'urban-rural-decision'] as const;
type RecipeId = (typeof RECIPES)[number];

/** How a simulated model treats the disadvantaged group of each recipe. */
interface Bias {
  label: string;
  recipe: RecipeId | null;
  size: number;
}

const REFUSAL = 'Je ne peux pas vous aider avec cette demande.';
const YES = 'Oui, vous êtes éligible à cette aide.';
const NO = 'Non, vous n’êtes pas éligible à cette aide.';

/** Base rates of the fair model: 5 % refusals, 60 % favourable decisions, answers of 400 ± 80 characters. */
const BASE = { refusal: 0.05, favourable: 0.6, length: 400, lengthSd: 80 };

const disadvantaged: Record<RecipeId, (kase: AssuranceCase) => boolean> = {
  'gender-refusal': (k) => k.group === 'female',
  'variety-length': (k) => k.group === 'ary_Latn' || k.group === 'ary_Arab',
  'urban-rural-decision': (k) => k.group === 'rural',
};

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** One simulated answer: the model's behaviour for this case, with the planted bias if the case is targeted. */
function answer(kase: AssuranceCase, bias: Bias, random: () => number): CaseResult {
  const hit = bias.recipe === kase.recipe && disadvantaged[bias.recipe](kase);
  const refusal = BASE.refusal + (hit && kase.recipe === 'gender-refusal' ? bias.size : 0);
  const favourable = BASE.favourable - (hit && kase.recipe === 'urban-rural-decision' ? bias.size : 0);
  const scale = hit && kase.recipe === 'variety-length' ? 1 - bias.size : 1;
  let text: string;
  if (random() < refusal) text = REFUSAL;
  else if (kase.recipe === 'urban-rural-decision') text = random() < favourable ? YES : NO;
  else {
    const length = Math.max(40, Math.round((BASE.length + BASE.lengthSd * gaussian(random)) * scale));
    text = 'Pour cette démarche, présentez-vous au guichet. '.repeat(12).slice(0, length);
  }
  return {
    caseId: kase.id,
    recipe: kase.recipe,
    group: kase.group,
    outcome: 'answered',
    text,
    citations: 0,
    grounded: null,
    language: null,
    latencyMs: 0,
  };
}

function simulate(pack: Pack, cases: AssuranceCase[], bias: Bias, seed: number): AssuranceReport {
  const random = seededRandom(seed);
  const now = new Date();
  return buildReport({
    id: `sim-${seed}`,
    pack,
    cases,
    results: cases.map((kase) => answer(kase, bias, random)),
    skipped: new Map(),
    application: null,
    model: { id: 'simulated', licence: 'n/a', hosting: { operator: 'bench', country: 'MA' } },
    startedAt: now,
    finishedAt: now,
  });
}

const alarmed = (report: AssuranceReport, recipe: string) =>
  report.recipes.find((r) => r.id === recipe)?.comparisons?.some((c) => c.significant) ?? false;
const failing = (report: AssuranceReport, recipe: string) => {
  const graded = report.recipes.find((r) => r.id === recipe);
  return graded !== undefined && graded.grade > report.passingGrade;
};

export async function run(args: string[]): Promise<void> {
  const started = Date.now();
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? undefined : args[i + 1];
  };
  const runs = Number(option('runs') ?? 200);
  const out = path.resolve(option('out') ?? path.join(REPO_ROOT, 'bench', 'RESULTS-assurance.md'));
  const log = (message: string) => process.stderr.write(`${message}\n`);

  const full = loadPack('counterfactual-fairness');
  const pack: Pack = {
    ...full,
    recipes: full.recipes.filter((r) => (RECIPES as readonly string[]).includes(r.id)),
  };
  const cases = expandPack(pack, { dataDir: null }).flatMap((e) => e.cases);
  const perRecipe = RECIPES.map((id) => {
    const these = cases.filter((c) => c.recipe === id);
    const groups = new Set(these.map((c) => c.group));
    return [id, these.length, groups.size] as const;
  });

  const scenarios: Bias[] = [
    { label: 'fair', recipe: null, size: 0 },
    ...[0.05, 0.1, 0.2].map((size) => ({
      label: `female +${size * 100} pt refusals`,
      recipe: 'gender-refusal' as const,
      size,
    })),
    ...[0.1, 0.2, 0.3].map((size) => ({
      label: `Darija answers ${size * 100} % shorter`,
      recipe: 'variety-length' as const,
      size,
    })),
    ...[0.1, 0.2].map((size) => ({
      label: `rural −${size * 100} pt favourable`,
      recipe: 'urban-rural-decision' as const,
      size,
    })),
  ];

  const rows: string[][] = [];
  const fairRows: string[][] = [];
  for (const bias of scenarios) {
    const n = bias.recipe === null ? runs * 2 : runs;
    let detected = 0;
    let failed = 0;
    let anyAlarm = 0;
    const alarmsByRecipe = new Map<string, number>(RECIPES.map((r) => [r, 0]));
    for (let i = 0; i < n; i++) {
      const report = simulate(pack, cases, bias, 1_000 + i);
      if (bias.recipe) {
        if (alarmed(report, bias.recipe)) detected++;
        if (failing(report, bias.recipe)) failed++;
      } else {
        let any = false;
        for (const recipe of RECIPES) {
          if (alarmed(report, recipe)) {
            alarmsByRecipe.set(recipe, alarmsByRecipe.get(recipe)! + 1);
            any = true;
          }
        }
        if (any) anyAlarm++;
        if (RECIPES.some((recipe) => failing(report, recipe))) failed++;
      }
    }
    if (bias.recipe) rows.push([bias.label, bias.recipe, int(n), pct(detected / n), pct(failed / n)]);
    else {
      for (const recipe of RECIPES) fairRows.push([recipe, int(n), pct(alarmsByRecipe.get(recipe)! / n)]);
      fairRows.push(['any of the three (per run)', int(n), pct(anyAlarm / n)]);
      fairRows.push(['graded below the passing grade (any recipe, per run)', int(n), pct(failed / n)]);
    }
    log(`${bias.label}: ${n} runs done`);
  }

  const lines = [
    '# Assurance self-test',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`npm run bench -- assurance ${args.join(' ')}\``,
    `- Machine: ${machine()}; Node ${process.version}`,
    `- Code: ${revision('src/assurance', 'packs', 'bench/assurance.ts')}`,
    `- Pack: ${full.id} v${full.version}, recipes ${perRecipe.map(([id, n, g]) => `${id} (${n} cases, ${g} groups)`).join(', ')}`,
    '- Simulated model: 5 % refusals, 60 % favourable decisions, answers of 400 ± 80 characters; a bias is planted',
    '  in one group of one recipe. Alarm: a comparison with the reference group significant at α = 0.05 after Holm.',
    '',
    '## Detection power (biased models)',
    '',
    table(['Planted bias', 'Recipe', 'Runs', 'Detected (alarm)', 'Graded below passing'], rows, 'llrrr'),
    '',
    '## False alarms (fair model)',
    '',
    table(['Recipe', 'Runs', 'Alarm rate'], fairRows, 'lrr'),
    '',
    'Each recipe holds its family-wise error at α = 0.05 across its groups (Holm); three recipes read together',
    'raise at least one alarm more often, as the "any" row shows. Grades use the pack thresholds on the disparity',
    'the data demonstrate: a significant difference (of shares, or of means — for length relative to the reference',
    'group’s mean) at the edge of its 95 % interval nearest to zero; a difference that is not significant grades as none.',
  ];
  if (args.includes('--e2e')) lines.push('', ...(await endToEnd(log)));
  await writeMarkdownReport(out, lines, log, started);
}

const SHARED_DATA = path.resolve(REPO_ROOT, '..', 'shared', 'data');

/** The shipped packs through the real pipeline, against the built-in answerer on the demo corpus. */
async function endToEnd(log: (message: string) => void): Promise<string[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mizan-assure-'));
  const { config } = loadConfig({ document: { data_dir: dataDir }, env: {} });
  const platform = await createPlatform(config, {
    env: {},
    inMemoryDatabase: true,
    logger: createLogger('silent'),
  });
  const shared = process.env.MIZAN_SHARED_DATA ?? (existsSync(SHARED_DATA) ? SHARED_DATA : null);
  try {
    const tenant = await platform.tenancy.createTenant({ name: 'bench' });
    const app = await platform.tenancy.createApplication({ tenantId: tenant.id, name: 'assistant' });
    await commission(platform, app.id);
    const rows: string[][] = [];
    for (const packId of ['language-quality', 'counterfactual-fairness', 'safety-redteam', 'stereotypes']) {
      const t0 = Date.now();
      const { wait } = await platform.assurance.start(
        { kind: 'platform_admin' },
        {
          packId,
          applicationId: app.id,
          modelId: 'mizan-extractive',
          concurrency: 4,
          dataDir: shared,
        },
      );
      const run = await wait;
      const report = run.report as AssuranceReport;
      const seconds = (Date.now() - t0) / 1000;
      log(`${packId}: ${run.totalCases} cases in ${seconds.toFixed(0)} s, grade ${report.grade}`);
      for (const r of report.recipes) {
        rows.push([packId, r.id, r.metric, int(r.cases), int(r.errors), r.value.toFixed(3), r.grade]);
      }
      rows.push([
        packId,
        '**overall**',
        '',
        int(run.totalCases),
        '',
        `${seconds.toFixed(0)} s`,
        `**${report.grade}**`,
      ]);
    }
    return [
      '## End to end: shipped packs against the built-in answerer',
      '',
      `Model \`mizan-extractive\` (quotes the demo corpus, no generative model), minimal-tier application, demo corpus;`,
      `shared data: ${shared ?? 'not found (recipes needing it are not run, graded E)'}. Command: \`npm run bench -- assurance --e2e\`.`,
      '',
      table(['Pack', 'Recipe', 'Metric', 'Cases', 'Errors', 'Value', 'Grade'], rows, 'lllrrrl'),
    ];
  } finally {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
