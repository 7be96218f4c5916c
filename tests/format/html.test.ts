import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/format/html.js';
import { FORMAT_OPTIONS, sampleRun, singleRun } from '../support/sample-run.js';

describe('formatHtml', () => {
  const html = formatHtml(sampleRun(), FORMAT_OPTIONS);

  it('is one self-contained page: no external scripts, styles, images or fonts', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|@import|url\(/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`,
    );
  });

  it('wraps each finding in place, splitting overlaps, with code-point offsets past 𠀀', () => {
    const doc = /<div class="doc">([\s\S]*?)<\/div>/.exec(html)![1]!;
    const mark = (id: string | null, keys: string, level: string, text: string, empty = false) =>
      `<mark class="fz lv-${level}${empty ? ' empty' : ''}"${id ? ` id="${id}"` : ''} data-f="${keys}" tabindex="0" aria-label="${
        { error: '错误', warning: '警告', info: '提示' }[level]
      }">${text}</mark>`;
    expect(doc).toBe(
      [
        `𠀀${mark('r1-f4', 'r1-f4', 'warning', '溪镇')}2023年度法治政府建设工作报告`,
        '',
        '一、工作开展情况',
        `${mark('r1-f2', 'r1-f2', 'warning', '镇党委书记带头学法')}，落实“执法公示”制度，办理复议案件3件。${mark('r1-f5', 'r1-f5', 'info', '', true)}`,
        `${mark('r1-f1', 'r1-f1', 'error', '二、')}${mark('r1-f3', 'r1-f1 r1-f3', 'error', '下步')}${mark(null, 'r1-f1', 'error', '打算')}`,
        '继续推进，50%的事项要“一网通办”。',
        '',
      ].join('\n'),
    );
  });

  it('embeds what the tooltip shows, safely inside <script>', () => {
    const json = /<script type="application\/json" id="fz-data">(.*?)<\/script>/s.exec(html)![1]!;
    const data = JSON.parse(json) as Record<
      string,
      { message: string; basis: string; offset: number; endOffset: number }
    >;
    expect(Object.keys(data)).toEqual(['r1-f1', 'r1-f2', 'r1-f3', 'r1-f4', 'r1-f5', 'r2-f1']);
    expect(data['r1-f4']).toMatchObject({
      message: '地名"溪镇"前有生僻字, 请核对：100%',
      offset: 1,
      endOffset: 3,
    });
    const run = singleRun();
    const file = run.files[0]!;
    const hostile = file.results.map((result) => ({
      ...result,
      findings: result.findings.map((finding) => ({
        ...finding,
        message: '</script><script>alert(1)</script>',
      })),
    }));
    const page = formatHtml({ ...run, files: [{ ...file, results: hostile }] }, FORMAT_OPTIONS);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
  });

  it('has the chart, the gap table, and for a batch the ranking and the heat map', () => {
    expect(html).toContain('<svg class="chart" role="img"');
    expect(html.match(/<section class="report"/g)).toHaveLength(3);
    expect(html).toContain('<h2>排名（按得分）</h2>');
    expect(html).toContain('<h2>热力图（报告 × 规则）</h2>');
    expect(html).toContain('<p class="error">✗ 无法检查：不支持的文件类型“.pdf”</p>');
    expect(formatHtml(singleRun(), FORMAT_OPTIONS)).not.toContain('热力图');
  });

  it('is deterministic', () => {
    expect(formatHtml(sampleRun(), FORMAT_OPTIONS)).toBe(html);
  });
});
