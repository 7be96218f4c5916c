import { ruleSpec, testRule } from '../../support/rule-tester.js';

testRule('heading-numbering', ruleSpec({ kind: 'heading-numbering' }), {
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
      findings: [
        {
          line: 5,
          column: 1,
          messageId: 'gap',
          data: { previous: '二、', marker: '四、', expected: '三、' },
        },
      ],
    },
    {
      text: '一、主要举措和成效\n（二）加强组织领导。召开会议3次。',
      status: 'fail',
      findings: [
        { line: 2, column: 1, messageId: 'firstGap', data: { marker: '（二）', expected: '（一）' } },
      ],
    },
    {
      text: '一、成效\n二、问题\n三、打算\n二、其他',
      status: 'fail',
      findings: [
        {
          line: 4,
          column: 1,
          messageId: 'backwards',
          data: { previous: '三、', marker: '二、', expected: '四、' },
        },
      ],
    },
    {
      text: '（一）加强组织领导。召开会议3次。\n一、主要举措和成效\n办理案件12件。',
      status: 'fail',
      findings: [{ line: 1, column: 1, messageId: 'beforeTop', data: { marker: '（一）' } }],
    },
    {
      text: '一、主要举措和成效\n（一）组织领导\n（1）会前学法4次。',
      status: 'fail',
      findings: [{ line: 3, column: 1, messageId: 'skippedLevel', data: { marker: '（1）' } }],
    },
  ],
});
