// Kind `plan-followup`: each item of last year's 下一年度安排 (--previous) is reported on in this
// year's 举措和成效. Last year's plan part is located by the same section rule as this year's;
// its items are its sub-headings, else its paragraphs (split at 一是…二是…). An item counts as
// reported when at least `minShare` of its content words (segmented, the usual verbs and
// generic words such as 加强、推进、工作 left out) occur in this year's measures part. Only the
// item's first clause is read when it has such words: "强化法治宣传教育，提高依法行政意识" is
// about 法治宣传教育; the clause after the comma says what it is for.
//
// Options
//   planSection:     section rule that locates the plan part (in last year's report)
//   measuresSection: section rule that locates the measures part (in this year's; the whole
//                    report when it is not found)
//   minShare:        share of an item's content words that must occur (default 0.5)
//   generic:         more words that say nothing about an item's subject
//
// Example: 2022's "（二）推进行政复议体制改革" with no 行政复议 in 2023's measures is reported.

import type { Heading, ReportDocument } from '../../parse/document.js';
import { foldString } from '../../text/fold-text.js';
import type { TextRange } from '../../text/text-range.js';
import type {
  CheckContext,
  CheckOutcome,
  CompiledCheck,
  LocatedSection,
  PreviousReport,
  RawFinding,
  RuleKind,
  RuleSpec,
} from '../types.js';
import { foldedSlice } from './shared/ranges.js';

interface PlanFollowupOptions {
  readonly planSection: string;
  readonly measuresSection: string;
  readonly minShare?: number;
  readonly generic?: readonly string[];
}

/** Words of plans that say what will be done, not to what: they do not identify an item. */
const GENERIC_WORDS = [
  '进一步',
  '加强',
  '推进',
  '深化',
  '强化',
  '完善',
  '提升',
  '提高',
  '全面',
  '持续',
  '继续',
  '着力',
  '努力',
  '切实',
  '不断',
  '加快',
  '推动',
  '坚持',
  '健全',
  '落实',
  '抓好',
  '做好',
  '扎实',
  '大力',
  '积极',
  '深入',
  '开展',
  '加大',
  '增强',
  '扩大',
  '优化',
  '营造',
  '发挥',
  '实现',
  '确保',
  '巩固',
  '拓展',
  '严格',
  '规范',
  '创新',
  '聚焦',
  '围绕',
  '注重',
  '力争',
  '全力',
  '狠抓',
  '筑牢',
  '夯实',
  '工作',
  '建设',
  '能力',
  '水平',
  '意识',
  '力度',
  '机制',
  '体系',
  '作用',
  '质量',
  '效能',
  '效率',
  '法治',
  '法治政府',
  '政府',
  '依法',
  '方面',
  '有关',
  '相关',
  '重点',
  '重要',
  '主要',
  '各项',
  '全县',
  '全市',
  '全区',
  '全镇',
  '全省',
  '我局',
  '我县',
  '我市',
  '我区',
  '我镇',
  '年度',
  '明年',
  '今年',
];

// One item per 一是 / 二是 … inside a paragraph.
const ENUMERATION = /[一二三四五六七八九十]+是/gu;
const ITEM_LENGTH = 30;

export const planFollowupKind: RuleKind = {
  name: 'plan-followup',
  description: '上一年度报告“下一年度安排”中的每一项，在本年度的“举措和成效”中有所交代',
  nature: 'requirement',
  scoped: false,
  needsPrevious: true,
  options: {
    planSection: { type: 'string', minLength: 1, description: '定位“下一年度安排”的 section 规则 id' },
    measuresSection: { type: 'string', minLength: 1, description: '定位“举措和成效”的 section 规则 id' },
    minShare: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1,
      description: '一项计划的实词中须在本年度出现的比例，默认 0.5',
    },
    generic: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: '另外视为泛泛之词的词语',
    },
  },
  required: ['planSection', 'measuresSection'],
  messages: {
    notReported: '去年计划“{item}”（上一年度报告第{line}行）未见落实情况',
    allReported: '上一年度报告的{total}项计划都有所交代',
    someMissing: '上一年度报告的{total}项计划中，{missing}项未见落实情况',
    noPlan: '上一年度报告中没有找到“下一年度安排”，无从对照',
  },
  references(rule) {
    const options = rule as RuleSpec & PlanFollowupOptions;
    return [
      { id: options.planSection, path: ['planSection'] },
      { id: options.measuresSection, path: ['measuresSection'] },
    ];
  },
  compile(rule) {
    const options = rule as RuleSpec & PlanFollowupOptions;
    return new PlanFollowupCheck(
      options.planSection,
      options.measuresSection,
      options.minShare ?? 0.5,
      new Set([...GENERIC_WORDS, ...(options.generic ?? [])]),
    );
  },
};

