// The gap table: one row per rule that is not fully met, grouped by category,
// most important first; the header names the file and what was detected, the footer gives the
// score and grade. --verbose adds the rules that pass, with their evidence.

import { Chalk, type ChalkInstance } from 'chalk';
import { type Category, categoryLabel } from '../shared/categories.js';
import type { FileResult, Finding, RuleResult, RunResult } from '../shared/results.js';
import type { FormatOptions } from './formatter.js';
import {
  findingText,
  GAP_STATUS_ICONS,
  GAP_STATUS_LABELS,
  GAP_STATUSES,
  type GapStatus,
  gapStatusOf,
  SUBJECT_TYPE_LABELS,
  YEAR_SOURCE_LABELS,
} from './labels.js';
import { compareResults, formatNumber, formatScore, summaryRows } from './summary.js';
import { type Alignment, drawTable, fitWidths, type TableRow } from './text-table.js';
import { wrapText } from './wrap-text.js';

const MAX_LISTED_FINDINGS = 3;
const MAX_BRIEF_FINDINGS = 8;

/** Formats every file's gap table, then (for several files) the summary ranking. */
export function formatTable(run: RunResult, options: FormatOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const parts = options.summaryOnly
    ? []
    : run.files.map((file) => formatFile(file, run.categories, options, chalk));
  if (run.files.length > 1 || options.summaryOnly) parts.push(formatSummary(run, chalk));
  return `${parts.join('\n\n')}\n`;
}

const SUMMARY_ALIGN: readonly Alignment[] = ['right', 'left', 'left', 'right', 'left', 'right', 'left'];

function formatSummary(run: RunResult, chalk: ChalkInstance): string {
  const rows: TableRow[] = [];
  let rank = 0;
  for (const row of summaryRows(run.files)) {
    if (row.error) {
      rows.push({
        cells: [['—'], ['—'], ['—'], ['—'], [chalk.red('无法检查')], ['—'], [row.path, chalk.dim(row.error)]],
      });
      continue;
    }
    rank++;
    const missing = row.missingStatutory ?? 0;
    rows.push({
      cells: [
        [String(rank)],
        [row.subject ?? chalk.dim('未识别')],
        [row.year === null ? chalk.dim('未识别') : String(row.year)],
        [formatScore(row.score)],
        [row.grade ?? '—'],
        [missing > 0 ? chalk.red(String(missing)) : '0'],
        [row.path],
      ],
    });
  }
  const header = ['名次', '报告单位', '年度', '得分', '等级', '法定缺项', '文件'];
  const table = drawTable(
    fitWidths(header, rows),
    header.map((text) => chalk.bold(text)),
    rows,
    SUMMARY_ALIGN,
    true,
  );
  const checked = run.files.filter((file) => !file.error).length;
  return `${chalk.bold(`汇总（${run.files.length} 份报告，按得分排序）`)}\n${table}\n${chalk.dim(
    `已检查 ${checked} 份${checked < run.files.length ? `，无法检查 ${run.files.length - checked} 份` : ''}；法定缺项 = 完全缺失的法定内容项数`,
  )}`;
}

function formatFile(
  file: FileResult,
  categories: readonly Category[],
  options: FormatOptions,
  chalk: ChalkInstance,
): string {
  if (file.error || !file.identity || !file.score) {
    return `${chalk.bold(file.path)}\n${chalk.red('✗ 无法检查：')}${file.error?.message ?? '未知错误'}`;
  }
  const header = headerLines(file, chalk, options.verbose);
  // Rules that pass, and notes of rules that did not apply (e.g. no publication date to check in a
  // draft), are listed with --verbose only.
  const rows = file.results
    .filter((result) =>
      options.verbose
        ? result.status !== 'skip' || result.findings.length > 0
        : result.status !== 'skip' && result.status !== 'pass',
    )
    .sort(compareResults(categories));
  const footer = footerLine(file, chalk);
  if (rows.length === 0) return [...header, chalk.green('✓ 所有规则均已满足'), footer].join('\n');
  return [...header, renderTable(rows, categories, options, chalk), footer].join('\n');
}

function headerLines(file: FileResult, chalk: ChalkInstance, verbose: boolean): string[] {
  const identity = file.identity;
  if (!identity) return [];
  const year =
    identity.year === null
      ? '未识别'
      : `${identity.year}（${identity.yearSource ? YEAR_SOURCE_LABELS[identity.yearSource] : ''}）`;
  const subject = identity.subject
    ? `${identity.subject}${identity.subjectType ? `（${SUBJECT_TYPE_LABELS[identity.subjectType]}）` : ''}`
    : '未识别';
  const lines = [
    `${chalk.bold('报告')} ${file.path}`,
    `${chalk.bold('标题')} ${identity.title ?? '未识别'}`,
    `${chalk.bold('年度')} ${year}   ${chalk.bold('主体')} ${subject}   ${chalk.bold('发布')} ${identity.publishedAt ?? chalk.dim('未注明')}`,
  ];
  const applied = file.results.filter((result) => result.status !== 'skip');
  const packs = [...new Set(applied.map((result) => result.ruleId.split('/')[0]))];
  lines.push(
    `${chalk.bold('规则')} 适用 ${applied.length}/${file.results.length} 条，规则包 ${packs.join('、')}`,
  );
  if (file.source?.encoding === 'ocr') {
    lines.push(`${chalk.bold('注意')} 文字经 OCR 识别（扫描件或图片），个别字词可能识别有误，请对照原件核实`);
  }
  if (verbose && file.source) {
    const publisher = file.source.publisher ? `   ${chalk.bold('来源')} ${file.source.publisher}` : '';
    lines.push(
      `${chalk.bold('格式')} ${file.source.format}   ${chalk.bold('编码')} ${file.source.encoding}${publisher}`,
    );
  }
  return lines;
}

