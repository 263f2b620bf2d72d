import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMizanError } from '../errors.js';
import {
  COHENS_D_LIMIT,
  bootstrapMeanDifferenceCI,
  holmBonferroni,
  mean,
  meanInterval,
  normalCdf,
  normalQuantile,
  permutationTest,
  seededRandom,
  twoProportionZTest,
  wilsonInterval,
} from './stats.js';

const close = (actual: number, expected: number, tolerance: number, label = ''): void =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${label} ${actual} is not within ${tolerance} of ${expected}`,
  );

const isInvalid = (error: unknown): boolean =>
  isMizanError(error) && error.code === 'assurance_invalid_statistic';

/** n uniform draws in [offset, offset + 1) from a seeded generator. */
const uniform = (n: number, seed: number, offset = 0): number[] => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => offset + random());
};

describe('seededRandom', () => {
  it('replays the same sequence from the same seed and another from another seed', () => {
    const first = uniform(5, 42);
    assert.deepEqual(uniform(5, 42), first);
    assert.notDeepEqual(uniform(5, 43), first);
  });

  it('draws uniformly in [0, 1)', () => {
    const draws = uniform(20_000, 7);
    assert.ok(draws.every((x) => x >= 0 && x < 1));
    close(mean(draws), 0.5, 0.01, 'mean');
    close(draws.filter((x) => x < 0.25).length / draws.length, 0.25, 0.01, 'first quarter');
  });
});

describe('normalCdf and normalQuantile', () => {
  it('give the textbook values', () => {
    close(normalQuantile(0.975), 1.959963984540054, 1e-12, 'z 0.975');
    close(normalQuantile(0.025), -1.959963984540054, 1e-12, 'z 0.025');
    close(normalQuantile(0.999), 3.090232306167813, 1e-12, 'z 0.999');
    assert.equal(normalQuantile(0.5), 0);
    close(normalCdf(1), 0.8413447460685429, 1e-14, 'Φ(1)');
    close(normalCdf(-3), 0.0013498980316300946, 1e-15, 'Φ(-3)');
    assert.equal(normalCdf(0), 0.5);
  });

  it('keep small tail probabilities precise relative to their size', () => {
    const tail = normalCdf(-8);
    close(tail / 6.220960574271785e-16, 1, 1e-7, 'Φ(-8)');
    close(normalQuantile(1e-10), -6.361340889697423, 1e-7, 'z 1e-10');
    close(normalQuantile(1e-300), -37.047096299361, 1e-7, 'z 1e-300');
    assert.equal(normalCdf(-40), 0);
    assert.equal(normalCdf(40), 1);
  });

  it('invert each other', () => {
    for (const z of [-5, -2.5, -1, -0.1, 0.3, 1.7, 4]) close(normalQuantile(normalCdf(z)), z, 1e-9, `z ${z}`);
  });

  it('map the ends of [0, 1] to infinities and reject probabilities outside it', () => {
    assert.equal(normalQuantile(0), -Infinity);
    assert.equal(normalQuantile(1), Infinity);
    assert.throws(() => normalQuantile(1.2), isInvalid);
    assert.throws(() => normalQuantile(Number.NaN), isInvalid);
    assert.throws(() => normalCdf(Number.NaN), isInvalid);
  });
});

describe('wilsonInterval', () => {
  it('gives [0.490, 0.943] for 8 of 10', () => {
    const [low, high] = wilsonInterval(8, 10);
    close(low, 0.4901624715366418, 1e-12, 'low');
    close(high, 0.9433178485456248, 1e-12, 'high');
  });

  it('stays inside [0, 1] and touches the bound at 0 of n and n of n', () => {
    const [low0, high0] = wilsonInterval(0, 10);
    assert.equal(low0, 0);
    close(high0, 0.2775327998628892, 1e-12, 'high 0/10');
    const [low10, high10] = wilsonInterval(10, 10);
    close(low10, 0.7224672001371107, 1e-12, 'low 10/10');
    assert.equal(high10, 1);
  });

  it('returns the whole of [0, 1] when there is no observation', () => {
    assert.deepEqual(wilsonInterval(0, 0), [0, 1]);
  });

  it('widens with the confidence asked for', () => {
    const [low95, high95] = wilsonInterval(30, 100);
    const [low99, high99] = wilsonInterval(30, 100, 0.99);
    assert.ok(low99 < low95 && high99 > high95);
  });

  it('rejects impossible counts and confidences', () => {
    assert.throws(() => wilsonInterval(11, 10), isInvalid);
    assert.throws(() => wilsonInterval(-1, 10), isInvalid);
    assert.throws(() => wilsonInterval(2.5, 10), isInvalid);
    assert.throws(() => wilsonInterval(2, 10, 1), isInvalid);
  });
});

describe('twoProportionZTest', () => {
  it('gives z ≈ 2.19 and p ≈ 0.029 for 45/100 against 30/100', () => {
    const test = twoProportionZTest(45, 100, 30, 100);
    close(test.difference, 0.15, 1e-12, 'difference');
    close(test.z, 2.1908902300206647, 1e-9, 'z');
    close(test.p, 0.02845973691631055, 1e-9, 'p');
    close(test.cohensH, 0.3113494249059283, 1e-12, 'h');
  });

  it("reproduces Newcombe's interval for 56/70 against 48/80", () => {
    const test = twoProportionZTest(56, 70, 48, 80);
    close(test.difference, 0.2, 1e-12, 'difference');
    close(test.ci[0], 0.0524, 5e-5, 'low');
    close(test.ci[1], 0.3339, 5e-5, 'high');
  });

  it('is antisymmetric: swapping the groups flips difference, z, interval and h, not p', () => {
    const forward = twoProportionZTest(45, 100, 30, 100);
    const backward = twoProportionZTest(30, 100, 45, 100);
    close(backward.difference, -forward.difference, 1e-12);
    close(backward.z, -forward.z, 1e-12);
    close(backward.p, forward.p, 1e-12);
    close(backward.ci[0], -forward.ci[1], 1e-12);
    close(backward.ci[1], -forward.ci[0], 1e-12);
    close(backward.cohensH, -forward.cohensH, 1e-12);
  });

  it('finds no difference, without NaN, when both groups are all successes or all failures', () => {
    for (const [k1, k2] of [
      [20, 40],
      [0, 0],
    ] as const) {
      const test = twoProportionZTest(k1, 20, k2, 40);
      assert.equal(test.difference, 0);
      assert.equal(test.z, 0);
      assert.equal(test.p, 1);
      assert.ok(test.ci[0] < 0 && test.ci[1] > 0, 'the interval still reflects the sample sizes');
    }
  });

  it('keeps the interval inside [-1, 1] at the extremes', () => {
    const test = twoProportionZTest(10, 10, 0, 10);
    assert.equal(test.difference, 1);
    assert.equal(test.ci[1], 1);
    close(test.ci[0], 0.6075093504305242, 1e-12, 'low');
    assert.ok(test.p < 1e-4);
  });

  it('reports nothing known when a group is empty', () => {
    assert.deepEqual(twoProportionZTest(0, 0, 5, 10), { difference: 0, z: 0, p: 1, ci: [-1, 1], cohensH: 0 });
  });
});

describe('permutationTest', () => {
  it('approaches the exact p-value: 2 of the 20 splits of 1,2,3 | 4,5,6 are as extreme', () => {
    const test = permutationTest([1, 2, 3], [4, 5, 6], { seed: 1 });
    assert.equal(test.difference, -3);
    close(test.p, 0.1, 0.015, 'p');
    close(test.cohensD, -3, 1e-12, 'd');
  });

  it('gives a small p for clearly different samples', () => {
    const test = permutationTest(uniform(40, 1), uniform(40, 2, 0.5));
    assert.ok(test.p < 0.001, `p = ${test.p}`);
    assert.ok(test.cohensD < -1);
  });

  it('raises false alarms at about the nominal rate for samples from one distribution', () => {
    let alarms = 0;
    const runs = 200;
    for (let run = 0; run < runs; run++) {
      const test = permutationTest(uniform(30, 2 * run + 1), uniform(30, 2 * run + 2), {
        iterations: 1000,
        seed: run,
      });
      if (test.p < 0.05) alarms++;
    }
    assert.ok(alarms / runs <= 0.1, `${alarms} alarms in ${runs} runs`);
  });

  it('never gives p = 0: with no permutation as extreme, p is 1 / (iterations + 1)', () => {
    // 2 splits in C(40, 20) ≈ 1.4e11 are as extreme as the observed one: 99 draws will not meet them.
    const test = permutationTest(Array<number>(20).fill(0), Array<number>(20).fill(9), { iterations: 99 });
    assert.equal(test.p, 1 / 100);
  });

  it('gives p = 1 for identical samples', () => {
    const sample = [3.1, 4.7, 2.2, 8.9, 5.5];
    const test = permutationTest(sample, [...sample]);
    assert.equal(test.difference, 0);
    assert.equal(test.p, 1);
    assert.equal(test.cohensD, 0);
  });

  it('returns the same result for the same seed', () => {
    const a = uniform(25, 3);
    const b = uniform(25, 4, 0.1);
    assert.deepEqual(permutationTest(a, b, { seed: 9 }), permutationTest(a, b, { seed: 9 }));
  });

  it('caps d when groups differ but do not vary inside', () => {
    assert.equal(permutationTest([1, 1, 1], [2, 2, 2]).cohensD, -COHENS_D_LIMIT);
  });

  it('reports nothing known when a sample is empty', () => {
    assert.deepEqual(permutationTest([], [1, 2]), { difference: 0, p: 1, cohensD: 0 });
  });

  it('rejects values that are not finite and nonsense iteration counts', () => {
    assert.throws(() => permutationTest([1, Number.NaN], [2]), isInvalid);
    assert.throws(() => permutationTest([1], [2], { iterations: 0 }), isInvalid);
  });
});

describe('bootstrapMeanDifferenceCI', () => {
  it('covers the true shift of two samples and excludes 0 when the shift is clear', () => {
    const [low, high] = bootstrapMeanDifferenceCI(uniform(100, 5, 0.3), uniform(100, 6));
    assert.ok(low > 0 && low < 0.3 && high > 0.3, `[${low}, ${high}]`);
  });

  it('returns the same interval for the same seed and a narrower one for a lower confidence', () => {
    const a = uniform(30, 7);
    const b = uniform(30, 8);
    const wide = bootstrapMeanDifferenceCI(a, b, { seed: 3 });
    assert.deepEqual(bootstrapMeanDifferenceCI(a, b, { seed: 3 }), wide);
    const narrow = bootstrapMeanDifferenceCI(a, b, { seed: 3, confidence: 0.8 });
    assert.ok(narrow[0] > wide[0] && narrow[1] < wide[1]);
  });

  it('collapses to the difference when nothing varies, and to [0, 0] without data', () => {
    assert.deepEqual(bootstrapMeanDifferenceCI([3, 3], [1, 1, 1]), [2, 2]);
    assert.deepEqual(bootstrapMeanDifferenceCI([], [1, 1, 1]), [0, 0]);
  });
});

describe('meanInterval', () => {
  it('is mean ± 1.96 standard errors', () => {
    const [low, high] = meanInterval([1, 2, 3, 4, 5]);
    const half = 1.959963984540054 * Math.sqrt(2.5 / 5);
    close(low, 3 - half, 1e-12, 'low');
    close(high, 3 + half, 1e-12, 'high');
  });

  it('collapses without spread and gives [0, 0] without data', () => {
    assert.deepEqual(meanInterval([4]), [4, 4]);
    assert.deepEqual(meanInterval([4, 4, 4]), [4, 4]);
    assert.deepEqual(meanInterval([]), [0, 0]);
  });
});

describe('holmBonferroni', () => {
  it('adjusts a known vector and keeps the input order', () => {
    const adjusted = holmBonferroni([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((expected, i) => close(adjusted[i] as number, expected, 1e-12, `p${i}`));
  });

  it('caps at 1 and keeps adjusted values monotone in the raw ones', () => {
    const adjusted = holmBonferroni([0.5, 0.2, 0.9]);
    [1, 0.6, 1].forEach((expected, i) => close(adjusted[i] as number, expected, 1e-12, `p${i}`));
  });

  it('leaves a single p-value alone and accepts none', () => {
    assert.deepEqual(holmBonferroni([0.03]), [0.03]);
    assert.deepEqual(holmBonferroni([]), []);
  });

  it('rejects p-values outside [0, 1]', () => {
    assert.throws(() => holmBonferroni([0.2, 1.5]), isInvalid);
  });
});
