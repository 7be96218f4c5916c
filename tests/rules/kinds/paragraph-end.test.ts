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
  valid: ['一、成效\n力量，不足'],
  invalid: [
    {
      text: '一、成效\n执法力量，明显不足',
      status: 'fail',
      findings: [{ line: 2, column: 9 }],
    },
  ],
});

testRule(
  'paragraph-end: lines that are not sentences, notes after the end',
  ruleSpec({ kind: 'paragraph-end' }),
  {
    valid: [
      {
        name: 'a title line in the body',
        text: '一、主要举措和成效\n关于2023年度推进法治政府建设工作情况的报告\n全年办理案件12件。',
      },
      {
        name: 'an unnumbered heading',
        text: '一、主要举措和成效\n坚持高位推动压实法治建设责任\n全年办理案件12件。',
      },
      {
        name: 'a metadata line',
        text: '一、主要举措和成效\n索引号：11350100-2024-00012 发布机构：区司法局 发布日期：2024-03-01\n全年办理案件12件。',
      },
      {
        name: 'two metadata fields',
        text: '一、主要举措和成效\n信息提供单位：区司法局  信息公开属性：主动公开（全文公开）\n全年办理案件12件。',
      },
      {
        name: 'a table row',
        text: '一、主要举措和成效\n行政复议案件  受理数量12件  办结数量11件  纠错数量2件\n全年办理案件12件。',
      },
      {
        name: 'a tab-separated row',
        text: '一、主要举措和成效\n序号\t事项名称\t责任单位\t完成时限\n全年办理案件12件。',
      },
      {
        name: 'a note after the full stop',
        text: '一、下一年度主要安排\n（一）深化行政执法体制改革，推进执法规范化建设，提升执法质量和效能。（责任单位：区司法局）\n（二）完善督察机制，推动问题整改到位，确保各项任务落地见效。（责任处室：法治督察处）',
      },
      {
        name: 'a half-width full stop',
        text: '一、主要举措和成效\n全年行政复议案件按时办结，办结率达到100%.',
      },
      {
        name: 'a page cut at a page marker',
        text: '1、一、主要举措和成效，全年办理行政复议案件12件，全部在法定期限内依\n2、法办结，群众满意度明显提高。',
      },
    ],
    invalid: [
      {
        name: 'a sentence introducing what follows wants a colon',
        text: '2023年，本区坚持以习近平法治思想为指导，扎实推进法治政府建设，现将有关情况报告如下\n一、主要举措和成效\n全年办理案件12件。',
        status: 'fail',
        findings: [{ line: 1, column: 43, messageId: 'noColon', suggestion: '报告如下：' }],
      },
      {
        name: 'the suggestion keeps a number whole',
        text: '一、主要举措和成效\n全年行政复议案件全部按时办结，申请人满意度达到98.5%',
        status: 'fail',
        findings: [{ line: 2, column: 28, messageId: 'noEnd', suggestion: '98.5%。' }],
      },
    ],
  },
);
