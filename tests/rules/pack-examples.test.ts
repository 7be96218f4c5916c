// Every built-in rule's `examples` run through the whole built-in rule set (so rules scoped to a
// section see it located): `pass` must pass, `partial` be partial, `fail` fail.

import { describe, expect, it } from 'vitest';
import { readBuiltinPackFiles } from '../../src/config/load-packs.js';
import { parseDocument } from '../../src/parse/parse-document.js';
import { compileRules } from '../../src/rules/engine/compile-rules.js';
import { runRules } from '../../src/rules/engine/run-rules.js';
import type { RuleExample } from '../../src/rules/types.js';

const { packs, problems } = await readBuiltinPackFiles();
const { ruleSet, problems: compileProblems } = compileRules(
  packs.flatMap((pack) =>
    pack.rules.map((spec, index) => ({ spec, source: pack.source, index, builtin: true })),
  ),
);

describe('built-in packs', () => {
  it('load without problems', () => {
    expect(problems).toEqual([]);
    expect(compileProblems).toEqual([]);
  });
  it('every rule has pass and fail examples', () => {
    const missing = packs
      .flatMap((pack) => pack.rules)
      .filter(
        (rule) =>
          !rule.examples?.pass?.length || !(rule.examples.fail?.length || rule.examples.partial?.length),
      )
      .map((rule) => rule.id);
    expect(missing).toEqual([]);
  });
});

for (const pack of packs) {
  describe(`examples of ${pack.name}`, () => {
    for (const rule of pack.rules) {
      for (const expected of ['pass', 'partial', 'fail'] as const) {
        for (const [i, example] of (rule.examples?.[expected] ?? []).entries()) {
          const { text, year, subjectType } =
            typeof example === 'string' ? ({ text: example } as RuleExample) : example;
          it(`${rule.id} ${expected} #${i + 1}`, () => {
            const doc = parseDocument(text, {}, { year, subjectType });
            const result = runRules(doc, ruleSet).find((r) => r.ruleId === rule.id);
            expect(result?.status, `${result?.message}\n${text}`).toBe(expected);
          });
        }
      }
    }
  });
}
