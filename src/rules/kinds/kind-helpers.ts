// Small helpers shared by rule kinds.

import type { ReportDocument } from '../../parse/document.js';
import type { TextRange } from '../../text/text-range.js';
import { compilePattern } from '../match/compile-pattern.js';
import { isRiskyPattern } from '../match/pattern-safety.js';
import type { CheckContext, CheckOutcome, CompileEnv, RawFinding, ReportProblem } from '../types.js';

/** Compiles one pattern found at `path` in the rule: null (and a problem) when it is invalid, a
 * warning when a user pattern risks catastrophic backtracking. */
export function compileRulePattern(
  source: string,
  path: readonly (string | number)[],
  problem: ReportProblem,
  env: CompileEnv | undefined,
  flags = 'gu',
): RegExp | null {
  const compiled = compilePattern(source, flags);
  if (typeof compiled === 'string') {
    problem(path, compiled);
    return null;
  }
  if (env?.untrusted && isRiskyPattern(compiled.source))
    env.warn(path, `正则“${source}”含嵌套重复，可能在长文本上运行极慢（灾难性回溯）；运行时超时会中止本规则`);
  return compiled;
}

/** Compiles a list of patterns found at `path` in the rule, reporting bad ones. */
export function compilePatterns(
  sources: readonly string[] | undefined,
  path: readonly (string | number)[],
  problem: ReportProblem,
  flags = 'gu',
  env?: CompileEnv,
): RegExp[] {
  const patterns: RegExp[] = [];
  for (const [i, source] of (sources ?? []).entries()) {
    const compiled = compileRulePattern(source, [...path, i], problem, env, flags);
    if (compiled) patterns.push(compiled);
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

/** Fills {year}, {nextYear} and {previousYear} in a message or suggestion ("{year}" stays when unknown). */
export function fillYearText(text: string, year: number | null): string {
  if (year === null) return text;
  return text.replace(YEAR_PLACEHOLDER, (_, name: string) =>
    String(name === 'nextYear' ? year + 1 : name === 'previousYear' ? year - 1 : year),
  );
}

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
  env?: CompileEnv,
): YearPatterns | null {
  const list = sources ?? [];
  const checked = compilePatterns(
    list.map((source) => fillYear(source, 2000)),
    path,
    problem,
    flags,
    env,
  );
  return checked.length === list.length ? new YearPatterns(list, flags) : null;
}

function fillYear(source: string, year: number | null): string {
  return source.replace(YEAR_PLACEHOLDER, (_, name: string) => {
    if (year === null) return '\\d{4}';
    return String(name === 'nextYear' ? year + 1 : name === 'previousYear' ? year - 1 : year);
  });
}

/** Keeps the longest of overlapping ranges (the earliest first on ties), sorted by position. */
export function dropOverlaps<T extends TextRange>(ranges: readonly T[]): T[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const range of sorted) {
    const last = kept.at(-1);
    if (last && range.start < last.end) {
      if (range.end - range.start > last.end - last.start) kept[kept.length - 1] = range;
      continue;
    }
    kept.push(range);
  }
  return kept;
}

/** Whether a range lies inside one of the ranges. */
export function insideAny(range: TextRange, containers: readonly TextRange[]): boolean {
  return containers.some((c) => c.start <= range.start && range.end <= c.end);
}

/** The outcome of a rule that reports problems: met when there are none. Kinds that use it
 * define the messages `clean` and `summary` ({count}). */
export function problemOutcome(context: CheckContext, findings: readonly RawFinding[]): CheckOutcome {
  const sorted = [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
  if (sorted.length === 0) return { fraction: 1, message: context.message('clean'), findings: [] };
  return { fraction: 0, message: context.message('summary', { count: sorted.length }), findings: sorted };
}

/** The folded text of an original range. */
export function foldedSlice(doc: ReportDocument, range: TextRange): string {
  return doc.folded.text.slice(
    doc.folded.fromOriginal[range.start] ?? 0,
    doc.folded.fromOriginal[range.end] ?? 0,
  );
}

/** How many listed items a rule needs: every one, any one, or at least N. */
export type RequireOption = 'all' | 'any' | number;

/** The JSON Schema of a `require` option. */
export const REQUIRE_OPTION_SCHEMA = {
  description: "'all'、'any' 或至少 N 项",
  oneOf: [{ enum: ['all', 'any'] }, { type: 'integer', minimum: 1 }],
};

/** Reports a `require: N` larger than the number of listed items; true when it is fine. */
export function checkRequire(
  require: RequireOption | undefined,
  listed: number,
  problem: ReportProblem,
): boolean {
  if (typeof require !== 'number' || require <= listed) return true;
  problem(['require'], `require 为 ${require}，但只列了 ${listed} 项`);
  return false;
}

/** The number of items that earns full credit. */
export function requiredCount(require: RequireOption | undefined, listed: number): number {
  return require === undefined || require === 'all' ? listed : require === 'any' ? 1 : require;
}
