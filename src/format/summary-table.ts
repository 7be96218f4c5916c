// The batch summary on a terminal: one row per report — rank, unit, score, grade and its main gaps
// (missing statutory parts first) — in a box table that fits the width; when even the narrowest
// useful columns do not fit, one stacked entry per report instead.

import type { ChalkInstance } from 'chalk';
import type { RunResult, SharedParagraph } from '../shared/results.js';
import { formatScore, type MainGap, type SummaryRow, summaryRows } from './summary.js';
import { type Alignment, drawTable, type TableRow } from './text-table.js';
import { displayWidth } from './text-width.js';
import { wrapClamped, wrapText } from './wrap-text.js';

const MAX_UNIT_WIDTH = 20;
const MIN_UNIT_WIDTH = 8;
const MIN_GAPS_WIDTH = 16;
const SCORE_WIDTH = 5; // "100.0"

/** The summary ranking of a run, with its title and notes. */
export function formatSummary(run: RunResult, width: number, chalk: ChalkInstance): string {
  return formatSummaryRows(summaryRows(run.files), run.sharedParagraphs ?? [], width, chalk);
}

/** The summary ranking of sorted rows (one per file of the run), with its title and notes. */
export function formatSummaryRows(
  rows: readonly SummaryRow[],
  shared: readonly SharedParagraph[],
  width: number,
  chalk: ChalkInstance,
): string {
  const years = new Set(rows.flatMap((row) => (row.year === null ? [] : [row.year])));
  const title = chalk.bold(`汇总（${rows.length} 份报告，按得分排序）`);
  const body = summaryTable(rows, years.size > 1, width, chalk) ?? stackedSummary(rows, width, chalk);
  const checked = rows.filter((row) => row.error === null).length;
  const notes = [
    `已检查 ${checked} 份${checked < rows.length ? `，无法检查 ${rows.length - checked} 份` : ''}`,
    '主要缺项：“缺”为完全缺失，“部分”为部分满足；法定内容在前，其余按失分多少',
  ].flatMap((note) => wrapText(note, width).map((line) => chalk.dim(line)));
  return [title, body, ...notes, ...sharedLines(shared, width, chalk)].join('\n');
}

const LISTED_SHARED = 20;
const NAMED_UNITS = 6; // units named per shared paragraph (all in JSON and HTML)

/** The paragraphs several units share, each once with its units. */
function sharedLines(shared: readonly SharedParagraph[], width: number, chalk: ChalkInstance): string[] {
  if (shared.length === 0) return [];
  const out = ['', chalk.bold(`多家单位基本相同的段落（${shared.length} 段，疑为相互套用）`)];
  shared.slice(0, LISTED_SHARED).forEach((item, i) => {
    const mark = `${i + 1}. `;
    const hang = ' '.repeat(mark.length + 2);
    out.push(
      ...wrapClamped(`${mark}“${item.excerpt}”`, width - 2, 2).map(
        (line, j) => `  ${j === 0 ? line : `${hang.slice(2)}${line}`}`,
      ),
    );
    const named = item.units.slice(0, NAMED_UNITS).join('、');
    const units =
      item.units.length > NAMED_UNITS
        ? `${named}等${item.units.length}家`
        : `${named}（${item.units.length}家）`;
    out.push(...wrapClamped(units, width - hang.length, 2).map((line) => `${hang}${chalk.dim(line)}`));
  });
  if (shared.length > LISTED_SHARED)
    out.push(chalk.dim(`  另有 ${shared.length - LISTED_SHARED} 段，见 --format json 或 html`));
  return out;
}

