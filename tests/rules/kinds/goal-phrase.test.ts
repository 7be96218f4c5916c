import { ruleSpec, testRule } from '../../support/rule-tester.js';

const EDITIONS = [
  {
    name: '2015—2020年纲要',
    reportYears: { to: 2020 },
    goal: ['职能科学', '权责法定', '执法严明', '公开公正', '廉洁高效', '守法诚信'],
  },
  {
    name: '2021—2025年纲要',
    reportYears: { from: 2021 },
    goal: ['职能科学', '权责法定', '执法严明', '公开公正', '智能高效', '廉洁诚信', '人民满意'],
  },
];
const OLD = '职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信';
const NEW = '职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意';

testRule('goal-phrase', ruleSpec({ kind: 'goal-phrase', editions: EDITIONS }), {
  valid: [
    { text: `一、主要举措和成效\n围绕“${OLD}”的目标。`, year: 2016 },
    { text: `一、主要举措和成效\n建设${NEW}的法治政府。`, year: 2021 },
    {
      name: 'full-width commas between items',
      text: '一、主要举措和成效\n建设职能科学，权责法定，执法严明，公开公正，智能高效，廉洁诚信，人民满意的法治政府。',
      year: 2025,
    },
    {
      name: '和 before the last item',
      text: '一、主要举措和成效\n建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信和人民满意的法治政府。',
      year: 2022,
    },
    { name: 'no goal phrase', text: '一、主要举措和成效\n办理复议案件12件。', year: 2023 },
    {
      name: 'three shared items only',
      text: '一、主要举措和成效\n推动职能科学、权责法定、执法严明。',
      year: 2023,
    },
  ],
  invalid: [
    {
      name: 'the 2015 phrase in a 2023 report',
      text: `2023年度青山区法治政府建设情况报告\n一、主要举措和成效\n围绕“${OLD}”的目标。`,
      status: 'fail',
      findings: [
        {
          line: 3,
          column: 4,
          message: `目标表述“${OLD}”属于2015—2020年纲要，2023年度报告应使用2021—2025年纲要的“${NEW}”`,
          suggestion: NEW,
        },
      ],
    },
    {
      name: 'the 2021 phrase in a 2017 report is an anachronism',
      text: `一、主要举措和成效\n建设${NEW}的法治政府。`,
      year: 2017,
      status: 'fail',
      findings: [{ line: 2, column: 3, message: /属于2021—2025年纲要，2017年度报告应使用2015—2020年纲要/ }],
    },
    {
      name: 'a mixture',
      text: '一、主要举措和成效\n建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信、人民满意的法治政府。',
      year: 2022,
      status: 'fail',
      findings: [
        { line: 2, column: 3, message: /混用了2015—2020年纲要和2021—2025年纲要的提法，2022年度应为/ },
      ],
    },
    {
      name: 'incomplete: an info note, half credit',
      text: '一、主要举措和成效\n建设职能科学、权责法定、公开公正、智能高效、人民满意的法治政府。',
      year: 2024,
      status: 'partial',
      findings: [{ line: 2, column: 3, message: /^目标表述不完整，缺少“执法严明、廉洁诚信”/ }],
    },
  ],
});
