/**
 * The statistics behind disparity tests: intervals for one group, tests and intervals for the difference
 * between two groups, and the correction for testing several groups against one reference. Pure functions on
 * plain numbers; every random step draws from a seeded generator so a report can be reproduced exactly.
 *
 * Degenerate inputs return numbers, never NaN: an empty sample has value 0, no evidence of a difference
 * (p = 1, effect 0) and the widest honest interval ([0, 1] for a share, [-1, 1] for a difference of shares,
 * [0, 0] for a mean, which has no natural bound). Malformed inputs (negative counts, successes above n, a confidence
 * outside (0, 1), a p-value outside [0, 1]) are caller bugs and throw.
 */
import { errors } from '../errors.js';

const INVALID = 'assurance_invalid_statistic';

/** Default seed, so that two runs of the same report draw the same resamples. */
const DEFAULT_SEED = 0x5eed;
const DEFAULT_PERMUTATIONS = 10_000;
const DEFAULT_BOOTSTRAPS = 5_000;

/**
 * |Cohen's d| is capped here. Groups that differ but do not vary inside (a deterministic test upstream) have
 * an infinite d, which JSON cannot carry; beyond ten standard deviations the size no longer changes any
 * reading.
 */
export const COHENS_D_LIMIT = 10;

/** mulberry32: a fast 32-bit generator, uniform in [0, 1), reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normal cumulative distribution, by Hart's rational approximation (algorithm 5666, as given by West
 * 2005, "Better approximations to cumulative normal functions"), with a continued fraction beyond 7.07:
 * within 3e-16 absolute. The lower tail is computed directly rather than as 1 - Φ, so a tiny p-value stays
 * within 1e-8 of its own size instead of rounding to 0. Below -37 it returns 0 (the true value is under
 * 6e-300).
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) throw errors.invalidRequest(INVALID, 'normalCdf needs a number', 'z');
  const x = Math.abs(z);
  let tail: number;
  if (x > 37) {
    tail = 0;
  } else if (x < 7.07106781186547) {
    tail = (Math.exp((-x * x) / 2) * polynomial(HART_NUMERATOR, x)) / polynomial(HART_DENOMINATOR, x);
  } else {
    const fraction = x + 1 / (x + 2 / (x + 3 / (x + 4 / (x + 0.65))));
    tail = Math.exp((-x * x) / 2) / fraction / 2.506628274631;
  }
  return z > 0 ? 1 - tail : tail;
}

/** Coefficients from the highest power down, evaluated by Horner's rule. */
const polynomial = (coefficients: readonly number[], x: number): number =>
  coefficients.reduce((total, c) => total * x + c, 0);

const HART_NUMERATOR = [
  0.0352624965998911, 0.700383064443688, 6.37396220353165, 33.912866078383, 112.079291497871,
  221.213596169931, 220.206867912376,
];
const HART_DENOMINATOR = [
  0.0883883476483184, 1.75566716318264, 16.064177579207, 86.7807322029461, 296.564248779674, 637.333633378831,
  793.826512519948, 440.413735824752,
];

const ACKLAM_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const ACKLAM_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
  1,
];
const ACKLAM_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416, 1];
const ACKLAM_LOW = 0.02425;

/** Acklam's approximation (relative error 1.15e-9) for the lower half, p ≤ 0.5. */
function acklamLower(p: number): number {
  if (p < ACKLAM_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return polynomial(ACKLAM_C, q) / polynomial(ACKLAM_D, q);
  }
  const q = p - 0.5;
  const r = q * q;
  return (polynomial(ACKLAM_A, r) * q) / polynomial(ACKLAM_B, r);
}

/**
 * Inverse of the standard normal distribution: Acklam's approximation, polished by one Halley step against
 * normalCdf: within 1e-12 for 1e-5 ≤ p ≤ 1 - 1e-5, within 1e-9 beyond. Computed in the lower tail and
 * mirrored. normalQuantile(0) is -Infinity and normalQuantile(1) is Infinity.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw errors.invalidRequest(INVALID, `normalQuantile needs p in [0, 1], got ${p}`, 'p');
  }
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const lower = Math.min(p, 1 - p);
  let x = acklamLower(lower);
  // normalCdf is 0 below -37, so a step there would pull x away: Acklam alone is already within 1e-9.
  if (x > -37) {
    const u = (normalCdf(x) - lower) * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    x -= u / (1 + (x * u) / 2);
  }
  return p > 0.5 ? -x : x;
}

/** The two-sided critical value for a confidence level: 1.959964 for 0.95. */
function criticalValue(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw errors.invalidRequest(INVALID, `confidence must be in (0, 1), got ${confidence}`, 'confidence');
  }
  return normalQuantile(1 - (1 - confidence) / 2);
}

