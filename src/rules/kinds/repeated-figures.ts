// Kind `repeated-figures`: figures of this year's report that are the same as last year's
// (--previous): the same number with the same unit after the same words ("办理行政复议案件12件"
// both years). Often a sign that last year's data was left in. Figures inside paragraphs copied
// whole are left to `copied-text`; small counts (under `minValue`) and 100% / 0% are not reported,
// since they repeat by chance.
//
// Options
//   units:    units a figure ends with (default: 件 个 项 次 人次 人 名 场 期 份 起 家 元 万元 亿元 % 个百分点 …)
//   minValue: smallest value reported (default 10)
//   context:  Han characters before the number that must also match (default 4)
//
// Example: "全年受理行政复议案件35件" in both the 2022 and the 2023 report.

import type { ReportDocument } from '../../parse/document.js';
import { findPattern } from '../match/find-text.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind, RuleSpec } from '../types.js';
import { COPY_DEFAULTS } from './copied-text.js';
import { copiedParagraphs } from './shared/copied-paragraphs.js';
import { insideAny } from './shared/ranges.js';

interface RepeatedFiguresOptions {
  readonly units?: readonly string[];
  readonly minValue?: number;
  readonly context?: number;
}

const DEFAULT_UNITS = [
  '个百分点',
  '万人次',
  '人次',
  '万元',
  '亿元',
  '元',
  '件',
  '个',
  '项',
  '次',
  '人',
  '名',
  '场',
  '期',
  '份',
  '起',
  '家',
  '条',
  '部',
  '篇',
  '户',
  '宗',
  '批',
  '%',
];

export const repeatedFiguresKind: RuleKind = {
  name: 'repeated-figures',
  description: '与上一年度报告完全相同的数据（同样的说法、数字和单位）',
  nature: 'problem',
  scoped: false,
  exceptions: false,
  needsPrevious: true,
  options: {
    units: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '数据的单位' },
    minValue: { type: 'number', minimum: 0, description: '报告的最小数值，默认 10' },
    context: { type: 'integer', minimum: 1, maximum: 12, description: '数字前须相同的汉字数，默认 4' },
  },
  messages: {
    repeated: '数据“{figure}”与上一年度报告（第{previousLine}行）相同，请核对是否为本年度数据',
    clean: '没有与上一年度报告相同的数据',
    summary: '{count}项数据与上一年度报告相同',
  },
  compile(rule) {
    const options = rule as RuleSpec & RepeatedFiguresOptions;
    const units = [...(options.units ?? DEFAULT_UNITS)].sort((a, b) => b.length - a.length);
    const escaped = units.map((unit) => unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RepeatedFiguresCheck(
      new RegExp(`(\\d+(?:\\.\\d+)?)(${escaped.join('|')})`, 'gu'),
      options.minValue ?? 10,
      options.context ?? 4,
    );
  },
};

/** A figure as compared: the words before it, its number and unit; where it is. */
interface Figure {
  readonly key: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

class RepeatedFiguresCheck implements CompiledCheck {
  constructor(
    private readonly pattern: RegExp,
    private readonly minValue: number,
    private readonly context: number,
  ) {}

  check(context: CheckContext): CheckOutcome {
    const previous = context.previous;
    if (!previous) return { fraction: 1, messageId: 'clean', findings: [], skip: true };
    const lastYear = new Map<string, number>();
    for (const figure of this.figures(previous.doc))
      if (!lastYear.has(figure.key)) lastYear.set(figure.key, figure.line);
    const copied = copiedParagraphs(context.doc, previous.doc, COPY_DEFAULTS).copied.map(
      (item) => item.paragraph,
    );
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    for (const figure of this.figures(context.doc)) {
      const previousLine = lastYear.get(figure.key);
      if (previousLine === undefined || seen.has(figure.key) || insideAny(figure, copied)) continue;
      seen.add(figure.key);
      findings.push({
        start: figure.start,
        end: figure.end,
        messageId: 'repeated',
        data: { figure: figure.text, previousLine },
      });
    }
    if (findings.length === 0) return { fraction: 1, messageId: 'clean', findings: [] };
    return { fraction: 0, messageId: 'summary', data: { count: findings.length }, findings };
  }

  /** Figures of a document's body with at least two Han characters before them. */
  private figures(doc: ReportDocument): Figure[] {
    const body = doc.lines.filter((line) => line.role === 'body').map(({ start, end }) => ({ start, end }));
    const figures: Figure[] = [];
    for (const match of findPattern(doc, body, this.pattern)) {
      const value = Number(match.groups[0]);
      if (!Number.isFinite(value) || value < this.minValue) continue;
      if (match.groups[1] === '%' && (value === 100 || value === 0)) continue;
      const before = hanBefore(doc.folded.text, doc.folded.fromOriginal[match.start] ?? 0, this.context);
      if ([...before].length < 2) continue;
      figures.push({
        key: `${before}${match.groups[0]}${match.groups[1]}`,
        text: `${before}${match.text}`,
        start: match.start,
        end: match.end,
        line: doc.positions.lineOf(match.start),
      });
    }
    return figures;
  }
}

/** Up to `count` Han characters right before a folded offset (none across other characters). */
function hanBefore(text: string, at: number, count: number): string {
  let start = at;
  let taken = 0;
  while (start > 0 && taken < count) {
    const ch = text[start - 1] as string;
    if (!/\p{Script=Han}/u.test(ch)) break;
    start--;
    taken++;
  }
  return text.slice(start, at);
}
