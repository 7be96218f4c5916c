// The terminal view: for each report a header (what was detected), one line per finding (two at
// most) grouped by the part of the report it sits in — status, where, what and the fix — and the
// score; then, for several reports, the summary ranking. --verbose adds how to fix each rule, its
// basis (each basis once) and the rules that are met, with their evidence.
// Every line fits the width: columns that would get narrower than their content switch to a
// stacked layout, and wrapping never splits a number or a Latin word (wrap-text.ts).

import { Chalk, type ChalkInstance } from 'chalk';
import type { Category } from '../shared/categories.js';
import type { FileResult, GradeCap, RuleResult, RunResult } from '../shared/results.js';
import {
  entryText,
  type FindingEntry,
  type FindingGroup,
  findingGroups,
  whereText,
} from './finding-lines.js';
import type { FormatOptions, RunHead, StreamingFormatter } from './formatter.js';
import {
  decisionText,
  findingText,
  GAP_STATUS_ICONS,
  GAP_STATUS_LABELS,
  GAP_STATUSES,
  type GapStatus,
  gapStatusOf,
  PUBLISHED_SOURCE_LABELS,
  SUBJECT_TYPE_LABELS,
  YEAR_SOURCE_LABELS,
} from './labels.js';
import { compareResults, type SummaryRow, sortSummaryRows, summaryRow } from './summary.js';
import { formatSummaryRows } from './summary-table.js';
import { displayWidth } from './text-width.js';
import { wrapClamped, wrapText } from './wrap-text.js';

/** Lines a finding may take in the default (compact) view. */
const MAX_ENTRY_LINES = 2;
const INDENT = '  ';
const STATUS_WIDTH = 6; // "◐ 部分"
/** The narrowest text column worth having beside status and place; below it, entries stack. */
export const MIN_TEXT_WIDTH = 32;
/** Width used when a caller asks for less: nothing useful fits in fewer columns. */
const MIN_WIDTH = 20;
const HEADER_INDENT = 5; // "标题 "

/** Formats every file's gap list, then (for several files) the summary ranking. */
export function formatTable(run: RunResult, options: FormatOptions): string {
  const stream = streamTable(run, options);
  return [...run.files.map((file) => stream.file(file)), ...stream.end(run.sharedParagraphs ?? [])].join('');
}

/** The table as the files come: each file's gap list, then the summary from one row per file. */
export function streamTable(run: RunHead, options: FormatOptions): StreamingFormatter {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(MIN_WIDTH, options.width);
  const rows: SummaryRow[] = [];
  return {
    file(file) {
      // Formatted before its row is kept: a file that cannot be formatted leaves nothing behind.
      const text = options.summaryOnly ? '' : formatFile(file, run.categories, { ...options, width }, chalk);
      const index = rows.push(summaryRow(file, rows.length)) - 1;
      if (options.summaryOnly) return '';
      return `${index === 0 ? '' : '\n\n'}${text}`;
    },
    *end(shared) {
      if (rows.length > 1 || options.summaryOnly) {
        const summary = formatSummaryRows(sortSummaryRows(rows), shared, width, chalk);
        yield `${rows.length > 0 && !options.summaryOnly ? '\n\n' : ''}${summary}`;
      }
      yield '\n';
    },
  };
}

function formatFile(
  file: FileResult,
  categories: readonly Category[],
  options: FormatOptions,
  chalk: ChalkInstance,
): string {
  const width = options.width;
  if (file.error || !file.identity || !file.score) {
    return [
      ...wrapText(file.path, width).map((line) => chalk.bold(line)),
      ...wrapText(`✗ 无法检查：${file.error?.message ?? '未知错误'}`, width).map((line) => chalk.red(line)),
    ].join('\n');
  }
  const header = headerLines(file, chalk, options.verbose).flatMap((line) => fieldWrap(line, width));
  const groups = findingGroups(file, categories, { minLevel: options.minLevel, notes: options.verbose });
  const body =
    groups.length === 0
      ? [chalk.green(options.minLevel ? '✓ 没有该级别及以上的问题' : '✓ 所有规则均已满足')]
      : renderGroups(groups, width, options.verbose, chalk);
  const extra = options.verbose ? verboseSections(file, groups, categories, width, chalk) : [];
  const footer = [
    ...decisionLines(file, width, chalk),
    ...fieldWrap(footerLine(file, chalk), width),
    ...baselineLine(file, chalk),
    ...(options.verbose || groups.length === 0
      ? []
      : wrapText('加 --verbose 显示改法、依据和规则 id', width).map((line) => chalk.dim(line))),
  ];
  return [...header, ...body, ...extra, ...footer].join('\n');
}

