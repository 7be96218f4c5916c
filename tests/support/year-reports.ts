// Invented annual reports for the history rules: a unit's report of one year, built from parts,
// and the built-in section rules that locate those parts.

import { loadRules } from '../../src/config/load-packs.js';
import type { RuleSpec } from '../../src/rules/types.js';

/** The parts of an invented report. */
export interface YearReportParts {
  readonly unit: string;
  readonly year: number;
  readonly measures: readonly string[]; // paragraphs under 一、主要举措和成效
  readonly shortcomings?: readonly string[];
  readonly plan: readonly string[]; // items of 三、下一年度工作安排, as （一）…（二）… headings
}

const NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The text of an invented report. */
export function yearReport(parts: YearReportParts): string {
  return [
    `${parts.unit}${parts.year}年度法治政府建设情况报告`,
    '',
    '一、主要举措和成效',
    ...parts.measures,
    '二、存在的不足和原因',
    ...(parts.shortcomings ?? ['基层执法力量仍然薄弱，主要原因是编制有限、人员流动较快。']),
    '三、下一年度工作安排',
    ...parts.plan.map((item, i) => `（${NUMBERS[i]}）${item}`),
    '',
  ].join('\n');
}

/** The built-in section rules (measures, shortcomings, plan, first-responsible, other). */
export async function sectionRules(): Promise<RuleSpec[]> {
  const { packs } = await loadRules();
  return packs.flatMap((pack) => pack.rules).filter((rule) => rule.kind === 'section');
}
