import { describe, expect, it } from 'vitest';
import { escapeCell, formatMarkdown } from '../../src/format/markdown.js';
import { expectGoldenText } from '../support/golden-text.js';
import { FORMAT_OPTIONS, sampleRun, singleRun } from '../support/sample-run.js';

describe('formatMarkdown', () => {
  it('prints a gap table per file and the ranking for a batch', () => {
    const md = formatMarkdown(sampleRun(), FORMAT_OPTIONS);
    expect(md).toContain(
      '| ! 问题 | 规范用语 | 规范用语<br>`terms/wording` | 1/2 | 二、下步打算（标题行）（第5行）：“下步”应为“下一步”<br>文首（标题部分）（第1行）：地名"溪镇"前有生僻字, 请核对：100%<br>依据：《党政机关公文格式》（GB/T 9704-2012） |',
    );
    expect(md).toContain('### 报告/扫描件.pdf\n\n✗ 无法检查：不支持的文件类型“.pdf”');
    expect(md.split('### 汇总（3 份报告，按得分排序）')[1]).toBe(
      [
        '',
        '',
        '| 名次 | 报告单位 | 年度 | 得分 | 等级 | 法定缺项 | 文件 |',
        '| ---: | --- | --- | ---: | --- | ---: | --- |',
        '| 1 | 石桥街道 | 2022 | 77.8 | 合格 | 0 | 报告/石桥街道,2022.txt |',
        '| 2 | 𠀀溪镇 | 2023 | 53.7 | 不合格 | 1 | 报告/𠀀溪镇-2023.txt |',
        '| — | — | — | — | 无法检查 | — | 报告/扫描件.pdf<br>不支持的文件类型“.pdf” |',
        '',
      ].join('\n'),
    );
    expectGoldenText(new URL('golden/sample.md.golden', import.meta.url), md);
  });

  it('prints no summary for one file, and only the summary with summaryOnly', () => {
    expect(formatMarkdown(singleRun(), FORMAT_OPTIONS)).not.toContain('汇总');
    const summary = formatMarkdown(sampleRun(), { ...FORMAT_OPTIONS, summaryOnly: true });
    expect(summary.startsWith('## fzcheck 检查结果\n\n### 汇总（3 份报告，按得分排序）\n')).toBe(true);
    expect(summary).not.toContain('| 状态 |');
  });

  it('escapes pipes, markup and line breaks inside cells', () => {
    expect(escapeCell('a|b <i>*x*</i>\n第二行')).toBe('a\\|b &lt;i&gt;\\*x\\*&lt;/i&gt;<br>第二行');
  });
});
