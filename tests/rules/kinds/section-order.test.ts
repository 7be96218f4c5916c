import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/rules/engine/compile-rules.js';
import type { RuleSpec } from '../../../src/rules/types.js';
import { ruleSpec, testRule } from '../../support/rule-tester.js';

const section = (id: string, headings: string[]): RuleSpec =>
  ruleSpec({ id, kind: 'section', headings, levels: [1] });
const parts = [
  section('test/measures', ['举措|成效']),
  section('test/shortcomings', ['问题|不足']),
  section('test/plan', ['下一步|打算']),
];

testRule(
  'section-order',
  ruleSpec({ kind: 'section-order', order: ['test/measures', 'test/shortcomings', 'test/plan'] }),
  {
    companions: parts,
    valid: [
      '一、主要举措和成效\n做法。\n二、存在的问题\n不足。\n三、下一步工作打算\n推进。',
      {
        name: 'a missing part is not an order problem',
        text: '一、主要举措和成效\n做法。\n二、下一步工作打算\n推进。',
      },
    ],
    invalid: [
      {
        text: '一、主要举措和成效\n做法。\n二、下一步工作打算\n推进。\n三、存在的问题\n不足。',
        status: 'fail',
        findings: [
          { line: 3, column: 1, message: '“二、下一步工作打算”应放在“三、存在的问题”（第5行）之后' },
        ],
      },
    ],
  },
);

describe('section-order: dependencies', () => {
  it('orders the section rules named in `order` before it and reports unknown ids', () => {
    const order = ruleSpec({ kind: 'section-order', order: ['test/plan', 'test/nowhere'] });
    const { ruleSet, problems } = compileRules(
      [order, ...parts].map((spec, index) => ({ spec, source: 'test', index })),
    );
    const runIds = ruleSet.runOrder.map((index) => ruleSet.rules[index]?.spec.id);
    expect(runIds.indexOf('test/rule')).toBeGreaterThan(runIds.indexOf('test/plan'));
    expect(problems.map((p) => p.message)).toEqual(['引用了不存在的规则“test/nowhere”']);
  });
});
