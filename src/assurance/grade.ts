/**
 * Grades A (best) to E from a recipe's value and its thresholds, and the pass/fail reading of a grade that
 * the promotion gate relies on.
 */
import { errors } from '../errors.js';
import { GRADES, type Grade, type RecipeReport } from './types.js';

const BANDS = ['A', 'B', 'C', 'D'] as const;

/**
 * lower_is_better: the thresholds are upper bounds, value ≤ A grades A, ≤ B grades B… above D grades E.
 * higher_is_better: the thresholds are lower bounds, value ≥ A grades A… below D grades E. A bound belongs to
 * the better grade. A value that is not a number (a metric that could not be computed) grades E.
 */
export function gradeValue(value: number, thresholds: RecipeReport['thresholds']): Grade {
  const lowerIsBetter = thresholds.direction === 'lower_is_better';
  const bounds = BANDS.map((band) => thresholds[band]);
  const ordered = bounds.every((bound, i) => {
    const previous = bounds[i - 1];
    return previous === undefined || (lowerIsBetter ? previous <= bound : previous >= bound);
  });
  if (!ordered || !bounds.every(Number.isFinite)) {
    throw errors.invalidRequest(
      'assurance_invalid_thresholds',
      `thresholds must be finite and ${lowerIsBetter ? 'increase' : 'decrease'} from A to D`,
      'thresholds',
    );
  }
  const band = BANDS.find((b) => (lowerIsBetter ? value <= thresholds[b] : value >= thresholds[b]));
  return band ?? 'E';
}

/**
 * The worst of several grades: a report is only as good as its weakest recipe. No grade at all is no
 * evidence, and grades E so that an empty report can never pass a gate.
 */
export function worstGrade(grades: readonly Grade[]): Grade {
  if (grades.length === 0) return 'E';
  return GRADES[Math.max(...grades.map((g) => GRADES.indexOf(g)))] as Grade;
}

/** True when `grade` is `passingGrade` or better. */
export function passes(grade: Grade, passingGrade: Grade): boolean {
  return GRADES.indexOf(grade) <= GRADES.indexOf(passingGrade);
}