/** The header: file, title, year, subject and publication, and the rules that applied. */
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
  const published = identity.publishedAt
    ? `${identity.publishedAt}${identity.publishedAtSource ? `（${PUBLISHED_SOURCE_LABELS[identity.publishedAtSource]}）` : ''}`
    : chalk.dim('未注明');
  const lines = [
    `${chalk.bold('报告')} ${file.path}`,
    `${chalk.bold('标题')} ${identity.title ?? '未识别'}`,
    `${chalk.bold('年度')} ${year}   ${chalk.bold('主体')} ${subject}   ${chalk.bold('发布')} ${published}`,
  ];
  const applied = file.results.filter((result) => result.status !== 'skip');
  const packs = [...new Set(applied.map((result) => result.ruleId.split('/')[0]))];
  lines.push(
    `${chalk.bold('规则')} 适用 ${applied.length}/${file.results.length} 条${verbose ? `，规则包 ${packs.join('、')}` : ''}`,
  );
  if (file.source?.encoding === 'ocr') {
    lines.push(`${chalk.bold('注意')} 文字经 OCR 识别（扫描件或图片），个别字词可能识别有误，请对照原件核实`);
  }
  if (file.previous !== undefined)
    lines.push(`${chalk.bold('对照')} ${file.previous ?? chalk.dim('没有找到本单位上一年度的报告')}`);
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
  const cap = score.gradeCap ? `（${capText(score.gradeCap)}）` : '';
  return `${chalk.bold('得分')} ${colour(`${score.points.toFixed(1)} / 100  ${score.grade}`)}${cap}   ${chalk.dim(summary)}`;
}

/** Why the grade is capped: 按得分为优秀；缺少法定内容“…”，等级最高为合格. */
function capText(cap: GradeCap): string {
  const parts = cap.rules.map((rule) => `“${rule.title}”`).join('、');
  const what = cap.reason === 'missingStatutory' ? `缺少法定内容${parts}` : `法定内容${parts}不完整`;
  return `按得分为${cap.pointsGrade}；${what}，等级最高为${cap.cap}`;
}

/** A reviewer's decisions (fzcheck.decisions.yaml): one line each, after the gaps they remove. */
function decisionLines(file: FileResult, width: number, chalk: ChalkInstance): string[] {
  const lines: string[] = [];
  for (const result of file.results) {
    if (result.decision) lines.push(`${result.title}：${decisionText(result.decision)}`);
    for (const finding of result.decided ?? [])
      if (finding.decision && finding.decision !== result.decision)
        lines.push(`第${finding.line}行 ${findingText(finding)}：${decisionText(finding.decision)}`);
  }
  if (lines.length === 0) return [];
  return [
    chalk.bold.cyan('〔审阅决定〕'),
    ...lines.flatMap((line) =>
      wrapText(`— ${line}`, width - INDENT.length).map((part, i) =>
        chalk.dim(`${INDENT}${i === 0 ? '' : '  '}${part}`),
      ),
    ),
  ];
}

/** With --baseline: how many findings the baseline accepts and how many are new. */
function baselineLine(file: FileResult, chalk: ChalkInstance): string[] {
  let known = 0;
  let fresh = 0;
  for (const result of file.results)
    for (const finding of result.findings) {
      if (finding.baseline === true) known++;
      else if (finding.baseline === false) fresh++;
    }
  if (known + fresh === 0) return [];
  return [
    `${chalk.bold('基线')} 已记录 ${known} 处   ${fresh > 0 ? chalk.red(`新 ${fresh} 处`) : chalk.green('没有新问题')}`,
  ];
}

/** The groups: a heading line each, then its entries side by side with their place, or stacked. */
function renderGroups(
  groups: readonly FindingGroup[],
  width: number,
  verbose: boolean,
  chalk: ChalkInstance,
): string[] {
  const whereWidth = Math.max(
    0,
    ...groups.flatMap((group) => group.entries.map((entry) => displayWidth(whereText(entry)))),
  );
  const textWidth = width - INDENT.length - STATUS_WIDTH - 1 - whereWidth - 1;
  const stacked = textWidth < MIN_TEXT_WIDTH;
  const out: string[] = [];
  for (const group of groups) {
    const title = group.kind === 'part' ? group.title : `〔${group.title}〕`;
    out.push(...wrapText(title, width).map((line) => chalk.bold.cyan(line)));
    for (const entry of group.entries) {
      const status = statusText(entry.status, chalk);
      const where = whereText(entry);
      if (stacked) {
        out.push(...wrapText(`${status} ${where}`, width - INDENT.length).map((line) => INDENT + line));
        out.push(
          ...entryLines(entry, width - 2 * INDENT.length, verbose, chalk).map(
            (line) => INDENT + INDENT + line,
          ),
        );
        continue;
      }
      const lead = `${INDENT}${status} ${where}${' '.repeat(whereWidth - displayWidth(where))} `;
      const hang = ' '.repeat(displayWidth(lead));
      entryLines(entry, textWidth, verbose, chalk).forEach((line, i) => {
        out.push(`${i === 0 ? lead : hang}${line}`);
      });
    }
  }
  return out;
}

