// consistency check `outline-title-years`: a cited 纲要 carries the right years and 年 —
// （2015—2020年） or （2021—2025年）, any dash accepted — and the edition fits the report year
// (not one issued after the year, not only a superseded one).

import { inYearSpan } from '../../../shared/year-span.js';
import { compilePattern } from '../../match/compile-pattern.js';
import { foldedRanges } from '../../match/find-text.js';
import type {
  CheckContext,
  CheckOutcome,
  CompiledCheck,
  RawFinding,
  ReportProblem,
  RuleSpec,
} from '../../types.js';
import { type ConsistencyOptions, type OutlineEdition, toOriginal } from './options.js';

const DEFAULT_TITLE = '(?<![省市县区州])法[治制]政府建设实施纲要'; // not a local plan: 某省法治政府建设实施纲要
const MAX_BRACKET = 20;
const YEARS_WITH_DASH = /^(\d{4})[—–\-~～至]+(\d{4})(年)?$/u;
const YEARS_WITHOUT_DASH = /^(\d{4})(\d{4})(年)?$/u;

type DatedEdition = OutlineEdition & { readonly span: readonly [number, number] };

/** A citation of the 纲要 found in the text. */
interface Citation {
  readonly at: { start: number; end: number }; // original offsets of the years, or of the title
  readonly edition: DatedEdition | null;
}

/** Compiles the outline-title-years check. */
export function compileOutlineTitleYears(
  rule: RuleSpec & ConsistencyOptions,
  problem: ReportProblem,
): CompiledCheck | null {
  const editions = (rule.editions ?? []).filter(
    (edition): edition is DatedEdition => edition.span !== undefined,
  );
  if (editions.length === 0) {
    problem(['editions'], 'outline-title-years 检查须给出带 span 的 editions');
    return null;
  }
  const title = compilePattern(rule.outlineTitle ?? DEFAULT_TITLE, 'gu');
  if (typeof title === 'string') {
    problem(['outlineTitle'], title);
    return null;
  }
  return new OutlineTitleYearsCheck(editions, title);
}

class OutlineTitleYearsCheck implements CompiledCheck {
  constructor(
    private readonly editions: readonly DatedEdition[],
    private readonly title: RegExp,
  ) {}

  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const year = doc.identity.year;
    const text = doc.folded.text;
    const findings: RawFinding[] = [];
    const citations: Citation[] = [];
    for (const range of foldedRanges(doc, context.ranges)) {
      this.title.lastIndex = range.start;
      for (
        let match = this.title.exec(text);
        match && match.index < range.end;
        match = this.title.exec(text)
      ) {
        const end = match.index + match[0].length;
        if (text[end] === '(') {
          const close = text.indexOf(')', end);
          if (close < 0 || close - end > MAX_BRACKET) continue;
          const at = toOriginal(doc, end, close + 1);
          const judged = this.judgeYears(
            context,
            text.slice(end + 1, close),
            doc.text.slice(at.start, at.end),
            year,
          );
          if (judged.finding) findings.push({ ...at, ...judged.finding });
          citations.push({ at, edition: judged.edition });
        } else if (text[end] === '》' && text[match.index - 1] === '《') {
          const at = toOriginal(doc, match.index, end);
          const current =
            year === null ? undefined : this.editions.find((e) => inYearSpan(e.reportYears, year));
          if (current)
            findings.push({
              ...at,
              message: context.message('outlineNoYears', { year: year ?? '', expected: canonical(current) }),
              suggestion: `${match[0]}${canonical(current)}`,
            });
        }
      }
    }
    if (year !== null) findings.push(...this.editionUse(context, citations, year));
    findings.sort((a, b) => a.start - b.start);
    if (findings.length === 0) {
      const evidence = citations.map(({ at }) => ({ ...at, label: '纲要年份' }));
      const lines = [...new Set(evidence.map((item) => doc.positions.lineOf(item.start)))].join('、');
      const message =
        evidence.length > 0 ? context.message('outlineFits', { lines }) : context.message('noOutline');
      return { fraction: 1, message, findings, evidence };
    }
    return { fraction: 0, message: findings[0]?.message ?? '', findings };
  }

  private judgeYears(
    context: CheckContext,
    inner: string,
    written: string,
    year: number | null,
  ): { edition: DatedEdition | null; finding: Pick<RawFinding, 'message' | 'suggestion'> | null } {
    const dashed = YEARS_WITH_DASH.exec(inner);
    const parsed = dashed ?? YEARS_WITHOUT_DASH.exec(inner);
    if (!parsed) return { edition: null, finding: null };
    const from = Number(parsed[1]);
    const to = Number(parsed[2]);
    const exact = this.editions.find((e) => e.span[0] === from && e.span[1] === to);
    const intended =
      exact ??
      this.editions.find((e) => e.span[1] === to || e.span[0] === from) ??
      (year === null ? undefined : this.editions.find((e) => inYearSpan(e.reportYears, year)));
    if (!intended) return { edition: null, finding: null };
    const expected = canonical(intended);
    const data = { found: written, expected };
    const messageId = !exact
      ? 'outlineYearsWrong'
      : !dashed
        ? 'outlineNoSeparator'
        : !parsed[3]
          ? 'outlineNoNian'
          : null;
    return {
      edition: intended,
      finding: messageId ? { message: context.message(messageId, data), suggestion: expected } : null,
    };
  }

  /** Citing an edition issued after the report year, or only editions superseded by then. */
  private editionUse(context: CheckContext, citations: readonly Citation[], year: number): RawFinding[] {
    const findings: RawFinding[] = [];
    const flagged = new Set<DatedEdition>();
    for (const { at, edition } of citations) {
      if (!edition || flagged.has(edition)) continue;
      const citable = edition.citable ?? edition.reportYears;
      if (citable.from !== undefined && year < citable.from) {
        flagged.add(edition);
        findings.push({
          ...at,
          message: context.message('outlineNotYetIssued', { year, edition: edition.name }),
        });
      }
    }
    const dated = citations.filter((c): c is Citation & { edition: DatedEdition } => c.edition !== null);
    const current = this.editions.find((e) => inYearSpan(e.reportYears, year));
    const first = dated[0];
    if (
      first &&
      current &&
      !dated.some((c) => inYearSpan(c.edition.citable ?? c.edition.reportYears, year))
    ) {
      if (!flagged.has(first.edition))
        findings.push({
          ...first.at,
          message: context.message('outlineOutdated', {
            year,
            edition: first.edition.name,
            expected: current.name,
          }),
          suggestion: canonical(current),
        });
    }
    return findings;
  }
}

/** The years as the official title writes them: （2021—2025年）. */
function canonical(edition: DatedEdition): string {
  return `（${edition.span[0]}—${edition.span[1]}年）`;
}
