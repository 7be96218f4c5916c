import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/rules/engine/compile-rules.js';
import { ruleSpec, runRule, testRule } from '../../support/rule-tester.js';

const wording = ruleSpec({
  kind: 'substitute',
  level: 'warning',
  swap: { 下步: '下一步' },
  items: [
    {
      pattern: '(?<=^|[,.;:，。；：])截止(?=(?:19|20)\\d{2}年|\\d{1,2}月)|截止(?=目前|年底)',
      right: '截至',
      note: '表示时间用“截至”',
    },
    { wrong: '法治审核', right: '法制审核' },
    { pattern: '科学化(、?)民主化(、?)法制化', right: '科学化$1民主化$2法治化' },
    { wrong: '审核', right: '合法性审核', exceptions: ['法制审核', '审核机构'] },
    { wrong: '行政首长出庭应诉', right: '行政机关负责人出庭应诉', level: 'info' },
  ],
});

testRule('substitute', wording, {
  valid: [
    '全面落实重大执法决定法制审核制度，配齐法制审核机构人员。',
    '申报截止日期为2022年6月30日，逾期不予受理。',
    '截至目前，下一步工作打算已经明确。',
    '坚持科学化、民主化、法治化，规范性文件合法性审核率100%。',
  ],
  invalid: [
    {
      text: '截止2021年1月，全区共有律师事务所9家；截止目前，已全部办结。',
      status: 'fail',
      findings: [
        { line: 1, column: 1, message: '“截止”应为“截至”（表示时间用“截至”）', suggestion: '截至' },
        { line: 1, column: 23, suggestion: '截至' },
      ],
    },
    {
      text: '一、主要举措和成效\n推行法治审核制度。\n三、下步工作打算',
      status: 'fail',
      findings: [
        {
          line: 2,
          column: 3,
          messageId: 'found',
          data: { wrong: '法治审核', right: '法制审核', note: '' },
          suggestion: '法制审核',
        },
        {
          line: 3,
          column: 3,
          messageId: 'found',
          data: { wrong: '下步', right: '下一步', note: '' },
          suggestion: '下一步',
        },
      ],
    },
    {
      name: 'groups of a pattern in the right form',
      text: '推进行政决策科学化民主化法制化。',
      status: 'fail',
      findings: [{ line: 1, column: 7, suggestion: '科学化民主化法治化' }],
    },
    {
      name: 'only the uses outside the right form and the exceptions',
      text: '完成合同审核20件，规范性文件合法性审核15件，法制审核机构审核3件。',
      status: 'fail',
      findings: [
        { line: 1, column: 5, messageId: 'found', data: { wrong: '审核', right: '合法性审核', note: '' } },
        { line: 1, column: 31, messageId: 'found', data: { wrong: '审核', right: '合法性审核', note: '' } },
      ],
    },
  ],
});

describe('substitute: item levels and problems', () => {
  it('gives an item its own level', () => {
    const result = runRule(wording, { text: '推行行政首长出庭应诉制度。' });
    expect(result.findings.map((f) => [f.level, f.column, f.suggestion])).toEqual([
      ['info', 3, '行政机关负责人出庭应诉'],
    ]);
  });
  it('needs wrong or pattern in each item, not both', () => {
    const { problems } = compileRules([
      {
        spec: ruleSpec({
          kind: 'substitute',
          items: [{ right: 'x' }, { wrong: 'a', pattern: 'b', right: 'c' }],
        }),
        source: 'test',
        index: 0,
      },
    ]);
    expect(problems.map((p) => p.path.join('.'))).toEqual(['rules.0.items.0', 'rules.0.items.1']);
  });
});
