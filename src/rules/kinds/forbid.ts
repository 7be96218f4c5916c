// Kind `forbid`: wording that must not appear (placeholders, watermarks, obsolete names, relative
// time words). One finding per occurrence; overlapping matches count once (the longest).
//
// Options
//   terms:      literal terms; each a string or { text, suggestion, note }
//   patterns:   regexes (JavaScript, u flag, run on the folded text); each a string or
//               { pattern, suggestion, note, word }: with word: true a match counts only where it
//               starts and ends on word boundaries (工作工作 is a repeat; 党组织组织生活会 is
//               党组织 + 组织生活会)
//   match:      'text' (default: substring) or 'word' (terms only: whole words by segmentation)
//   unless:     a regex for the text just before an occurrence (same line, up to 20 characters,
//               anchored at its end): when it matches, the occurrence is allowed (原 before 法制办)
//   unlessTitle: a regex for the document's title: when it matches, nothing is reported (今年 in a
//               half-year summary, 上半年工作总结, is right)
//   suggestion: default suggestion; {year}, {previousYear}, {nextYear} are filled in (a suggestion
//               that needs the year is not given when the year is unknown)
//   exceptions: (shared field, applied by the engine) phrases inside which nothing is reported
//
// Example: terms [法制办] with unless '原' reports "区法制办牵头" but not "原区法制办".

import { foldString } from '../../text/fold-text.js';
import { findPattern, findTerm, type TextMatch } from '../match/find-text.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind, RuleSpec } from '../types.js';
import { problemOutcome } from './shared/outcomes.js';
import { compileRulePattern } from './shared/patterns.js';
import { dropOverlaps } from './shared/ranges.js';
import { fillYearText } from './shared/year-patterns.js';

interface TermSpec {
  readonly text: string;
  readonly suggestion?: string;
  readonly note?: string;
}

interface PatternSpec {
  readonly pattern: string;
  readonly suggestion?: string;
  readonly note?: string;
  readonly word?: boolean;
}

interface ForbidOptions {
  readonly terms?: ReadonlyArray<string | TermSpec>;
  readonly patterns?: ReadonlyArray<string | PatternSpec>;
  readonly match?: 'text' | 'word';
  readonly unless?: string;
  readonly unlessTitle?: string;
  readonly suggestion?: string;
}

interface Item {
  readonly term?: string;
  readonly pattern?: RegExp;
  readonly suggestion: string | undefined;
  readonly note: string | undefined;
  readonly word?: boolean;
}

const UNLESS_WINDOW = 20;

const annotated = (key: 'text' | 'pattern') => ({
  oneOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      properties: {
        [key]: { type: 'string', minLength: 1 },
        suggestion: { type: 'string', description: '建议写法' },
        note: { type: 'string', description: '附在提示后的说明' },
        ...(key === 'pattern'
          ? { word: { type: 'boolean', description: '只在匹配的首尾都是词的边界时报告（按分词）' } }
          : {}),
      },
      required: [key],
      additionalProperties: false,
    },
  ],
});

