// Table tests for rule kinds: each valid case must pass with no findings, each invalid case must
// give exactly the listed status and findings: line, column, the message id, and its data or the
// message text when given (wording is asserted only in a kind's own tests).

import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/parse-document.js';
import { compileRules } from '../../src/rules/engine/compile-rules.js';
import { runRules } from '../../src/rules/engine/run-rules.js';
import type { CompileEnv, RuleSpec } from '../../src/rules/types.js';
import type { RuleResult, RuleStatus } from '../../src/shared/results.js';
import type { SubjectType } from '../../src/shared/subject-types.js';

/** A case: text plus optional year / subject type. */
export interface TextCase {
  readonly name?: string;
  readonly text: string;
  readonly year?: number;
  readonly subjectType?: SubjectType;
}

/** An invalid case with its exact expected outcome. */
export interface InvalidCase extends TextCase {
  readonly status: Exclude<RuleStatus, 'pass'>;
  readonly findings: ReadonlyArray<{
    line: number;
    column: number;
    messageId?: string;
    data?: Readonly<Record<string, string | number>>;
    message?: string | RegExp;
    suggestion?: string;
  }>;
}

/** Defaults for the shared rule fields, so a test only writes the kind's options. */
export function ruleSpec(
  fields: Partial<RuleSpec> & Pick<RuleSpec, 'kind'> & Record<string, unknown>,
): RuleSpec {
  return {
    id: 'test/rule',
    title: '测试规则',
    category: 'statutory',
    level: 'error',
    weight: 10,
    basis: '测试依据',
    ...fields,
  } as RuleSpec;
}

/** Runs `rule` (after `companions`, e.g. section rules it is scoped to) on a text. */
export function runRule(
  rule: RuleSpec,
  testCase: TextCase,
  companions: readonly RuleSpec[] = [],
): RuleResult {
  const { ruleSet, problems } = compileRules(
    [...companions, rule].map((spec, index) => ({ spec, source: 'test', index })),
  );
  expect(problems).toEqual([]);
  const doc = deepFreeze(
    parseDocument(testCase.text, {}, { year: testCase.year, subjectType: testCase.subjectType }),
  );
  const result = runRules(doc, ruleSet).find((r) => r.ruleId === rule.id);
  if (!result) throw new Error(`rule ${rule.id} did not run`);
  return result;
}

/** Runs `rule` (after `companions`) on this year's text with last year's text as the previous report. */
export function runRuleWithPrevious(
  rule: RuleSpec,
  thisYear: TextCase,
  lastYear: TextCase | null,
  companions: readonly RuleSpec[] = [],
): RuleResult {
  const { ruleSet, problems } = compileRules(
    [...companions, rule].map((spec, index) => ({ spec, source: 'test', index })),
  );
  expect(problems).toEqual([]);
  const parse = (c: TextCase) =>
    deepFreeze(parseDocument(c.text, {}, { year: c.year, subjectType: c.subjectType }));
  const result = runRules(parse(thisYear), ruleSet, lastYear ? parse(lastYear) : null).find(
    (r) => r.ruleId === rule.id,
  );
  if (!result) throw new Error(`rule ${rule.id} did not run`);
  return result;
}

/** Declares a describe block of valid and invalid cases for one rule. */
export function testRule(
  title: string,
  rule: RuleSpec,
  cases: {
    valid: ReadonlyArray<string | TextCase>;
    invalid: readonly InvalidCase[];
    companions?: readonly RuleSpec[];
  },
): void {
  const names = [...cases.valid, ...cases.invalid].map((c) =>
    typeof c === 'string' ? c : (c.name ?? c.text),
  );
  describe(title, () => {
    it('has no duplicate cases', () => expect(new Set(names).size).toBe(names.length));
    for (const valid of cases.valid) {
      const testCase = typeof valid === 'string' ? { text: valid } : valid;
      it(`valid: ${testCase.name ?? testCase.text.slice(0, 40)}`, () => {
        const result = runRule(rule, testCase, cases.companions);
        expect(result.findings).toEqual([]);
        expect(result.status).toBe('pass');
      });
    }
    for (const invalid of cases.invalid) {
      it(`invalid: ${invalid.name ?? invalid.text.slice(0, 40)}`, () => {
        const result = runRule(rule, invalid, cases.companions);
        expect(result.status).toBe(invalid.status);
        expect(result.findings.map((f) => ({ line: f.line, column: f.column }))).toEqual(
          invalid.findings.map((f) => ({ line: f.line, column: f.column })),
        );
        invalid.findings.forEach((expected, i) => {
          const actual = result.findings[i];
          if (expected.messageId !== undefined) expect(actual?.messageId).toBe(expected.messageId);
          if (expected.data !== undefined) expect(actual?.data).toMatchObject(expected.data);
          if (expected.message instanceof RegExp) expect(actual?.message).toMatch(expected.message);
          else if (expected.message !== undefined) expect(actual?.message).toBe(expected.message);
          if (expected.suggestion !== undefined) expect(actual?.suggestion).toBe(expected.suggestion);
        });
      });
    }
  });
}

/** Deep-freezes a value so a rule that mutates the shared document throws in tests. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The compile environment of a trusted (built-in) rule, for tests that call `kind.compile` directly. */
export const TEST_ENV: CompileEnv = { warn: () => {}, untrusted: false };
