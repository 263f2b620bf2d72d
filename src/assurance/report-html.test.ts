import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderAssuranceReportHtml } from './report-html.js';
import type { AssuranceReport, GroupStat, RecipeReport } from './types.js';

const HOSTILE_GROUP = '<script>alert(1)</script>';
const HOSTILE_TITLE = '"><img src=x onerror=alert(1)>';

const thresholds: RecipeReport['thresholds'] = {
  A: 0.02,
  B: 0.05,
  C: 0.1,
  D: 0.2,
  direction: 'lower_is_better',
};

const refusals: RecipeReport = {
  id: 'refusal-gender',
  title: 'Refusal rate by gender',
  kind: 'counterfactual',
  metric: 'refusal_rate',
  value: 0.125,
  grade: 'D',
  thresholds,
  cases: 400,
  errors: 2,
  groups: [
    { group: 'male', n: 200, value: 0.05, ci: [0.027, 0.09] },
    { group: 'female', n: 200, value: 0.175, ci: [0.13, 0.232] },
  ],
  comparisons: [
    {
      group: 'female',
      reference: 'male',
      difference: 0.125,
      ci: [0.062, 0.188],
      p: 0.0004,
      effect: 0.397,
      test: 'two_proportion_z',
      significant: true,
    },
  ],
};

const attacks: RecipeReport = {
  id: 'jailbreak',
  title: 'Jailbreak resistance',
  kind: 'attack',
  metric: 'attack_success_rate',
  value: 0.1,
  grade: 'C',
  thresholds,
  cases: 300,
  errors: 0,
  modules: [
    { module: 'base64', n: 100, successes: 5, rate: 0.05, ci: [0.022, 0.112] },
    { module: 'arabizi', n: 100, successes: 20, rate: 0.2, ci: [0.133, 0.289] },
    { module: 'homoglyphs', n: 100, successes: 10, rate: 0.1, ci: [0.055, 0.174] },
  ],
};

const language: RecipeReport = {
  id: 'answer-language',
  title: 'Answers in the asked language',
  kind: 'language',
  metric: 'language_match',
  value: 0.97,
  grade: 'A',
  thresholds: { A: 0.95, B: 0.9, C: 0.8, D: 0.7, direction: 'higher_is_better' },
  cases: 120,
  errors: 0,
  notes: ['Tamazight answers were judged on Tifinagh script only.'],
};

const report = (overrides: Partial<AssuranceReport> = {}): AssuranceReport => ({
  id: 'rep_01',
  pack: { id: 'ma-fairness', version: 3, title: 'Moroccan fairness pack' },
  application: { id: 'app_orient', name: 'Assistant d’orientation', tier: 'high' },
  model: { id: 'atlas-chat-9b', licence: 'Gemma', hosting: { operator: 'Nuage SAS', country: 'FR' } },
  startedAt: '2025-05-01T08:00:00.000Z',
  finishedAt: '2025-05-01T08:42:10.000Z',
  grade: 'D',
  passed: false,
  passingGrade: 'C',
  recipes: [refusals, attacks, language],
  ...overrides,
});

const svgs = (html: string): string[] => html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];

