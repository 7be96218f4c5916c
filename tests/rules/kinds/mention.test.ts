import { ruleSpec, testRule } from '../../support/rule-tester.js';

const threeSystems = ruleSpec({
  kind: 'mention',
  title: '三项制度',
  items: [
    { name: '执法公示', terms: ['行政执法公示', '执法公示'] },
    { name: '全过程记录', terms: ['执法全过程记录', '全过程记录'] },
    { name: '法制审核', terms: ['重大执法决定法制审核', '法制审核'] },
  ],
  umbrella: { terms: ['三项制度'], credit: 0.5 },
});

testRule('mention (all, whole words)', threeSystems, {
  valid: [
    '推行执法公示，执法全过程记录覆盖全部案件，重大执法决定全部经过法制审核。',
    '落实行政执法三项制度（行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度）。',
    'ＦＵＬＬ：执法　公示、全过程记录、法制审核。',
  ],
  invalid: [
    {
      name: 'two of three',
      text: '东湖区2021年度法治政府建设情况报告\n推行执法公示，执法全过程记录覆盖全部案件。',
      status: 'partial',
      findings: [{ line: 2, column: 3, message: '已提及执法公示、全过程记录；未提及法制审核' }],
    },
    {
      name: 'umbrella term only',
      text: '东湖区2021年度法治政府建设情况报告\n全面落实行政执法三项制度。',
      status: 'partial',
      findings: [
        {
          line: 2,
          column: 9,
          messageId: 'umbrellaOnly',
          data: {
            found: '',
            missing: '执法公示、全过程记录、法制审核',
            count: 0,
            total: 3,
            required: 3,
            umbrella: '三项制度',
          },
        },
      ],
    },
    {
      name: '公示 inside 办公示范区 is not the word',
      text: '东湖区2021年度法治政府建设情况报告\n在办公示范区开展执法公示活动。',
      status: 'partial',
      findings: [{ line: 2, column: 9 }],
    },
    {
      name: 'none',
      text: '东湖区2021年度法治政府建设情况报告\n开展普法宣传。',
      status: 'fail',
      findings: [
        {
          line: 2,
          column: 1,
          messageId: 'missing',
          data: { found: '', missing: '执法公示、全过程记录、法制审核', count: 0, total: 3, required: 3 },
        },
      ],
    },
  ],
});

const evidence = ruleSpec({
  kind: 'mention',
  title: '履职事实',
  require: 2,
  match: 'text',
  items: [
    { name: '学法', patterns: ['学法(?!考试)'] },
    { name: '述法', patterns: ['述法'] },
    { name: '出庭', patterns: ['出庭应诉'] },
  ],
});

testRule('mention (at least N, patterns)', evidence, {
  valid: ['区长会前学法4次，年终述法。', '区长出庭应诉2次，年终述法。'],
  invalid: [
    {
      name: 'one of two',
      text: '东湖区2021年度法治政府建设情况报告\n区长会前学法4次。',
      status: 'partial',
      findings: [
        {
          line: 2,
          column: 5,
          messageId: 'tooFew',
          data: { found: '学法', missing: '述法、出庭', count: 1, total: 3, required: 2 },
        },
      ],
    },
    {
      name: 'negative lookahead',
      text: '东湖区2021年度法治政府建设情况报告\n组织学法考试。',
      status: 'fail',
      findings: [
        {
          line: 2,
          column: 1,
          messageId: 'noneOfAtLeast',
          data: { found: '', missing: '学法、述法、出庭', count: 0, total: 3, required: 2 },
        },
      ],
    },
  ],
});
