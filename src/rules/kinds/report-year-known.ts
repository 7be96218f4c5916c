// Kind `report-year-known`: a single report year can be determined — from the title, the opening
// or the command line; a year only inferred from the publication date earns half.
//
// Example: "法治政府建设情况报告" with no year anywhere fails; "2022年，全县…" in the opening passes.

import type { CheckContext, CheckOutcome, CompiledCheck, RuleKind } from '../types.js';
import { titleRange } from './shared/ranges.js';

const FOUND_MESSAGE = { override: 'yearGiven', title: 'yearInTitle', body: 'yearInOpening' } as const;

export const reportYearKnownKind: RuleKind = {
  name: 'report-year-known',
  description: '能确定报告年度（标题、开头或命令行）；只能按发布日期推断时得一半',
  nature: 'requirement',
  scoped: false,
  options: {},
  messages: {
    yearInTitle: '报告年度为{year}年（据标题）',
    yearInOpening: '报告年度为{year}年（据正文开头）',
    yearGiven: '报告年度为{year}年（命令行指定）',
    yearGuessed: '标题和开头都没有写明年度，按发布日期推断为{year}年',
    yearMissing: '无法确定报告年度：请在标题中写明“××××年度”，或用 --year 指定',
  },
  compile() {
    return new ReportYearKnownCheck();
  },
};

class ReportYearKnownCheck implements CompiledCheck {
  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const { year, yearSource } = doc.identity;
    const at = titleRange(doc);
    if (year === null || yearSource === null)
      return { fraction: 0, messageId: 'yearMissing', findings: [{ ...at, messageId: 'yearMissing' }] };
    const data = { year };
    if (yearSource === 'published')
      return {
        fraction: 0.5,
        messageId: 'yearGuessed',
        data,
        findings: [{ ...at, messageId: 'yearGuessed', data }],
      };
    return { fraction: 1, messageId: FOUND_MESSAGE[yearSource], data, findings: [] };
  }
}
