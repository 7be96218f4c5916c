import { describe, expect, it } from 'vitest';
import { consistencyKind } from '../../../src/rules/kinds/consistency.js';
import { ruleSpec, runRule, TEST_ENV, testRule } from '../../support/rule-tester.js';

const EDITIONS = [
  {
    name: '2015—2020年纲要',
    span: [2015, 2020],
    reportYears: { to: 2020 },
    citable: { from: 2015, to: 2021 },
    goal: ['职能科学', '权责法定', '执法严明', '公开公正', '廉洁高效', '守法诚信'],
  },
  {
    name: '2021—2025年纲要',
    span: [2021, 2025],
    reportYears: { from: 2021 },
    goal: ['职能科学', '权责法定', '执法严明', '公开公正', '智能高效', '廉洁诚信', '人民满意'],
  },
];
const OLD = '职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信';
const NEW = '职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意';

testRule(
  'consistency: goal-phrase',
  ruleSpec({ kind: 'consistency', check: 'goal-phrase', editions: EDITIONS }),
  {
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
  },
);

testRule(
  'consistency: outline-title-years',
  ruleSpec({ kind: 'consistency', check: 'outline-title-years', editions: EDITIONS }),
  {
    valid: [
      { text: '一、主要举措和成效\n落实《法治政府建设实施纲要（2021—2025年）》。', year: 2022 },
      {
        name: 'any dash',
        text: '一、主要举措和成效\n落实《法治政府建设实施纲要(2021–2025年)》和（2021－2025年）。',
        year: 2024,
      },
      {
        name: 'old edition still citable in 2021',
        text: '一、主要举措和成效\n《法治政府建设实施纲要（2015-2020年）》圆满收官。',
        year: 2021,
      },
      {
        name: 'both editions in 2022',
        text: '一、主要举措和成效\n在《法治政府建设实施纲要（2015—2020年）》基础上，落实《法治政府建设实施纲要（2021—2025年）》。',
        year: 2022,
      },
      { name: 'no citation', text: '一、主要举措和成效\n办理复议案件12件。', year: 2022 },
      {
        name: 'a provincial plan with its own years',
        text: '一、主要举措和成效\n落实《青海省法治政府建设实施纲要（2016—2020年）》。',
        year: 2018,
      },
    ],
    invalid: [
      {
        name: 'wrong start year',
        text: '一、主要举措和成效\n落实《法治政府建设实施纲要（2022—2025年）》。',
        year: 2025,
        status: 'fail',
        findings: [
          {
            line: 2,
            column: 14,
            message: '纲要年份“（2022—2025年）”有误，应为“（2021—2025年）”',
            suggestion: '（2021—2025年）',
          },
        ],
      },
      {
        name: 'dash lost',
        text: '一、主要举措和成效\n落实《法治政府建设实施纲要（20212025年）》。',
        year: 2023,
        status: 'fail',
        findings: [
          { line: 2, column: 14, message: '纲要年份“（20212025年）”缺少连接号，应为“（2021—2025年）”' },
        ],
      },
      {
        name: 'no 年',
        text: '一、主要举措和成效\n按照《法治政府建设实施纲要(2015-2020)》要求。',
        year: 2019,
        status: 'fail',
        findings: [{ line: 2, column: 14, message: '纲要年份“(2015-2020)”缺少“年”，应为“（2015—2020年）”' }],
      },
      {
        name: 'only the superseded edition in 2023',
        text: '一、主要举措和成效\n深入贯彻《法治政府建设实施纲要（2015—2020年）》。',
        year: 2023,
        status: 'fail',
        findings: [
          {
            line: 2,
            column: 16,
            message: '报告只引用了2015—2020年纲要，2023年度应对照2021—2025年纲要',
            suggestion: '（2021—2025年）',
          },
        ],
      },
      {
        name: 'the 2021 edition in a 2020 report',
        text: '一、主要举措和成效\n落实《法治政府建设实施纲要（2021—2025年）》。',
        year: 2020,
        status: 'fail',
        findings: [{ line: 2, column: 14, message: '2020年度报告引用的2021—2025年纲要当时尚未印发' }],
      },
      {
        name: 'a title citation without years',
        text: '一、主要举措和成效\n深入贯彻《法治政府建设实施纲要》。',
        year: 2023,
        status: 'fail',
        findings: [
          {
            line: 2,
            column: 6,
            message: '纲要标题未写明年份，2023年度报告应为“（2021—2025年）”',
            suggestion: '法治政府建设实施纲要（2021—2025年）',
          },
        ],
      },
    ],
  },
);

