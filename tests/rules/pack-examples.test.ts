// Every built-in rule's `examples` run through the whole built-in rule set (so rules scoped to a
// section see it located): `pass` must pass, `partial` be partial, `fail` fail.

import { describe, expect, it } from 'vitest';
import { readBuiltinPackFiles } from '../../src/config/load-packs.js';
import { compileRules } from '../../src/rules/engine/compile-rules.js';
import { runExamples } from '../../src/rules/run-examples.js';

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
  it('every rule has pass and fail examples (but rules that compare a batch: tests/pipeline)', () => {
    const missing = packs
      .flatMap((pack) => pack.rules)
      .filter((rule) => rule.kind !== 'shared-paragraphs')
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
    for (const outcome of runExamples(pack.rules, ruleSet)) {
      it(`${outcome.ruleId} ${outcome.expected} #${outcome.index}`, () => {
        expect(outcome.actual, `${outcome.message}\n${outcome.text}`).toBe(outcome.expected);
      });
    }
  });
}
