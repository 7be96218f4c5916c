import { ruleSpec, testRule } from '../../support/rule-tester.js';

testRule(
  'report-year',
  ruleSpec({ kind: 'report-year', planSection: 'test/plan', allow: ['以来', '整改'] }),
  {
    companions: [
      ruleSpec({
        id: 'test/plan',
        kind: 'section',
        headings: ['(下一步|{nextYear}年).{0,4}(安排|打算|计划)'],
        levels: [1],
      }),
    ],
    valid: [
      '2023年度南湖区法治政府建设情况报告\n2023年，我区深入推进法治政府建设。\n一、2023年主要举措和成效\n（一）2022年督察反馈问题整改\n已整改。\n二、2024年工作安排\n2024年，我区将继续推进。',
      {
        name: 'a plan with a range that includes N+1',
        text: '2022年度西城镇法治政府建设情况报告\n一、主要举措和成效\n开展普法。\n二、下一步工作计划\n（一）2023—2025年重点任务\n推进。',
      },
      { name: 'years since', text: '2022年度西城镇法治政府建设情况报告\n一、2018年以来主要成效\n开展普法。' },
    ],
    invalid: [
      {
        name: 'the opening speaks of the previous year',
        text: '2023年度南湖区法治政府建设情况报告\n2022年，我区深入推进法治政府建设。\n一、主要举措和成效\n开展普法。',
        status: 'fail',
        findings: [{ line: 2, column: 1, message: '开篇写的是2022年，报告年度为2023年，疑为沿用上年文稿' }],
      },
      {
        name: 'a level-2 heading with the previous year',
        text: '2023年度南湖区法治政府建设情况报告\n一、主要举措和成效\n（一）2022年法治政府建设主要工作\n开展普法。',
        status: 'fail',
        findings: [
          {
            line: 3,
            column: 4,
            messageId: 'headingYear',
            data: { found: 2022, year: 2023 },
            suggestion: '2023',
          },
        ],
      },
      {
        name: 'a plan heading for the report year',
        text: '2023年度南湖区法治政府建设情况报告\n一、主要举措和成效\n开展普法。\n二、2023年工作安排\n继续推进。',
        status: 'fail',
        findings: [
          {
            line: 4,
            column: 3,
            messageId: 'planYear',
            data: { found: 2023, year: 2023, nextYear: 2024 },
            suggestion: '2024',
          },
        ],
      },
      {
        name: 'a plan statement for the report year',
        text: '2023年度南湖区法治政府建设情况报告\n一、主要举措和成效\n开展普法。\n二、下一步工作打算\n2023年，我区将继续推进依法行政。',
        status: 'fail',
        findings: [
          { line: 5, column: 1, messageId: 'planYear', data: { found: 2023, year: 2023, nextYear: 2024 } },
        ],
      },
      {
        name: 'the title year disagrees with --year',
        text: '2023年度南湖区法治政府建设情况报告\n一、主要举措和成效\n开展普法。',
        year: 2024,
        status: 'fail',
        findings: [
          { line: 1, column: 1, messageId: 'titleYearOverride', data: { titleYear: 2023, year: 2024 } },
        ],
      },
      {
        name: 'published two years later in the first quarter',
        text: '2022年度南湖区法治政府建设情况报告\n发布时间：2024-02-20\n一、主要举措和成效\n开展普法。',
        status: 'fail',
        findings: [
          {
            line: 1,
            column: 1,
            messageId: 'titleYearLate',
            data: { year: 2022, published: '2024-02-20', nextYear: 2023 },
          },
        ],
      },
    ],
  },
);
