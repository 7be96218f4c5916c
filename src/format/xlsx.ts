// The Excel workbook for a reviewer's summary: 排名 (one row per report), 问题清单 (one row per
// finding, decided ones with their decision) and 热力图 (reports × rules, coloured by status).
// Every sheet has a frozen header row, filters and column widths measured in display columns (a
// Chinese character takes two). Text that a spreadsheet would read as a formula is neutralised.
// exceljs is loaded only when this format is asked for.

import { categoryOrder } from '../shared/categories.js';
import type { FileResult, Finding, RuleResult, RunResult } from '../shared/results.js';
import type { FormatOptions } from './formatter.js';
import {
  decisionText,
  extraSuggestion,
  GAP_STATUS_ICONS,
  GAP_STATUS_LABELS,
  type GapStatus,
  gapStatusOf,
  LEVEL_LABELS,
  locationText,
} from './labels.js';
import { neutraliseFormula } from './spreadsheet-cell.js';
import { decidedCount, isMissingStatutory, summaryRows } from './summary.js';
import { displayWidth } from './text-width.js';

type Cell = string | number | null;
type Worksheet = import('exceljs').Worksheet;

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const HEADER_FILL = 'FFE8EAED';

/** ARGB fills of heat-map statuses (the HTML heat map's colours). */
const STATUS_FILLS: Readonly<Record<GapStatus | 'decided', string>> = {
  met: 'FFC8E6C9',
  partial: 'FFFFE29A',
  missing: 'FFF4A6A0',
  problem: 'FFFFCC80',
  advice: 'FFBBDEFB',
  skipped: 'FFECEFF1',
  decided: 'FFD7CCEE',
};

/** The sheet names, in order. */
export const XLSX_SHEETS = ['排名', '问题清单', '热力图'] as const;

/** Formats a run as an .xlsx workbook. */
export async function formatXlsx(run: RunResult, options: FormatOptions): Promise<Uint8Array> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'fzcheck';
  workbook.created = options.now ?? new Date();
  addSheet(workbook.addWorksheet(XLSX_SHEETS[0]), RANKING_HEADER, rankingRows(run));
  addSheet(workbook.addWorksheet(XLSX_SHEETS[1]), FINDINGS_HEADER, findingRows(run));
  heatSheet(workbook.addWorksheet(XLSX_SHEETS[2]), run);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const RANKING_HEADER = [
  '名次',
  '报告单位',
  '年度',
  '得分',
  '等级',
  '法定缺项数',
  '法定缺项',
  '已决定',
  '文件',
];

function rankingRows(run: RunResult): Cell[][] {
  let rank = 0;
  return summaryRows(run.files).map((row) => {
    const file = run.files[row.index] as FileResult;
    if (row.error) return ['—', row.subject, row.year, null, '无法检查', null, row.error, null, row.path];
    rank++;
    const missing = file.results.filter(isMissingStatutory).map((result) => result.title);
    return [
      rank,
      row.subject ?? '未识别',
      row.year,
      row.score,
      row.grade,
      missing.length,
      missing.join('、'),
      decidedCount(file),
      row.path,
    ];
  });
}

const FINDINGS_HEADER = [
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
];

function findingRows(run: RunResult): Cell[][] {
  const rows: Cell[][] = [];
  for (const file of run.files) {
    if (file.error) continue;
    const unit = file.identity?.subject ?? '未识别';
    const sorted = [...file.results].sort(
      (a, b) => categoryOrder(run.categories, a.category) - categoryOrder(run.categories, b.category),
    );
    for (const result of sorted) {
      const open = result.status !== 'pass' && result.status !== 'skip';
      if (open) for (const finding of result.findings) rows.push(findingRow(unit, file, result, finding));
      for (const finding of result.decided ?? []) rows.push(findingRow(unit, file, result, finding));
    }
  }
  return rows;
}

function findingRow(unit: string, file: FileResult, result: RuleResult, finding: Finding): Cell[] {
  return [
    unit,
    file.path,
    finding.location.part ?? '',
    locationText(finding.location),
    finding.line,
    result.ruleId,
    result.title,
    LEVEL_LABELS[finding.level],
    finding.message,
    finding.excerpt,
    extraSuggestion(finding) ?? result.hint ?? '',
    result.basis,
    finding.decision ? decisionText(finding.decision) : '',
  ];
}

/** A sheet with a bold, filled, frozen header row, a filter over it and fitted column widths. */
function addSheet(sheet: Worksheet, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow(row.map(cellValue));
  styleHeader(sheet, header.length);
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  fitColumns(sheet, [header, ...rows]);
}

function heatSheet(sheet: Worksheet, run: RunResult): void {
  const rules = new Map<string, RuleResult>();
  for (const file of run.files)
    for (const result of file.results) if (!rules.has(result.ruleId)) rules.set(result.ruleId, result);
  const columns = [...rules.values()].sort(
    (a, b) => categoryOrder(run.categories, a.category) - categoryOrder(run.categories, b.category),
  );
  const header = ['报告单位', '得分', ...columns.map((rule) => rule.title)];
  sheet.addRow(header);
  const table: Cell[][] = [header];
  for (const row of summaryRows(run.files)) {
    const file = run.files[row.index] as FileResult;
    const byId = new Map(file.results.map((result) => [result.ruleId, result]));
    const statuses = columns.map((rule) => heatStatus(byId.get(rule.ruleId)));
    const cells: Cell[] = [
      row.subject ?? row.path,
      row.score,
      ...statuses.map((status) =>
        status === 'decided' ? '☑ 已决定' : `${GAP_STATUS_ICONS[status]} ${GAP_STATUS_LABELS[status]}`,
      ),
    ];
    const added = sheet.addRow(cells.map(cellValue));
    statuses.forEach((status, i) => {
      const cell = added.getCell(i + 3);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILLS[status] } };
      cell.alignment = { horizontal: 'center' };
      const result = byId.get(columns[i]?.ruleId ?? '');
      if (result?.decision) cell.note = decisionText(result.decision);
    });
    table.push(cells);
  }
  styleHeader(sheet, header.length);
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'bottom' };
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  fitColumns(sheet, table, 12);
  for (let i = 3; i <= header.length; i++) sheet.getColumn(i).width = 12;
}

function heatStatus(result: RuleResult | undefined): GapStatus | 'decided' {
  if (!result) return 'skipped';
  return result.decision ? 'decided' : gapStatusOf(result);
}

function styleHeader(sheet: Worksheet, count: number): void {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  for (let i = 1; i <= count; i++)
    row.getCell(i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
}

/** Column widths in display columns (Chinese characters count two), within bounds. */
function fitColumns(sheet: Worksheet, rows: readonly (readonly Cell[])[], max = MAX_WIDTH): void {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      const longest = Math.max(
        0,
        ...String(cell ?? '')
          .split('\n')
          .map(displayWidth),
      );
      widths[i] = Math.max(widths[i] ?? 0, longest);
    });
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = Math.min(max, Math.max(MIN_WIDTH, width + 2));
  });
}

function cellValue(cell: Cell): Cell {
  return typeof cell === 'string' ? neutraliseFormula(cell) : cell;
}