/** The box table, or null when its narrowest useful columns do not fit the width. */
function summaryTable(
  rows: readonly SummaryRow[],
  withYear: boolean,
  width: number,
  chalk: ChalkInstance,
): string | null {
  const header = ['名次', '报告单位', ...(withYear ? ['年度'] : []), '得分', '等级', '主要缺项'];
  const rankWidth = Math.max(4, String(rows.length).length);
  const gradeWidth = Math.max(
    4,
    ...rows.map((row) => displayWidth(row.error ? '无法检查' : (row.grade ?? '—'))),
  );
  const fixed = [rankWidth, ...(withYear ? [4] : []), SCORE_WIDTH, gradeWidth];
  const borders = 3 * header.length + 1;
  const longestUnit = Math.max(displayWidth('报告单位'), ...rows.map((row) => displayWidth(unitOf(row))));
  const room = width - borders - fixed.reduce((sum, w) => sum + w, 0);
  const unitWidth = Math.max(MIN_UNIT_WIDTH, Math.min(longestUnit, MAX_UNIT_WIDTH, room - MIN_GAPS_WIDTH));
  if (room - unitWidth < MIN_GAPS_WIDTH) return null;
  const longestGaps = Math.max(
    displayWidth('主要缺项'),
    ...rows.map((row) => displayWidth(row.error ?? gapsText(row.gaps, Number.POSITIVE_INFINITY))),
  );
  const gapsWidth = Math.min(room - unitWidth, Math.max(MIN_GAPS_WIDTH, longestGaps));
  let rank = 0;
  const cells: TableRow[] = rows.map((row) => {
    if (row.error) {
      return {
        cells: [
          ['—'],
          wrapClamped(unitOf(row), unitWidth, 2),
          ...(withYear ? [['—']] : []),
          ['—'],
          [chalk.red('无法检查')],
          wrapClamped(row.error, gapsWidth, 1).map((line) => chalk.dim(line)),
        ],
      };
    }
    rank++;
    return {
      cells: [
        [String(rank)],
        wrapClamped(unitOf(row), unitWidth, 2),
        ...(withYear ? [[row.year === null ? '—' : String(row.year)]] : []),
        [formatScore(row.score)],
        [row.grade ?? '—'],
        [gapsText(row.gaps, gapsWidth)],
      ],
    };
  });
  const widths = [rankWidth, unitWidth, ...(withYear ? [4] : []), SCORE_WIDTH, gradeWidth, gapsWidth];
  const align: Alignment[] = [
    'right',
    'left',
    ...(withYear ? (['left'] as const) : []),
    'right',
    'left',
    'left',
  ];
  return drawTable(
    widths,
    header.map((text) => chalk.bold(text)),
    cells,
    align,
    true,
  );
}

/** One entry per report for widths too narrow for the table. */
function stackedSummary(rows: readonly SummaryRow[], width: number, chalk: ChalkInstance): string {
  const out: string[] = [];
  let rank = 0;
  for (const row of rows) {
    const head = row.error
      ? `— ${unitOf(row)} ${chalk.red('无法检查')}`
      : `${++rank}. ${unitOf(row)}${row.year === null ? '' : ` ${row.year}`} ${formatScore(row.score)} ${row.grade ?? ''}`;
    out.push(...wrapText(head, width));
    const detail = row.error ?? gapsText(row.gaps, Number.POSITIVE_INFINITY);
    out.push(...wrapText(detail, width - 3).map((line) => `   ${line}`));
  }
  return out.join('\n');
}

/** The unit a row names: the detected subject, else the file's name. */
function unitOf(row: SummaryRow): string {
  return row.subject ?? row.path.split(/[\\/]/).at(-1) ?? row.path;
}

/** "缺 A、B；部分 C、D" cut to `width` with "等N项" when not every gap fits. */
export function gapsText(gaps: readonly MainGap[], width: number): string {
  if (gaps.length === 0) return '—';
  const render = (taken: readonly MainGap[]) => {
    const missing = taken.filter((gap) => gap.missing).map((gap) => gap.name);
    const partial = taken.filter((gap) => !gap.missing).map((gap) => gap.name);
    const parts = [
      ...(missing.length > 0 ? [`缺 ${missing.join('、')}`] : []),
      ...(partial.length > 0 ? [`部分 ${partial.join('、')}`] : []),
    ];
    return parts.join('；');
  };
  const ordered = [...gaps.filter((gap) => gap.missing), ...gaps.filter((gap) => !gap.missing)];
  const all = render(ordered);
  if (displayWidth(all) <= width) return all;
  // Most important first: keep the leading gaps (in importance order) that fit with the count.
  for (let count = gaps.length - 1; count >= 1; count--) {
    const kept = new Set(gaps.slice(0, count));
    const text = `${render(ordered.filter((gap) => kept.has(gap)))} 等${gaps.length}项`;
    if (displayWidth(text) <= width) return text;
  }
  return wrapClamped(`${render(gaps.slice(0, 1))} 等${gaps.length}项`, width, 1)[0] ?? '';
}
