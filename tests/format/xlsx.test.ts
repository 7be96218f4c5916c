// The Excel workbook, read back with exceljs: three sheets with their headers, frozen header rows,
// filters, widths that fit Chinese, a row per finding (decided ones with their decision), a
// coloured heat map, and text that would start a formula neutralised.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatXlsx } from '../../src/format/xlsx.js';
import type { Decision, RunResult } from '../../src/shared/results.js';
import { FORMAT_OPTIONS, sampleRun } from '../support/sample-run.js';

const DECISION: Decision = {
  kind: 'verified',
  reason: '原文件标题如此',
  date: '2025-03-02',
  by: '李四',
  file: 'fzcheck.decisions.yaml',
  line: 2,
};

/** The sample run, with one finding decided and one message that starts like a formula. */
function run(): RunResult {
  const sample = sampleRun();
  const [first, ...rest] = sample.files;
  const results = first!.results.map((result) => {
    if (result.ruleId !== 'terms/wording') return result;
    const [decided, ...others] = result.findings;
    return {
      ...result,
      findings: others.map((finding) => ({ ...finding, message: '=HYPERLINK("http://x","点我")' })),
      decided: [{ ...decided!, decision: DECISION }],
    };
  });
  return { ...sample, files: [{ ...first!, results }, ...rest] };
}

async function workbookOf(input: RunResult): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = await formatXlsx(input, FORMAT_OPTIONS);
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

describe('formatXlsx', () => {
  it('has the three sheets, each with a frozen, filtered header', async () => {
    const workbook = await workbookOf(run());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['排名', '问题清单', '热力图']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
    expect(workbook.getWorksheet('排名')!.autoFilter).toBe('A1:I1');
    expect(workbook.getWorksheet('问题清单')!.autoFilter).toBe('A1:M1');
    expect(workbook.getWorksheet('热力图')!.views[0]).toMatchObject({ xSplit: 2 });
  });

  it('ranks the reports, best first, with statutory gaps and decisions', async () => {
    const sheet = (await workbookOf(run())).getWorksheet('排名')!;
    expect(rowValues(sheet, 1)).toEqual([
      '名次',
      '报告单位',
      '年度',
      '得分',
      '等级',
      '法定缺项数',
      '法定缺项',
      '已决定',
      '文件',
    ]);
    expect(rowValues(sheet, 2)).toEqual([
      1,
      '石桥街道',
      2022,
      77.8,
      '合格',
      0,
      '',
      0,
      '报告/石桥街道,2022.txt',
    ]);
    expect(rowValues(sheet, 3)).toEqual([
      2,
      '𠀀溪镇',
      2023,
      53.7,
      '不合格',
      1,
      '存在的不足',
      1,
      '报告/𠀀溪镇-2023.txt',
    ]);
    // exceljs reads empty cells back as undefined.
    expect(rowValues(sheet, 4)).toEqual([
      '—',
      undefined,
      undefined,
      undefined,
      '无法检查',
      undefined,
      '不支持的文件类型“.pdf”',
      undefined,
      '报告/扫描件.pdf',
    ]);
  });

  it('lists every finding with where a Word user finds it, decided ones with their decision', async () => {
    const sheet = (await workbookOf(run())).getWorksheet('问题清单')!;
    expect(rowValues(sheet, 1)).toEqual([
      '报告单位',
      '文件',
      '部分',
      '位置',
      '行',
      '规则',
      '规则名称',
      '级别',
      '问题',
      '摘录',
      '建议',
      '依据',
      '审阅决定',
    ]);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2));
    const wording = rows.filter((row) => row[5] === 'terms/wording');
    expect(wording.map((row) => [row[3], row[4], row[8], row[12]])).toEqual([
      ['文首（标题部分）', 1, '\'=HYPERLINK("http://x","点我")', ''],
      ['二、下步打算（标题行）', 5, '“下步”应为“下一步”', '已核实：原文件标题如此（2025-03-02，李四）'],
    ]);
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => typeof row[8] !== 'string' || !/^[=+\-@]/.test(row[8]))).toBe(true);
  });

  it('fits column widths to Chinese (two columns a character), from a minimum', async () => {
    const sheet = (await workbookOf(run())).getWorksheet('排名')!;
    expect(sheet.getColumn(1).width).toBe(6); // 名次: four columns wide, the minimum
    expect(sheet.getColumn(2).width).toBe(10); // 报告单位 / 石桥街道: eight columns, plus two
    const list = (await workbookOf(run())).getWorksheet('问题清单')!;
    expect(list.getColumn(12).width).toBe(50); // 依据: 24 Chinese characters, plus two
  });

  it('colours the heat map by status', async () => {
    const sheet = (await workbookOf(run())).getWorksheet('热力图')!;
    expect(rowValues(sheet, 1).slice(0, 2)).toEqual(['报告单位', '得分']);
    const fills = new Set<string>();
    for (let row = 2; row <= sheet.rowCount; row++)
      for (let column = 3; column <= sheet.columnCount; column++) {
        const fill = sheet.getRow(row).getCell(column).fill as ExcelJS.FillPattern;
        fills.add(`${sheet.getRow(row).getCell(column).value}=${fill.fgColor?.argb}`);
      }
    expect(fills).toContain('✗ 缺失=FFF4A6A0');
    expect(fills).toContain('✓ 满足=FFC8E6C9');
  });
});
