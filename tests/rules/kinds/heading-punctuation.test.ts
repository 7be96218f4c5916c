import { ruleSpec, testRule } from '../../support/rule-tester.js';

testRule('heading-punctuation', ruleSpec({ kind: 'heading-punctuation' }), {
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
        {
          line: 2,
          column: 1,
          messageId: 'marker',
          data: { marker: '（一）、', expected: '（一）' },
          suggestion: '（一）',
        },
        {
          line: 3,
          column: 1,
          messageId: 'marker',
          data: { marker: '1、', expected: '1.' },
          suggestion: '1.',
        },
      ],
    },
    {
      text: '一、成效显著：\n办理案件12件。\n二、主要举措和成效。\n办理案件12件。',
      status: 'fail',
      findings: [
        { line: 1, column: 7, messageId: 'trailingColon', data: { mark: '：' }, suggestion: '成效显著' },
        { line: 3, column: 10, messageId: 'trailingPeriod', data: {}, suggestion: '主要举措和成效' },
      ],
    },
  ],
});
