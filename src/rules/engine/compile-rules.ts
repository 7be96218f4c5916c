// Validated rule specs → compiled rules, once per run. Kinds check their own options here, so
// nothing is validated inside the per-document loop.

import { RULE_KINDS } from '../kinds/index.js';
import type { CompiledRule, RuleSpec } from '../types.js';

/** A rule spec and the pack file it came from. */
export interface SourcedRule {
  readonly spec: RuleSpec;
  readonly source: string;
  readonly index: number; // position in the pack's `rules` list
  readonly builtin?: boolean; // shipped with fzcheck: trusted, runs without a time limit
}

/** A problem with a rule, located by its path inside the pack file. */
export interface RuleProblem {
  readonly source: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Compiled rules in declaration order, and the order they must run in. */
export interface RuleSet {
  readonly rules: readonly CompiledRule[];
  readonly runOrder: readonly number[]; // indexes into rules: sections before the rules scoped to them
}

/** What compiling rules gives: the rule set, problems that stop a run, warnings that do not. */
export interface CompiledRules {
  readonly ruleSet: RuleSet;
  readonly problems: RuleProblem[];
  readonly warnings: RuleProblem[];
}

/** Compiles rules; returns every problem found rather than stopping at the first. */
export function compileRules(sourced: readonly SourcedRule[]): CompiledRules {
  const problems: RuleProblem[] = [];
  const warnings: RuleProblem[] = [];
  const compiled: CompiledRule[] = [];
  const seen = new Map<string, SourcedRule>();
  for (const entry of sourced) {
    const { spec, source, index } = entry;
    const report = (path: readonly (string | number)[], message: string) =>
      problems.push({ source, path: ['rules', index, ...path], message });
    const warn = (path: readonly (string | number)[], message: string) =>
      warnings.push({ source, path: ['rules', index, ...path], message });
    if (seen.has(spec.id)) {
      report(['id'], `规则 id “${spec.id}” 重复（已在 ${seen.get(spec.id)?.source} 中定义）`);
      continue;
    }
    seen.set(spec.id, entry);
    const kind = RULE_KINDS.get(spec.kind);
    if (!kind) {
      report(['kind'], `未知的规则类型“${spec.kind}”，可用：${[...RULE_KINDS.keys()].join('、')}`);
      continue;
    }
    const untrusted = entry.builtin !== true;
    const check = kind.compile(spec, report, { warn, untrusted });
    if (check) compiled.push({ spec, kind, check, source, guarded: untrusted });
  }
  for (const rule of compiled) {
    for (const dependency of dependenciesOf(rule.spec)) {
      if (!seen.has(dependency.id)) {
        const entry = seen.get(rule.spec.id);
        problems.push({
          source: rule.source,
          path: ['rules', entry?.index ?? 0, ...dependency.path],
          message: `引用了不存在的规则“${dependency.id}”`,
        });
      }
    }
  }
  const runOrder = orderByDependencies(compiled, problems).map((rule) => compiled.indexOf(rule));
  return { ruleSet: { rules: compiled, runOrder }, problems, warnings };
}

/** Ids of other rules a rule reads the located sections of, with where they are named. */
function dependenciesOf(spec: RuleSpec): Array<{ id: string; path: (string | number)[] }> {
  const result: Array<{ id: string; path: (string | number)[] }> = [];
  if (spec.scope && typeof spec.scope === 'object')
    result.push({ id: spec.scope.section, path: ['scope', 'section'] });
  for (const key of ['others', 'placeBefore', 'order'] as const) {
    const ids = spec[key];
    if (!Array.isArray(ids)) continue;
    for (const [i, id] of ids.entries()) result.push({ id: String(id), path: [key, i] });
  }
  if (typeof spec.planSection === 'string') result.push({ id: spec.planSection, path: ['planSection'] });
  return result;
}

function orderByDependencies(rules: readonly CompiledRule[], problems: RuleProblem[]): CompiledRule[] {
  const byId = new Map(rules.map((rule) => [rule.spec.id, rule]));
  const ordered: CompiledRule[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (rule: CompiledRule, chain: string[]) => {
    const current = state.get(rule.spec.id);
    if (current === 'done') return;
    if (current === 'visiting') {
      problems.push({
        source: rule.source,
        path: [],
        message: `规则之间循环引用：${[...chain, rule.spec.id].join(' → ')}`,
      });
      return;
    }
    state.set(rule.spec.id, 'visiting');
    for (const dependency of dependenciesOf(rule.spec)) {
      const target = byId.get(dependency.id);
      if (target) visit(target, [...chain, rule.spec.id]);
    }
    state.set(rule.spec.id, 'done');
    ordered.push(rule);
  };
  for (const rule of rules) visit(rule, []);
  return ordered;
}
