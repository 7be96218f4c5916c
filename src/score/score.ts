// Score = 100 × earned / applicable weight, one decimal. Skipped rules do not count.
// The grade follows the points, then the statutory gate: a report that lacks a part the
// 督察工作规定 requires (a scored statutory rule that failed) cannot be graded above `missing`
// (default 合格), one whose statutory part is only partly there (content without its heading, a
// cause not analysed) not above `partial` (default 良好) — the points of the other rules cannot
// buy back a missing part. Both caps are configurable (grades.statutoryGate); null turns one off.

import type { GradeCap, RuleResult, Score } from '../shared/results.js';

/** The caps a statutory part missing or partly there puts on the grade (labels of the scale). */
export interface StatutoryGate {
  readonly missing: string | null;
  readonly partial: string | null;
}

/** Grade boundaries, highest first: a score at or above `min` gets `label`; and the statutory gate. */
export interface GradeScale {
  readonly grades: ReadonlyArray<{ readonly label: string; readonly min: number }>;
  readonly statutoryGate?: StatutoryGate;
}

export const DEFAULT_STATUTORY_GATE: StatutoryGate = { missing: '合格', partial: '良好' };

export const DEFAULT_GRADES: GradeScale = {
  grades: [
    { label: '优秀', min: 90 },
    { label: '良好', min: 80 },
    { label: '合格', min: 60 },
    { label: '不合格', min: 0 },
  ],
  statutoryGate: DEFAULT_STATUTORY_GATE,
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
  const pointsGrade = points === null ? null : gradeOf(points, scale);
  const gradeCap = pointsGrade === null ? null : statutoryCap(results, pointsGrade, scale);
  return {
    points,
    grade: gradeCap?.cap ?? pointsGrade,
    gradeCap,
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

/** The cap the statutory gate puts on `pointsGrade`, when it lowers it; null otherwise. */
function statutoryCap(
  results: readonly RuleResult[],
  pointsGrade: string,
  scale: GradeScale,
): GradeCap | null {
  const gate = scale.statutoryGate ?? DEFAULT_STATUTORY_GATE;
  // Advisory statutory rules (weight 0: 其他需要报告的情况 may be left out) do not count.
  const statutory = results.filter((result) => result.statutory && result.weight > 0);
  const missing = statutory.filter((result) => result.status === 'fail');
  const partial = statutory.filter((result) => result.status === 'partial');
  const rank = (label: string) => scale.grades.findIndex((grade) => grade.label === label);
  for (const [reason, cap, parts] of [
    ['missingStatutory', gate.missing, missing],
    ['partialStatutory', gate.partial, partial],
  ] as const) {
    if (cap === null || parts.length === 0 || rank(cap) < 0 || rank(pointsGrade) >= rank(cap)) continue;
    return {
      reason,
      pointsGrade,
      cap,
      rules: parts.map((result) => ({ ruleId: result.ruleId, title: result.title })),
    };
  }
  return null;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
