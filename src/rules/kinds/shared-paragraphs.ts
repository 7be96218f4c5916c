// Kind `shared-paragraphs`: paragraphs that appear, near-verbatim, in the reports of several units
// of one batch — a template passed around. It compares documents with each other, so it runs
// after every file of a batch is checked (src/pipeline/compare-batch.ts): each file keeps only a
// MinHash signature per long paragraph; signatures are bucketed by LSH bands, candidate pairs from
// different units compared, and groups formed. A single report has nothing to compare with.
//
// Options
//   minChars:   shortest paragraph compared, in Han characters (default 50)
//   similarity: estimated Jaccard similarity of two paragraphs' shingles that makes them the
//               same paragraph (default 0.6)
//
// Example: three 乡镇 whose “存在的不足” paragraphs differ only in the town's name.

import type { CheckOutcome, CompiledCheck, RuleKind, RuleSpec } from '../types.js';
import { MIN_CHARS_OPTION } from './shared/copied-paragraphs.js';

interface SharedParagraphsOptions {
  readonly minChars?: number;
  readonly similarity?: number;
}

/** The options of a shared-paragraphs rule, with defaults. */
export function sharedParagraphsOptions(rule: RuleSpec): Required<SharedParagraphsOptions> {
  const options = rule as RuleSpec & SharedParagraphsOptions;
  return { minChars: options.minChars ?? 50, similarity: options.similarity ?? 0.6 };
}

export const sharedParagraphsKind: RuleKind = {
  name: 'shared-paragraphs',
  description: '同一批报告中多家单位基本相同的段落（相互套用的模板），逐段列出共用的单位',
  nature: 'problem',
  scoped: false,
  exceptions: false,
  acrossBatch: true,
  options: {
    minChars: MIN_CHARS_OPTION,
    similarity: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1,
      description: '两段文字片段的相似度达到多少视为同一段，默认 0.6',
    },
  },
  messages: {
    shared: '本段与{units}的报告基本相同（{count}家单位共用）',
    clean: '没有与其他单位相同的段落',
    summary: '{count}段与其他单位的报告基本相同',
  },
  compile() {
    return new NotAlone();
  },
};

/** The per-document check: never run by the engine, which skips batch-only kinds. */
class NotAlone implements CompiledCheck {
  check(): CheckOutcome {
    return { fraction: 1, messageId: 'clean', findings: [], skip: true };
  }
}
