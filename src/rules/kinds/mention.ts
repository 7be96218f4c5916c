// Kind `mention`: terms that must appear, optionally inside a section.
//
// Options
//   items:    what must be mentioned; each a term, or { name, terms, patterns, minHits } where any
//             term (as a whole word) or pattern counts; with minHits N, at least N different terms
//             or patterns of the item must occur (a keyword bank: a task is covered by ≥ 2 hits)
//   minHits:  default minHits of every item (default 1)
//   require:  'all' (default), 'any', or a number N (at least N items); partial credit is the
//             share found (all), or found / N
//   match:    'word' (default: whole words by jieba segmentation) or 'text' (substring)
//   umbrella: { terms, credit } — a collective term (三项制度) that earns at least `credit`
//             when fewer items are named
//   elsewhere: { in, credit } — items named only in the parts `in` (section rule ids, e.g. a system
//             named as a shortcoming: done, but with gaps) earn at most `credit`, with a message
//             saying where they stand
//   item.underUmbrella: patterns that count for the item only where the umbrella term is named
//             too (after “落实三项制度”, “公示行政处罚信息” tells how the 公示 system was done;
//             on its own it does not name the system)
//
// Example: items [执法公示, 全过程记录, 法制审核] gives 2/3 for a report that names only the first two.

import type { MessageData } from '../../shared/results.js';
import type { TextRange } from '../../text/text-range.js';
import { findPattern, findTerm, type TextMatch } from '../match/find-text.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RuleKind, RuleSpec } from '../types.js';
import { listText } from './shared/outcomes.js';
import { compileRulePatterns } from './shared/patterns.js';
import { anchorOf } from './shared/ranges.js';
import {
  checkRequire,
  coverageMessageId,
  REQUIRE_OPTION_SCHEMA,
  type RequireOption,
  requiredCount,
} from './shared/require.js';

interface ItemSpec {
  readonly name: string;
  readonly terms?: readonly string[];
  readonly patterns?: readonly string[];
  readonly underUmbrella?: readonly string[];
  readonly minHits?: number;
}

interface MentionOptions {
  readonly items: ReadonlyArray<string | ItemSpec>;
  readonly require?: RequireOption;
  readonly match?: 'word' | 'text';
  readonly umbrella?: { readonly terms: readonly string[]; readonly credit: number };
  readonly elsewhere?: { readonly in: readonly string[]; readonly credit: number };
  readonly minHits?: number;
}

interface CompiledItem {
  readonly name: string;
  readonly terms: readonly string[];
  readonly patterns: readonly RegExp[];
  readonly underUmbrella: readonly RegExp[];
  readonly minHits: number;
}

