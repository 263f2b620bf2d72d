import { escapeHtml } from '../html/escape.js';
import {
  GRADES,
  type AssuranceReport,
  type Comparison,
  type Grade,
  type GroupStat,
  type ModuleStat,
  type RecipeKind,
  type RecipeReport,
} from './types.js';

/**
 * The assurance report as a page a DPO can read on a phone, print and file with the model approval: one HTML5
 * document with inline CSS and inline SVG, nothing fetched, nothing executed. Every string from the report is
 * escaped, because group names, titles and notes come from pack files and model output.
 */

/** Report text in the page body: escaped and isolated, so that an Arabic group name keeps the row's order. */
const text = (value: string): string => `<bdi>${escapeHtml(value)}</bdi>`;

const NONE = '—';
const significant = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });
const signedSignificant = new Intl.NumberFormat('en', {
  maximumSignificantDigits: 3,
  signDisplay: 'exceptZero',
});
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

// `x || 0` folds -0 into 0 so that a zero difference never prints as "-0".
const num = (x: number): string => (Number.isFinite(x) ? significant.format(x || 0) : NONE);
const signedNum = (x: number): string => (Number.isFinite(x) ? signedSignificant.format(x || 0) : NONE);
const count = (x: number): string => (Number.isFinite(x) ? whole.format(x) : NONE);
const percent = (x: number): string => (Number.isFinite(x) ? `${num(x * 100)}%` : NONE);
const points = (x: number): string => (Number.isFinite(x) ? `${signedNum(x * 100)} pp` : NONE);

/** Below 0.001 the exact value only says "very small"; above it three significant digits are enough. */
const formatP = (p: number): string =>
  !Number.isFinite(p) ? NONE : p < 0.001 ? 'p < 0.001' : `p = ${num(p)}`;

const interval = (ci: readonly [number, number], format: (x: number) => string): string =>
  `[${format(ci[0])}, ${format(ci[1])}]`;

const isoMinute = (value: string): string => {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

/** Hosting abroad is a transfer (Law 09-08 art. 43-44), so the country is spelled out, code kept. */
const country = (code: string): string =>
  /^[A-Za-z]{2}$/.test(code) ? `${regionNames.of(code.toUpperCase()) ?? code} (${code})` : code;

const KIND_LABELS: Record<RecipeKind, string> = {
  counterfactual: 'Counterfactual fairness',
  stereotype: 'Stereotypes',
  attack: 'Red team',
  language: 'Language quality',
};

/** The letter is always written: colour alone would fail in grey print and for colour-blind readers. */
const gradeBadge = (grade: Grade, large = false): string =>
  `<span class="grade grade-${GRADES.includes(grade) ? grade : 'unknown'}${large ? ' grade-large' : ''}">` +
  `${escapeHtml(grade)}</span>`;

const below = (grade: Grade, passing: Grade): boolean => GRADES.indexOf(grade) > GRADES.indexOf(passing);

function thresholdsText(thresholds: RecipeReport['thresholds']): string {
  const lower = thresholds.direction === 'lower_is_better';
  const op = lower ? '≤' : '≥';
  const bounds = (['A', 'B', 'C', 'D'] as const).map((g) => `${g} ${op} ${num(thresholds[g])}`).join(' · ');
  return `${bounds} · otherwise E (${lower ? 'lower' : 'higher'} is better)`;
}

// ---- charts ----------------------------------------------------------------------------------------------------

interface Bar {
  label: string;
  value: number;
  ci: [number, number];
  reference: boolean;
}

interface Axis {
  min: number;
  max: number;
  ticks: number[];
}

/** Proportions always span 0–100 % so that two charts of rates compare at a glance. */
const PROPORTION_AXIS: Axis = { min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] };

function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const f = raw / magnitude;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
}