function footerLine(file: FileResult, chalk: ChalkInstance): string {
  const score = file.score;
  if (!score || score.points === null) return chalk.dim('没有适用的计分规则');
  const counts = new Map<GapStatus, number>();
  for (const result of file.results) {
    const status = gapStatusOf(result);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const colour = score.points >= 80 ? chalk.green : score.points >= 60 ? chalk.yellow : chalk.red;
  const summary = GAP_STATUSES.map(
    (status) => `${GAP_STATUS_LABELS[status]} ${counts.get(status) ?? 0}`,
  ).join(' · ');
  return `${chalk.bold('得分')} ${colour(`${score.points.toFixed(1)} / 100  ${score.grade}`)}   ${chalk.dim(summary)}`;
}

function renderTable(
  rows: readonly RuleResult[],
  categories: readonly Category[],
  options: FormatOptions,
  chalk: ChalkInstance,
): string {
  const width = Math.max(60, Math.min(options.width, 140));
  const statusWidth = 6;
  // Rule ids are ASCII and read best unbroken: the column takes the longest id, within limits.
  const longestId = rows.reduce((most, result) => Math.max(most, result.ruleId.length), 0);
  const ruleWidth = Math.min(36, Math.max(18, longestId, Math.floor(width * 0.2)));
  const scoreWidth = 7;
  // Four columns: five borders and one space of padding on each side of each cell.
  const noteWidth = width - statusWidth - ruleWidth - scoreWidth - 5 - 8;
  const table: TableRow[] = [];
  let category = '';
  for (const result of rows) {
    if (result.category !== category) {
      category = result.category;
      table.push({ span: chalk.bold.cyan(categoryLabel(categories, category)) });
    }
    table.push({
      cells: [
        [statusCell(result, chalk)],
        [
          ...wrapText(result.title, ruleWidth),
          ...wrapText(result.ruleId, ruleWidth).map((line) => chalk.dim(line)),
        ],
        [
          result.status === 'skip'
            ? chalk.dim('不计分')
            : result.weight > 0
              ? `${formatNumber(result.earned)}/${formatNumber(result.weight)}`
              : chalk.dim('提示'),
        ],
        noteLines(result, noteWidth, options.verbose, chalk),
      ],
    });
  }
  return drawTable(
    [statusWidth, ruleWidth, scoreWidth, noteWidth],
    ['状态', '规则', '得分', '说明'].map((text) => chalk.bold(text)),
    table,
  );
}

function statusCell(result: RuleResult, chalk: ChalkInstance): string {
  // A skipped rule is only listed when it carries a note (e.g. 未能确定发布日期).
  const status = result.status === 'skip' ? 'advice' : gapStatusOf(result);
  return chalk[STATUS_COLOURS[status]](`${GAP_STATUS_ICONS[status]} ${GAP_STATUS_LABELS[status]}`);
}

const STATUS_COLOURS: Record<GapStatus, 'green' | 'blue' | 'yellow' | 'red' | 'dim'> = {
  met: 'green',
  advice: 'blue',
  problem: 'yellow',
  missing: 'red',
  partial: 'yellow',
  skipped: 'dim',
};

/** The 说明 cell: what is missing or wrong and where, how to fix it, and why; wrapped, then coloured. */
function noteLines(result: RuleResult, width: number, verbose: boolean, chalk: ChalkInstance): string[] {
  const wrap = (text: string, colour: (line: string) => string = (line) => line) =>
    wrapText(text, width).map((line) => colour(line));
  if (result.status === 'pass') {
    const evidence = verbose ? result.evidence.slice(0, 3) : [];
    return [
      ...wrap(result.message),
      ...evidence.flatMap((item) => wrap(`第${item.line}行 ${item.label}：${item.excerpt}`, chalk.dim)),
    ];
  }
  return [
    ...findingLines(result.findings, result.message).flatMap((line) => wrap(line)),
    ...(result.hint ? wrap(`改法：${result.hint}`, chalk.green) : []),
    ...(result.basis ? wrap(`依据：${result.basis}`, chalk.dim) : []),
  ];
}

/** What to say about a rule's findings: each one, or "N 处：第…行" when there are many. */
function findingLines(findings: readonly Finding[], summary: string): string[] {
  if (findings.length === 0) return [summary];
  if (findings.length > MAX_LISTED_FINDINGS) {
    // Many findings of one rule: one line each way too long, so where and what, briefly.
    const brief = findings
      .slice(0, MAX_BRIEF_FINDINGS)
      .map(
        (finding) =>
          `第${finding.line}行“${finding.excerpt}”${finding.suggestion ? `→“${finding.suggestion}”` : ''}`,
      );
    const more = findings.length > MAX_BRIEF_FINDINGS ? `；等，共 ${findings.length} 处` : '';
    return [summary, `${brief.join('；')}${more}`];
  }
  return findings.map((finding) => `第${finding.line}行：${findingText(finding)}`);
}
