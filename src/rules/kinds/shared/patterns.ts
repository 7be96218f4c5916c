// Compiling the regular expressions a rule lists, with the problems reported at their place in the
// rule and user patterns screened for catastrophic backtracking.

import { compilePattern } from '../../match/compile-pattern.js';
import { isRiskyPattern } from '../../match/pattern-safety.js';
import type { CompileEnv, ReportProblem } from '../../types.js';

/** Compiles one pattern found at `path` in the rule: null (and a problem) when it is invalid, a
 * warning when a user pattern risks catastrophic backtracking. */
export function compileRulePattern(
  source: string,
  path: readonly (string | number)[],
  problem: ReportProblem,
  env: CompileEnv | undefined,
  flags = 'gu',
): RegExp | null {
  const compiled = compilePattern(source, flags);
  if (typeof compiled === 'string') {
    problem(path, compiled);
    return null;
  }
  if (env?.untrusted && isRiskyPattern(compiled.source))
    env.warn(path, `正则“${source}”含嵌套重复，可能在长文本上运行极慢（灾难性回溯）；运行时超时会中止本规则`);
  return compiled;
}

/** Compiles a list of patterns found at `path`; null when any of them is invalid. */
export function compileRulePatterns(
  sources: readonly string[] | undefined,
  path: readonly (string | number)[],
  problem: ReportProblem,
  env: CompileEnv | undefined,
  flags = 'gu',
): RegExp[] | null {
  const patterns: RegExp[] = [];
  let ok = true;
  for (const [i, source] of (sources ?? []).entries()) {
    const compiled = compileRulePattern(source, [...path, i], problem, env, flags);
    if (compiled) patterns.push(compiled);
    else ok = false;
  }
  return ok ? patterns : null;
}

/** Whether any pattern matches the (folded) text. */
export function testAny(patterns: readonly RegExp[], text: string): boolean {
  return patterns.some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}