/** An entry's text lines: at most two in the compact view; in full, with rule id and place, when verbose. */
function entryLines(entry: FindingEntry, width: number, verbose: boolean, chalk: ChalkInstance): string[] {
  // With --baseline, what is new is what a CI run fails on: it says so first.
  const text = `${entry.isNew ? '［新］' : ''}${entryText(entry)}`;
  if (!verbose) return wrapClamped(text, width, MAX_ENTRY_LINES);
  const place = placeText(entry);
  return [
    ...wrapText(`${text} ${chalk.dim(entry.result.ruleId)}`, width),
    ...(place ? wrapText(place, width).map((line) => chalk.dim(line)) : []),
  ];
}

/** Where a Word user finds an entry: the heading under its part and the paragraph's first words. */
function placeText(entry: FindingEntry): string | null {
  const location = entry.location;
  if (!location || (location.heading === null && location.paragraph === null)) return null;
  const heading = location.heading && location.heading !== location.part ? `${location.heading} ` : '';
  const paragraph =
    location.paragraph !== null
      ? `第${location.paragraph}段${location.firstWords ? `“${location.firstWords}”` : ''}`
      : '';
  const text = `${heading}${paragraph}`.trim();
  return text ? `位置：${text}` : null;
}

function statusText(status: GapStatus, chalk: ChalkInstance): string {
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

/** --verbose: how to fix each listed rule, each basis once with the rules citing it, the rules met. */
function verboseSections(
  file: FileResult,
  groups: readonly FindingGroup[],
  categories: readonly Category[],
  width: number,
  chalk: ChalkInstance,
): string[] {
  const listed = [...new Set(groups.flatMap((group) => group.entries.map((entry) => entry.result)))].sort(
    compareResults(categories),
  );
  const out: string[] = [];
  const fixes = listed.filter((result) => result.hint);
  if (fixes.length > 0) {
    out.push(chalk.bold('改法'));
    for (const result of fixes) {
      out.push(...hangingWrap(`${result.title} ${chalk.dim(result.ruleId)}`, width, 2, INDENT));
      out.push(...wrapText(result.hint ?? '', width - 4).map((line) => `    ${chalk.green(line)}`));
    }
  }
  const bases = new Map<string, string[]>();
  for (const result of listed) {
    if (!result.basis) continue;
    bases.set(result.basis, [...(bases.get(result.basis) ?? []), result.ruleId]);
  }
  if (bases.size > 0) {
    out.push(chalk.bold('依据'));
    for (const [basis, ids] of bases) {
      out.push(...hangingWrap(basis, width, 2, INDENT));
      out.push(...wrapText(ids.join('、'), width - 4).map((line) => `    ${chalk.dim(line)}`));
    }
  }
  const met = file.results.filter((result) => result.status === 'pass').sort(compareResults(categories));
  if (met.length > 0) {
    out.push(chalk.bold('已满足'));
    for (const result of met) out.push(...metLines(result, width, chalk));
  }
  return out;
}

function metLines(result: RuleResult, width: number, chalk: ChalkInstance): string[] {
  const status = statusText('met', chalk);
  const lines = hangingWrap(
    `${status} ${result.title}：${result.message} ${chalk.dim(result.ruleId)}`,
    width,
    STATUS_WIDTH + 1,
    INDENT,
  );
  for (const item of result.evidence.slice(0, 3))
    lines.push(
      ...wrapText(`第${item.line}行 ${item.label}：${item.excerpt}`, width - 9).map(
        (line) => `${' '.repeat(9)}${chalk.dim(line)}`,
      ),
    );
  return lines;
}

/** A header line of fields ("年度 2020   主体 …") wrapped between fields first, within a field only
 * when it is wider than the line. */
function fieldWrap(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const field of line.split(FIELD_GAP)) {
    const joined = current === '' ? field : `${current}${FIELD_GAP}${field}`;
    if (displayWidth(joined) <= width) {
      current = joined;
      continue;
    }
    if (current !== '') out.push(current);
    const wrapped = hangingWrap(field, width, HEADER_INDENT);
    current = wrapped.pop() ?? '';
    out.push(...wrapped);
  }
  if (current !== '') out.push(current);
  return out;
}

const FIELD_GAP = '   ';

/** `text` wrapped to `width` after `prefix`, continuation lines indented by `hang` more columns. */
function hangingWrap(text: string, width: number, hang: number, prefix = ''): string[] {
  const first = width - displayWidth(prefix);
  return wrapText(text, first, first - hang).map(
    (line, i) => prefix + (i === 0 ? '' : ' '.repeat(hang)) + line,
  );
}