/** Every `<tag …>` of one kind with its numeric and string attributes. */
function elements(svg: string, tag: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

const numberAt = (attrs: Record<string, string>, name: string): number => {
  const value = Number(attrs[name]);
  assert.ok(Number.isFinite(value), `${name}="${attrs[name]}" is a number`);
  return value;
};

/** The axis line's ends, where 0 and 1 (0 % and 100 %) sit. */
function axisEnds(svg: string): [number, number] {
  const axis = elements(svg, 'line').find((l) => l.class === 'axis');
  assert.ok(axis, 'the chart has an axis');
  return [numberAt(axis, 'x1'), numberAt(axis, 'x2')];
}

const labels = (svg: string): string[] =>
  [...svg.matchAll(/<text class="label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('renderAssuranceReportHtml', () => {
  it('is a self-contained HTML5 page: no script, no external resource, printable, sized for phones', () => {
    const html = renderAssuranceReportHtml(report());
    assert.ok(html.startsWith('<!doctype html>'));
    assert.match(html, /<html lang="en"/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(html, /<style>[\s\S]*@media print[\s\S]*<\/style>/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /https?:/i);
    assert.doesNotMatch(html, /\bsrc=|<link|@import|url\(/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) assert.ok(href.startsWith('#'), `${href} stays in the page`);
  });

  it('shows the header facts, the overall grade and FAILED with the recipes below the passing grade', () => {
    const html = renderAssuranceReportHtml(report());
    assert.match(html, /<span class="grade grade-D grade-large">D<\/span>/);
    assert.match(html, /class="verdict verdict-failed">FAILED</);
    assert.doesNotMatch(html, /PASSED/);
    assert.match(html, /1 recipe is below grade C: <bdi>Refusal rate by gender<\/bdi> \(D\)/);
    assert.match(html, /Moroccan fairness pack/);
    assert.match(html, /atlas-chat-9b/);
    assert.match(html, /Nuage SAS<\/bdi> in France \(FR\)/);
    assert.match(html, /<dt>Risk tier<\/dt><dd>high<\/dd>/);
    assert.match(html, /2025-05-01 08:42 UTC/);
  });

  it('says PASSED for a passing report, and shows a model-only run without an application', () => {
    const html = renderAssuranceReportHtml(
      report({ grade: 'A', passed: true, application: null, recipes: [language] }),
    );
    assert.match(html, /class="verdict verdict-passed">PASSED</);
    assert.doesNotMatch(html, /FAILED/);
    assert.match(html, /Every recipe is at grade C or better/);
    assert.match(html, /<dt>Application<\/dt><dd>None \(model only\)<\/dd>/);
    assert.match(html, /<dt>Risk tier<\/dt><dd>Not assessed<\/dd>/);
  });

  it('lists every recipe in the summary with its grade as a letter, not colour alone', () => {
    const html = renderAssuranceReportHtml(report());
    const summary = html.match(/<section id="summary">[\s\S]*?<\/section>/)![0];
    const rows = summary
      .match(/<tbody>[\s\S]*<\/tbody>/)![0]
      .split('</tr>')
      .filter((r) => r.includes('<td'));
    assert.equal(rows.length, 3);
    assert.match(
      rows[0]!,
      /Counterfactual fairness[\s\S]*refusal_rate[\s\S]*0\.125[\s\S]*grade-D">D<[\s\S]*>400<[\s\S]*>2</,
    );
    assert.match(rows[1]!, /Red team[\s\S]*grade-C">C</);
    assert.match(rows[2]!, /Language quality[\s\S]*grade-A">A</);
  });

  it('draws one accessible SVG per chartable recipe, one bar per group or module', () => {
    const html = renderAssuranceReportHtml(report());
    const charts = svgs(html);
    assert.equal(
      charts.length,
      2,
      'groups and modules are charted; the language recipe has nothing to chart',
    );
    const [groups, modules] = charts as [string, string];
    assert.equal(elements(groups, 'rect').filter((r) => r.class?.startsWith('bar')).length, 2);
    assert.equal(elements(modules, 'rect').filter((r) => r.class?.startsWith('bar')).length, 3);
    for (const svg of charts) {
      const [svgAttrs] = elements(svg, 'svg');
      assert.equal(svgAttrs!.role, 'img');
      const [titleId, descId] = svgAttrs!['aria-labelledby']!.split(' ');
      assert.match(svg, new RegExp(`<title id="${titleId}">[^<]+</title>`));
      assert.match(svg, new RegExp(`<desc id="${descId}">[^<]+</desc>`));
    }
    // The same numbers are in a table for screen readers, proportions as percentages.
    assert.match(groups, /17\.5% \[13%, 23\.2%\]/);
    assert.match(html, /<td><bdi>female<\/bdi><\/td><td class="num">200<\/td><td class="num">17\.5%<\/td>/);
  });

  it('marks the reference group in the chart and in the table with text', () => {
    const html = renderAssuranceReportHtml(report());
    const [groups] = svgs(html) as [string];
    const bars = elements(groups, 'rect').filter((r) => r.class?.startsWith('bar'));
    assert.deepEqual(
      bars.map((b) => b.class),
      ['bar bar-reference', 'bar'],
    );
    assert.deepEqual(labels(groups), ['male (reference)', 'female']);
    assert.match(html, /<bdi>male<\/bdi> <strong>\(reference\)<\/strong>/);
  });

  it('sorts attack modules from the most to the least successful, in the chart and the table', () => {
    const html = renderAssuranceReportHtml(report());
    const [, modules] = svgs(html) as [string, string];
    assert.deepEqual(labels(modules), ['arabizi', 'homoglyphs', 'base64']);
    const widths = elements(modules, 'rect').map((r) => numberAt(r, 'width'));
    assert.ok(widths[0]! > widths[1]! && widths[1]! > widths[2]!, 'bar lengths follow the rates');
    const table = html.slice(html.indexOf('Attack success rate by module, most successful first'));
    assert.ok(table.indexOf('arabizi') < table.indexOf('homoglyphs'));
    assert.ok(table.indexOf('homoglyphs') < table.indexOf('base64'));
    assert.match(table, /<td class="num">100<\/td><td class="num">20<\/td><td class="num">20%<\/td>/);
  });

  it('escapes hostile group names, titles and notes everywhere, SVG included', () => {
    const hostile: RecipeReport = {
      ...refusals,
      title: HOSTILE_TITLE,
      metric: '<b>m</b>',
      groups: [
        { group: HOSTILE_GROUP, n: 10, value: 0.5, ci: [0.2, 0.8] },
        { group: 'male', n: 10, value: 0.4, ci: [0.1, 0.7] },
      ],
      comparisons: [{ ...refusals.comparisons![0]!, group: HOSTILE_GROUP }],
      notes: [`note ${HOSTILE_GROUP}`],
    };
    const html = renderAssuranceReportHtml(
      report({ pack: { id: 'p', version: 1, title: HOSTILE_TITLE }, recipes: [hostile] }),
    );
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /<b>m<\/b>/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;/);
    const [chart] = svgs(html) as [string];
    assert.match(chart, /<text class="label"[^>]*>&lt;script&gt;/);
    assert.match(chart, /<title id="[^"]+">&quot;&gt;&lt;img/);
  });

  it('keeps bars and 95% whiskers inside the axis for rates of 0 and 1, clamping intervals that overshoot', () => {
    const edges: RecipeReport = {
      ...refusals,
      comparisons: undefined,
      groups: [
        { group: 'never', n: 50, value: 0, ci: [0, 0.071] },
        { group: 'always', n: 50, value: 1, ci: [0.929, 1] },
        { group: 'overshoot', n: 5, value: 0.5, ci: [-0.05, 1.05] },
      ],
    };
    const [chart] = svgs(renderAssuranceReportHtml(report({ recipes: [edges] }))) as [string];
    const [start, end] = axisEnds(chart);
    assert.ok(end > start);
    const inside = (x: number): boolean => x >= start && x <= end;
    const lines = elements(chart, 'line').filter((l) => l.class === 'whisker' || l.class === 'cap');
    assert.equal(lines.filter((l) => l.class === 'whisker').length, 3);
    for (const line of lines) {
      assert.ok(inside(numberAt(line, 'x1')) && inside(numberAt(line, 'x2')), JSON.stringify(line));
    }
    const whiskers = lines.filter((l) => l.class === 'whisker');
    assert.equal(numberAt(whiskers[0]!, 'x1'), start, 'the interval of a 0 rate starts on the axis origin');
    assert.equal(numberAt(whiskers[1]!, 'x2'), end, 'the interval of a 1 rate ends at 100%');
    assert.deepEqual([numberAt(whiskers[2]!, 'x1'), numberAt(whiskers[2]!, 'x2')], [start, end]);
    const bars = elements(chart, 'rect');
    assert.equal(numberAt(bars[0]!, 'width'), 0);
    assert.equal(numberAt(bars[1]!, 'x'), start);
    assert.equal(Math.round((numberAt(bars[1]!, 'x') + numberAt(bars[1]!, 'width')) * 10) / 10, end);
  });

  it('formats p-values as p < 0.001 or to three significant digits, differences of rates in points', () => {
    const second = {
      ...refusals.comparisons![0]!,
      group: 'rural',
      difference: -0.0312,
      ci: [-0.061, -0.0014] as [number, number],
      p: 0.042137,
      effect: -0.0912,
      significant: false,
    };
    const recipe = { ...refusals, comparisons: [refusals.comparisons![0]!, second] };
    const html = renderAssuranceReportHtml(report({ recipes: [recipe] }));
    assert.match(html, /<td class="num">p &lt; 0\.001<\/td>/);
    assert.match(html, /<td class="num">p = 0\.0421<\/td>/);
    assert.match(html, /\+12\.5 pp<\/td><td class="num">\[\+6\.2 pp, \+18\.8 pp\]/);
    assert.match(html, /-3\.12 pp<\/td><td class="num">\[-6\.1 pp, -0\.14 pp\]/);
    assert.match(html, /h = 0\.397<\/td>/);
    assert.match(html, /<td>✓ Yes|<strong>✓ Yes<\/strong>/);
    assert.match(html, /<td>No<\/td><\/tr>/);
  });

  it('shows means as plain numbers on an axis that holds every interval', () => {
    const lengths: RecipeReport = {
      ...refusals,
      metric: 'answer_length',
      comparisons: [
        { ...refusals.comparisons![0]!, test: 'permutation', difference: -84.5, ci: [-120, -49] },
      ],
      groups: [
        { group: 'male', n: 200, value: 412.3, ci: [390.1, 434.5] },
        { group: 'female', n: 200, value: 327.8, ci: [301.2, 354.4] },
      ],
    };
    const html = renderAssuranceReportHtml(report({ recipes: [lengths] }));
    const [chart] = svgs(html) as [string];
    assert.match(chart, /412 \[390, 435\]/);
    for (const m of chart.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)) assert.doesNotMatch(m[1]!, /%/);
    assert.match(html, /d = 0\.397/);
    assert.match(html, /-84\.5<\/td><td class="num">\[-120, -49\]/);
    const [start, end] = axisEnds(chart);
    for (const line of elements(chart, 'line').filter((l) => l.class === 'whisker')) {
      assert.ok(numberAt(line, 'x1') > start && numberAt(line, 'x2') < end, 'intervals are not clamped');
    }
  });

  it('fits twelve groups with long labels: the chart grows, labels are cut with an ellipsis, full in <title>', () => {
    const long = (i: number): string =>
      `Région ${i + 1} — Casablanca-Settat, milieu rural, locuteur de darija en graphie latine (arabizi)`;
    const groups: GroupStat[] = Array.from({ length: 12 }, (_, i) => ({
      group: long(i),
      n: 40,
      value: i / 11,
      ci: [Math.max(0, i / 11 - 0.1), Math.min(1, i / 11 + 0.1)],
    }));
    const [chart] = svgs(
      renderAssuranceReportHtml(report({ recipes: [{ ...refusals, comparisons: undefined, groups }] })),
    ) as [string];
    const [svg] = elements(chart, 'svg');
    const [, , width, height] = svg!.viewBox!.split(' ').map(Number) as [number, number, number, number];
    assert.equal(elements(chart, 'rect').length, 12);
    const within = (attrs: Record<string, string>, xs: string[], ys: string[]): void => {
      for (const name of xs) if (name in attrs) assert.ok(numberAt(attrs, name) <= width, `${name} in width`);
      for (const name of ys)
        if (name in attrs) assert.ok(numberAt(attrs, name) <= height, `${name} in height`);
    };
    for (const rect of elements(chart, 'rect')) {
      assert.ok(numberAt(rect, 'x') + numberAt(rect, 'width') <= width);
      assert.ok(numberAt(rect, 'y') + numberAt(rect, 'height') <= height);
    }
    for (const line of elements(chart, 'line')) within(line, ['x1', 'x2'], ['y1', 'y2']);
    for (const text of elements(chart, 'text')) within(text, ['x'], ['y']);
    const shown = labels(chart);
    assert.equal(shown.length, 12);
    shown.forEach((label, i) => {
      assert.ok(label.endsWith('…'), label);
      assert.ok(Array.from(label).length < Array.from(long(i)).length);
      assert.ok(long(i).startsWith(label.slice(0, -1)));
    });
    for (let i = 0; i < 12; i++) assert.ok(chart.includes(`<title>${long(i)}: `), `full label ${i + 1}`);
    // The label and the value text share a row: the estimated label width leaves room for the value.
    const values = [...chart.matchAll(/<text class="value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    const [start, end] = axisEnds(chart);
    shown.forEach((label, i) => {
      const estimate = (Array.from(label).length * 13 + values[i]!.length * 12) * 0.62;
      assert.ok(estimate < end - start, `row ${i + 1} fits`);
    });
  });
});
