import { describe, expect, it } from 'vitest';
import { ruleSpec, runRuleWithPrevious } from '../../support/rule-tester.js';
import { yearReport } from '../../support/year-reports.js';

const rule = ruleSpec({ id: 'history/copied-text', kind: 'copied-text', level: 'warning', weight: 0 });

// Long paragraphs of invented wording (each over 50 Han characters).
const STUDY =
  '县政府常务会议坚持会前学法制度，全年集中学习宪法、行政复议法、行政处罚法等法律法规，领导干部带头讲法，学法成果运用到决策之中，依法决策水平明显提升。';
const ENFORCEMENT =
  '全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度，各执法部门按照统一格式公开执法主体、权限和程序，执法案卷评查合格率逐年提高，群众满意度持续上升。';
const NEW_WORK =
  '今年新建乡镇公共法律服务工作站十四个，配备专职人民调解员，化解邻里纠纷和劳资矛盾，矛盾纠纷调解成功率达到较高水平，基层治理的法治化程度稳步提升，群众获得感明显增强。';

function report(year: number, measures: string[]): string {
  return yearReport({ unit: '青柳县', year, measures, plan: ['继续推进依法行政。'] });
}

describe('copied-text', () => {
  it('finds paragraphs copied from last year, with the share of the report they make up', () => {
    const result = runRuleWithPrevious(
      rule,
      { text: report(2023, [STUDY, NEW_WORK]) },
      { text: report(2022, [ENFORCEMENT, STUDY]) },
    );
    // STUDY is 68 of the report's 170 Han characters in paragraphs (NEW_WORK 79, the shortcoming 23).
    expect(result.status).toBe('fail');
    expect(result.findings.map((finding) => [finding.line, finding.messageId])).toEqual([[4, 'copied']]);
    expect(result.findings[0]?.data).toEqual({ share: 40, paragraphShare: 100, previousLine: 5 });
    expect(result.data).toEqual({ count: 1, share: 40 });
  });

  it('still finds a copy whose figures and punctuation were changed', () => {
    const changed = STUDY.replace('全年', '全年共12次').replaceAll('，', '；');
    const result = runRuleWithPrevious(
      rule,
      { text: report(2023, [changed]) },
      { text: report(2022, [STUDY]) },
    );
    expect(result.findings).toHaveLength(1);
  });

  it('does not count a paragraph rewritten in other words, nor one shorter than 50 Han characters', () => {
    const short = '全年办理行政复议案件41件，举办法治讲座6场。';
    const result = runRuleWithPrevious(
      rule,
      { text: report(2023, [NEW_WORK, short]) },
      { text: report(2022, [ENFORCEMENT, short]) },
    );
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([]);
  });

  it('does not apply without last year’s report', () => {
    expect(runRuleWithPrevious(rule, { text: report(2023, [STUDY]) }, null).messageId).toBe(
      'engine.noPrevious',
    );
  });
});
