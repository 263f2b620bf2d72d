import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMizanError } from '../errors.js';
import { compareMeans, compareProportions, largestDisparity } from './compare-groups.js';
import { holmBonferroni, seededRandom, twoProportionZTest, wilsonInterval } from './stats.js';
import type { Comparison } from './types.js';

const hasCode =
  (code: string) =>
  (error: unknown): boolean =>
    isMizanError(error) && error.code === code;

/** Answer lengths around `centre`, ±20 %, from a seeded generator. */
const lengths = (n: number, centre: number, seed: number): number[] => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => Math.round(centre * (0.8 + 0.4 * random())));
};

describe('compareProportions', () => {
  const refusals = [
    { group: 'male', successes: 30, n: 100 },
    { group: 'female', successes: 45, n: 100 },
    { group: 'unknown', successes: 31, n: 100 },
  ];

  it('gives each group its share and Wilson interval, in the input order', () => {
    const { groups } = compareProportions(refusals, 'male');
    assert.deepEqual(
      groups.map((g) => [g.group, g.n, g.value]),
      [
        ['male', 100, 0.3],
        ['female', 100, 0.45],
        ['unknown', 100, 0.31],
      ],
    );
    assert.deepEqual(groups[1]?.ci, wilsonInterval(45, 100));
  });

  it('compares each other group with the reference, group minus reference', () => {
    const { comparisons } = compareProportions(refusals, 'male');
    assert.deepEqual(
      comparisons.map((c) => [c.group, c.reference, c.test]),
      [
        ['female', 'male', 'two_proportion_z'],
        ['unknown', 'male', 'two_proportion_z'],
      ],
    );
    const raw = twoProportionZTest(45, 100, 30, 100);
    const female = comparisons[0] as Comparison;
    assert.equal(female.difference, raw.difference);
    assert.deepEqual(female.ci, raw.ci);
    assert.equal(female.effect, raw.cohensH);
  });

  it('Holm-adjusts the p-values, so a difference significant alone may not be among several', () => {
    const raw = [twoProportionZTest(45, 100, 30, 100).p, twoProportionZTest(31, 100, 30, 100).p];
    const { comparisons } = compareProportions(refusals, 'male');
    assert.deepEqual(
      comparisons.map((c) => c.p),
      holmBonferroni(raw),
    );
    assert.ok((raw[0] as number) < 0.05, 'female alone would be significant');
    assert.equal(comparisons[0]?.significant, false);
    const alone = compareProportions(refusals.slice(0, 2), 'male');
    assert.equal(alone.comparisons[0]?.significant, true);
  });

  it('flags a clear disparity as significant and a negligible one as not', () => {
    const { comparisons } = compareProportions(
      [
        { group: 'urban', successes: 10, n: 200 },
        { group: 'rural', successes: 50, n: 200 },
        { group: 'periurban', successes: 12, n: 200 },
      ],
      'urban',
    );
    assert.deepEqual(
      comparisons.map((c) => [c.group, c.significant]),
      [
        ['rural', true],
        ['periurban', false],
      ],
    );
  });

  it('decides significance at the alpha asked for', () => {
    const strict = compareProportions(refusals.slice(0, 2), 'male', 0.01);
    assert.equal(strict.comparisons[0]?.significant, false);
  });

  it('finds nothing, without NaN, for a group with no answers', () => {
    const { groups, comparisons } = compareProportions(
      [
        { group: 'fra', successes: 3, n: 50 },
        { group: 'zgh', successes: 0, n: 0 },
      ],
      'fra',
    );
    assert.deepEqual(groups[1], { group: 'zgh', n: 0, value: 0, ci: [0, 1] });
    assert.equal(comparisons[0]?.p, 1);
    assert.equal(comparisons[0]?.significant, false);
  });

  it('returns no comparison when only the reference has data', () => {
    const result = compareProportions([{ group: 'male', successes: 3, n: 10 }], 'male');
    assert.deepEqual(result.comparisons, []);
  });

  it('rejects an unknown reference, a duplicate group and an alpha outside (0, 1)', () => {
    assert.throws(() => compareProportions(refusals, 'other'), hasCode('assurance_unknown_reference'));
    assert.throws(
      () => compareProportions([...refusals, { group: 'female', successes: 1, n: 2 }], 'male'),
      hasCode('assurance_duplicate_group'),
    );
    assert.throws(() => compareProportions(refusals, 'male', 0), hasCode('assurance_invalid_statistic'));
  });
});

describe('compareMeans', () => {
  it('detects an upstream that answers Darija speakers with shorter answers', () => {
    const { groups, comparisons } = compareMeans(
      [
        { group: 'fra_Latn', values: lengths(40, 400, 1) },
        { group: 'ary_Arab', values: lengths(40, 250, 2) },
        { group: 'ary_Latn', values: lengths(40, 400, 3) },
      ],
      'fra_Latn',
      { iterations: 2000 },
    );
    assert.equal(groups.length, 3);
    assert.ok(Math.abs((groups[0]?.value ?? 0) - 400) < 20);
    const [darija, arabizi] = comparisons as [Comparison, Comparison];
    assert.equal(darija.test, 'permutation');
    assert.ok(darija.difference < -100 && darija.significant);
    assert.ok(darija.ci[0] < darija.difference && darija.difference < darija.ci[1]);
    assert.ok(darija.effect < -1);
    assert.equal(arabizi.significant, false);
  });

  it('raises no alarm when every group is served alike', () => {
    const { comparisons } = compareMeans(
      ['fra_Latn', 'arb_Arab', 'ary_Arab', 'zgh_Tfng'].map((group, i) => ({
        group,
        values: lengths(40, 300, 10 + i),
      })),
      'fra_Latn',
      { iterations: 2000 },
    );
    assert.ok(comparisons.every((c) => !c.significant));
  });

  it('returns the same report for the same seed', () => {
    const input = [
      { group: 'a', values: lengths(20, 100, 5) },
      { group: 'b', values: lengths(20, 110, 6) },
    ];
    assert.deepEqual(compareMeans(input, 'a', { seed: 4 }), compareMeans(input, 'a', { seed: 4 }));
  });

  it('finds nothing, without NaN, for a group with no values', () => {
    const { groups, comparisons } = compareMeans(
      [
        { group: 'a', values: [1, 2, 3] },
        { group: 'b', values: [] },
      ],
      'a',
    );
    assert.deepEqual(groups[1], { group: 'b', n: 0, value: 0, ci: [0, 0] });
    assert.deepEqual(
      [comparisons[0]?.difference, comparisons[0]?.p, comparisons[0]?.effect, comparisons[0]?.significant],
      [0, 1, 0, false],
    );
  });
});

describe('largestDisparity', () => {
  const comparison = (group: string, difference: number): Comparison => ({
    group,
    reference: 'ref',
    difference,
    ci: [difference - 0.1, difference + 0.1],
    p: 0.5,
    effect: 0,
    test: 'two_proportion_z',
    significant: false,
  });

  it('is the largest absolute difference, whichever its sign', () => {
    assert.equal(largestDisparity([comparison('a', 0.05), comparison('b', -0.2), comparison('c', 0.1)]), 0.2);
  });

  it('is 0 without comparisons', () => {
    assert.equal(largestDisparity([]), 0);
  });
});