export const mentionKind: RuleKind = {
  name: 'mention',
  description: '必须提及的事项：全部、任一或至少 N 项，按提及比例给分',
  nature: 'requirement',
  scoped: true,
  primaryMessage: 'missing',
  options: {
    items: {
      type: 'array',
      minItems: 1,
      description: '须提及的事项：一个词，或 {name, terms, patterns}',
      items: {
        oneOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            properties: {
              name: { type: 'string', minLength: 1 },
              terms: { type: 'array', items: { type: 'string', minLength: 1 } },
              patterns: { type: 'array', items: { type: 'string', minLength: 1 } },
              minHits: { type: 'integer', minimum: 1, description: '至少命中几个不同的词或正则' },
              underUmbrella: {
                type: 'array',
                items: { type: 'string', minLength: 1 },
                description: '只在也写到总称（umbrella）时才算数的正则',
              },
            },
            required: ['name'],
            additionalProperties: false,
          },
        ],
      },
    },
    require: REQUIRE_OPTION_SCHEMA,
    match: { enum: ['word', 'text'], description: 'word：按分词整词匹配（默认）；text：子串匹配' },
    minHits: { type: 'integer', minimum: 1, description: '每个事项默认至少命中几个不同的词或正则（默认 1）' },
    umbrella: {
      type: 'object',
      properties: {
        terms: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        credit: { type: 'number', minimum: 0, maximum: 1 },
      },
      required: ['terms', 'credit'],
      additionalProperties: false,
      description: '总称（如“三项制度”）至少得到的分数比例',
    },
    elsewhere: {
      type: 'object',
      properties: {
        in: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          minItems: 1,
          description: 'section 规则 id',
        },
        credit: { type: 'number', minimum: 0, maximum: 1 },
      },
      required: ['in', 'credit'],
      additionalProperties: false,
      description: '只在这些部分（如“存在的不足”）提到时得到的分数比例',
    },
  },
  required: ['items'],
  messages: {
    allFound: '均已提及：{found}',
    enoughFound: '已提及{count}项：{found}',
    missing: '未提及：{missing}',
    someMissing: '已提及{found}；未提及{missing}',
    tooFew: '只提及{count}项（{found}），至少需要{required}项',
    noneOfAtLeast: '未提及任何一项，至少需要{required}项（如{missing}）',
    umbrellaOnly: '只笼统提到“{umbrella}”，未分别写明{missing}',
    onlyElsewhere: '{elsewhere}只在{parts}中提到，未写明落实情况',
  },
  references(rule) {
    const parts = (rule as RuleSpec & MentionOptions).elsewhere?.in ?? [];
    return parts.map((id, i) => ({ id, path: ['elsewhere', 'in', i] }));
  },
  wordTerms(rule) {
    const options = rule as RuleSpec & MentionOptions;
    if (options.match === 'text') return [];
    const items = options.items.flatMap((item) => (typeof item === 'string' ? [item] : (item.terms ?? [])));
    return [...items, ...(options.umbrella?.terms ?? [])];
  },
  compile(rule, problem, env) {
    const options = rule as RuleSpec & MentionOptions;
    let ok = true;
    const items: CompiledItem[] = options.items.map((item, i) => {
      if (typeof item === 'string')
        return { name: item, terms: [item], patterns: [], underUmbrella: [], minHits: 1 };
      const patterns = compileRulePatterns(item.patterns, ['items', i, 'patterns'], problem, env) ?? [];
      if (patterns.length !== (item.patterns ?? []).length) ok = false;
      const underUmbrella =
        compileRulePatterns(item.underUmbrella, ['items', i, 'underUmbrella'], problem, env) ?? [];
      if (underUmbrella.length !== (item.underUmbrella ?? []).length) ok = false;
      if (underUmbrella.length > 0 && !options.umbrella) {
        problem(['items', i, 'underUmbrella'], 'underUmbrella 须与 umbrella 一起使用');
        ok = false;
      }
      if ((item.terms ?? []).length === 0 && (item.patterns ?? []).length === 0) {
        problem(['items', i], '事项须至少给出 terms 或 patterns 之一');
        ok = false;
      }
      const minHits = item.minHits ?? options.minHits ?? 1;
      const listed = (item.terms ?? []).length + (item.patterns ?? []).length;
      if (listed > 0 && minHits > listed) {
        problem(['items', i, 'minHits'], `minHits 为 ${minHits}，但该事项只有 ${listed} 个词或正则`);
        ok = false;
      }
      return { name: item.name, terms: item.terms ?? [], patterns, underUmbrella, minHits };
    });
    if (!checkRequire(options.require, items.length, problem)) ok = false;
    return ok ? new MentionCheck(options, items) : null;
  },
};

class MentionCheck implements CompiledCheck {
  constructor(
    private readonly options: MentionOptions,
    private readonly items: readonly CompiledItem[],
  ) {}

