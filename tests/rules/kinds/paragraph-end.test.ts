import { ruleSpec, testRule } from '../../support/rule-tester.js';

testRule('paragraph-end', ruleSpec({ kind: 'paragraph-end' }), {
  valid: [
    '一、主要举措和成效\n全年办理行政复议案件12件，全部在法定期限内办结。\n二、存在的问题\n（一）执法力量不足；\n（二）培训不够。',
    '一、主要举措和成效\n区长在会上强调：“要把法治政府建设摆在全局工作的重要位置。”\n附件：工作台账\n2025年1月20日',
    '一、下一年度主要安排\n重点做好以下工作：\n（一）深化行政执法体制改革。',
  ],
  invalid: [
    {
      text: '一、主要举措和成效\n全年办理行政复议案件12件，全部在法定期限内依法办结并按时公开结果\n二、存在的问题\n执法力量不足。',
      status: 'fail',
      findings: [
        { line: 2, column: 33, message: '段落末尾缺少句号（以“公开结果”结束）', suggestion: '公开结果。' },
      ],
    },
    {
      name: 'a word torn across paragraphs',
      text: '一、主要举措和成效\n（一）加强队伍建设。充分发挥考\n\n核的激励作用，全年开展培训12期。',
      status: 'fail',
      findings: [
        { line: 2, column: 15, messageId: 'brokenWord', data: { word: '考核', line: 4 }, suggestion: '考核' },
      ],
    },
  ],
});

testRule('paragraph-end: minChars', ruleSpec({ kind: 'paragraph-end', minChars: 5 }), {
  valid: ['一、成效\n力量不足'],
  invalid: [
    {
      text: '一、成效\n执法力量明显不足',
      status: 'fail',
      findings: [{ line: 2, column: 8 }],
    },
  ],
});
