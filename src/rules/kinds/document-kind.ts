// Kind `document-kind`: the file is an annual report on building a rule-of-law government, not a
// look-alike sent by mistake (工作要点, 政府信息公开工作年度报告, 政策解读 …). The parser decides
// the kind; the rule names it in words its pack gives.
//
// Options
//   labels: the words for each look-alike kind, e.g. { work-plan: 工作要点或实施方案（计划类文件） }
//
// Example: "关于印发《金山区2021年法治政府建设工作要点》的通知" fails as a work plan.

import { DOCUMENT_KINDS } from '../../shared/document-kinds.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RuleKind, RuleSpec } from '../types.js';
import { titleRange } from './shared/ranges.js';

interface DocumentKindOptions {
  readonly labels: Readonly<Record<string, string>>;
}

export const documentKindKind: RuleKind = {
  name: 'document-kind',
  description: '文件是法治政府建设年度报告，而不是工作要点、政府信息公开年报、政策解读等',
  nature: 'requirement',
  scoped: false,
  options: {
    labels: {
      type: 'object',
      propertyNames: { enum: DOCUMENT_KINDS.filter((kind) => kind !== 'annual-report') },
      additionalProperties: { type: 'string', minLength: 1 },
      description: '各类非年度报告文件的称呼',
    },
  },
  required: ['labels'],
  messages: {
    isReport: '是法治政府建设年度报告',
    notReport: '本文件看起来是{kind}，不是法治政府建设年度报告',
  },
  compile(rule) {
    return new DocumentKindCheck((rule as RuleSpec & DocumentKindOptions).labels);
  },
};

class DocumentKindCheck implements CompiledCheck {
  constructor(private readonly labels: Readonly<Record<string, string>>) {}

  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const kind = doc.identity.kind;
    if (kind === 'annual-report') return { fraction: 1, messageId: 'isReport', findings: [] };
    const data = { kind: this.labels[kind] ?? kind };
    return {
      fraction: 0,
      messageId: 'notReport',
      data,
      findings: [{ ...titleRange(doc), messageId: 'notReport', data }],
    };
  }
}
