// Kind `copied-text`: paragraphs copied from last year's report of the same unit (--previous),
// near-verbatim: a paragraph of at least `minChars` Han characters whose 8-character shingles are
// mostly (`threshold`) found in last year's text. Figures, punctuation and spaces are ignored, so
// a paragraph with this year's numbers put into last year's sentences still counts as copied.
// Every copied paragraph is a finding; the result gives the share of the report they make up.
//
// Options
//   minChars:  shortest paragraph compared, in Han characters (default 50)
//   threshold: share of a paragraph's shingles found in last year's report (default 0.8)
//
// Example: a 2023 report whose "二、存在的不足" repeats the 2022 report's paragraphs word for word.

import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind, RuleSpec } from '../types.js';
import { type CopyOptions, copiedParagraphs, MIN_CHARS_OPTION } from './shared/copied-paragraphs.js';

interface CopiedTextOptions {
  readonly minChars?: number;
  readonly threshold?: number;
}

/** Defaults shared with the kinds that leave copied paragraphs aside. */
export const COPY_DEFAULTS: CopyOptions = { minChars: 50, threshold: 0.8 };

export const copiedTextKind: RuleKind = {
  name: 'copied-text',
  description: '与上一年度报告基本相同的段落（按汉字片段比较），及其占全文的比例',
  nature: 'problem',
  scoped: false,
  exceptions: false,
  needsPrevious: true,
  options: {
    minChars: MIN_CHARS_OPTION,
    threshold: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1,
      description: '段落中有多大比例的片段见于上一年度报告即视为照抄，默认 0.8',
    },
  },
  messages: {
    copied: '本段与上一年度报告基本相同（全文约{share}%的文字与上年相同）',
    clean: '没有与上一年度报告相同的段落',
    summary: '{count}段、约{share}%的文字与上一年度报告基本相同',
  },
  compile(rule) {
    const options = rule as RuleSpec & CopiedTextOptions;
    return new CopiedTextCheck({
      minChars: options.minChars ?? COPY_DEFAULTS.minChars,
      threshold: options.threshold ?? COPY_DEFAULTS.threshold,
    });
  },
};

class CopiedTextCheck implements CompiledCheck {
  constructor(private readonly options: CopyOptions) {}

  check(context: CheckContext): CheckOutcome {
    const previous = context.previous;
    if (!previous) return { fraction: 1, messageId: 'clean', findings: [], skip: true };
    const { copied, han, copiedHan } = copiedParagraphs(context.doc, previous.doc, this.options);
    if (copied.length === 0) return { fraction: 1, messageId: 'clean', findings: [] };
    const share = Math.round((100 * copiedHan) / Math.max(1, han));
    const findings: RawFinding[] = copied.map((item) => ({
      start: item.paragraph.start,
      end: item.paragraph.end,
      messageId: 'copied',
      data: { share, paragraphShare: Math.round(100 * item.share), previousLine: item.previousLine },
    }));
    return { fraction: 0, messageId: 'summary', data: { count: copied.length, share }, findings };
  }
}
