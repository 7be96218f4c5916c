// Kind `report-year`: the report year N agrees with the title, the opening, the headings and the
// next-year plan. A level-1/2 heading or the opening naming an earlier year as the reported one,
// or a plan for a year other than N+1, is a copy-paste defect.
//
// Options
//   planSection:   id of the section rule that locates the next-year plan
//   headingLevels: heading levels checked (default [1, 2])
//   allow:         patterns: a heading naming another year is fine when it matches (以来, 整改 …)
//
// Example: "一、2022年主要举措和成效" in a 2023 report gives "标题写的是2022年，报告年度为2023年".

import { yearFromTitle } from '../../parse/detect-identity.js';
import type { Heading, ReportDocument } from '../../parse/document.js';
import { originalRange } from '../../text/fold-text.js';
import type { TextRange } from '../../text/text-range.js';
import { foldedRanges } from '../match/find-text.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind, RuleSpec } from '../types.js';
import { findingsOutcome } from './shared/outcomes.js';
import { compileRulePatterns, testAny } from './shared/patterns.js';
import { trimmedLine } from './shared/ranges.js';

interface ReportYearOptions {
  readonly planSection?: string;
  readonly headingLevels?: readonly number[];
  readonly allow?: readonly string[];
}

export const reportYearKind: RuleKind = {
  name: 'report-year',
  description: '报告年度与标题、开篇、各级标题和下一年度安排中的年份一致',
  nature: 'problem',
  scoped: false,
  options: {
    planSection: { type: 'string', description: '定位“下一年度安排”的 section 规则 id' },
    headingLevels: {
      type: 'array',
      items: { enum: [1, 2, 3, 4] },
      minItems: 1,
      description: '检查的标题层级',
    },
    allow: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: '标题中出现其他年份也属正常的写法（正则）',
    },
  },
  messages: {
    consistent: '未发现不一致',
    unknownYear: '未能确定报告年度',
    titleYearOverride: '标题写的是{titleYear}年度，与指定的报告年度{year}年不一致',
    titleYearLate: '标题为{year}年度，但发布于{published}，疑为未更新的标题（应为{nextYear}年度？）',
    openingYear: '开篇写的是{found}年，报告年度为{year}年，疑为沿用上年文稿',
    headingYear: '标题写的是{found}年，报告年度为{year}年，疑为沿用上年文稿',
    planYear: '下一年度安排应针对{nextYear}年，这里写的是{found}年',
  },
  references(rule) {
    const plan = (rule as RuleSpec & ReportYearOptions).planSection;
    return plan === undefined ? [] : [{ id: plan, path: ['planSection'] }];
  },
  compile(rule, problem, env) {
    const options = rule as RuleSpec & ReportYearOptions;
    const allow = compileRulePatterns(options.allow, ['allow'], problem, env, 'u');
    if (!allow) return null;
    return new ReportYearCheck(new Set(options.headingLevels ?? [1, 2]), allow, options.planSection ?? null);
  },
};

// A year named on its own (not the end of a range 2021—2025年, not inside 〔2020〕).
const YEAR = /(?<![\d—–\-~～至])(20\d{2})年(?!\d)/gu;
// A year that starts a statement about what was done: "2022年，我局…", "2022年全区…".
const STATEMENT_YEAR = /(?<![\d—–\-~～至])(20\d{2})年(?:度)?(?=,|我|本|全年|全[区县市镇乡局]|是|共)/gu;
// In the plan: a year followed by what will be done.
const PLAN_STATEMENT_YEAR = /(?:^|[。;])(20\d{2})年(?:度)?,?(?=.{0,12}(将|要|继续|力争|计划|着力))/gu;
const BOOK_TITLE = /《[^》]*》/gu;
const PLAN_HEADING = /(安排|打算|计划|思路|展望|设想)/u;
const OPENING_PARAGRAPHS = 3;

class ReportYearCheck implements CompiledCheck {
  constructor(
    private readonly levels: ReadonlySet<number>,
    private readonly allow: readonly RegExp[],
    private readonly planSection: string | null,
  ) {}

  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const year = doc.identity.year;
    if (year === null) return { fraction: 1, messageId: 'unknownYear', findings: [], skip: true };
    const findings = [
      ...this.titleYear(context, year),
      ...this.openingYear(context, year),
      ...this.headingYears(context, year),
      ...this.planStatements(context, year),
    ].sort((a, b) => a.start - b.start);
    return findingsOutcome(context, findings, { messageId: 'consistent' });
  }

  private titleYear(context: CheckContext, year: number): RawFinding[] {
    const { identity, lines } = context.doc;
    const titleLine = identity.titleLine === null ? undefined : lines[identity.titleLine - 1];
    if (!titleLine || identity.title === null) return [];
    const at = trimmedLine(titleLine);
    const titleYear = yearFromTitle(identity.title);
    if (identity.yearSource === 'override' && titleYear !== null && titleYear !== year)
      return [{ ...at, messageId: 'titleYearOverride', data: { titleYear, year } }];
    const published = identity.publishedAt;
    if (identity.yearSource === 'title' && published) {
      const [publishedYear, month] = published.split('-').map(Number);
      if (publishedYear === year + 2 && (month ?? 12) <= 4)
        return [{ ...at, messageId: 'titleYearLate', data: { year, published, nextYear: year + 1 } }];
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
          { ...originalRange(doc.folded, start, start + 4), messageId: 'openingYear', data: { found, year } },
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
            messageId: 'planYear',
            data: { found: wrong.year, year, nextYear: year + 1 },
            suggestion: String(year + 1),
          });
      } else {
        const wrong = named.find((y) => y.year < year);
        if (wrong)
          findings.push({
            ...wrong.at,
            messageId: 'headingYear',
            data: { found: wrong.year, year },
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
          ...originalRange(doc.folded, start, start + 4),
          messageId: 'planYear',
          data: { found, year, nextYear: year + 1 },
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
    return { year: Number(match[1]), at: originalRange(doc.folded, at, at + 4) };
  });
}

function foldedTitle(doc: ReportDocument, heading: Heading): string {
  return doc.folded.text.slice(
    doc.folded.fromOriginal[heading.titleStart] ?? 0,
    doc.folded.fromOriginal[heading.end] ?? 0,
  );
}
