// Kind `title-parts`: the title names what a reviewer files the report by — the reporting body,
// the year, 法治政府建设, 报告 — and avoids wordings the guidelines replace (总结 for 报告).
// Credit is the share of the parts present; a discouraged wording earns its own credit.
//
// Options
//   subject:     true when the title must name the reporting body (as the parser detects it)
//   parts:       [{ name, pattern }]: patterns the folded title must match
//   discouraged: [{ pattern, suggestion, credit }]: a title matching `pattern` earns `credit`
//
// Example: parts [{ name: 年度, pattern: '20\d{2}年' }] gives half for "某街道法治政府建设工作报告".

import { foldString } from '../../text/fold-text.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RuleKind, RuleSpec } from '../types.js';
import { listText } from './shared/outcomes.js';
import { compileRulePattern } from './shared/patterns.js';
import { titleRange } from './shared/ranges.js';

interface TitlePartsOptions {
  readonly subject?: boolean;
  readonly parts: ReadonlyArray<{ readonly name: string; readonly pattern: string }>;
  readonly discouraged?: ReadonlyArray<{
    readonly pattern: string;
    readonly suggestion: string;
    readonly credit: number;
  }>;
}

interface CompiledPart {
  readonly name: string;
  readonly pattern: RegExp;
}

export const titlePartsKind: RuleKind = {
  name: 'title-parts',
  description: '标题要素齐全（主体、年度、“法治政府建设”“报告”），不用不规范的名称',
  nature: 'requirement',
  scoped: false,
  options: {
    subject: { type: 'boolean', description: '标题须写明报告主体' },
    parts: {
      type: 'array',
      minItems: 1,
      description: '标题须包含的要素',
      items: {
        type: 'object',
        properties: { name: { type: 'string', minLength: 1 }, pattern: { type: 'string', minLength: 1 } },
        required: ['name', 'pattern'],
        additionalProperties: false,
      },
    },
    discouraged: {
      type: 'array',
      description: '不规范的标题写法：匹配时只得 credit 的分数',
      items: {
        type: 'object',
        properties: {
          pattern: { type: 'string', minLength: 1 },
          suggestion: { type: 'string', minLength: 1 },
          credit: { type: 'number', minimum: 0, maximum: 1 },
        },
        required: ['pattern', 'suggestion', 'credit'],
        additionalProperties: false,
      },
    },
  },
  required: ['parts'],
  messages: {
    titleOk: '标题要素齐全',
    titleMissing: '没有识别到标题：第一行应为报告标题，如“××县人民政府关于××××年度法治政府建设情况的报告”',
    titleIncomplete: '标题缺少{missing}',
    titleDiscouraged: '标题用了“{found}”，规范名称为“{suggestion}”',
  },
  compile(rule, problem, env) {
    const options = rule as RuleSpec & TitlePartsOptions;
    let ok = true;
    const parts: CompiledPart[] = [];
    for (const [i, part] of options.parts.entries()) {
      const pattern = compileRulePattern(part.pattern, ['parts', i, 'pattern'], problem, env, 'u');
      if (pattern) parts.push({ name: part.name, pattern });
      else ok = false;
    }
    const discouraged: Array<{ pattern: RegExp; suggestion: string; credit: number }> = [];
    for (const [i, item] of (options.discouraged ?? []).entries()) {
      const pattern = compileRulePattern(item.pattern, ['discouraged', i, 'pattern'], problem, env, 'u');
      if (pattern) discouraged.push({ ...item, pattern });
      else ok = false;
    }
    return ok ? new TitlePartsCheck(options.subject === true, parts, discouraged) : null;
  },
};

class TitlePartsCheck implements CompiledCheck {
  constructor(
    private readonly subject: boolean,
    private readonly parts: readonly CompiledPart[],
    private readonly discouraged: ReadonlyArray<{ pattern: RegExp; suggestion: string; credit: number }>,
  ) {}

  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const at = titleRange(doc);
    if (!doc.identity.title)
      return { fraction: 0, messageId: 'titleMissing', findings: [{ ...at, messageId: 'titleMissing' }] };
    const title = foldString(doc.identity.title);
    for (const item of this.discouraged) {
      const found = item.pattern.exec(title)?.[0];
      if (found === undefined) continue;
      const data = { found, suggestion: item.suggestion };
      return {
        fraction: item.credit,
        messageId: 'titleDiscouraged',
        data,
        findings: [{ ...at, messageId: 'titleDiscouraged', data, suggestion: item.suggestion }],
      };
    }
    const missing = [
      ...(this.subject && !doc.identity.subject ? ['报告主体'] : []),
      ...this.parts.filter((part) => !part.pattern.test(title)).map((part) => part.name),
    ];
    if (missing.length === 0) return { fraction: 1, messageId: 'titleOk', findings: [] };
    const total = this.parts.length + (this.subject ? 1 : 0);
    const data = { missing: listText(missing) };
    return {
      fraction: (total - missing.length) / total,
      messageId: 'titleIncomplete',
      data,
      findings: [{ ...at, messageId: 'titleIncomplete', data }],
    };
  }
}
