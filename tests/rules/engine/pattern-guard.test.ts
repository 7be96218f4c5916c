// User patterns are screened at load (warnings) and draw from the document's time budget after the
// built-in rules; built-in ones are trusted, so they must all pass the same screening.

import { describe, expect, it } from 'vitest';
import { readBuiltinPackFiles } from '../../../src/config/load-packs.js';
import { parseDocument } from '../../../src/parse/parse-document.js';
import { compileRules } from '../../../src/rules/engine/compile-rules.js';
import { runRules } from '../../../src/rules/engine/run-rules.js';
import { Budget } from '../../../src/shared/budget.js';
import { ruleSpec } from '../../support/rule-tester.js';

const catastrophic = ruleSpec({ kind: 'forbid', patterns: ['^(\\p{Han}+)+$'] });

describe('user patterns', () => {
  it('warns about a risky pattern without refusing it', () => {
    const { ruleSet, problems, warnings } = compileRules([
      { spec: catastrophic, source: 'my.yaml', index: 3 },
    ]);
    expect(problems).toEqual([]);
    expect(ruleSet.rules).toHaveLength(1);
    expect(warnings.map((w) => [w.source, w.path.join('.')])).toEqual([['my.yaml', 'rules.3.patterns.0']]);
  });

  it('does not warn about lookbehinds and backreferences', () => {
    const spec = ruleSpec({ kind: 'forbid', patterns: ['(?<=根据).{0,20}(条例|办法)', '(\\p{Han}{2})\\1'] });
    expect(compileRules([{ spec, source: 'my.yaml', index: 0 }]).warnings).toEqual([]);
  });

  it('stops a catastrophic pattern when the document time runs out, and stops it for the run', () => {
    const { ruleSet } = compileRules([{ spec: catastrophic, source: 'my.yaml', index: 0 }]);
    const doc = parseDocument(`一、主要举措和成效\n${'法'.repeat(40)}!\n`);
    const [result] = runRules(doc, ruleSet, null, new Budget(200));
    expect(result?.status).toBe('fail');
    expect(result?.findings.map((f) => f.level)).toEqual(['error']);
    expect(result?.findings[0]?.message).toMatch(/在本文件上运行 [\d.]+ 秒仍未结束，已中止/);
    expect([...ruleSet.timedOut]).toEqual([catastrophic.id]);
    const [next] = runRules(doc, ruleSet, null, new Budget(200));
    expect(next?.status).toBe('skip');
    expect(next?.message).toMatch(/已停用/);
  });

  it('gives a flagged pattern only the flagged rules’ allowance, not a whole slice, with time left', () => {
    const { ruleSet } = compileRules([{ spec: catastrophic, source: 'my.yaml', index: 0 }]);
    const doc = parseDocument(`一、主要举措和成效\n${'法'.repeat(40)}!\n`);
    const [result] = runRules(doc, ruleSet, null, new Budget(60_000));
    // The message names the slice it was stopped at: the 0.3 s allowance, not the 2 s slice.
    expect(result?.findings[0]?.data).toEqual({ limit: 0.3 });
    expect([...ruleSet.timedOut]).toEqual([catastrophic.id]);
  });
});

describe('built-in patterns', () => {
  it('all pass the ReDoS screening', async () => {
    const { packs } = await readBuiltinPackFiles();
    const { warnings } = compileRules(
      packs.flatMap((pack) => pack.rules.map((spec, index) => ({ spec, source: pack.source, index }))),
    );
    expect(warnings.map((w) => `${w.source} ${w.path.join('.')}: ${w.message}`)).toEqual([]);
  });

  it('run before user rules, none of them flagged', async () => {
    const { packs } = await readBuiltinPackFiles();
    const builtins = packs.flatMap((pack) =>
      pack.rules.map((spec, index) => ({ spec, source: pack.source, index, builtin: true })),
    );
    const { ruleSet } = compileRules([{ spec: catastrophic, source: 'my.yaml', index: 0 }, ...builtins]);
    expect(ruleSet.rules.filter((rule) => rule.userRule).map((rule) => rule.spec.id)).toEqual([
      catastrophic.id,
    ]);
    expect(ruleSet.rules.filter((rule) => rule.risky).map((rule) => rule.spec.id)).toEqual([catastrophic.id]);
    expect(ruleSet.rules[ruleSet.runOrder.at(-1) as number]?.spec.id).toBe(catastrophic.id);
  });
});
