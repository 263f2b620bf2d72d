/**
 * Compares every group of a recipe with a reference group, the shape every disparity report uses: one bar per
 * group, one comparison per non-reference group. Testing several groups at once multiplies the chances of a
 * false alarm, so p-values are Holm-adjusted across the comparisons of one call before `significant` is
 * decided.
 *
 * Intervals are 95 % whatever alpha is (the bars of a report keep one meaning) and are not adjusted, so a
 * difference whose interval excludes 0 may still be not significant after Holm.
 */
import { errors } from '../errors.js';
import type { Comparison, GroupStat } from './types.js';
import {
  bootstrapMeanDifferenceCI,
  holmBonferroni,
  mean,
  meanInterval,
  permutationTest,
  twoProportionZTest,
  wilsonInterval,
  type ResamplingOptions,
} from './stats.js';

export interface GroupComparison {
  groups: GroupStat[];
  /** In the input order of the groups, the reference left out. */
  comparisons: Comparison[];
}

type Unadjusted = Omit<Comparison, 'significant'>;

function checkGroups(names: readonly string[], reference: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw errors.invalidRequest('assurance_duplicate_group', `group ${name} appears twice`, 'groups');
    }
    seen.add(name);
  }
  if (!seen.has(reference)) {
    throw errors.invalidRequest(
      'assurance_unknown_reference',
      `reference group ${reference} has no data`,
      'reference',
    );
  }
}

function checkAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) {
    throw errors.invalidRequest('assurance_invalid_statistic', 'alpha must be in (0, 1)', 'alpha');
  }
}

function adjust(comparisons: Unadjusted[], alpha: number): Comparison[] {
  const adjusted = holmBonferroni(comparisons.map((c) => c.p));
  return comparisons.map((c, i) => {
    const p = adjusted[i] as number;
    return { ...c, p, significant: p < alpha };
  });
}

/**
 * Shares of successes (refusals, correct answers…) per group, each group against the reference by a
 * two-proportion z-test; `difference` is group minus reference, `effect` is Cohen's h, `p` is Holm-adjusted.
 * A group with n = 0 has value 0, interval [0, 1], and a comparison that finds nothing (difference 0, p 1).
 */
export function compareProportions(
  groups: readonly { group: string; successes: number; n: number }[],
  reference: string,
  alpha = 0.05,
): GroupComparison {
  checkGroups(
    groups.map((g) => g.group),
    reference,
  );
  checkAlpha(alpha);
  const base = groups.find((g) => g.group === reference) as { successes: number; n: number };
  const stats = groups.map((g): GroupStat => ({
    group: g.group,
    n: g.n,
    value: g.n === 0 ? 0 : g.successes / g.n,
    ci: wilsonInterval(g.successes, g.n),
  }));
  const comparisons = groups
    .filter((g) => g.group !== reference)
    .map((g): Unadjusted => {
      const test = twoProportionZTest(g.successes, g.n, base.successes, base.n);
      return {
        group: g.group,
        reference,
        difference: test.difference,
        ci: test.ci,
        p: test.p,
        effect: test.cohensH,
        test: 'two_proportion_z',
      };
    });
  return { groups: stats, comparisons: adjust(comparisons, alpha) };
}

/** `iterations` and `seed` apply to both the permutation test and the bootstrap interval. */
export interface CompareMeansOptions extends ResamplingOptions {
  alpha?: number;
}

/**
 * Means per group (answer length, tone score…), each group against the reference by a permutation test with a
 * bootstrap interval for the difference; `effect` is Cohen's d, `p` is Holm-adjusted. Every comparison draws
 * from the same seed, so adding a group changes the others only through the Holm adjustment. A group with no
 * values has value 0, interval [0, 0], and a comparison that finds nothing (difference 0, p 1).
 */
export function compareMeans(
  groups: readonly { group: string; values: readonly number[] }[],
  reference: string,
  options: CompareMeansOptions = {},
): GroupComparison {
  const { alpha = 0.05, ...resampling } = options;
  checkGroups(
    groups.map((g) => g.group),
    reference,
  );
  checkAlpha(alpha);
  const base = groups.find((g) => g.group === reference) as { values: readonly number[] };
  const stats = groups.map((g): GroupStat => ({
    group: g.group,
    n: g.values.length,
    value: mean(g.values),
    ci: meanInterval(g.values),
  }));
  const comparisons = groups
    .filter((g) => g.group !== reference)
    .map((g): Unadjusted => {
      const test = permutationTest(g.values, base.values, resampling);
      return {
        group: g.group,
        reference,
        difference: test.difference,
        ci: bootstrapMeanDifferenceCI(g.values, base.values, resampling),
        p: test.p,
        effect: test.cohensD,
        test: 'permutation',
      };
    });
  return { groups: stats, comparisons: adjust(comparisons, alpha) };
}

/**
 * The value a disparity recipe is graded on: the largest absolute difference to the reference, 0 with none.
 */
export function largestDisparity(comparisons: readonly Comparison[]): number {
  return comparisons.reduce((largest, c) => Math.max(largest, Math.abs(c.difference)), 0);
}
