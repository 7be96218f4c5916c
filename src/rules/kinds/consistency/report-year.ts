// consistency check `report-year`: the report year N agrees with the title, the opening, the
// headings and the next-year plan. A level-1/2 heading or the opening naming an earlier year as
// the reported one, or a plan for a year other than N+1, is a copy-paste defect.

import { yearFromTitle } from '../../../parse/detect-identity.js';
import type { Heading, ReportDocument } from '../../../parse/document.js';
import type { TextRange } from '../../../text/text-range.js';
import { foldedRanges } from '../../match/find-text.js';
import type {
  CheckContext,
  CheckOutcome,
  CompiledCheck,
  RawFinding,
  ReportProblem,
  RuleSpec,
} from '../../types.js';
import { compilePatterns, testAny } from '../kind-helpers.js';
import { type ConsistencyOptions, toOriginal } from './options.js';

// A year named on its own (not the end of a range 2021—2025年, not inside 〔2020〕).
const YEAR = /(?<![\d—–\-~～至])(20\d{2})年(?!\d)/gu;
// A year that starts a statement about what was done: "2022年，我局…", "2022年全区…".
const STATEMENT_YEAR = /(?<![\d—–\-~～至])(20\d{2})年(?:度)?(?=,|我|本|全年|全[区县市镇乡局]|是|共)/gu;
// In the plan: a year followed by what will be done.
const PLAN_STATEMENT_YEAR = /(?:^|[。;])(20\d{2})年(?:度)?,?(?=.{0,12}(将|要|继续|力争|计划|着力))/gu;
const BOOK_TITLE = /《[^》]*》/gu;
const PLAN_HEADING = /(安排|打算|计划|思路|展望|设想)/u;
const OPENING_PARAGRAPHS = 3;

/** Compiles the report-year check. */
export function compileReportYear(
  rule: RuleSpec & ConsistencyOptions,
  problem: ReportProblem,
): CompiledCheck | null {
  const allow = compilePatterns(rule.allow, ['allow'], problem, 'u');
  if (allow.length !== (rule.allow ?? []).length) return null;
  return new ReportYearCheck(new Set(rule.headingLevels ?? [1, 2]), allow, rule.planSection ?? null);
}

