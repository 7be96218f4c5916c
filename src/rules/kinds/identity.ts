// Kind `identity`: what the document is, as detected by the parser.
//
// Options
//   check: 'kind'  — the file is a 法治政府建设 annual report, not a look-alike (工作要点,
//                    政府信息公开工作年度报告, 政策解读)
//          'year'  — a single report year can be determined from the title or the opening
//          'title' — the title names the subject, the year, 法治政府建设 and 报告 (not 总结)
//
// Example: check 'kind' fails on "关于印发《某区2021年法治政府建设工作要点》的通知".

import type { ReportDocument } from '../../parse/document.js';
import type { DocumentKind } from '../../shared/document-kinds.js';
import { foldString } from '../../text/fold-text.js';
import type { TextRange } from '../../text/text-range.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RuleKind, RuleSpec } from '../types.js';

type IdentityCheck = 'kind' | 'year' | 'title';

const KIND_LABELS: Record<DocumentKind, string> = {
  'annual-report': '法治政府建设年度报告',
  'work-plan': '工作要点或实施方案（计划类文件）',
  'disclosure-report': '政府信息公开工作年度报告（另一种法定报告）',
  interpretation: '政策解读',
  other: '与法治政府建设无关的文件',
};

export const identityKind: RuleKind = {
  name: 'identity',
  description: '报告识别：文件类型、报告年度、标题',
  nature: 'requirement',
  options: {
    check: {
      enum: ['kind', 'year', 'title'],
      description: 'kind：文件类型；year：报告年度；title：标题要素',
    },
  },
  required: ['check'],
  messages: {
    isReport: '是法治政府建设年度报告',
    notReport: '本文件看起来是{kind}，不是法治政府建设年度报告',
    yearFound: '报告年度为{year}年（{source}）',
    yearGuessed: '标题和开头都没有写明年度，按发布日期推断为{year}年',
    yearMissing: '无法确定报告年度：请在标题中写明“××××年度”，或用 --year 指定',
    titleOk: '标题要素齐全',
    titleMissing: '没有识别到标题：第一行应为报告标题，如“××县人民政府关于××××年度法治政府建设情况的报告”',
    titleIncomplete: '标题缺少{missing}',
    titleSummary: '标题用了“总结”，规范名称为“法治政府建设年度报告”',
  },
  compile(rule) {
    return new IdentityRuleCheck((rule as RuleSpec & { check: IdentityCheck }).check);
  },
};

class IdentityRuleCheck implements CompiledCheck {
  constructor(private readonly what: IdentityCheck) {}

  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const at = titleRange(doc);
    const fail = (fraction: number, message: string, suggestion?: string): CheckOutcome => ({
      fraction,
      message,
      findings: [{ ...at, message, suggestion: suggestion ?? null }],
    });
    const { identity } = doc;
    if (this.what === 'kind') {
      return identity.kind === 'annual-report'
        ? { fraction: 1, message: context.message('isReport'), findings: [] }
        : fail(0, context.message('notReport', { kind: KIND_LABELS[identity.kind] }));
    }
    if (this.what === 'year') {
      if (identity.year === null) return fail(0, context.message('yearMissing'));
      if (identity.yearSource === 'published')
        return fail(0.5, context.message('yearGuessed', { year: identity.year }));
      const source = { override: '命令行指定', title: '据标题', body: '据正文开头', published: '' }[
        identity.yearSource ?? 'title'
      ];
      return {
        fraction: 1,
        message: context.message('yearFound', { year: identity.year, source }),
        findings: [],
      };
    }
    if (!identity.title) return fail(0, context.message('titleMissing'));
    const title = foldString(identity.title);
    if (/总结/.test(title)) return fail(0.5, context.message('titleSummary'), '法治政府建设年度报告');
    const missing = [
      identity.subject ? null : '报告主体',
      /20\d{2}年/.test(title) ? null : '年度',
      /法治(政府)?建设/.test(title) ? null : '“法治政府建设”',
      /报告/.test(title) ? null : '“报告”',
    ].filter((item): item is string => item !== null);
    return missing.length === 0
      ? { fraction: 1, message: context.message('titleOk'), findings: [] }
      : fail(
          missing.length >= 3 ? 0 : 0.5,
          context.message('titleIncomplete', { missing: missing.join('、') }),
        );
  }
}

function titleRange(doc: ReportDocument): TextRange {
  const line = doc.identity.titleLine ? doc.lines[doc.identity.titleLine - 1] : undefined;
  if (line) return { start: line.start + (line.text.length - line.text.trimStart().length), end: line.end };
  return { start: doc.body.start, end: doc.body.start };
}
