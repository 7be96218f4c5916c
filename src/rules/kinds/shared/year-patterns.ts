// Patterns and texts that name the report year: {year}, {nextYear} and {previousYear} are filled
// in once the document's year is known ("{nextYear}年工作安排" matches "2024年工作安排" in a 2023
// report).

import { compilePattern } from '../../match/compile-pattern.js';
import type { CompileEnv, ReportProblem } from '../../types.js';
import { compileRulePatterns } from './patterns.js';

const YEAR_PLACEHOLDER = /\{(year|nextYear|previousYear)\}/g;

function yearValue(name: string, year: number): number {
  return name === 'nextYear' ? year + 1 : name === 'previousYear' ? year - 1 : year;
}

/** Fills the year placeholders of a message or suggestion ("{year}" stays when the year is unknown). */
export function fillYearText(text: string, year: number | null): string {
  if (year === null) return text;
  return text.replace(YEAR_PLACEHOLDER, (_, name: string) => String(yearValue(name, year)));
}

function fillYearPattern(source: string, year: number | null): string {
  return source.replace(YEAR_PLACEHOLDER, (_, name: string) =>
    year === null ? '\\d{4}' : String(yearValue(name, year)),
  );
}

/** Patterns that may name the report year, compiled once per year. */
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
      patterns = this.sources.map(
        (source) => compilePattern(fillYearPattern(source, year), this.flags) as RegExp,
      );
      this.cache.set(year, patterns);
    }
    return patterns;
  }
}

/** Compiles year-aware patterns found at `path`, reporting bad ones; null if any is bad. */
export function compileYearPatterns(
  sources: readonly string[] | undefined,
  path: readonly (string | number)[],
  problem: ReportProblem,
  env: CompileEnv | undefined,
  flags = 'gu',
): YearPatterns | null {
  const list = sources ?? [];
  const checked = compileRulePatterns(
    list.map((source) => fillYearPattern(source, 2000)),
    path,
    problem,
    env,
    flags,
  );
  return checked ? new YearPatterns(list, flags) : null;
}