export const forbidKind: RuleKind = {
  name: 'forbid',
  description: '不应出现的词语或模式：模板占位符、水印、过时机构名称等，逐处报告',
  nature: 'problem',
  options: {
    terms: { type: 'array', items: annotated('text'), description: '不应出现的词语（字面）' },
    patterns: {
      type: 'array',
      items: annotated('pattern'),
      description: '不应出现的正则（在折叠文本上匹配）',
    },
    match: { enum: ['text', 'word'], description: 'text：子串匹配（默认）；word：按分词整词匹配' },
    unless: { type: 'string', minLength: 1, description: '出现处前文（同一行）以此正则结尾时不报告' },
    unlessTitle: { type: 'string', minLength: 1, description: '文件标题匹配此正则时整条规则不报告' },
    suggestion: { type: 'string', description: '默认建议写法，可用 {year} {previousYear} {nextYear}' },
  },
  messages: {
    found: '不应出现“{text}”{note}',
    clean: '未发现',
    summary: '发现{count}处',
  },
  primaryMessage: 'found',
  scoped: true,
  wordTerms(rule) {
    const options = rule as RuleSpec & ForbidOptions;
    if (options.match !== 'word') return [];
    return (options.terms ?? []).map((term) => (typeof term === 'string' ? term : term.text));
  },
  compile(rule, problem, env) {
    const options = rule as RuleSpec & ForbidOptions;
    let ok = true;
    const items: Item[] = [];
    for (const term of options.terms ?? []) {
      const spec = typeof term === 'string' ? { text: term } : term;
      items.push({ term: spec.text, suggestion: spec.suggestion, note: spec.note });
    }
    for (const [i, entry] of (options.patterns ?? []).entries()) {
      const spec = typeof entry === 'string' ? { pattern: entry } : entry;
      const path = typeof entry === 'string' ? ['patterns', i] : ['patterns', i, 'pattern'];
      const pattern = compileRulePattern(spec.pattern, path, problem, env);
      if (pattern)
        items.push({
          pattern,
          suggestion: spec.suggestion,
          note: spec.note,
          word: 'word' in spec && spec.word === true,
        });
      else ok = false;
    }
    if (items.length === 0 && ok) {
      problem([], 'forbid 规则须至少给出 terms 或 patterns 之一');
      ok = false;
    }
    let unless: RegExp | null = null;
    if (options.unless !== undefined) {
      unless = compileRulePattern(`(?:${options.unless})$`, ['unless'], problem, env, 'u');
      if (!unless) ok = false;
    }
    let unlessTitle: RegExp | null = null;
    if (options.unlessTitle !== undefined) {
      unlessTitle = compileRulePattern(options.unlessTitle, ['unlessTitle'], problem, env, 'u');
      if (!unlessTitle) ok = false;
    }
    return ok ? new ForbidCheck(options, items, unless, unlessTitle) : null;
  },
};

class ForbidCheck implements CompiledCheck {
  constructor(
    private readonly options: RuleSpec & ForbidOptions,
    private readonly items: readonly Item[],
    private readonly unless: RegExp | null,
    private readonly unlessTitle: RegExp | null,
  ) {}

  check(context: CheckContext): CheckOutcome {
    const { doc, ranges } = context;
    const title = doc.identity.title;
    if (this.unlessTitle && title && this.unlessTitle.test(foldString(title)))
      return problemOutcome(context, []);
    const words = this.options.match === 'word' ? context.words : null;
    const hits: Array<TextMatch & { item: Item }> = [];
    for (const item of this.items) {
      const matches = item.term
        ? findTerm(doc, ranges, item.term, words)
        : findPattern(doc, ranges, item.pattern as RegExp);
      for (const match of matches) {
        if (match.end <= match.start || this.allowedByContext(context, match)) continue;
        if (item.word && !isWholeWords(context, match)) continue;
        hits.push({ ...match, item });
      }
    }
    const findings: RawFinding[] = dropOverlaps(hits).map((hit) => {
      const suggestion = hit.item.suggestion ?? this.options.suggestion;
      return {
        start: hit.start,
        end: hit.end,
        messageId: 'found',
        data: {
          text: hit.text,
          note: hit.item.note ? `（${hit.item.note}）` : '',
        },
        suggestion: suggestion === undefined ? null : filledOrNull(suggestion, doc.identity.year),
      };
    });
    return problemOutcome(context, findings);
  }

  private allowedByContext(context: CheckContext, match: TextMatch): boolean {
    if (!this.unless) return false;
    const folded = context.doc.folded;
    const at = folded.fromOriginal[match.start] ?? 0;
    const before = folded.text.slice(Math.max(0, at - UNLESS_WINDOW), at);
    return this.unless.test(before.slice(before.lastIndexOf('\n') + 1));
  }
}

/** The suggestion with the year filled in; null when it needs the year and the year is unknown. */
function filledOrNull(suggestion: string, year: number | null): string | null {
  const filled = fillYearText(suggestion, year);
  return /\{(year|nextYear|previousYear)\}/.test(filled) ? null : filled;
}

/** Whether a match starts and ends on word boundaries of the folded text. */
function isWholeWords(context: CheckContext, match: TextMatch): boolean {
  const { fromOriginal } = context.doc.folded;
  return context.words.isWordAt(fromOriginal[match.start] ?? 0, fromOriginal[match.end] ?? 0);
}