class ReportYearCheck implements CompiledCheck {
  constructor(
    private readonly levels: ReadonlySet<number>,
    private readonly allow: readonly RegExp[],
    private readonly planSection: string | null,
  ) {}

  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const year = doc.identity.year;
    if (year === null) return { fraction: 1, message: '未能确定报告年度', findings: [], skip: true };
    const findings = [
      ...this.titleYear(context, year),
      ...this.openingYear(context, year),
      ...this.headingYears(context, year),
      ...this.planStatements(context, year),
    ].sort((a, b) => a.start - b.start);
    if (findings.length === 0) return { fraction: 1, message: context.message('consistent'), findings };
    return { fraction: 0, message: findings[0]?.message ?? '', findings };
  }

  private titleYear(context: CheckContext, year: number): RawFinding[] {
    const { identity, lines } = context.doc;
    const titleLine = identity.titleLine === null ? undefined : lines[identity.titleLine - 1];
    if (!titleLine || identity.title === null) return [];
    const at = {
      start: titleLine.start + (titleLine.text.length - titleLine.text.trimStart().length),
      end: titleLine.end,
    };
    const titleYear = yearFromTitle(identity.title);
    if (identity.yearSource === 'override' && titleYear !== null && titleYear !== year)
      return [{ ...at, message: context.message('titleYearOverride', { titleYear, year }) }];
    const published = identity.publishedAt;
    if (identity.yearSource === 'title' && published) {
      const [publishedYear, month] = published.split('-').map(Number);
      if (publishedYear === year + 2 && (month ?? 12) <= 4)
        return [
          { ...at, message: context.message('titleYearLate', { year, published, nextYear: year + 1 }) },
        ];
    }
    return [];
  }

  /** The opening (before the first heading) should speak of N, not only of N−1. */
  private openingYear(context: CheckContext, year: number): RawFinding[] {
    const { doc } = context;
    if (doc.identity.yearSource !== 'title' && doc.identity.yearSource !== 'override') return [];
    const opening = doc.paragraphs.filter((p) => p.section === null).slice(0, OPENING_PARAGRAPHS);
    const ranges = foldedRanges(doc, opening);
    const text = doc.folded.text;
    if (ranges.some((range) => text.slice(range.start, range.end).includes(`${year}年`))) return [];
    for (const range of ranges) {
      for (const match of text.slice(range.start, range.end).matchAll(STATEMENT_YEAR)) {
        const found = Number(match[1]);
        if (found >= year) continue;
        const start = range.start + (match.index ?? 0);
        return [
          { ...toOriginal(doc, start, start + 4), message: context.message('openingYear', { found, year }) },
        ];
      }
    }
    return [];
  }

  private headingYears(context: CheckContext, year: number): RawFinding[] {
    const { doc } = context;
    const plan = this.planRange(context);
    const findings: RawFinding[] = [];
    for (const heading of doc.headings) {
      if (!this.levels.has(heading.level)) continue;
      const named = yearsIn(doc, heading);
      if (named.length === 0 || testAny(this.allow, foldedTitle(doc, heading))) continue;
      const inPlan =
        (plan !== null && heading.start >= plan.start && heading.start < plan.end) ||
        PLAN_HEADING.test(heading.title);
      if (inPlan) {
        const wrong = named.find((y) => y.year <= year);
        if (wrong && !named.some((y) => y.year === year + 1))
          findings.push({
            ...wrong.at,
            message: context.message('planYear', { found: wrong.year, year, nextYear: year + 1 }),
            suggestion: String(year + 1),
          });
      } else {
        const wrong = named.find((y) => y.year < year);
        if (wrong)
          findings.push({
            ...wrong.at,
            message: context.message('headingYear', { found: wrong.year, year }),
            suggestion: String(year),
          });
      }
    }
    return findings;
  }

  /** Statements in the plan body about what "will be done" in a year that is not N+1. */
  private planStatements(context: CheckContext, year: number): RawFinding[] {
    const { doc } = context;
    const plan = this.planRange(context);
    if (!plan) return [];
    const paragraphs = doc.paragraphs.filter((p) => p.start >= plan.start && p.start < plan.end);
    const findings: RawFinding[] = [];
    for (const range of foldedRanges(doc, paragraphs)) {
      const text = doc.folded.text.slice(range.start, range.end);
      for (const match of text.matchAll(PLAN_STATEMENT_YEAR)) {
        const found = Number(match[1]);
        if (found > year) continue;
        const start = range.start + (match.index ?? 0) + match[0].indexOf(String(found));
        findings.push({
          ...toOriginal(doc, start, start + 4),
          message: context.message('planYear', { found, year, nextYear: year + 1 }),
          suggestion: String(year + 1),
        });
      }
    }
    return findings;
  }

  private planRange(context: CheckContext): TextRange | null {
    return this.planSection === null ? null : (context.sections.get(this.planSection) ?? null);
  }
}

/** Years a heading names on their own, outside 《…》 titles, with their original ranges. */
function yearsIn(doc: ReportDocument, heading: Heading): Array<{ year: number; at: TextRange }> {
  const start = doc.folded.fromOriginal[heading.titleStart] ?? 0;
  const title = foldedTitle(doc, heading);
  const masked = title.replace(BOOK_TITLE, (whole) => '　'.repeat(whole.length));
  return [...masked.matchAll(YEAR)].map((match) => {
    const at = start + (match.index ?? 0);
    return { year: Number(match[1]), at: toOriginal(doc, at, at + 4) };
  });
}

function foldedTitle(doc: ReportDocument, heading: Heading): string {
  return doc.folded.text.slice(
    doc.folded.fromOriginal[heading.titleStart] ?? 0,
    doc.folded.fromOriginal[heading.end] ?? 0,
  );
}
