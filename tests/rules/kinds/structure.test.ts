import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/rules/engine/compile-rules.js';
import type { RuleSpec } from '../../../src/rules/types.js';
import { ruleSpec, testRule } from '../../support/rule-tester.js';

testRule(
  'structure: numbering and hierarchy',
  ruleSpec({ kind: 'structure', checks: ['sequence', 'hierarchy'] }),
  {
    valid: [
      '一、主要举措和成效\n（一）加强组织领导。召开会议3次。\n（二）深化改革。\n二、存在的问题\n（一）执法力量不足。\n三、下一步工作打算\n继续推进。',
      {
        name: 'Arabic numbers directly under 一、 (fewer levels are allowed)',
        text: '一、主要举措和成效\n1.加强组织领导。\n2.深化改革。\n二、存在的问题\n执法力量不足。',
      },
      {
        name: 'Arabic numbers continued across （一）（二）',
        text: '一、主要举措和成效\n（一）组织领导\n1.会前学法。\n2.年终述法。\n（二）依法决策\n3.合法性审查。\n二、存在的问题\n执法力量不足。',
      },
      {
        name: 'Arabic numbers restarted under each （一）',
        text: '一、主要举措和成效\n（一）组织领导\n1.会前学法。\n2.年终述法。\n（二）依法决策\n1.合法性审查。',
      },
    ],
    invalid: [
      {
        text: '一、主要举措和成效\n办理案件12件。\n一、存在的问题\n力量不足。',
        status: 'fail',
        findings: [{ line: 3, column: 1, message: '序号重复：“一、”与第1行的序号相同，应为“二、”' }],
      },
      {
        text: '一、主要举措和成效\n办理案件12件。\n二、存在的问题\n力量不足。\n四、下一步工作打算\n继续推进。',
        status: 'fail',
        findings: [{ line: 5, column: 1, message: '序号跳号：“二、”之后是“四、”，缺少“三、”' }],
      },
      {
        text: '一、主要举措和成效\n（二）加强组织领导。召开会议3次。',
        status: 'fail',
        findings: [{ line: 2, column: 1, message: '序号应从“（一）”开始，这里是“（二）”' }],
      },
      {
        text: '一、成效\n二、问题\n三、打算\n二、其他',
        status: 'fail',
        findings: [{ line: 4, column: 1, message: '序号倒退：“三、”之后是“二、”，应为“四、”' }],
      },
      {
        text: '（一）加强组织领导。召开会议3次。\n一、主要举措和成效\n办理案件12件。',
        status: 'fail',
        findings: [{ line: 1, column: 1, message: '“（一）”出现在第一个一级标题之前，层级不对' }],
      },
      {
        text: '一、主要举措和成效\n（一）组织领导\n（1）会前学法4次。',
        status: 'fail',
        findings: [{ line: 3, column: 1, message: '“（1）”属第四层，上面缺少“1.”式的第三层标题' }],
      },
    ],
  },
);

testRule(
  'structure: marker and trailing punctuation',
  ruleSpec({ kind: 'structure', checks: ['marker', 'trailing'] }),
  {
    valid: [
      '一、主要举措和成效\n（一）加强组织领导。\n召开会议3次。\n1.健全制度。出台办法2件。\n(二)深化改革\n（1）审批事项。',
    ],
    invalid: [
      {
        text: '一.主要举措和成效\n办理案件12件。',
        status: 'fail',
        findings: [{ line: 1, column: 1, message: '标题序号“一.”应写作“一、”', suggestion: '一、' }],
      },
      {
        text: '一、主要举措和成效\n（一）、加强组织领导\n1、健全制度。出台办法2件。',
        status: 'fail',
        findings: [
          { line: 2, column: 1, message: '标题序号“（一）、”应写作“（一）”', suggestion: '（一）' },
          { line: 3, column: 1, message: '标题序号“1、”应写作“1.”', suggestion: '1.' },
        ],
      },
      {
        text: '一、成效显著：\n办理案件12件。\n二、主要举措和成效。\n办理案件12件。',
        status: 'fail',
        findings: [
          { line: 1, column: 7, message: '标题末尾不加“：”', suggestion: '成效显著' },
          { line: 3, column: 10, message: '一级标题末尾不加“。”', suggestion: '主要举措和成效' },
        ],
      },
    ],
  },
);

const section = (id: string, headings: string[]): RuleSpec =>
  ruleSpec({ id, kind: 'section', headings, levels: [1] });
const parts = [
  section('test/measures', ['举措|成效']),
  section('test/shortcomings', ['问题|不足']),
  section('test/plan', ['下一步|打算']),
];

testRule(
  'structure: order of parts',
  ruleSpec({ kind: 'structure', order: ['test/measures', 'test/shortcomings', 'test/plan'] }),
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

describe('structure: dependencies', () => {
  it('orders the section rules named in `order` before it and reports unknown ids', () => {
    const order = ruleSpec({ kind: 'structure', order: ['test/plan', 'test/nowhere'] });
    const { ruleSet, problems } = compileRules(
      [order, ...parts].map((spec, index) => ({ spec, source: 'test', index })),
    );
    const runIds = ruleSet.runOrder.map((index) => ruleSet.rules[index]?.spec.id);
    expect(runIds.indexOf('test/rule')).toBeGreaterThan(runIds.indexOf('test/plan'));
    expect(problems.map((p) => p.message)).toEqual(['引用了不存在的规则“test/nowhere”']);
  });
});
