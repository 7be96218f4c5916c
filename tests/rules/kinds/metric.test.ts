import { describe, expect, it } from 'vitest';
import { metricKind } from '../../../src/rules/kinds/metric.js';
import { ruleSpec, runRule, TEST_ENV, testRule } from '../../support/rule-tester.js';

const rule = ruleSpec({
  kind: 'metric',
  level: 'warning',
  metrics: [
    { name: '行政复议', keywords: ['行政复议(案件|申请)?'], units: ['件', '起'] },
    { name: '出庭应诉率', keywords: ['出庭应诉率'], units: ['%'] },
    { name: '培训', keywords: ['培训'], units: ['人次', '期'], before: 12 },
  ],
});

testRule('metric', rule, {
  valid: [
    '一、主要举措和成效\n全年办理行政复议案件12件，行政机关负责人出庭应诉率达100%，组织执法人员培训131人次。',
    '一、主要举措和成效\n受理行政复议申请十二起。出庭应诉率为百分之百。举办3期法治培训班。',
    '一、主要举措和成效\n收到行政复议申请２３件，负责人出庭应诉率９８．５％，开展培训6期。',
  ],
  invalid: [
    {
      name: 'one metric missing: the finding points at the figures the report does give',
      text: '一、主要举措和成效\n全年办理行政复议案件12件，出庭应诉率达100%。',
      status: 'partial',
      findings: [
        {
          line: 2,
          column: 5,
          message: '已写明：行政复议12件（第2行）、出庭应诉率100%（第2行）；未写明培训的数据',
        },
      ],
    },
    {
      name: 'a keyword without a figure is pointed at',
      text: '一、主要举措和成效\n深化行政复议体制改革。出庭应诉率达100%。\n加强执法人员培训。',
      status: 'partial',
      findings: [
        {
          line: 2,
          column: 3,
          message:
            '已写明：出庭应诉率100%（第2行）；未写明行政复议、培训的数据：写到了“行政复议”，但没有给出行政复议的具体数字（如件、起）',
        },
      ],
    },
    {
      name: 'a figure after the sentence end does not count',
      text: '一、主要举措和成效\n推进行政复议规范化。全年12件。',
      status: 'fail',
      findings: [{ line: 2, column: 3, message: /未写明行政复议、出庭应诉率、培训的数据/ }],
    },
    {
      name: 'a figure too far from the keyword does not count',
      text: '一、主要举措和成效\n全面推进行政复议工作规范化建设并不断提升办案质量和效率，共12件。出庭应诉率100%，培训5期。',
      status: 'partial',
      findings: [{ line: 2, column: 5 }],
    },
    {
      name: 'a unit that is not listed does not count',
      text: '一、主要举措和成效\n行政复议案件12次。出庭应诉率100%，培训5期。',
      status: 'partial',
      findings: [{ line: 2, column: 1 }],
    },
  ],
});

describe('metric evidence', () => {
  it('labels the extracted figures', () => {
    const result = runRule(rule, {
      text: '一、主要举措和成效\n全年办理行政复议案件12件。\n组织131人次参加培训，出庭应诉率达100%。',
    });
    expect(result.evidence.map((e) => [e.label, e.line])).toEqual([
      ['行政复议：12件', 2],
      ['出庭应诉率：100%', 3],
      ['培训：131人次', 3],
    ]);
  });

  it('a figure right before the keyword is its own, even with another after it', () => {
    const result = runRule(rule, {
      text: '一、主要举措和成效\n办理行政复议案件12件，出庭应诉率100%。组织131人次培训，分4期进行。',
    });
    expect(result.evidence.map((e) => e.label)).toContain('培训：131人次');
  });

  it('reports require beyond the list as a compile problem', () => {
    const problems: string[] = [];
    metricKind.compile(
      ruleSpec({ kind: 'metric', require: 3, metrics: rule.metrics as never }),
      (_, m) => problems.push(m),
      TEST_ENV,
    );
    expect(problems).toEqual([]);
    metricKind.compile(
      ruleSpec({ kind: 'metric', require: 4, metrics: rule.metrics as never }),
      (_, m) => problems.push(m),
      TEST_ENV,
    );
    expect(problems).toEqual(['require 为 4，但只列了 3 项']);
  });
});
