// Kind `pattern`: every candidate found by `find` must have the `valid` shape; a candidate that
// does not is reported with what is wrong (`checks`) and, where it can be derived, the corrected
// form (`suggest`, offered only when it has the valid shape itself).
//
// Options
//   find:    regex for candidates (folded text), usually with named groups
//   valid:   regex the whole candidate must match (anchored for you)
//   checks:  [{ group, pattern, message }]: when the named group (or, without `group`, the whole
//            candidate) matches `pattern`, `message` names the defect; {group names} are filled in
//   suggest: template of the corrected form: {name} is a group, {name|int} the group's digits
//            without leading zeros
//   exceptions: (shared field, applied by the engine) phrases inside which nothing is reported
//
// Example (发文字号): find '(?<agency>\p{Han}{1,6})(?<open>[〔\[(【])(?<year>\d{2,4})…', valid
// '\p{Han}{1,6}〔\d{4}〕[1-9]\d*号', suggest '{agency}〔{year}〕{number|int}号' turns
// "X[2020]5号" into "X〔2020〕5号" and reports "X〔20〕5号" without a suggestion.

import { findPattern } from '../match/find-text.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind, RuleSpec } from '../types.js';
import { problemOutcome } from './shared/outcomes.js';
import { compileRulePattern } from './shared/patterns.js';

interface CheckSpec {
  readonly group?: string;
  readonly pattern: string;
  readonly message: string;
}

interface PatternOptions {
  readonly find: string;
  readonly valid: string;
  readonly checks?: readonly CheckSpec[];
  readonly suggest?: string;
}

interface CompiledShapeCheck {
  readonly group: string | undefined;
  readonly pattern: RegExp;
  readonly message: string;
}

const TEMPLATE_FIELD = /\{(\w+)(\|int)?\}/g;
const NAMED_GROUP = /\(\?<([A-Za-z_$][\w$]*)>/g;

export const patternKind: RuleKind = {
  name: 'pattern',
  description: '凡匹配 find 的写法都须符合 valid 的格式（如发文字号），指出错处并给出改法',
  nature: 'problem',
  options: {
    find: { type: 'string', minLength: 1, description: '候选写法的正则（可含命名分组）' },
    valid: { type: 'string', minLength: 1, description: '规范格式的正则（整体匹配）' },
    checks: {
      type: 'array',
      description: '逐项诊断：分组（或整体）匹配 pattern 时，用 message 说明错处',
      items: {
        type: 'object',
        properties: {
          group: { type: 'string', minLength: 1 },
          pattern: { type: 'string' },
          message: { type: 'string', minLength: 1 },
        },
        required: ['pattern', 'message'],
        additionalProperties: false,
      },
    },
    suggest: { type: 'string', minLength: 1, description: '改正后的写法模板：{分组名}、{分组名|int}' },
  },
  required: ['find', 'valid'],
  messages: {
    invalid: '“{text}”格式不规范：{problems}',
    invalidPlain: '“{text}”格式不规范',
    clean: '格式规范',
    summary: '{count}处格式不规范',
  },
  primaryMessage: 'invalid',
  scoped: true,
  compile(rule, problem, env) {
    const options = rule as RuleSpec & PatternOptions;
    const find = compileRulePattern(options.find, ['find'], problem, env);
    const valid = compileRulePattern(`^(?:${options.valid})$`, ['valid'], problem, env, 'u');
    let ok = find !== null && valid !== null;
    const groups = new Set([...options.find.matchAll(NAMED_GROUP)].map((m) => m[1] as string));
    const checks: CompiledShapeCheck[] = [];
    for (const [i, spec] of (options.checks ?? []).entries()) {
      if (spec.group !== undefined && !groups.has(spec.group)) {
        problem(['checks', i, 'group'], `find 中没有名为“${spec.group}”的分组`);
        ok = false;
      }
      const pattern = compileRulePattern(spec.pattern, ['checks', i, 'pattern'], problem, env, 'u');
      if (pattern) checks.push({ group: spec.group, pattern, message: spec.message });
      else ok = false;
    }
    for (const field of (options.suggest ?? '').matchAll(TEMPLATE_FIELD)) {
      if (!groups.has(field[1] as string)) {
        problem(['suggest'], `find 中没有名为“${field[1]}”的分组`);
        ok = false;
      }
    }
    return ok && find && valid ? new PatternCheck(options, find, valid, checks) : null;
  },
};

class PatternCheck implements CompiledCheck {
  private readonly single: RegExp; // `find` without the g flag, to read one candidate's groups

  constructor(
    private readonly options: RuleSpec & PatternOptions,
    private readonly find: RegExp,
    private readonly valid: RegExp,
    private readonly checks: readonly CompiledShapeCheck[],
  ) {
    this.single = new RegExp(find.source, 'u');
  }

  check(context: CheckContext): CheckOutcome {
    const { doc, ranges } = context;
    const findings: RawFinding[] = [];
    for (const match of findPattern(doc, ranges, this.find)) {
      const folded = doc.folded.text.slice(
        doc.folded.fromOriginal[match.start] ?? 0,
        doc.folded.fromOriginal[match.end] ?? 0,
      );
      if (match.end <= match.start || this.valid.test(folded)) continue;
      const groups = this.namedGroups(folded);
      const problems = this.checks
        .filter((check) =>
          check.pattern.test(check.group === undefined ? folded : (groups[check.group] ?? '')),
        )
        .map((check) => fillFields(check.message, groups));
      const suggestion = this.suggestion(groups);
      findings.push({
        start: match.start,
        end: match.end,
        messageId: problems.length > 0 ? 'invalid' : 'invalidPlain',
        data: {
          text: match.text,
          problems: [...new Set(problems)].join('；'),
        },
        suggestion,
      });
    }
    return problemOutcome(context, findings);
  }

  /** Named groups of the candidate (re-matched on its own text; absent groups are ''). */
  private namedGroups(folded: string): Record<string, string> {
    const groups = this.single.exec(folded)?.groups ?? {};
    return Object.fromEntries(Object.entries(groups).map(([name, value]) => [name, value ?? '']));
  }

  private suggestion(groups: Record<string, string>): string | null {
    if (!this.options.suggest) return null;
    const text = fillFields(this.options.suggest, groups);
    return this.valid.test(text) ? text : null;
  }
}

function fillFields(template: string, groups: Record<string, string>): string {
  return template.replace(TEMPLATE_FIELD, (_, name: string, int: string | undefined) => {
    const value = groups[name] ?? '';
    return int ? value.replace(/^0+(?=\d)/, '') : value;
  });
}
