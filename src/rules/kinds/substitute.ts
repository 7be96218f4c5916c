// Kind `substitute`: a wrong or non-standard wording with the right one to use instead.
// A correct phrase that happens to contain the wrong text is never reported: an occurrence inside
// an occurrence of its own `right` text, or inside an exception, is skipped; context that decides
// (截止 only before a date) goes into a `pattern` with lookarounds.
//
// Options
//   swap:   { wrong: right } for literal wrongs
//   items:  [{ wrong | pattern, right, note, level, exceptions, years }]; `pattern` is a regex on
//           the folded text and `right` may use its groups as $1…$9; `level` lowers or raises one
//           item (e.g. info for a merely preferred term); `years` limits an item to reports of those
//           years (法制宣传 became 法治宣传 with the 2016 普法 plan; unknown year: not reported)
//   match:  'text' (default: substring) or 'word' (literal wrongs: whole words by segmentation)
//   exceptions: (shared field, applied by the engine) phrases inside which nothing is reported
//
// Example: items [{ pattern: '截止(?=\d{4}年|目前)', right: 截至 }] reports "截止2021年1月" and
// "截止目前", never "申报截止日期".

import type { Level } from '../../shared/levels.js';
import { LEVELS } from '../../shared/levels.js';
import { inYearSpan, YEAR_SPAN_SCHEMA, type YearSpan } from '../../shared/year-span.js';
import { findPattern, findTerm, type TextMatch } from '../match/find-text.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind, RuleSpec } from '../types.js';
import { problemOutcome } from './shared/outcomes.js';
import { compileRulePattern } from './shared/patterns.js';
import { Containers, dropOverlaps } from './shared/ranges.js';

interface ItemSpec {
  readonly wrong?: string;
  readonly pattern?: string;
  readonly right: string;
  readonly note?: string;
  readonly level?: Level;
  readonly exceptions?: readonly string[];
  readonly years?: YearSpan;
}

interface SubstituteOptions {
  readonly swap?: Readonly<Record<string, string>>;
  readonly items?: readonly ItemSpec[];
  readonly match?: 'text' | 'word';
}

interface Item {
  readonly wrong?: string;
  readonly pattern?: RegExp;
  readonly right: string;
  readonly note: string | undefined;
  readonly level: Level | undefined;
  readonly exceptions: readonly string[];
  readonly years?: YearSpan | undefined;
}

const GROUP_REFERENCE = /\$(\d)/g;
const HAS_GROUP_REFERENCE = /\$\d/;

export const substituteKind: RuleKind = {
  name: 'substitute',
  description: '错误或不规范的用语及其规范写法（给出修改建议）',
  nature: 'problem',
  options: {
    swap: {
      type: 'object',
      additionalProperties: { type: 'string', minLength: 1 },
      description: '错误写法 → 规范写法（字面）',
    },
    items: {
      type: 'array',
      description: '逐条：wrong（字面）或 pattern（正则）→ right',
      items: {
        type: 'object',
        properties: {
          wrong: { type: 'string', minLength: 1 },
          pattern: { type: 'string', minLength: 1 },
          right: { type: 'string', minLength: 1, description: '规范写法；pattern 时可用 $1…$9' },
          note: { type: 'string', description: '说明（附在提示后）' },
          level: { enum: LEVELS, description: '本条的级别（默认同规则）' },
          exceptions: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: '本条的例外写法',
          },
          years: { ...YEAR_SPAN_SCHEMA, description: '本条只用于这些年度的报告（年度不明时不报）' },
        },
        required: ['right'],
        additionalProperties: false,
      },
    },
    match: { enum: ['text', 'word'], description: 'text：子串匹配（默认）；word：按分词整词匹配' },
  },
  messages: {
    found: '“{wrong}”应为“{right}”{note}',
    clean: '用语规范',
    summary: '{count}处用语不规范',
  },
  primaryMessage: 'found',
  scoped: true,
  wordTerms(rule) {
    const options = rule as RuleSpec & SubstituteOptions;
    if (options.match !== 'word') return [];
    return [
      ...Object.keys(options.swap ?? {}),
      ...(options.items ?? []).flatMap((item) => (item.wrong ? [item.wrong] : [])),
    ];
  },
  compile(rule, problem, env) {
    const options = rule as RuleSpec & SubstituteOptions;
    let ok = true;
    const items: Item[] = Object.entries(options.swap ?? {}).map(([wrong, right]) => ({
      wrong,
      right,
      note: undefined,
      level: undefined,
      exceptions: [],
    }));
    for (const [i, spec] of (options.items ?? []).entries()) {
      const base = {
        right: spec.right,
        note: spec.note,
        level: spec.level,
        exceptions: spec.exceptions ?? [],
        years: spec.years,
      };
      if ((spec.pattern === undefined) === (spec.wrong === undefined)) {
        problem(['items', i], '每条须给出 wrong 或 pattern 之一（不能都给，也不能都不给）');
        ok = false;
        continue;
      }
      if (spec.pattern !== undefined) {
        const pattern = compileRulePattern(spec.pattern, ['items', i, 'pattern'], problem, env);
        if (pattern) items.push({ ...base, pattern });
        else ok = false;
      } else if (spec.wrong !== undefined) {
        if (spec.right === spec.wrong) {
          problem(['items', i, 'right'], 'right 与 wrong 相同');
          ok = false;
        } else {
          items.push({ ...base, wrong: spec.wrong });
        }
      }
    }
    if (items.length === 0 && ok) {
      problem([], 'substitute 规则须至少给出 swap 或 items 之一');
      ok = false;
    }
    return ok ? new SubstituteCheck(options, items) : null;
  },
};

class SubstituteCheck implements CompiledCheck {
  constructor(
    private readonly options: RuleSpec & SubstituteOptions,
    private readonly items: readonly Item[],
  ) {}

  check(context: CheckContext): CheckOutcome {
    const { doc, ranges } = context;
    const words = this.options.match === 'word' ? context.words : null;
    const hits: Array<TextMatch & { item: Item }> = [];
    const year = doc.identity.year;
    for (const item of this.items) {
      if (item.years && (year === null || !inYearSpan(item.years, year))) continue;
      const matches = item.wrong
        ? findTerm(doc, ranges, item.wrong, words)
        : findPattern(doc, ranges, item.pattern as RegExp);
      if (matches.length === 0) continue;
      // Correct uses that contain the wrong text: the right form itself (when literal) and exceptions.
      const allowed = new Containers([
        ...(HAS_GROUP_REFERENCE.test(item.right) ? [] : findTerm(doc, ranges, item.right, null)),
        ...item.exceptions.flatMap((text) => findTerm(doc, ranges, text, null)),
      ]);
      for (const match of matches) {
        if (match.end > match.start && !allowed.contains(match)) hits.push({ ...match, item });
      }
    }
    const findings: RawFinding[] = dropOverlaps(hits).map((hit) => {
      const right = hit.item.right.replace(
        GROUP_REFERENCE,
        (_, n: string) => hit.groups[Number(n) - 1] ?? '',
      );
      return {
        start: hit.start,
        end: hit.end,
        messageId: 'found',
        data: {
          wrong: hit.text,
          right,
          note: hit.item.note ? `（${hit.item.note}）` : '',
        },
        suggestion: right,
        ...(hit.item.level ? { level: hit.item.level } : {}),
      };
    });
    return problemOutcome(context, findings);
  }
}
