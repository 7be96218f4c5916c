// User patterns are screened at load (warnings) and run under a time limit; built-in ones are
// trusted, so they must all pass the same screening.

import { describe, expect, it } from 'vitest';
import { readBuiltinPackFiles } from '../../../src/config/load-packs.js';
import { parseDocument } from '../../../src/parse/parse-document.js';
import { compileRules } from '../../../src/rules/engine/compile-rules.js';
import { runRules } from '../../../src/rules/engine/run-rules.js';
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

  it('stops a catastrophic pattern and reports the rule instead of hanging', () => {
    const { ruleSet } = compileRules([{ spec: catastrophic, source: 'my.yaml', index: 0 }]);
    const doc = parseDocument(`一、主要举措和成效\n${'法'.repeat(40)}!\n`);
    const started = Date.now();
    const [result] = runRules(doc, ruleSet);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result?.status).toBe('fail');
    expect(result?.findings.map((f) => f.level)).toEqual(['error']);
    expect(result?.findings[0]?.message).toMatch(/运行超过 \d+ 毫秒/);
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

  it('run without a time limit', async () => {
    const { packs } = await readBuiltinPackFiles();
    const { ruleSet } = compileRules(
      packs.flatMap((pack) =>
        pack.rules.map((spec, index) => ({ spec, source: pack.source, index, builtin: true })),
      ),
    );
    expect(ruleSet.rules.every((rule) => !rule.guarded)).toBe(true);
  });
});