/** Bars grow from zero, so zero is always on the axis; the ends are rounded to a readable step. */
function axisFor(bars: readonly Bar[], proportion: boolean): Axis {
  if (proportion) return PROPORTION_AXIS;
  const xs = bars.flatMap((b) => [b.value, ...b.ci]).filter(Number.isFinite);
  const lo = Math.min(0, ...xs);
  const hi = Math.max(0, ...xs);
  if (lo === hi) return { min: 0, max: 1, ticks: [0, 0.5, 1] };
  const step = niceStep((hi - lo) / 4);
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const steps = Math.round((max - min) / step);
  // toPrecision drops binary noise such as 3 × 0.1 = 0.30000000000000004.
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Number((min + i * step).toPrecision(12)));
  return { min, max, ticks };
}

const LABEL_FONT = 13;
const VALUE_FONT = 12;
const TICK_FONT = 11;
/** Average advance of a sans-serif glyph in ems, a little generous so that estimated text never overruns. */
const CHAR_EM = 0.62;
const MIN_WIDTH = 360;
const MIN_LABEL_CHARS = 12;
const ROW = 40;
const TOP = 8;
const BAR_HEIGHT = 14;
const REFERENCE_SUFFIX = ' (reference)';

const textWidth = (chars: number, font: number): number => chars * font * CHAR_EM;
const charCount = (text: string): number => Array.from(text).length;
const round1 = (x: number): number => Math.round(x * 10) / 10;
const coordinate = (x: number): string => String(round1(x));

/** By code point, so that an Arabic or emoji label is never cut inside a character. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

interface ChartSpec {
  /** Unique in the page; made by this module, never from report text. */
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  proportion: boolean;
  fill: string;
}

/**
 * A horizontal bar chart, one row per bar: the label above the bar on the left, the value and its interval on the
 * right, the bar and its whisker below. Width and height follow from the data, and a label that would run into
 * the value is cut with an ellipsis; the full label stays in the row's <title>.
 */
