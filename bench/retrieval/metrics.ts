/** Ranking quality (recall@5, MRR@10) over question outcomes, and latency percentiles over timed queries. */
import { percentile } from '../stats.js';
import type { Hit, Question } from './questions.js';

export interface Outcome {
  question: Question;
  /** 1-based rank of the first right passage among the first five answered, undefined if none. */
  rank5: number | undefined;
  /** The same among the first ten. */
  rank10: number | undefined;
  /** The first ten passages, for the report's examples. */
  top: Hit[];
}

export interface Quality {
  questions: number;
  recall5: number;
  mrr10: number;
  recall10: number;
}

export function quality(outcomes: readonly Outcome[]): Quality {
  const n = outcomes.length;
  if (n === 0) return { questions: 0, recall5: Number.NaN, mrr10: Number.NaN, recall10: Number.NaN };
  const sum = (f: (o: Outcome) => number) => outcomes.reduce((a, o) => a + f(o), 0) / n;
  return {
    questions: n,
    recall5: sum((o) => (o.rank5 === undefined ? 0 : 1)),
    mrr10: sum((o) => (o.rank10 === undefined ? 0 : 1 / o.rank10)),
    recall10: sum((o) => (o.rank10 === undefined ? 0 : 1)),
  };
}

export interface Latency {
  /** Queries timed (after the warm-up). */
  count: number;
  p50: number;
  p99: number;
  mean: number;
  /** True when the time budget ran out before every query was timed. */
  cut: boolean;
}

/**
 * Times `query` over `questions` one at a time (wall clock, ms), after `warmup` untimed calls; stops early once
 * `budgetMs` of timed calls is spent (at least `minCount` are timed).
 */
export async function timeQueries(
  questions: readonly string[],
  query: (q: string) => unknown,
  options: { warmup: readonly string[]; budgetMs?: number; minCount?: number },
): Promise<Latency> {
  for (const q of options.warmup) await query(q);
  const samples: number[] = [];
  let spent = 0;
  let cut = false;
  for (const q of questions) {
    if (
      options.budgetMs !== undefined &&
      spent > options.budgetMs &&
      samples.length >= (options.minCount ?? 1)
    ) {
      cut = true;
      break;
    }
    const t0 = performance.now();
    await query(q);
    const ms = performance.now() - t0;
    spent += ms;
    samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length),
    cut,
  };
}
