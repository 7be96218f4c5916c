import { describe, expect, it } from 'vitest';
import { deadlineKind } from '../../../src/rules/kinds/deadline.js';
import { ruleSpec, runRule, TEST_ENV, testRule } from '../../support/rule-tester.js';

const rule = ruleSpec({
  kind: 'deadline',
  level: 'warning',
  deadlines: [
    { years: { from: 2023 }, subjects: ['department'], date: '03-01', label: '次年3月1日前' },
    { years: { from: 2015, to: 2018 }, date: '03-31', label: '次年第一季度' },
    { years: { from: 2019 }, date: '03-31', ambiguous: '04-01', label: '次年4月1日之前' },
  ],
});

const report = (title: string, published: string | null) =>
  `${title}\n${published ? `发布时间：${published}\n` : ''}一、主要举措和成效\n全年办理行政复议案件12件。`;

testRule('deadline', rule, {
  valid: [
    report('2020年度新城区法治政府建设情况报告', '2021-03-16'),
    report('2020年度新城区法治政府建设情况报告', '2021-03-31'),
    report('2016年度东山县法治政府建设情况报告', '2017-03-31'),
    report('2023年度青河镇法治政府建设情况报告', '2024-03-20'),
    report('2023年度北川县司法局法治政府建设情况报告', '2024-02-28'),
  ],
  invalid: [
    {
      text: report('2021年度新城区法治政府建设情况报告', '2022-04-15'),
      status: 'fail',
      findings: [
        { line: 2, column: 1, message: '2022-04-15发布，超过“次年4月1日之前”的期限（2022-03-31），逾期15天' },
      ],
    },
    {
      name: 'exactly 4月1日 is ambiguous',
      text: report('2019年度新城区法治政府建设情况报告', '2020-04-01'),
      status: 'partial',
      findings: [{ line: 2, column: 1, message: /当天发布是否算按时存在歧义/ }],
    },
    {
      name: 'R2015: 04-01 is after the first quarter',
      text: report('2017年度东山县法治政府建设情况报告', '2018-04-01'),
      status: 'fail',
      findings: [{ line: 2, column: 1, message: /“次年第一季度”的期限（2018-03-31），逾期1天/ }],
    },
    {
      name: 'an earlier deadline by subject type',
      text: report('2023年度北川县司法局法治政府建设情况报告', '2024-03-10'),
      status: 'fail',
      findings: [{ line: 2, column: 1, message: /“次年3月1日前”的期限（2024-03-01），逾期9天/ }],
    },
    {
      name: 'unknown date: a note on the title line',
      text: report('2022年度新城区法治政府建设情况报告', null),
      status: 'skip',
      findings: [
        {
          line: 1,
          column: 1,
          messageId: 'unknownDate',
          data: { label: '次年4月1日之前', deadline: '2023-03-31', published: '' },
        },
      ],
    },
  ],
});

const reposted = (published: string) =>
  `2021年度新城区法治政府建设情况报告\n发布时间：${published} 来源：转载自青河新闻网\n一、主要举措和成效\n全年办理行政复议案件12件。`;
const signed = (date: string) =>
  `2021年度新城区司法局法治政府建设情况报告\n一、主要举措和成效\n全年办理行政复议案件12件。\n\n新城区司法局\n${date}`;

describe('where the date came from', () => {
  it.each([
    ['a repost dated on time: the original was on time too', reposted('2022-03-20'), 'pass', 'onTime', null],
    ['a repost dated late: a note, not 逾期', reposted('2022-06-01'), 'skip', 'repostLate', 2],
    ['a signature date on time: skipped, no note', signed('2022年2月10日'), 'skip', 'signedOnly', null],
    ['a signature date after the deadline: a note', signed('2022年4月20日'), 'skip', 'signedLate', 6],
  ])('%s', (_, text, status, messageId, line) => {
    const result = runRule(rule, { text });
    expect(result.status).toBe(status);
    expect(result.messageId).toBe(messageId);
    expect(result.findings.map((f) => [f.messageId, f.level, f.line])).toEqual(
      line === null ? [] : [[messageId, 'info', line]],
    );
  });
});

describe('deadline levels and options', () => {
  it('the unknown-date note is info, the ambiguous day one level lower, late the rule level', () => {
    const level = (published: string | null) =>
      runRule(rule, { text: report('2021年度新城区法治政府建设情况报告', published) }).findings[0]?.level;
    expect([level(null), level('2022-04-01'), level('2022-05-01')]).toEqual(['info', 'info', 'warning']);
  });

  it('skips a report year the table does not cover', () => {
    const result = runRule(rule, { text: report('2012年度东山县法治政府建设情况报告', '2013-03-01') });
    expect([result.status, result.message, result.findings]).toEqual([
      'skip',
      '没有适用于2012年度本类主体的公开期限',
      [],
    ]);
  });

  it('rejects impossible dates', () => {
    const problems: string[] = [];
    deadlineKind.compile(
      ruleSpec({ kind: 'deadline', deadlines: [{ date: '02-30', label: 'x' }] }),
      (_, m) => problems.push(m),
      TEST_ENV,
    );
    expect(problems).toEqual(['“02-30”不是有效的月-日']);
  });
});
