import { ruleSpec, testRule } from '../../support/rule-tester.js';

const EDITIONS = [
  {
    name: '2015—2020年纲要',
    span: [2015, 2020],
    reportYears: { to: 2020 },
    citable: { from: 2015, to: 2021 },
  },
  { name: '2021—2025年纲要', span: [2021, 2025], reportYears: { from: 2021 } },
];
const TITLE = '(?<![省市县区州])法[治制]政府建设实施纲要';

testRule(
  'outline-citation',
  ruleSpec({ kind: 'outline-citation', outlineTitle: TITLE, editions: EDITIONS }),
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
          {
            line: 2,
            column: 14,
            messageId: 'outlineNoSeparator',
            data: { found: '（20212025年）', expected: '（2021—2025年）' },
          },
        ],
      },
      {
        name: 'no 年',
        text: '一、主要举措和成效\n按照《法治政府建设实施纲要(2015-2020)》要求。',
        year: 2019,
        status: 'fail',
        findings: [
          {
            line: 2,
            column: 14,
            messageId: 'outlineNoNian',
            data: { found: '(2015-2020)', expected: '（2015—2020年）' },
          },
        ],
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
            messageId: 'outlineOutdated',
            data: { year: 2023, edition: '2015—2020年纲要', expected: '2021—2025年纲要' },
            suggestion: '（2021—2025年）',
          },
        ],
      },
      {
        name: 'the 2021 edition in a 2020 report',
        text: '一、主要举措和成效\n落实《法治政府建设实施纲要（2021—2025年）》。',
        year: 2020,
        status: 'fail',
        findings: [
          {
            line: 2,
            column: 14,
            messageId: 'outlineNotYetIssued',
            data: { year: 2020, edition: '2021—2025年纲要' },
          },
        ],
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
            messageId: 'outlineNoYears',
            data: { year: 2023, expected: '（2021—2025年）' },
            suggestion: '法治政府建设实施纲要（2021—2025年）',
          },
        ],
      },
    ],
  },
);