function checkCount(successes: number, n: number, param: string): void {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || n < 0 || successes < 0 || successes > n) {
    throw errors.invalidRequest(
      INVALID,
      `a count needs integers 0 ≤ successes ≤ n, got ${successes}/${n}`,
      param,
    );
  }
}

/**
 * Wilson score interval for a share; unlike the Wald interval it stays inside [0, 1] and is sound at 0/n and
 * n/n.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): [number, number] {
  checkCount(successes, n, 'successes');
  const z = criticalValue(confidence);
  if (n === 0) return [0, 1];
  const share = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (share + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((share * (1 - share)) / n + z2 / (4 * n * n));
  // The exact bounds at 0/n and n/n are 0 and 1; rounding alone would miss them by an ulp.
  return [successes === 0 ? 0 : centre - half, successes === n ? 1 : centre + half];
}

export interface ProportionTest {
  /** p1 - p2. */
  difference: number;
  z: number;
  /** Two-sided, from the pooled standard error. */
  p: number;
  /** 95 % Newcombe hybrid score interval for the difference. */
  ci: [number, number];
  /** 2·asin(√p1) - 2·asin(√p2). */
  cohensH: number;
}

/**
 * Two-proportion z-test (pooled) with Newcombe's hybrid score interval (method 10 of Newcombe 1998), which
 * keeps good coverage with small samples and extreme shares where the Wald interval fails. With an empty
 * group nothing is known: difference 0, z 0, p 1, interval [-1, 1], h 0. With both shares at 0 or both at 1
 * the difference is exactly 0 and p is 1.
 */
export function twoProportionZTest(k1: number, n1: number, k2: number, n2: number): ProportionTest {
  checkCount(k1, n1, 'k1');
  checkCount(k2, n2, 'k2');
  if (n1 === 0 || n2 === 0) return { difference: 0, z: 0, p: 1, ci: [-1, 1], cohensH: 0 };
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const difference = p1 - p2;
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se === 0 ? 0 : difference / se;
  const [l1, u1] = wilsonInterval(k1, n1);
  const [l2, u2] = wilsonInterval(k2, n2);
  const lo = difference - Math.hypot(p1 - l1, u2 - p2);
  const hi = difference + Math.hypot(u1 - p1, p2 - l2);
  return {
    difference,
    z,
    p: Math.min(1, 2 * normalCdf(-Math.abs(z))),
    ci: [Math.max(-1, lo), Math.min(1, hi)],
    cohensH: 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)),
  };
}

const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);
/** Arithmetic mean; 0 for an empty sample. */
export const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : sum(values) / values.length;

function checkValues(values: readonly number[], param: string): void {
  if (!values.every(Number.isFinite)) {
    throw errors.invalidRequest(INVALID, 'values must be finite numbers', param);
  }
}

/** Sum of squared deviations from the mean. */
function squaredDeviations(values: readonly number[]): number {
  const m = mean(values);
  return values.reduce((total, v) => total + (v - m) ** 2, 0);
}

/** Cohen's d with the pooled standard deviation, capped at ±COHENS_D_LIMIT; 0 when the means are equal. */
function cohensD(a: readonly number[], b: readonly number[], difference: number): number {
  const freedom = a.length + b.length - 2;
  const sd = freedom > 0 ? Math.sqrt((squaredDeviations(a) + squaredDeviations(b)) / freedom) : 0;
  if (difference === 0) return 0;
  if (sd === 0) return Math.sign(difference) * COHENS_D_LIMIT;
  return Math.max(-COHENS_D_LIMIT, Math.min(COHENS_D_LIMIT, difference / sd));
}

export interface ResamplingOptions {
  iterations?: number;
  /** Same seed, same result; defaults to a fixed seed. */
  seed?: number;
}

export interface PermutationTest {
  /** mean(a) - mean(b). */
  difference: number;
  /** Two-sided: (1 + permutations at least as extreme) / (1 + iterations), never 0. */
  p: number;
  cohensD: number;
}

function checkIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw errors.invalidRequest(
      INVALID,
      `iterations must be a positive integer, got ${iterations}`,
      'iterations',
    );
  }
}