  check(context: CheckContext): CheckOutcome {
    const found: Array<{ item: CompiledItem; match: TextMatch }> = [];
    const missing: CompiledItem[] = [];
    let umbrella: TextMatch | null | undefined;
    for (const item of this.items) {
      let matches = this.matchesPerKeyword(context, item.terms, item.patterns, item.minHits);
      if (matches.length < item.minHits && item.underUmbrella.length > 0) {
        umbrella ??= this.umbrellaMatch(context);
        if (umbrella)
          matches = this.matchesPerKeyword(
            context,
            item.terms,
            [...item.patterns, ...item.underUmbrella],
            item.minHits,
          );
      }
      const first = matches[0];
      if (first && matches.length >= item.minHits) found.push({ item, match: first });
      else missing.push(item);
    }
    const evidence = found.map(({ item, match }) => ({
      start: match.start,
      end: match.end,
      label: item.name,
    }));
    const data = {
      found: listText(found.map(({ item }) => item.name)),
      missing: listText(missing.map((item) => item.name)),
      count: found.length,
      total: this.items.length,
      required: this.requiredCount(),
    };
    const fraction = Math.min(1, found.length / this.requiredCount());
    if (fraction < 1) {
      umbrella ??= this.umbrellaMatch(context);
      const credit = this.options.umbrella?.credit ?? 0;
      if (umbrella && credit > fraction)
        return this.outcome(
          context,
          credit,
          'umbrellaOnly',
          { ...data, umbrella: umbrella.text },
          evidence,
          umbrella,
        );
    }
    const outside = fraction < 1 ? this.foundOutside(context, missing) : [];
    const elsewhereCredit =
      (this.options.elsewhere?.credit ?? 0) *
      Math.min(1, (found.length + outside.length) / this.requiredCount());
    if (outside.length > 0 && elsewhereCredit > fraction) {
      const first = outside[0] as { item: CompiledItem; match: TextMatch };
      return this.outcome(
        context,
        elsewhereCredit,
        'onlyElsewhere',
        { ...data, elsewhere: listText(outside.map(({ item }) => item.name)), parts: '其他部分' },
        evidence,
        first.match,
      );
    }
    const messageId = coverageMessageId(this.options.require, found.length, this.requiredCount());
    return this.outcome(context, fraction, messageId, data, evidence, null);
  }

  /** The missing items named outside the scope, when the rule gives them credit there. */
  private foundOutside(
    context: CheckContext,
    missing: readonly CompiledItem[],
  ): Array<{ item: CompiledItem; match: TextMatch }> {
    const parts = (this.options.elsewhere?.in ?? [])
      .map((id) => context.sections.get(id))
      .filter((part): part is NonNullable<typeof part> => part !== undefined)
      .sort((a, b) => a.start - b.start);
    if (parts.length === 0) return [];
    const ranges = context.body
      .flatMap((line) =>
        parts.map((part) => ({ start: Math.max(line.start, part.start), end: Math.min(line.end, part.end) })),
      )
      .filter((range) => range.end > range.start)
      .sort((a, b) => a.start - b.start);
    const outside: Array<{ item: CompiledItem; match: TextMatch }> = [];
    for (const item of missing) {
      const match = this.matchesPerKeyword(context, item.terms, item.patterns, 1, ranges)[0];
      if (match) outside.push({ item, match });
    }
    return outside;
  }

  private outcome(
    context: CheckContext,
    fraction: number,
    messageId: string,
    data: MessageData,
    evidence: CheckOutcome['evidence'],
    at: TextRange | null,
  ): CheckOutcome {
    if (fraction >= 1) return { fraction, messageId, data, findings: [], evidence };
    // Where the items found are, the missing ones belong beside them; else where the scope's content begins.
    const found = evidence?.[0];
    const anchor =
      at ?? (found ? { start: found.start, end: found.end } : anchorOf(context.doc, context.ranges));
    return {
      fraction,
      messageId,
      data,
      findings: [{ start: anchor.start, end: anchor.end, messageId, data }],
      evidence,
    };
  }

  private requiredCount(): number {
    return requiredCount(this.options.require, this.items.length);
  }

  /**
   * The first occurrence of each term and pattern that occurs, earliest first; the search stops
   * once `enough` keywords were found (the item is then met, and the rest cannot change that).
   */
  private matchesPerKeyword(
    context: CheckContext,
    terms: readonly string[],
    patterns: readonly RegExp[],
    enough = Number.POSITIVE_INFINITY,
    ranges: readonly TextRange[] = context.ranges,
  ): TextMatch[] {
    const words = this.options.match === 'text' ? null : context.words;
    const matches: TextMatch[] = [];
    for (const term of terms) {
      if (matches.length >= enough) break;
      matches.push(...findTerm(context.doc, ranges, term, words, 1));
    }
    for (const pattern of patterns) {
      if (matches.length >= enough) break;
      matches.push(...findPattern(context.doc, ranges, pattern, 1));
    }
    return matches.sort((a, b) => a.start - b.start);
  }

  private umbrellaMatch(context: CheckContext): TextMatch | null {
    return this.options.umbrella
      ? (this.matchesPerKeyword(context, this.options.umbrella.terms, [])[0] ?? null)
      : null;
  }
}
