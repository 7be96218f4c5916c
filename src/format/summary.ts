// One summary row per file for batch views (table, markdown, html ranking): who, which year,
// score, grade and how many statutory items are missing, best score first.

import { type Category, categoryOrder } from '../shared/categories.js';
import { compareLevels } from '../shared/levels.js';
import type { FileResult, RuleResult } from '../shared/results.js';

/** A file's line in the batch summary. */
export interface SummaryRow {
  readonly index: number; // position in the run's input order
  readonly path: string;
  readonly subject: string | null;
  readonly year: number | null;
  readonly score: number | null;
  readonly grade: string | null;
  readonly missingStatutory: number | null; // null when the file could not be checked
  readonly decided: number; // rules and findings a reviewer decided on
  readonly error: string | null;
}

/** Whether a result is a missing statutory part: a scored rule marked `statutory` that failed outright. */
export function isMissingStatutory(result: RuleResult): boolean {
  // Advisory statutory rules (weight 0, such as 其他需要报告的情况, which may be left out) do not count.
  return result.statutory && result.status === 'fail' && result.weight > 0;
}

/** Summary rows sorted by score (highest first); files without a score last, then input order. */
export function summaryRows(files: readonly FileResult[]): SummaryRow[] {
  const rows = files.map(
    (file, index): SummaryRow => ({
      index,
      path: file.path,
      subject: file.identity?.subject ?? null,
      year: file.identity?.year ?? null,
      score: file.score?.points ?? null,
      grade: file.score?.grade ?? null,
      missingStatutory: file.error ? null : file.results.filter(isMissingStatutory).length,
      decided: decidedCount(file),
      error: file.error?.message ?? null,
    }),
  );
  return rows.sort(
    (a, b) =>
      (b.score ?? Number.NEGATIVE_INFINITY) - (a.score ?? Number.NEGATIVE_INFINITY) || a.index - b.index,
  );
}

/** How many decisions apply to a file: decided rules, plus decided findings of undecided rules. */
export function decidedCount(file: FileResult): number {
  return file.results.reduce(
    (count, result) => count + (result.decision ? 1 : (result.decided?.length ?? 0)),
    0,
  );
}

/** A score as shown: one decimal, or a dash. */
export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(1);
}

/** A number without a needless ".0". */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Gap-table order: by category (most important first), then level, then points lost. */
export function compareResults(categories: readonly Category[]): (a: RuleResult, b: RuleResult) => number {
  return (a, b) =>
    categoryOrder(categories, a.category) - categoryOrder(categories, b.category) ||
    compareLevels(b.level, a.level) ||
    b.weight - b.earned - (a.weight - a.earned);
}

/** Rules a gap table lists, in gap-table order: decided ones, and the others not skipped and not
 * passed unless `verbose`. */
export function gapResults(
  file: FileResult,
  verbose: boolean,
  categories: readonly Category[],
): RuleResult[] {
  return file.results
    .filter(
      (result) => result.decision || (result.status !== 'skip' && (verbose || result.status !== 'pass')),
    )
    .sort(compareResults(categories));
}