const rates = ruleSpec({
  kind: 'consistency',
  check: 'rates',
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

testRule('consistency: rates', rates, {
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
      findings: [{ line: 2, column: 7, message: '“案件办结率”为102.5%，比率不应超过100%' }],
    },
    {
      name: 'more successes than cases',
      text: '一、主要举措和成效\n调解纠纷120件，调解成功130件，成功率100%。',
      status: 'fail',
      findings: [{ line: 2, column: 19, message: '调解成功率写为100%，但按130件÷120件计算应为108.33%' }],
    },
  ],
});

testRule(
  'consistency: report-year',
  ruleSpec({ kind: 'consistency', check: 'report-year', planSection: 'test/plan', allow: ['以来', '整改'] }),
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
            message: '标题写的是2022年，报告年度为2023年，疑为沿用上年文稿',
            suggestion: '2023',
          },
        ],
      },
      {
        name: 'a plan heading for the report year',
        text: '2023年度南湖区法治政府建设情况报告\n一、主要举措和成效\n开展普法。\n二、2023年工作安排\n继续推进。',
        status: 'fail',
        findings: [
          { line: 4, column: 3, message: '下一年度安排应针对2024年，这里写的是2023年', suggestion: '2024' },
        ],
      },
      {
        name: 'a plan statement for the report year',
        text: '2023年度南湖区法治政府建设情况报告\n一、主要举措和成效\n开展普法。\n二、下一步工作打算\n2023年，我区将继续推进依法行政。',
        status: 'fail',
        findings: [{ line: 5, column: 1, message: '下一年度安排应针对2024年，这里写的是2023年' }],
      },
      {
        name: 'the title year disagrees with --year',
        text: '2023年度南湖区法治政府建设情况报告\n一、主要举措和成效\n开展普法。',
        year: 2024,
        status: 'fail',
        findings: [{ line: 1, column: 1, message: '标题写的是2023年度，与指定的报告年度2024年不一致' }],
      },
      {
        name: 'published two years later in the first quarter',
        text: '2022年度南湖区法治政府建设情况报告\n发布时间：2024-02-20\n一、主要举措和成效\n开展普法。',
        status: 'fail',
        findings: [
          {
            line: 1,
            column: 1,
            message: '标题为2022年度，但发布于2024-02-20，疑为未更新的标题（应为2023年度？）',
          },
        ],
      },
    ],
  },
);

describe('consistency options', () => {
  it('requires the tables a check reads', () => {
    const problems: string[] = [];
    consistencyKind.compile(
      ruleSpec({ kind: 'consistency', check: 'goal-phrase' }),
      (_, m) => problems.push(m),
      TEST_ENV,
    );
    consistencyKind.compile(
      ruleSpec({
        kind: 'consistency',
        check: 'outline-title-years',
        editions: [{ name: 'x', reportYears: {} }],
      }),
      (_, m) => problems.push(m),
      TEST_ENV,
    );
    expect(problems).toEqual([
      'goal-phrase 检查须给出带 goal 的 editions',
      'outline-title-years 检查须给出带 span 的 editions',
    ]);
  });

  it('shows verified rates as evidence', () => {
    const result = runRule(rates, {
      text: '一、主要举措和成效\n全年调解纠纷3045件，调解成功2904件，成功率95%。',
    });
    expect(result.message).toBe('已核对1个比率，未发现问题：成功率：95%（2904÷3045≈95.37%）');
  });
});
