import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/rules/engine/compile-rules.js';
import { ruleSpec, runRule, testRule } from '../../support/rule-tester.js';

const obsolete = ruleSpec({
  kind: 'forbid',
  level: 'warning',
  terms: ['法制办', '政府法制办公室'],
  unless: '原\\p{Han}{0,4}',
  suggestion: '司法局',
});

testRule('forbid: terms with unless and overlaps', obsolete, {
  valid: ['区司法局牵头开展规范性文件备案审查。', '原区政府法制办的职责已划入区司法局。'],
  invalid: [
    {
      text: '2021年，区法制办牵头开展备案审查。',
      status: 'fail',
      findings: [{ line: 1, column: 8, message: '不应出现“法制办”', suggestion: '司法局' }],
    },
    {
      name: 'the longest of overlapping terms, one finding per occurrence',
      text: '一、主要举措和成效\n县政府法制办公室和县法制办联合开展培训。',
      status: 'fail',
      findings: [
        { line: 2, column: 2, messageId: 'found', data: { text: '政府法制办公室', note: '' } },
        { line: 2, column: 11, messageId: 'found', data: { text: '法制办', note: '' } },
      ],
    },
  ],
});

testRule(
  'forbid: patterns with exceptions and notes',
  ruleSpec({ kind: 'forbid', patterns: [{ pattern: '([的了])\\1', note: '重复' }], exceptions: ['目的的'] }),
  {
    valid: ['以营利为目的的行为不予支持。'],
    invalid: [
      {
        text: '2024年，镇政府落实了了相关制度。',
        status: 'fail',
        findings: [{ line: 1, column: 12, messageId: 'found', data: { text: '了了', note: '（重复）' } }],
      },
    ],
  },
);

testRule(
  'forbid: year placeholders in suggestions and the rule message',
  ruleSpec({
    kind: 'forbid',
    terms: [{ text: '今年', suggestion: '{year}年' }, '目前'],
    message: '“{text}”指代不明',
  }),
  {
    valid: [{ text: '2018年，全市办理行政复议案件40件。', year: 2018 }],
    invalid: [
      {
        text: '今年以来，目前已办理行政复议案件40件。',
        year: 2018,
        status: 'fail',
        findings: [
          { line: 1, column: 1, messageId: 'found', data: { text: '今年', note: '' }, suggestion: '2018年' },
          { line: 1, column: 6, messageId: 'found', data: { text: '目前', note: '' } },
        ],
      },
    ],
  },
);

testRule(
  'forbid: a suggestion that needs the year is not given without it; unlessTitle',
  ruleSpec({
    kind: 'forbid',
    terms: [{ text: '今年', suggestion: '{year}年' }],
    unlessTitle: '半年',
  }),
  {
    valid: ['某区法治政府建设半年工作情况\n今年以来，全区办理行政复议案件40件。'],
    invalid: [
      {
        text: '一、主要举措和成效\n今年以来，全区办理行政复议案件40件。',
        status: 'fail',
        findings: [{ line: 2, column: 1, messageId: 'found', suggestion: null as unknown as string }],
      },
    ],
  },
);

testRule(
  'forbid: patterns on whole words',
  ruleSpec({ kind: 'forbid', patterns: [{ pattern: '(\\p{Han}{2,4})\\1', word: true }] }),
  {
    valid: ['召开党组织组织生活会，构建共建共享的治理格局，规范规范性文件管理。'],
    invalid: [
      { text: '专题研究整改工作工作，确保落实。', status: 'fail', findings: [{ line: 1, column: 7 }] },
    ],
  },
);

testRule('forbid: whole words only', ruleSpec({ kind: 'forbid', terms: ['示范'], match: 'word' }), {
  valid: ['建设法治示范区成效明显。'],
  invalid: [{ text: '开展示范创建活动。', status: 'fail', findings: [{ line: 1, column: 3 }] }],
});

describe('forbid: compile problems', () => {
  const problemsOf = (fields: Record<string, unknown>) =>
    compileRules([{ spec: ruleSpec({ kind: 'forbid', ...fields }), source: 'test', index: 0 }]).problems.map(
      (p) => p.path.join('.'),
    );
  it('reports an invalid pattern and an invalid unless', () =>
    expect(problemsOf({ patterns: ['(未闭合'], unless: '[' })).toEqual([
      'rules.0.patterns.0',
      'rules.0.unless',
    ]));
  it('needs terms or patterns', () => expect(problemsOf({})).toEqual(['rules.0']));
  it('does not report chrome lines', () => {
    const result = runRule(ruleSpec({ kind: 'forbid', terms: ['打印'] }), {
      text: '【字体：大 中 小】打印\n2020年度某县法治政府建设情况报告\n全年办理案件12件。',
    });
    expect(result.findings).toEqual([]);
  });
});
