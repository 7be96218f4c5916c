// Runs rules' `examples` (pass / partial / fail texts) through a rule set: used by the test suite
// for the built-in packs and by `fzcheck rules test` for anyone's pack.

import { parseDocument } from '../parse/parse-document.js';
import type { RuleStatus } from '../shared/results.js';
import type { RuleSet } from './engine/compile-rules.js';
import { runRules } from './engine/run-rules.js';
import type { RuleExample, RuleSpec } from './types.js';

/** The outcome of one example. */
export interface ExampleOutcome {
  readonly ruleId: string;
  readonly expected: Exclude<RuleStatus, 'skip'>;
  readonly actual: RuleStatus | 'missing';
  readonly index: number; // 1-based within its list
  readonly text: string;
  readonly message: string;
}

/** Runs every example of `rules` against `ruleSet` (which must contain them). */
export function runExamples(rules: readonly RuleSpec[], ruleSet: RuleSet): ExampleOutcome[] {
  const outcomes: ExampleOutcome[] = [];
  for (const rule of rules) {
    for (const expected of ['pass', 'partial', 'fail'] as const) {
      for (const [i, example] of (rule.examples?.[expected] ?? []).entries()) {
        const { text, year, subjectType, previous } =
          typeof example === 'string' ? ({ text: example } as RuleExample) : example;
        const doc = parseDocument(text, {}, { year, subjectType });
        const lastYear = previous === undefined ? null : parseDocument(previous, {}, { subjectType });
        const result = runRules(doc, ruleSet, lastYear).find((r) => r.ruleId === rule.id);
        outcomes.push({
          ruleId: rule.id,
          expected,
          actual: result?.status ?? 'missing',
          index: i + 1,
          text,
          message: result?.message ?? '',
        });
      }
    }
  }
  return outcomes;
}
