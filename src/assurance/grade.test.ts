import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMizanError } from '../errors.js';
import { gradeValue, passes, worstGrade } from './grade.js';
import type { RecipeReport } from './types.js';

const disparity: RecipeReport['thresholds'] = {
  A: 0.05,
  B: 0.1,
  C: 0.2,
  D: 0.3,
  direction: 'lower_is_better',
};
const rightLanguage: RecipeReport['thresholds'] = {
  A: 0.95,
  B: 0.9,
  C: 0.8,
  D: 0.7,
  direction: 'higher_is_better',
};

describe('gradeValue', () => {
  it('grades lower-is-better values against upper bounds, a bound belonging to the better grade', () => {
    const cases: [number, string][] = [
      [0, 'A'],
      [0.05, 'A'],
      [0.0500001, 'B'],
      [0.1, 'B'],
      [0.2, 'C'],
      [0.25, 'D'],
      [0.3, 'D'],
      [0.3000001, 'E'],
      [1, 'E'],
    ];
    for (const [value, grade] of cases) assert.equal(gradeValue(value, disparity), grade, `value ${value}`);
  });

  it('grades higher-is-better values against lower bounds, mirrored', () => {
    const cases: [number, string][] = [
      [1, 'A'],
      [0.95, 'A'],
      [0.9499999, 'B'],
      [0.9, 'B'],
      [0.8, 'C'],
      [0.7, 'D'],
      [0.6999999, 'E'],
      [0, 'E'],
    ];
    for (const [value, grade] of cases)
      assert.equal(gradeValue(value, rightLanguage), grade, `value ${value}`);
  });

  it('grades E a value that could not be computed', () => {
    assert.equal(gradeValue(Number.NaN, disparity), 'E');
    assert.equal(gradeValue(Number.NaN, rightLanguage), 'E');
  });

  it('accepts equal bounds, which skip a grade', () => {
    assert.equal(gradeValue(0.1, { A: 0, B: 0.1, C: 0.1, D: 0.5, direction: 'lower_is_better' }), 'B');
  });

  it('rejects bounds in the wrong order for their direction', () => {
    const invalid = (error: unknown): boolean =>
      isMizanError(error) && error.code === 'assurance_invalid_thresholds';
    assert.throws(() => gradeValue(0.1, { ...disparity, direction: 'higher_is_better' }), invalid);
    assert.throws(() => gradeValue(0.9, { ...rightLanguage, direction: 'lower_is_better' }), invalid);
    assert.throws(() => gradeValue(0.1, { ...disparity, C: Number.NaN }), invalid);
  });
});

describe('worstGrade', () => {
  it('is the weakest of the grades', () => {
    assert.equal(worstGrade(['A', 'C', 'B']), 'C');
    assert.equal(worstGrade(['B']), 'B');
    assert.equal(worstGrade(['A', 'E']), 'E');
  });

  it('is E without any grade, so that an empty report cannot pass', () => {
    assert.equal(worstGrade([]), 'E');
  });
});

describe('passes', () => {
  it('accepts the passing grade and better, and refuses worse', () => {
    assert.equal(passes('A', 'C'), true);
    assert.equal(passes('C', 'C'), true);
    assert.equal(passes('D', 'C'), false);
    assert.equal(passes('E', 'A'), false);
    assert.equal(passes('E', 'E'), true);
  });
});
