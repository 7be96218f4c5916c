import { describe, expect, it } from 'vitest';
import { ruleSpec, runRule, testRule } from '../../support/rule-tester.js';

const rates = ruleSpec({
  kind: 'rates',
  rateName: '\\p{Han}{1,8}率',
  unbounded: ['增长率'],
  pairs: [
    {
      name: '出庭应诉率',
      rate: '出庭(应诉)?率',
      numerator: { keywords: ['出庭(?!应诉率|率)(应诉)?'], units: ['次', '件'] },
      denominator: { keywords: ['应诉案件'], units: ['件', '起'] },
    },
    {
      name: '调解成功率',
      rate: '(调解)?成功率',
      numerator: { keywords: ['调解成功'], units: ['件'] },
      denominator: { keywords: ['调解(?!成功)(纠纷)?'], units: ['件'] },
    },
  ],
});

testRule('rates', rates, {
  valid: [
    '一、主要举措和成效\n全年应诉案件18件，负责人出庭应诉18次，出庭应诉率100%。',
    '一、主要举措和成效\n全年调解纠纷3045件，调解成功2904件，成功率95%。',
    '一、主要举措和成效\n出庭应诉率达100%（全年应诉案件12件，负责人出庭应诉12次）。',
    '一、主要举措和成效\n线上办理增长率为180%。',
    {
      name: 'counts in another paragraph are not paired',
      text: '一、主要举措和成效\n应诉案件20件。\n负责人出庭应诉10次，出庭应诉率100%。',
    },
  ],
  invalid: [
    {
      name: 'rate disagrees with its counts',
      text: '一、主要举措和成效\n全年应诉案件20件，负责人出庭应诉10次，出庭应诉率100%。',
      status: 'fail',
      findings: [{ line: 2, column: 22, message: '出庭应诉率写为100%，但按10次÷20件计算应为50%' }],
    },
    {
      name: 'a rate above 100 %',
      text: '一、主要举措和成效\n案件办结率为102.5%。',
      status: 'fail',
      findings: [
        { line: 2, column: 7, messageId: 'rateOutOfRange', data: { name: '案件办结率', value: 102.5 } },
      ],
    },
    {
      name: 'more successes than cases',
      text: '一、主要举措和成效\n调解纠纷120件，调解成功130件，成功率100%。',
      status: 'fail',
      findings: [
        {
          line: 2,
          column: 19,
          messageId: 'rateMismatch',
          data: {
            name: '调解成功率',
            value: 100,
            numerator: '130件',
            denominator: '120件',
            computed: 108.33,
          },
        },
      ],
    },
  ],
});

describe('rates: evidence', () => {
  it('shows verified rates as evidence', () => {
    const result = runRule(rates, {
      text: '一、主要举措和成效\n全年调解纠纷3045件，调解成功2904件，成功率95%。',
    });
    expect(result.message).toBe('已核对1个比率，未发现问题：成功率：95%（2904÷3045≈95.37%）');
  });
});
