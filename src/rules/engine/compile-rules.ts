// Validated rule specs → compiled rules, once per run. Kinds check their own options here, so
// nothing is validated inside the per-document loop.

import { createLexicon, type Lexicon } from '../../segment/lexicon.js';
import { RULE_KINDS } from '../kinds/index.js';
import type { CompiledRule, ReportProblem, RuleKind, RuleReference, RuleSpec } from '../types.js';

/** A rule spec and the pack file it came from. */
export interface SourcedRule {
  readonly spec: RuleSpec;
  readonly source: string;
  readonly index: number; // position in the pack's `rules` list
  readonly builtin?: boolean; // shipped with fzcheck: trusted, its patterns are not screened
}

/** A problem with a rule, located by its path inside the pack file. */
export interface RuleProblem {
  readonly source: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Compiled rules in declaration order, the order they must run in, and the words they segment with. */
export interface RuleSet {
  readonly rules: readonly CompiledRule[];
  // indexes into rules: sections before the rules scoped to them, built-in rules before user rules
  readonly runOrder: readonly number[];
  readonly lexicon: Lexicon;
  // user rules stopped for the rest of the run after one ran a document out of time
  readonly timedOut: Set<string>;
}

/** What compiling rules gives: the rule set, problems that stop a run, warnings that do not. */
export interface CompiledRules {
  readonly ruleSet: RuleSet;
  readonly problems: RuleProblem[];
  readonly warnings: RuleProblem[];
}

/** Compiles rules (with the packs' dictionary terms); returns every problem found rather than
 * stopping at the first. */
export function compileRules(
  sourced: readonly SourcedRule[],
  dictionary: readonly string[] = [],
): CompiledRules {
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
    if (!sharedFieldsFit(spec, kind, report)) continue;
    const untrusted = entry.builtin !== true;
    const warningsBefore = warnings.length;
    const check = kind.compile(spec, report, { warn, untrusted });
    const risky = warnings.length > warningsBefore;
    if (check) compiled.push({ spec, kind, check, source, userRule: untrusted, risky });
  }
  for (const rule of compiled) {
    for (const dependency of dependenciesOf(rule)) {
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
  // Built-in rules never depend on user rules, so putting them first keeps the order valid.
  const ordered = orderByDependencies(compiled, problems);
  const runOrder = [
    ...ordered.filter((rule) => !rule.userRule),
    ...ordered.filter((rule) => rule.userRule),
  ].map((rule) => compiled.indexOf(rule));
  return {
    ruleSet: { rules: compiled, runOrder, lexicon: createLexicon(dictionary), timedOut: new Set() },
    problems,
    warnings,
  };
}

/** Reports shared fields the rule's kind would ignore (the schema says the same for pack files). */
function sharedFieldsFit(spec: RuleSpec, kind: RuleKind, report: ReportProblem): boolean {
  let ok = true;
  const refuse = (path: (string | number)[], message: string) => {
    report(path, message);
    ok = false;
  };
  if (spec.message !== undefined && !kind.primaryMessage)
    refuse(['message'], `“${kind.name}”类型的规则没有主要提示语，请用 messages 按 id 改写`);
  for (const id of Object.keys(spec.messages ?? {}))
    if (!(id in kind.messages))
      refuse(
        ['messages', id],
        `“${kind.name}”类型没有 id 为“${id}”的提示语，可用：${Object.keys(kind.messages).join('、')}`,
      );
  if (spec.exceptions !== undefined && (kind.nature !== 'problem' || kind.exceptions === false))
    refuse(['exceptions'], `“${kind.name}”类型的规则不接受 exceptions（它的结果不落在可排除的词语上）`);
  if (spec.scope !== undefined && !kind.scoped)
    refuse(['scope'], `“${kind.name}”类型检查整份文件，不接受 scope`);
  return ok;
}

/** Other rules a rule reads the located sections of: its scope's section and what its kind names. */
function dependenciesOf(rule: CompiledRule): RuleReference[] {
  const { spec, kind } = rule;
  const scope = spec.scope && typeof spec.scope === 'object' ? spec.scope : null;
  const scoped: RuleReference[] = [
    ...(scope?.section ? [{ id: scope.section, path: ['scope', 'section'] }] : []),
    ...(scope?.exclude ?? []).map((id, i) => ({ id, path: ['scope', 'exclude', i] })),
  ];
  return [...scoped, ...(kind.references?.(spec) ?? [])];
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
    for (const dependency of dependenciesOf(rule)) {
      const target = byId.get(dependency.id);
      if (target) visit(target, [...chain, rule.spec.id]);
    }
    state.set(rule.spec.id, 'done');
    ordered.push(rule);
  };
  for (const rule of rules) visit(rule, []);
  return ordered;
}
