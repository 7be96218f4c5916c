// One summary row per file for batch views (table, markdown, html ranking): who, which year,
// score, grade and how many statutory items are missing, best score first.

import { type Category, categoryOrder } from '../shared/categories.js';
import { compareLevels, isAtLeast, type Level } from '../shared/levels.js';
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
  readonly gaps: readonly MainGap[]; // the report's main gaps, most important first
  readonly error: string | null;
}

/** A scored rule a report did not meet, as a summary names it. */
export interface MainGap {
  readonly ruleId: string;
  readonly name: string; // the rule's short title
  readonly missing: boolean; // fully missing (else partly met)
  readonly statutory: boolean;
  readonly lost: number; // points lost
}

/** A report's scored rules that are not met: missing statutory parts first, then by points lost. */
export function mainGaps(file: FileResult): MainGap[] {
  return file.results
    .filter((result) => result.weight > 0 && (result.status === 'fail' || result.status === 'partial'))
    .map((result) => ({
      ruleId: result.ruleId,
      name: result.shortTitle,
      missing: result.status === 'fail',
      statutory: result.statutory,
      lost: result.weight - result.earned,
    }))
    .sort(
      (a, b) =>
        Number(b.statutory && b.missing) - Number(a.statutory && a.missing) ||
        Number(b.statutory) - Number(a.statutory) ||
        b.lost - a.lost,
    );
}

/** Whether a result is a missing statutory part: a scored rule marked `statutory` that failed outright. */
export function isMissingStatutory(result: RuleResult): boolean {
  // Advisory statutory rules (weight 0, such as 其他需要报告的情况, which may be left out) do not count.
  return result.statutory && result.status === 'fail' && result.weight > 0;
}

/** Summary rows sorted by score (highest first); files without a score last, then input order. */
export function summaryRows(files: readonly FileResult[]): SummaryRow[] {
  return sortSummaryRows(files.map(summaryRow));
}

/** A file's summary row (`index`: its place in the run's input order). */
export function summaryRow(file: FileResult, index: number): SummaryRow {
  return {
    index,
    path: file.path,
    subject: file.identity?.subject ?? null,
    year: file.identity?.year ?? null,
    score: file.score?.points ?? null,
    grade: file.score?.grade ?? null,
    missingStatutory: file.error ? null : file.results.filter(isMissingStatutory).length,
    decided: decidedCount(file),
    gaps: file.error ? [] : mainGaps(file),
    error: file.error?.message ?? null,
  };
}

/** The rows in summary order: by score (highest first); files without a score last, then input order. */
export function sortSummaryRows(rows: SummaryRow[]): SummaryRow[] {
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
 * passed unless `verbose`; with `minLevel` (--quiet, --level), only their findings at that level
 * or above, and only rules that keep one (or, without findings, are at that level themselves). */
export function gapResults(
  file: FileResult,
  verbose: boolean,
  categories: readonly Category[],
  minLevel?: Level,
): RuleResult[] {
  return file.results
    .filter(
      (result) => result.decision || (result.status !== 'skip' && (verbose || result.status !== 'pass')),
    )
    .flatMap((result) => {
      if (minLevel === undefined || result.status === 'pass' || result.decision) return [result];
      const findings = result.findings.filter((finding) => isAtLeast(finding.level, minLevel));
      if (findings.length === 0 && (result.findings.length > 0 || !isAtLeast(result.level, minLevel)))
        return [];
      return [{ ...result, findings }];
    })
    .sort(compareResults(categories));
}