function barChart(spec: ChartSpec): string {
  const { bars, proportion } = spec;
  const axis = axisFor(bars, proportion);
  const format = proportion ? percent : num;
  const valueTexts = bars.map((b) => `${format(b.value)} ${interval(b.ci, format)}`);
  const tickTexts = axis.ticks.map(format);

  // Tick labels are centred on their tick, so the margins hold half of the widest one.
  const margin = Math.max(16, textWidth(Math.max(...tickTexts.map(charCount)), TICK_FONT) / 2 + 6);
  const widestValue = textWidth(Math.max(0, ...valueTexts.map(charCount)), VALUE_FONT);
  const gap = 12;
  const width = Math.ceil(
    Math.max(MIN_WIDTH, 2 * margin + widestValue + gap + textWidth(MIN_LABEL_CHARS, LABEL_FONT)),
  );
  const x0 = margin;
  const x1 = width - margin;
  const axisY = TOP + bars.length * ROW + 2;
  const height = axisY + 26;

  const x = (v: number): number => {
    const clamped = Math.min(axis.max, Math.max(axis.min, v));
    return x0 + ((clamped - axis.min) / (axis.max - axis.min)) * (x1 - x0);
  };
  const zero = x(0);

  const grid = axis.ticks
    .map((t) => {
      const tx = coordinate(x(t));
      return (
        `<line class="grid" x1="${tx}" y1="${TOP}" x2="${tx}" y2="${axisY}" stroke="${t === 0 ? '#666' : '#ddd'}"/>` +
        `<line class="tick" x1="${tx}" y1="${axisY}" x2="${tx}" y2="${axisY + 5}" stroke="#333"/>`
      );
    })
    .join('');
  const tickLabels = axis.ticks
    .map(
      (t, i) =>
        `<text x="${coordinate(x(t))}" y="${axisY + 18}" font-size="${TICK_FONT}" text-anchor="middle">` +
        `${escapeHtml(tickTexts[i]!)}</text>`,
    )
    .join('');

  const rows = bars
    .map((bar, i) => {
      const valueText = valueTexts[i]!;
      const suffix = bar.reference ? REFERENCE_SUFFIX : '';
      const room = x1 - x0 - textWidth(charCount(valueText), VALUE_FONT) - gap;
      const labelChars = Math.max(4, Math.floor(room / (LABEL_FONT * CHAR_EM)) - charCount(suffix));
      const top = TOP + i * ROW;
      const barY = top + 19;
      const mid = barY + BAR_HEIGHT / 2;
      const end = Number.isFinite(bar.value) ? x(bar.value) : zero;
      // Both ends rounded before the width, so that a bar of 1 ends exactly where the axis does.
      const left = round1(Math.min(zero, end));
      const right = round1(Math.max(zero, end));
      const rect =
        `<rect class="bar${bar.reference ? ' bar-reference' : ''}" x="${left}" ` +
        `y="${barY}" width="${coordinate(right - left)}" height="${BAR_HEIGHT}" fill="${spec.fill}"` +
        // The reference bar is outlined and named, not only a different colour.
        `${bar.reference ? ' fill-opacity="0.45" stroke="#111" stroke-width="1.5"' : ''}/>`;
      const [lo, hi] = bar.ci;
      const whisker =
        Number.isFinite(lo) && Number.isFinite(hi)
          ? `<line class="whisker" x1="${coordinate(x(lo))}" y1="${mid}" x2="${coordinate(x(hi))}" y2="${mid}" stroke="#111" stroke-width="1.5"/>` +
            [lo, hi]
              .map(
                (v) =>
                  `<line class="cap" x1="${coordinate(x(v))}" y1="${mid - 5}" x2="${coordinate(x(v))}" y2="${mid + 5}" stroke="#111" stroke-width="1.5"/>`,
              )
              .join('')
          : '';
      return (
        `<g class="row"><title>${escapeHtml(`${bar.label}${suffix}: ${valueText}`)}</title>` +
        `<text class="label" x="${coordinate(x0)}" y="${top + 13}" font-size="${LABEL_FONT}"` +
        `${bar.reference ? ' font-weight="bold"' : ''}>${escapeHtml(truncate(bar.label, labelChars) + suffix)}</text>` +
        `<text class="value" x="${coordinate(x1)}" y="${top + 13}" font-size="${VALUE_FONT}" text-anchor="end">` +
        `${escapeHtml(valueText)}</text>${rect}${whisker}</g>`
      );
    })
    .join('');

  return (
    `<figure class="chart"><svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `style="max-width:${Math.round(width * 1.25)}px" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc">` +
    `<title id="${spec.id}-title">${escapeHtml(spec.title)}</title>` +
    `<desc id="${spec.id}-desc">${escapeHtml(spec.description)}</desc>` +
    `${grid}${rows}` +
    `<line class="axis" x1="${coordinate(x0)}" y1="${axisY}" x2="${coordinate(x1)}" y2="${axisY}" stroke="#333"/>` +
    `${tickLabels}</svg></figure>`
  );
}

function extremes(bars: readonly Bar[], format: (x: number) => string): string {
  const finite = bars.filter((b) => Number.isFinite(b.value));
  if (finite.length < 2) return '';
  const sorted = [...finite].sort((a, b) => b.value - a.value);
  const high = sorted[0]!;
  const low = sorted[sorted.length - 1]!;
  return ` Highest: ${high.label} (${format(high.value)}); lowest: ${low.label} (${format(low.value)}).`;
}

// ---- tables ----------------------------------------------------------------------------------------------------

interface Column {
  header: string;
  numeric?: boolean;
}