/**
 * Two-sample permutation test on the difference of means: it assumes no distribution, which suits answer
 * lengths and tone scores. An empty sample gives difference 0, p 1, d 0; identical samples give p 1.
 */
export function permutationTest(
  a: readonly number[],
  b: readonly number[],
  options: ResamplingOptions = {},
): PermutationTest {
  const { iterations = DEFAULT_PERMUTATIONS, seed = DEFAULT_SEED } = options;
  checkValues(a, 'a');
  checkValues(b, 'b');
  checkIterations(iterations);
  if (a.length === 0 || b.length === 0) return { difference: 0, p: 1, cohensD: 0 };
  const difference = mean(a) - mean(b);
  const pooled = [...a, ...b];
  const total = sum(pooled);
  // Drawing the smaller group is enough: the other is the rest, and its sum is the total minus the drawn sum.
  const drawn = Math.min(a.length, b.length);
  const drawnIsA = drawn === a.length;
  const observed = Math.abs(difference);
  // A permutation equal to the observed split can differ from it by rounding alone; it must still count.
  const tolerance = 1e-9 * pooled.reduce((largest, v) => Math.max(largest, Math.abs(v)), 1);
  const random = seededRandom(seed);
  let extreme = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    let drawnSum = 0;
    for (let i = 0; i < drawn; i++) {
      const j = i + Math.floor(random() * (pooled.length - i));
      const picked = pooled[j] as number;
      pooled[j] = pooled[i] as number;
      pooled[i] = picked;
      drawnSum += picked;
    }
    const sumA = drawnIsA ? drawnSum : total - drawnSum;
    const permuted = sumA / a.length - (total - sumA) / b.length;
    if (Math.abs(permuted) >= observed - tolerance) extreme++;
  }
  return { difference, p: (extreme + 1) / (iterations + 1), cohensD: cohensD(a, b, difference) };
}

/** Linear interpolation between order statistics (R's type 7) of a sorted array. */
function quantileOfSorted(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const low = sorted[below] as number;
  return low + (position - below) * ((sorted[above] as number) - low);
}

function resampledMean(values: readonly number[], random: () => number): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[Math.floor(random() * values.length)] as number;
  return total / values.length;
}

/**
 * Percentile bootstrap interval for mean(a) - mean(b), each sample resampled with replacement. With an empty
 * sample there is nothing to resample: [0, 0].
 */
export function bootstrapMeanDifferenceCI(
  a: readonly number[],
  b: readonly number[],
  options: ResamplingOptions & { confidence?: number } = {},
): [number, number] {
  const { iterations = DEFAULT_BOOTSTRAPS, seed = DEFAULT_SEED, confidence = 0.95 } = options;
  checkValues(a, 'a');
  checkValues(b, 'b');
  checkIterations(iterations);
  criticalValue(confidence);
  if (a.length === 0 || b.length === 0) return [0, 0];
  const random = seededRandom(seed);
  const differences = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) differences[i] = resampledMean(a, random) - resampledMean(b, random);
  differences.sort();
  const tail = (1 - confidence) / 2;
  return [quantileOfSorted(differences, tail), quantileOfSorted(differences, 1 - tail)];
}

/**
 * Interval for one group's mean by the normal approximation, mean ± z·s/√n: deterministic and needs no seed;
 * without the t correction it is slightly too narrow below about 30 values, which a report bar can afford. An
 * empty sample gives [0, 0], a single value or values that do not vary give [value, value].
 */
export function meanInterval(values: readonly number[], confidence = 0.95): [number, number] {
  checkValues(values, 'values');
  const z = criticalValue(confidence);
  const m = mean(values);
  if (values.length < 2) return [m, m];
  const half = z * Math.sqrt(squaredDeviations(values) / (values.length - 1) / values.length);
  return [m - half, m + half];
}

/**
 * Holm's step-down adjustment: controls the chance of any false alarm across all comparisons, uniformly more
 * powerful than Bonferroni. Adjusted p-values come back in the input order.
 */
export function holmBonferroni(pValues: readonly number[]): number[] {
  if (!pValues.every((p) => p >= 0 && p <= 1)) {
    throw errors.invalidRequest(INVALID, 'p-values must be in [0, 1]', 'pValues');
  }
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((i, j) => (pValues[i] as number) - (pValues[j] as number));
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * (pValues[index] as number)));
    adjusted[index] = running;
  });
  return adjusted;
}
