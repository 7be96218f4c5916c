import { describe, expect, it } from 'vitest';
import { mentionKind } from '../../../src/rules/kinds/mention.js';
import { ruleSpec, TEST_ENV, testRule } from '../../support/rule-tester.js';

testRule(
  'mention: require all, whole words',
  ruleSpec({
    kind: 'mention',
    items: ['执法公示', { name: '全过程记录', terms: ['全过程记录'], patterns: ['全过程(音像)?记录'] }],
  }),
  {
    valid: ['一、主要举措和成效\n推行执法公示和执法全过程记录。'],
    invalid: [
      {
        text: '一、主要举措和成效\n推行执法公示。',
        status: 'partial',
        findings: [{ line: 2, column: 3, message: '已提及执法公示；未提及全过程记录' }],
      },
      {
        name: '办公示范区 does not contain the word 公示',
        text: '一、主要举措和成效\n在办公示范区开展执法全过程记录。',
        status: 'partial',
        findings: [
          {
            line: 2,
            column: 11,
            messageId: 'someMissing',
            data: { found: '全过程记录', missing: '执法公示', count: 1, total: 2, required: 2 },
          },
        ],
      },
    ],
  },
);

testRule(
  'mention: minHits per item (keyword banks)',
  ruleSpec({
    kind: 'mention',
    match: 'text',
    minHits: 2,
    messages: { someMissing: '已覆盖{count}/{total}项；未覆盖：{missing}' },
    items: [
      { name: '行政决策', patterns: ['重大行政决策', '法律顾问', '专家论证', '风险评估'] },
      { name: '矛盾化解', patterns: ['行政复议', '应诉', '调解'] },
      { name: '学法', patterns: ['学法', '培训'], minHits: 1 },
    ],
  }),
  {
    valid: [
      '一、主要举措和成效\n重大行政决策经法律顾问审查。办理行政复议案件，做好应诉工作。组织学法。',
      '一、主要举措和成效\n开展风险评估和专家论证，开展调解和行政复议，组织培训。',
    ],
    invalid: [
      {
        name: 'one keyword repeated does not cover a task',
        text: '一、主要举措和成效\n重大行政决策经法律顾问审查。行政复议案件增加，行政复议质量提高。组织学法。',
        status: 'partial',
        findings: [
          {
            line: 2,
            column: 1,
            messageId: 'someMissing',
            data: { found: '行政决策、学法', missing: '矛盾化解', count: 2, total: 3, required: 3 },
          },
        ],
      },
      {
        text: '一、主要举措和成效\n召开会议。',
        status: 'fail',
        findings: [
          {
            line: 1,
            column: 1,
            messageId: 'missing',
            data: { found: '', missing: '行政决策、矛盾化解、学法', count: 0, total: 3, required: 3 },
          },
        ],
      },
    ],
  },
);

describe('mention options', () => {
  it('rejects minHits larger than the bank', () => {
    const problems: string[] = [];
    mentionKind.compile(
      ruleSpec({ kind: 'mention', items: [{ name: '甲', patterns: ['甲'], minHits: 2 }] }),
      (_, message) => problems.push(message),
      TEST_ENV,
    );
    expect(problems).toEqual(['minHits 为 2，但该事项只有 1 个词或正则']);
  });
});
