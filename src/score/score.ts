// Score = 100 × earned / applicable weight, one decimal. Skipped rules do not count.

import type { RuleResult, Score } from '../shared/results.js';

/** Grade boundaries, highest first: a score at or above `min` gets `label`. */
export interface GradeScale {
  readonly grades: ReadonlyArray<{ readonly label: string; readonly min: number }>;
}

export const DEFAULT_GRADES: GradeScale = {
  grades: [
    { label: '优秀', min: 90 },
    { label: '良好', min: 80 },
    { label: '合格', min: 60 },
    { label: '不合格', min: 0 },
  ],
};

/** Scores a document's rule results. */
export function scoreResults(results: readonly RuleResult[], scale: GradeScale = DEFAULT_GRADES): Score {
  const counted = results.filter((result) => result.status !== 'skip');
  const earned = sum(counted.map((result) => result.earned));
  const possible = sum(counted.map((result) => result.weight));
  const byCategory = new Map<string, { earned: number; possible: number }>();
  for (const result of counted) {
    const entry = byCategory.get(result.category) ?? { earned: 0, possible: 0 };
    entry.earned += result.earned;
    entry.possible += result.weight;
    byCategory.set(result.category, entry);
  }
  const points = possible > 0 ? Math.round((1000 * earned) / possible) / 10 : null;
  return {
    points,
    grade: points === null ? null : gradeOf(points, scale),
    earned: round2(earned),
    possible: round2(possible),
    byCategory: [...byCategory].map(([category, entry]) => ({
      category,
      earned: round2(entry.earned),
      possible: round2(entry.possible),
    })),
  };
}

/** The grade label for a score. */
export function gradeOf(points: number, scale: GradeScale = DEFAULT_GRADES): string {
  return scale.grades.find((grade) => points >= grade.min)?.label ?? scale.grades.at(-1)?.label ?? '';
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
