import { describe, expect, it } from 'vitest';
import { summaryRows } from '../../src/format/summary.js';
import { formatTable } from '../../src/format/table.js';
import { FORMAT_OPTIONS, sampleRun, singleRun } from '../support/sample-run.js';

describe('formatTable summary', () => {
  it('ranks files by score, unreadable files last, and counts missing statutory items', () => {
    expect(summaryRows(sampleRun().files).map((row) => [row.path, row.score, row.missingStatutory])).toEqual([
      ['报告/石桥街道,2022.txt', 77.8, 0],
      ['报告/𠀀溪镇-2023.txt', 53.7, 1],
      ['报告/扫描件.pdf', null, null],
    ]);
  });

  it('does not count an advisory (weight 0) statutory rule as a missing item', () => {
    const run = sampleRun();
    const file = run.files[0]!;
    const advisory = { ...file.results[1]!, ruleId: 'statutory/other', weight: 0, earned: 0 };
    const files = [{ ...file, results: [...file.results, advisory] }];
    expect(summaryRows(files)[0]!.missingStatutory).toBe(1);
  });

  it('prints the per-file tables, then the summary table with East-Asian widths aligned', () => {
    const text = formatTable(sampleRun(), FORMAT_OPTIONS);
    const summary = text.slice(text.indexOf('汇总（3 份报告，按得分排序）'));
    expect(text.indexOf('报告 报告/𠀀溪镇-2023.txt')).toBeLessThan(text.indexOf('汇总'));
    expect(summary).toBe(
      [
        '汇总（3 份报告，按得分排序）',
        '┌──────┬──────────┬──────┬──────┬──────────┬──────────┬────────────────────────┐',
        '│ 名次 │ 报告单位 │ 年度 │ 得分 │ 等级     │ 法定缺项 │ 文件                   │',
        '├──────┼──────────┼──────┼──────┼──────────┼──────────┼────────────────────────┤',
        '│    1 │ 石桥街道 │ 2022 │ 77.8 │ 合格     │        0 │ 报告/石桥街道,2022.txt │',
        '│    2 │ 𠀀溪镇   │ 2023 │ 53.7 │ 不合格   │        1 │ 报告/𠀀溪镇-2023.txt   │',
        '│    — │ —        │ —    │    — │ 无法检查 │        — │ 报告/扫描件.pdf        │',
        '│      │          │      │      │          │          │ 不支持的文件类型“.pdf” │',
        '└──────┴──────────┴──────┴──────┴──────────┴──────────┴────────────────────────┘',
        '已检查 2 份，无法检查 1 份；法定缺项 = 完全缺失的法定内容项数',
        '',
      ].join('\n'),
    );
  });

  it('prints only the summary with summaryOnly, and none for a single file', () => {
    expect(
      formatTable(sampleRun(), { ...FORMAT_OPTIONS, summaryOnly: true }).startsWith('汇总（3 份报告'),
    ).toBe(true);
    expect(formatTable(singleRun(), FORMAT_OPTIONS)).not.toContain('汇总');
  });
});