/** An item of last year's plan: its words as written (shortened) and where it was. */
interface PlanItem {
  readonly text: string;
  readonly line: number;
}

class PlanFollowupCheck implements CompiledCheck {
  constructor(
    private readonly planSection: string,
    private readonly measuresSection: string,
    private readonly minShare: number,
    private readonly generic: ReadonlySet<string>,
  ) {}

  check(context: CheckContext): CheckOutcome {
    const previous = context.previous;
    if (!previous) return { fraction: 1, messageId: 'noPlan', findings: [], skip: true };
    const plan = previous.sections.get(this.planSection);
    if (!plan) return { fraction: 1, messageId: 'noPlan', findings: [], skip: true };
    const measures = context.sections.get(this.measuresSection) ?? null;
    const reported = measures ? foldedSlice(context.doc, measures) : context.doc.folded.text;
    const at = anchor(context.doc, measures);
    const findings: RawFinding[] = [];
    let total = 0;
    for (const item of planItems(previous.doc, plan)) {
      const words = this.itemWords(previous, item.text);
      if (words.length === 0) continue;
      total++;
      const found = words.filter((word) => reported.includes(foldString(word))).length;
      if (found / words.length >= this.minShare) continue;
      findings.push({
        ...at,
        messageId: 'notReported',
        data: { item: shortened(item.text), line: item.line },
      });
    }
    if (total === 0) return { fraction: 1, messageId: 'noPlan', findings: [], skip: true };
    if (findings.length === 0) return { fraction: 1, messageId: 'allReported', data: { total }, findings };
    return {
      fraction: 1 - findings.length / total,
      messageId: 'someMissing',
      data: { total, missing: findings.length },
      findings,
    };
  }

  /** The content words of an item's first clause, else of the whole item. */
  private itemWords(previous: PreviousReport, text: string): string[] {
    const first = this.contentWords(previous, text.split(/[，,；;：:]/u)[0] ?? text);
    return first.length > 0 ? first : this.contentWords(previous, text);
  }

  /** The words of a text that name its subject: two Han characters or more, not generic. */
  private contentWords(previous: PreviousReport, text: string): string[] {
    const words = previous.words
      .cut(text)
      .filter((word) => /^\p{Script=Han}{2,}$/u.test(word) && !this.generic.has(word));
    return [...new Set(words)];
  }
}

/** The items of a plan part: its highest sub-headings, else its paragraphs split at 一是、二是. */
function planItems(doc: ReportDocument, plan: LocatedSection): PlanItem[] {
  const inside = doc.headings.filter((heading) => heading.start > plan.start && heading.start < plan.end);
  const own = doc.headings.find((heading) => heading.start === plan.start || heading.line === plan.line);
  const below = inside.filter((heading) => !own || heading.level > own.level);
  if (below.length > 0) {
    const top = Math.min(...below.map((heading) => heading.level));
    return below
      .filter((heading) => heading.level === top)
      .map((heading: Heading) => ({
        text: heading.title,
        line: heading.line,
      }));
  }
  const items: PlanItem[] = [];
  for (const paragraph of doc.paragraphs) {
    if (paragraph.start < plan.start || paragraph.start >= plan.end) continue;
    const parts = paragraph.text.split(ENUMERATION).filter((part) => part.trim() !== '');
    const listed = parts.length > 1 ? parts.slice(paragraph.text.search(ENUMERATION) > 0 ? 1 : 0) : parts;
    for (const part of listed) items.push({ text: firstClause(part), line: paragraph.line });
  }
  return items;
}

/** An item's first sentence (up to 。；), which names what it is about. */
function firstClause(text: string): string {
  return text.trim().split(/[。；;]/u)[0] ?? text;
}

function shortened(text: string): string {
  const chars = [...text.trim().replace(/[。，,；;：:]+$/u, '')];
  return chars.length > ITEM_LENGTH ? `${chars.slice(0, ITEM_LENGTH).join('')}…` : chars.join('');
}

/** Where a missing item is reported: the first line of this year's measures, else the body. */
function anchor(doc: ReportDocument, measures: TextRange | null): TextRange {
  const start = measures?.start ?? doc.body.start;
  const lineEnd = doc.text.indexOf('\n', start);
  return { start, end: lineEnd < 0 ? doc.text.length : lineEnd };
}
