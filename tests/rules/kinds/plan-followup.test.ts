import { describe, expect, it } from 'vitest';
import { ruleSpec, runRuleWithPrevious } from '../../support/rule-tester.js';
import { sectionRules, yearReport } from '../../support/year-reports.js';

const rule = ruleSpec({
  id: 'history/plan-followup',
  kind: 'plan-followup',
  level: 'warning',
  weight: 0,
  planSection: 'statutory/next-year-plan',
  measuresSection: 'statutory/measures',
});
const companions = await sectionRules();

const LAST_YEAR = yearReport({
  unit: '青柳县',
  year: 2022,
  measures: ['全年办理行政复议案件41件，举办法治讲座6场。'],
  plan: [
    '深化行政复议体制改革，提升案件办理质量。',
    '推进乡镇综合执法队伍建设，规范执法程序。',
    '加强法律顾问管理，发挥参谋助手作用。',
  ],
});

function thisYear(measures: string[]): string {
  return yearReport({ unit: '青柳县', year: 2023, measures, plan: ['继续推进依法行政。'] });
}

describe('plan-followup', () => {
  it.each([
    [
      'every item of last year’s plan is reported on, in other words',
      [
        '完成行政复议体制改革，全年受理案件52件。',
        '组建乡镇综合执法队伍12支，开展执法培训。',
        '县政府法律顾问列席常务会议18次。',
      ],
      [],
    ],
    [
      'one item is missing from this year’s measures',
      ['完成行政复议体制改革，全年受理案件52件。', '县政府法律顾问列席常务会议18次。'],
      [{ item: '推进乡镇综合执法队伍建设', line: 9 }],
    ],
    [
      'no item is reported on',
      ['举办法治讲座8场。'],
      [
        { item: '深化行政复议体制改革', line: 8 },
        { item: '推进乡镇综合执法队伍建设', line: 9 },
        { item: '加强法律顾问管理', line: 10 },
      ],
    ],
  ])('%s', (_name, measures, missing) => {
    const result = runRuleWithPrevious(rule, { text: thisYear(measures) }, { text: LAST_YEAR }, companions);
    expect(result.findings.map((finding) => finding.data)).toEqual(
      missing.map((item) => ({ item: expect.stringMatching(new RegExp(`^${item.item}`)), line: item.line })),
    );
    expect(
      result.findings.every((finding) => finding.messageId === 'notReported' && finding.line === 3),
    ).toBe(true);
    expect(result.status).toBe(missing.length === 0 ? 'pass' : missing.length === 3 ? 'fail' : 'partial');
  });

  it('names the item as written and where it was in last year’s report', () => {
    const result = runRuleWithPrevious(
      rule,
      { text: thisYear(['举办法治讲座8场。']) },
      { text: LAST_YEAR },
      companions,
    );
    expect(result.findings[0]?.message).toBe(
      '去年计划“深化行政复议体制改革，提升案件办理质量”（上一年度报告第8行）未见落实情况',
    );
    expect(result.data).toEqual({ total: 3, missing: 3 });
  });

  it('reads the items of a plan written as one paragraph of 一是、二是', () => {
    const last = LAST_YEAR.replace(
      /（一）[^\n]*\n（二）[^\n]*\n（三）[^\n]*/,
      '2023年，我县将重点做好以下工作：一是深化行政复议体制改革；二是推进综合执法队伍建设。',
    );
    const result = runRuleWithPrevious(
      rule,
      { text: thisYear(['完成行政复议体制改革，全年受理案件52件。']) },
      { text: last },
      companions,
    );
    expect(result.findings.map((finding) => finding.data.item)).toEqual(['推进综合执法队伍建设']);
  });

  it('does not apply without last year’s report, nor when last year’s has no plan', () => {
    const alone = runRuleWithPrevious(rule, { text: thisYear(['举办法治讲座8场。']) }, null, companions);
    expect(alone.status).toBe('skip');
    expect(alone.messageId).toBe('engine.noPrevious');
    const noPlan = runRuleWithPrevious(
      rule,
      { text: thisYear(['举办法治讲座8场。']) },
      { text: LAST_YEAR.slice(0, LAST_YEAR.indexOf('三、下一年度工作安排')) },
      companions,
    );
    expect(noPlan.status).toBe('skip');
    expect(noPlan.messageId).toBe('noPlan');
  });
});
