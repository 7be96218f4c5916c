import { ruleSpec, testRule } from '../../support/rule-tester.js';

const shortcomings = ruleSpec({
  id: 'test/shortcomings',
  kind: 'section',
  title: '存在的不足',
  headings: ['(存在|面临)的?(问题|不足)'],
  content: ['仍存在.{0,20}(问题|不足)'],
  suggestedHeading: '存在的不足和原因',
  placeBefore: ['test/plan'],
  others: ['test/plan'],
  minChars: 6,
});
const plan = ruleSpec({
  id: 'test/plan',
  kind: 'section',
  title: '下一年度安排',
  headings: ['(下一步|{nextYear}年)(工作)?(安排|打算)'],
  levels: [1],
});

testRule('section', shortcomings, {
  companions: [plan],
  valid: [
    '一、主要举措\n办理案件12件。\n二、存在的问题\n执法人员力量明显不足。',
    { name: 'level 2 heading', text: '一、主要举措\n（一）存在的不足\n执法人员力量明显不足。' },
    { name: 'half-width brackets', text: '一、主要举措\n(一)存在的不足\n执法人员力量明显不足。' },
  ],
  invalid: [
    {
      name: 'missing, placed before the plan',
      text: '一、主要举措\n办理案件12件。\n二、下一步工作安排\n继续推进。',
      status: 'fail',
      findings: [
        {
          line: 3,
          column: 1,
          message: '缺少“存在的不足”：建议在本行之前增加标题“存在的不足和原因”',
          suggestion: '存在的不足和原因',
        },
      ],
    },
    {
      name: 'missing, no plan either: at the end',
      text: '一、主要举措\n办理案件12件。',
      status: 'fail',
      findings: [{ line: 2, column: 9, messageId: 'missingAtEnd', data: { suggested: '存在的不足和原因' } }],
    },
    {
      name: 'content without a heading',
      text: '一、主要举措\n办理案件12件，但仍存在执法力量不足的问题。\n二、下一步工作安排\n继续推进。',
      status: 'partial',
      findings: [{ line: 2, column: 1, message: /没有单独标题/ }],
    },
    {
      name: 'content inside the plan does not count',
      text: '一、主要举措\n办理案件12件。\n二、下一步工作安排\n解决仍存在的执法不足问题。',
      status: 'fail',
      findings: [{ line: 3, column: 1 }],
    },
    {
      name: 'too short',
      text: '一、主要举措\n办理案件12件。\n二、存在的问题\n人少。',
      status: 'partial',
      findings: [{ line: 3, column: 1, messageId: 'tooShort', data: { chars: 2, min: 6 } }],
    },
  ],
});

testRule('section with {nextYear}', plan, {
  valid: [
    { name: 'next year named', text: '一、主要举措\n办理案件。\n二、2024年工作安排\n继续推进。', year: 2023 },
    '一、主要举措\n办理案件。\n二、下一步工作打算\n继续推进。',
  ],
  invalid: [
    {
      name: 'the report year is not the plan year',
      text: '一、主要举措\n办理案件。\n二、2023年工作安排\n继续推进。',
      year: 2023,
      status: 'fail',
      findings: [{ line: 4, column: 6 }],
    },
    {
      name: 'level 2 does not count when levels is [1]',
      text: '一、主要举措\n（一）下一步工作安排\n继续推进。',
      status: 'fail',
      findings: [{ line: 3, column: 6 }],
    },
  ],
});

const measures = ruleSpec({
  id: 'test/measures',
  kind: 'section',
  title: '主要举措和成效',
  headings: ['举措'],
  levels: [1],
  thematic: { minHeadings: 2 },
  others: ['test/plan'],
});

testRule('section with thematic headings', measures, {
  companions: [plan],
  valid: ['一、强化组织领导\n开会3次。\n二、深化改革\n新增事项40项。\n三、下一步工作安排\n继续推进。'],
  invalid: [
    {
      name: 'one thematic heading is not enough',
      text: '一、强化组织领导\n开会3次。\n二、下一步工作安排\n继续推进。',
      status: 'fail',
      findings: [{ line: 4, column: 6 }],
    },
  ],
});
