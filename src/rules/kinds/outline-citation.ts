// Kind `outline-citation`: a cited 纲要 carries the right years and 年 — （2015—2020年） or
// （2021—2025年）, any dash accepted — and the edition fits the report year (not one issued
// after the year, not only a superseded one).
//
// Options
//   outlineTitle: pattern of the cited title (not a local plan: 某省法治政府建设实施纲要)
//   editions: [{ name, span: [first, last year in its title], reportYears: {from, to},
//              citable: {from, to} (report years in which citing it alone is normal; default
//              reportYears) }]
//
// Example: "《法治政府建设实施纲要（2015-2020）》" gives "纲要年份“(2015-2020)”缺少“年”".

import { inYearSpan, YEAR_SPAN_SCHEMA, type YearSpan } from '../../shared/year-span.js';
import { originalRange } from '../../text/fold-text.js';
import { findPattern } from '../match/find-text.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind, RuleSpec } from '../types.js';
import { EDITION_PROPERTIES, type Edition } from './shared/editions.js';
import { findingsOutcome } from './shared/outcomes.js';
import { compileRulePattern } from './shared/patterns.js';

const MAX_BRACKET = 20;
const YEARS_WITH_DASH = /^(\d{4})[—–\-~～至]+(\d{4})(年)?$/u;
const YEARS_WITHOUT_DASH = /^(\d{4})(\d{4})(年)?$/u;

interface DatedEdition extends Edition {
  readonly span: readonly [number, number];
  readonly citable?: YearSpan;
}

interface OutlineCitationOptions {
  readonly outlineTitle: string;
  readonly editions: readonly DatedEdition[];
}

/** A citation of the 纲要 found in the text. */
interface Citation {
  readonly at: { start: number; end: number }; // original offsets of the years, or of the title
  readonly edition: DatedEdition | null;
}

export const outlineCitationKind: RuleKind = {
  name: 'outline-citation',
  description: '引用纲要时标题年份写法正确，且所引版本与报告年度相符',
  nature: 'problem',
  scoped: true,
  options: {
    outlineTitle: { type: 'string', minLength: 1, description: '纲要标题的正则' },
    editions: {
      type: 'array',
      minItems: 1,
      description: '纲要各版本',
      items: {
        type: 'object',
        properties: {
          ...EDITION_PROPERTIES,
          span: {
            type: 'array',
            items: { type: 'integer', minimum: 2000 },
            minItems: 2,
            maxItems: 2,
            description: '标题中的起止年份',
          },
          citable: {
            ...YEAR_SPAN_SCHEMA,
            description: '只引用该版本仍属正常的报告年度（默认同 reportYears）',
          },
        },
        required: ['name', 'reportYears', 'span'],
        additionalProperties: false,
      },
    },
  },
  required: ['outlineTitle', 'editions'],
  messages: {
    outlineFits: '纲要标题年份正确（第{lines}行）',
    noOutline: '未引用纲要标题，无需核对',
    outlineYearsWrong: '纲要年份“{found}”有误，应为“{expected}”',
    outlineNoSeparator: '纲要年份“{found}”缺少连接号，应为“{expected}”',
    outlineNoNian: '纲要年份“{found}”缺少“年”，应为“{expected}”',
    outlineNoYears: '纲要标题未写明年份，{year}年度报告应为“{expected}”',
    outlineNotYetIssued: '{year}年度报告引用的{edition}当时尚未印发',
    outlineOutdated: '报告只引用了{edition}，{year}年度应对照{expected}',
  },
  compile(rule, problem, env) {
    const options = rule as RuleSpec & OutlineCitationOptions;
    const title = compileRulePattern(options.outlineTitle, ['outlineTitle'], problem, env);
    return title ? new OutlineCitationCheck(options.editions, title) : null;
  },
};

class OutlineCitationCheck implements CompiledCheck {
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
    for (const found of findPattern(doc, context.ranges, this.title)) {
      const start = doc.folded.fromOriginal[found.start] ?? 0;
      const end = doc.folded.fromOriginal[found.end] ?? start;
      if (text[end] === '(') {
        const close = text.indexOf(')', end);
        if (close < 0 || close - end > MAX_BRACKET) continue;
        const at = originalRange(doc.folded, end, close + 1);
        const judged = this.judgeYears(text.slice(end + 1, close), doc.text.slice(at.start, at.end), year);
        if (judged.finding) findings.push({ ...at, ...judged.finding });
        citations.push({ at, edition: judged.edition });
      } else if (text[end] === '》' && text[start - 1] === '《') {
        const current =
          year === null ? undefined : this.editions.find((e) => inYearSpan(e.reportYears, year));
        if (current)
          findings.push({
            start: found.start,
            end: found.end,
            messageId: 'outlineNoYears',
            data: { year: year ?? '', expected: canonical(current) },
            suggestion: `${found.text}${canonical(current)}`,
          });
      }
    }
    if (year !== null) findings.push(...this.editionUse(citations, year));
    findings.sort((a, b) => a.start - b.start);
    const evidence = citations.map(({ at }) => ({ ...at, label: '纲要年份' }));
    const lines = [...new Set(evidence.map((item) => doc.positions.lineOf(item.start)))].join('、');
    const clean =
      evidence.length > 0 ? { messageId: 'outlineFits', data: { lines } } : { messageId: 'noOutline' };
    return findingsOutcome(context, findings, clean, findings.length > 0 ? [] : evidence);
  }

  private judgeYears(
    inner: string,
    written: string,
    year: number | null,
  ): { edition: DatedEdition | null; finding: Pick<RawFinding, 'messageId' | 'data' | 'suggestion'> | null } {
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
      finding: messageId ? { messageId: messageId, data: data, suggestion: expected } : null,
    };
  }

  /** Citing an edition issued after the report year, or only editions superseded by then. */
  private editionUse(citations: readonly Citation[], year: number): RawFinding[] {
    const findings: RawFinding[] = [];
    const flagged = new Set<DatedEdition>();
    for (const { at, edition } of citations) {
      if (!edition || flagged.has(edition)) continue;
      const citable = edition.citable ?? edition.reportYears;
      if (citable.from !== undefined && year < citable.from) {
        flagged.add(edition);
        findings.push({
          ...at,
          messageId: 'outlineNotYetIssued',
          data: { year, edition: edition.name },
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
          messageId: 'outlineOutdated',
          data: {
            year,
            edition: first.edition.name,
            expected: current.name,
          },
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
