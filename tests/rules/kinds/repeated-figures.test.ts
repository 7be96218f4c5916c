import { describe, expect, it } from 'vitest';
import { ruleSpec, runRuleWithPrevious } from '../../support/rule-tester.js';
import { yearReport } from '../../support/year-reports.js';

const rule = ruleSpec({ id: 'history/repeated-figures', kind: 'repeated-figures', level: 'info', weight: 0 });

function report(year: number, measures: string[]): string {
  return yearReport({ unit: '青柳县', year, measures, plan: ['继续推进依法行政。'] });
}

describe('repeated-figures', () => {
  it('reports a figure with the same words, number and unit as last year, once', () => {
    const result = runRuleWithPrevious(
      rule,
      { text: report(2023, ['全年受理行政复议案件35件，举办法治讲座18场。', '另外受理行政复议案件35件。']) },
      { text: report(2022, ['全年受理行政复议案件35件，举办法治讲座12场。']) },
    );
    expect(result.findings.map((finding) => [finding.line, finding.data])).toEqual([
      [4, { figure: '复议案件35件', previousLine: 4 }],
    ]);
    expect(result.findings[0]?.message).toBe(
      '数据“复议案件35件”与上一年度报告（第4行）相同，请核对是否为本年度数据',
    );
  });

  it('leaves out small counts, 100%, other words before the same number, and a different unit', () => {
    const result = runRuleWithPrevious(
      rule,
      { text: report(2023, ['出庭应诉率100%，败诉3件，新聘法律顾问35名，开展培训35次。']) },
      { text: report(2022, ['出庭应诉率100%，败诉3件，受理复议35件，开展培训35场。']) },
    );
    expect(result.status).toBe('pass');
  });

  it('does not apply without last year’s report', () => {
    expect(runRuleWithPrevious(rule, { text: report(2023, ['受理案件35件。']) }, null).status).toBe('skip');
  });
});
