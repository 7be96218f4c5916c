// Small helpers shared by rule kinds.

import type { ReportDocument, TextRange } from '../../parse/document.js';
import { compilePattern } from '../match/compile-pattern.js';
import type { ReportProblem } from '../types.js';

/** Compiles a list of patterns found at `path` in the rule, reporting bad ones. */
export function compilePatterns(
  sources: readonly string[] | undefined,
  path: readonly (string | number)[],
  problem: ReportProblem,
  flags = 'gu',
): RegExp[] {
  const patterns: RegExp[] = [];
  for (const [i, source] of (sources ?? []).entries()) {
    const compiled = compilePattern(source, flags);
    if (typeof compiled === 'string') problem([...path, i], compiled);
    else patterns.push(compiled);
  }
  return patterns;
}

/** Whether any pattern matches the (folded) text. */
export function testAny(patterns: readonly RegExp[], text: string): boolean {
  return patterns.some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

/** A range to point at when something is missing from a scope: its first line. */
export function anchorOf(doc: ReportDocument, ranges: readonly TextRange[]): TextRange {
  const first = ranges[0];
  if (!first) return { start: doc.body.start, end: doc.body.start };
  const lineEnd = doc.text.indexOf('\n', first.start);
  return { start: first.start, end: lineEnd < 0 || lineEnd > first.end ? first.end : lineEnd };
}

/** Number of Han characters in a range. */
export function countHan(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/** The list joined the Chinese way: 甲、乙、丙. */
export function listText(items: readonly string[]): string {
  return items.join('、');
}

const YEAR_PLACEHOLDER = /\{(year|nextYear|previousYear)\}/g;

/** Patterns that may name the report year: {year}, {nextYear}, {previousYear}. */
export class YearPatterns {
  private readonly cache = new Map<number | null, RegExp[]>();

  constructor(
    private readonly sources: readonly string[],
    private readonly flags: string,
  ) {}

  /** The patterns with the placeholders filled in (any four-digit year when unknown). */
  forYear(year: number | null): RegExp[] {
    let patterns = this.cache.get(year);
    if (!patterns) {
      patterns = this.sources.map((source) => compilePattern(fillYear(source, year), this.flags) as RegExp);
      this.cache.set(year, patterns);
    }
    return patterns;
  }
}

/** Compiles year-aware patterns, reporting bad ones; null if any is bad. */
export function compileYearPatterns(
  sources: readonly string[] | undefined,
  path: readonly (string | number)[],
  problem: ReportProblem,
  flags = 'gu',
): YearPatterns | null {
  const list = sources ?? [];
  const checked = compilePatterns(
    list.map((source) => fillYear(source, 2000)),
    path,
    problem,
    flags,
  );
  return checked.length === list.length ? new YearPatterns(list, flags) : null;
}

function fillYear(source: string, year: number | null): string {
  return source.replace(YEAR_PLACEHOLDER, (_, name: string) => {
    if (year === null) return '\\d{4}';
    return String(name === 'nextYear' ? year + 1 : name === 'previousYear' ? year - 1 : year);
  });
}
