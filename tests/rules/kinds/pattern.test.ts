import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/rules/engine/compile-rules.js';
import { ruleSpec, testRule } from '../../support/rule-tester.js';

const docNumber = ruleSpec({
  kind: 'pattern',
  find: '(?<agency>\\p{Han}{1,6})(?=〔|[\\[(【]\\d{2,4}[〕\\])】]第?\\d{1,4}号)(?<open>[〔\\[(【])(?<year>\\d{2,4})(?<close>[〕\\])】]?)(?<first>第?)(?<number>\\d{0,4})(?<hao>号?)',
  valid: '\\p{Han}{1,6}〔\\d{4}〕[1-9]\\d*号',
  checks: [
    { group: 'open', pattern: '^[^〔]', message: '年份应使用六角括号“〔〕”，不用“{open}{close}”' },
    { group: 'close', pattern: '^$', message: '年份后缺少“〕”' },
    { group: 'year', pattern: '^\\d{2,3}$', message: '年份应写全四位' },
    { group: 'first', pattern: '第', message: '顺序号前不加“第”' },
    { group: 'number', pattern: '^0', message: '顺序号不编虚位' },
    { group: 'hao', pattern: '^$', message: '应以“号”结尾' },
  ],
  suggest: '{agency}〔{year}〕{number|int}号',
  message: '发文字号“{text}”不规范：{problems}',
});

testRule('pattern: 发文字号', docNumber, {
  valid: [
    '印发《工作要点》（遵新党办发〔2020〕131号）。',
    '贯彻《重大行政决策程序暂行条例》（国务院令第713号）。',
    '《法治政府建设实施纲要（2021—2025年）》全面实施。',
  ],
  invalid: [
    {
      text: '印发《办法》（县政发[2020]5号）。',
      status: 'fail',
      findings: [
        {
          line: 1,
          column: 8,
          message: '发文字号“县政发[2020]5号”不规范：年份应使用六角括号“〔〕”，不用“[]”',
          suggestion: '县政发〔2020〕5号',
        },
      ],
    },
    {
      text: '印发《方案》（市法办（2019）5号）。',
      status: 'fail',
      findings: [{ line: 1, column: 8, suggestion: '市法办〔2019〕5号' }],
    },
    {
      text: '印发《要点》（区委办〔20〕3号）。',
      status: 'fail',
      findings: [
        {
          line: 1,
          column: 8,
          messageId: 'invalid',
          data: { text: '区委办〔20〕3号', problems: '年份应写全四位' },
        },
      ],
    },
    {
      text: '印发《要点》（区委办〔2020〕05号）。',
      status: 'fail',
      findings: [{ line: 1, column: 8, message: /顺序号不编虚位/, suggestion: '区委办〔2020〕5号' }],
    },
    {
      text: '印发《要点》（区委办〔2020〕第3号）。',
      status: 'fail',
      findings: [{ line: 1, column: 8, message: /顺序号前不加“第”/, suggestion: '区委办〔2020〕3号' }],
    },
    {
      name: 'an unclosed bracket and no 号',
      text: '一、主要举措和成效\n出台《工作方案》（镇法办通〔20208），完善政策措施。',
      status: 'fail',
      findings: [
        {
          line: 2,
          column: 10,
          messageId: 'invalid',
          data: { text: '镇法办通〔20208', problems: '年份后缺少“〕”；应以“号”结尾' },
          suggestion: '镇法办通〔2020〕8号',
        },
      ],
    },
  ],
});

describe('pattern: compile problems', () => {
  it('names unknown groups in checks and suggest', () => {
    const { problems } = compileRules([
      {
        spec: ruleSpec({
          kind: 'pattern',
          find: '(?<a>\\d+)号',
          valid: '\\d+号',
          checks: [{ group: 'b', pattern: 'x', message: 'm' }],
          suggest: '{c}号',
        }),
        source: 'test',
        index: 0,
      },
    ]);
    expect(problems.map((p) => p.path.join('.'))).toEqual(['rules.0.checks.0.group', 'rules.0.suggest']);
  });
});