/** Cells are HTML already escaped by the caller; wrapped so that a wide table scrolls instead of the page. */
function table(caption: string, columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const head = columns
    .map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.header)}</th>`)
    .join('');
  const body = rows
    .map(
      (cells) =>
        `<tr>${cells.map((cell, i) => (columns[i]?.numeric ? `<td class="num">${cell}</td>` : `<td>${cell}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<div class="scroll"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/**
 * Rates are shown as percentages. A recipe's groups are rates when its comparisons used the two-proportion test,
 * or, without comparisons, when every value lies in [0, 1] (a mean answer length never does). Bounds are not
 * looked at: a normal-approximation interval of a rate may overshoot [0, 1], and is clamped to the axis.
 */
function groupsAreProportions(recipe: RecipeReport): boolean {
  const comparisons = recipe.comparisons ?? [];
  if (comparisons.length > 0) return comparisons.every((c) => c.test === 'two_proportion_z');
  return (recipe.groups ?? [])
    .map((g) => g.value)
    .filter(Number.isFinite)
    .every((x) => x >= 0 && x <= 1);
}

function groupsBlock(recipe: RecipeReport, groups: readonly GroupStat[], id: string): string {
  const proportion = groupsAreProportions(recipe);
  const format = proportion ? percent : num;
  const reference = recipe.comparisons?.[0]?.reference ?? null;
  const bars: Bar[] = groups.map((g) => ({
    label: g.group,
    value: g.value,
    ci: g.ci,
    reference: g.group === reference,
  }));
  const axis = axisFor(bars, proportion);
  const chart = barChart({
    id,
    title: `${recipe.title}: ${recipe.metric} by group`,
    description:
      `Horizontal bar chart of ${recipe.metric} for ${groups.length} group${groups.length === 1 ? '' : 's'}, ` +
      `each bar with its 95% confidence interval as a whisker, on an axis from ${format(axis.min)} to ${format(axis.max)}.` +
      (reference !== null ? ` Reference group: ${reference}.` : '') +
      extremes(bars, format) +
      ' The table below gives the same numbers.',
    bars,
    proportion,
    fill: '#3b6ea5',
  });
  const rows = groups.map((g) => [
    text(g.group) + (g.group === reference ? ' <strong>(reference)</strong>' : ''),
    count(g.n),
    format(g.value),
    interval(g.ci, format),
  ]);
  return (
    `<h3>By group</h3>${chart}` +
    table(
      `${recipe.metric} by group`,
      [
        { header: 'Group' },
        { header: 'n', numeric: true },
        { header: 'Value', numeric: true },
        { header: '95% CI', numeric: true },
      ],
      rows,
    )
  );
}

function comparisonsBlock(recipe: RecipeReport, comparisons: readonly Comparison[]): string {
  const rows = comparisons.map((c) => {
    const proportion = c.test === 'two_proportion_z';
    const format = proportion ? points : signedNum;
    return [
      text(c.group),
      text(c.reference),
      format(c.difference),
      interval(c.ci, format),
      `${proportion ? 'h' : 'd'} = ${num(c.effect)}`,
      escapeHtml(formatP(c.p)),
      proportion ? 'Two-proportion z' : 'Permutation',
      c.significant ? '<strong>✓ Yes</strong>' : 'No',
    ];
  });
  return (
    '<h3>Differences from the reference group</h3>' +
    table(
      `${recipe.metric}: each group against the reference (pp = percentage points; effect size is Cohen's h for rates, d for means)`,
      [
        { header: 'Group' },
        { header: 'Reference' },
        { header: 'Difference', numeric: true },
        { header: '95% CI', numeric: true },
        { header: 'Effect size', numeric: true },
        { header: 'p', numeric: true },
        { header: 'Test' },
        { header: 'Significant' },
      ],
      rows,
    )
  );
}

/** Most successful attack first: that is the one to fix. */
const byRate = (a: ModuleStat, b: ModuleStat): number =>
  (Number.isFinite(b.rate) ? b.rate : -1) - (Number.isFinite(a.rate) ? a.rate : -1) ||
  a.module.localeCompare(b.module);

function modulesBlock(recipe: RecipeReport, modules: readonly ModuleStat[], id: string): string {
  const sorted = [...modules].sort(byRate);
  const bars: Bar[] = sorted.map((m) => ({ label: m.module, value: m.rate, ci: m.ci, reference: false }));
  const chart = barChart({
    id,
    title: `${recipe.title}: attack success rate by module`,
    description:
      `Horizontal bar chart of the attack success rate for ${sorted.length} attack module${sorted.length === 1 ? '' : 's'}, ` +
      'sorted from the most to the least successful, each bar with its 95% confidence interval as a whisker, ' +
      'on an axis from 0% to 100%.' +
      extremes(bars, percent) +
      ' The table below gives the same numbers.',
    bars,
    proportion: true,
    fill: '#b4463a',
  });
  const rows = sorted.map((m) => [
    text(m.module),
    count(m.n),
    count(m.successes),
    percent(m.rate),
    interval(m.ci, percent),
  ]);
  return (
    `<h3>Attack success by module</h3>${chart}` +
    table(
      'Attack success rate by module, most successful first',
      [
        { header: 'Module' },
        { header: 'Attacks', numeric: true },
        { header: 'Successes', numeric: true },
        { header: 'Success rate', numeric: true },
        { header: '95% CI', numeric: true },
      ],
      rows,
    )
  );
}

// ---- page ------------------------------------------------------------------------------------------------------

function recipeSection(recipe: RecipeReport, index: number, passing: Grade): string {
  const id = `recipe-${index + 1}`;
  const facts = [
    `Kind: ${escapeHtml(KIND_LABELS[recipe.kind])}`,
    `Metric: <code>${escapeHtml(recipe.metric)}</code>`,
    `Value: <strong>${num(recipe.value)}</strong>`,
    `Cases: ${count(recipe.cases)}`,
    `Errors: ${count(recipe.errors)}`,
  ].join(' · ');
  const verdict = below(recipe.grade, passing)
    ? `<strong>below the passing grade ${escapeHtml(passing)}</strong>`
    : 'meets the passing grade';
  const parts = [
    `<h2>${gradeBadge(recipe.grade)} ${text(recipe.title)}</h2>`,
    `<p class="meta">Grade ${escapeHtml(recipe.grade)}, ${verdict}. ${facts}</p>`,
    `<p class="meta">Grading: ${escapeHtml(thresholdsText(recipe.thresholds))}</p>`,
  ];
  if (recipe.groups && recipe.groups.length > 0)
    parts.push(groupsBlock(recipe, recipe.groups, `${id}-groups`));
  if (recipe.comparisons && recipe.comparisons.length > 0)
    parts.push(comparisonsBlock(recipe, recipe.comparisons));
  if (recipe.modules && recipe.modules.length > 0)
    parts.push(modulesBlock(recipe, recipe.modules, `${id}-modules`));
  if (recipe.notes && recipe.notes.length > 0) {
    parts.push(`<h3>Notes</h3><ul>${recipe.notes.map((n) => `<li>${text(n)}</li>`).join('')}</ul>`);
  }
  return `<section id="${id}">${parts.join('\n')}</section>`;
}

function summaryTable(recipes: readonly RecipeReport[]): string {
  return table(
    'Recipes',
    [
      { header: 'Recipe' },
      { header: 'Kind' },
      { header: 'Metric' },
      { header: 'Value', numeric: true },
      { header: 'Grade' },
      { header: 'Cases', numeric: true },
      { header: 'Errors', numeric: true },
    ],
    recipes.map((r, i) => [
      `<a href="#recipe-${i + 1}">${text(r.title)}</a>`,
      escapeHtml(KIND_LABELS[r.kind]),
      `<code>${escapeHtml(r.metric)}</code>`,
      num(r.value),
      gradeBadge(r.grade),
      count(r.cases),
      count(r.errors),
    ]),
  );
}

function verdictText(report: AssuranceReport): string {
  const passing = escapeHtml(report.passingGrade);
  if (report.passed) return `Every recipe is at grade ${passing} or better`;
  const failing = report.recipes.filter((r) => below(r.grade, report.passingGrade));
  if (failing.length === 0) return `The passing grade is ${passing}`;
  const names = failing.map((r) => `${text(r.title)} (${escapeHtml(r.grade)})`).join(', ');
  return `${failing.length} recipe${failing.length === 1 ? ' is' : 's are'} below grade ${passing}: ${names}`;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, "Segoe UI", "Noto Sans", "Noto Naskh Arabic", Arial, sans-serif; color: #111;
  max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.4rem; margin: 0 0 .75rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; padding-block-end: .25rem; border-block-end: 2px solid #1f4e79;
  overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
.overview { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem 1.25rem; margin: 1rem 0; }
.overview p { margin: 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.grade { display: inline-block; min-width: 1.8em; padding: 0 .35em; border: 1px solid #111; border-radius: .3em;
  font-weight: 700; text-align: center; }
.grade-large { font-size: 3rem; line-height: 1.1; padding: 0 .3em; }
.grade-A { background: #1e7b34; color: #fff; }
.grade-B { background: #9ccc65; color: #111; }
.grade-C { background: #ffd54f; color: #111; }
.grade-D { background: #f28c28; color: #111; }
.grade-E { background: #c62828; color: #fff; }
.grade-unknown { background: #eee; color: #111; }
.verdict { font-size: 1.3rem; font-weight: 700; padding: .2rem .7rem; border: 2px solid currentColor;
  border-radius: .3rem; }
.verdict-passed { color: #14532d; background: #dcfce7; }
.verdict-failed { color: #7f1d1d; background: #fee2e2; }
.meta { color: #333; margin: .3rem 0; overflow-wrap: anywhere; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
caption { text-align: start; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: start; vertical-align: top; }
th { background: #eef3f8; }
.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
figure.chart { margin: .5rem 0; }
figure.chart svg { display: block; width: 100%; height: auto; }
code { font-size: .9em; overflow-wrap: anywhere; }
ul { padding-inline-start: 1.2rem; }
footer { margin-block-start: 2rem; font-size: .85rem; color: #444; overflow-wrap: anywhere; }
@media (max-width: 30rem) {
  body { padding: 0 .6rem; }
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-block-end: .4rem; }
}
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  .scroll { overflow: visible; }
  .grade, .verdict, th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A complete, self-contained HTML5 page (no script, no external resource) presenting one assurance report. */
export function renderAssuranceReportHtml(report: AssuranceReport): string {
  const { pack, model, application } = report;
  const status = report.passed ? 'PASSED' : 'FAILED';
  const facts: [string, string][] = [
    ['Pack', `${text(pack.title)} (<code>${escapeHtml(pack.id)}</code>, version ${count(pack.version)})`],
    [
      'Model',
      `<code>${escapeHtml(model.id)}</code>, licence ${escapeHtml(model.licence)}; hosted by ` +
        `${text(model.hosting.operator)} in ${escapeHtml(country(model.hosting.country))}`,
    ],
    [
      'Application',
      application
        ? `${text(application.name)} (<code>${escapeHtml(application.id)}</code>)`
        : 'None (model only)',
    ],
    ['Risk tier', application?.tier ? escapeHtml(application.tier) : 'Not assessed'],
    ['Started', escapeHtml(isoMinute(report.startedAt))],
    ['Finished', escapeHtml(isoMinute(report.finishedAt))],
    ['Passing grade', `${escapeHtml(report.passingGrade)} or better on every recipe`],
  ];
  const title = `Assurance report — ${pack.title} — ${model.id}`;
  const body = [
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<div class="overview"><p>Overall grade ${gradeBadge(report.grade, true)}</p>`,
    `<p><span class="verdict verdict-${status.toLowerCase()}">${status}</span></p>`,
    `<p>${verdictText(report)}.</p></div>`,
    `<dl class="facts">${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl></header>`,
    '<main>',
    `<section id="summary"><h2>Summary</h2>${
      report.recipes.length > 0 ? summaryTable(report.recipes) : '<p>This pack has no recipes.</p>'
    }</section>`,
    ...report.recipes.map((r, i) => recipeSection(r, i, report.passingGrade)),
    '</main>',
    `<footer>Assurance report <code>${escapeHtml(report.id)}</code>. Intervals are 95% confidence intervals.</footer>`,
  ].join('\n');

  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
