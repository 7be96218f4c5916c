// CSV for spreadsheets: one row per file × rule, UTF-8 with a byte-order mark so that Excel and
// WPS open the Chinese correctly, fields quoted per RFC 4180 and rows ended with CRLF.

import { type Category, categoryLabel } from '../shared/categories.js';
import type { RuleResult, RunResult } from '../shared/results.js';
import type { RunHead, StreamingFormatter } from './formatter.js';
import {
  DECISION_LABELS,
  decisionText,
  GAP_STATUS_LABELS,
  gapStatusOf,
  LEVEL_LABELS,
  whereText,
} from './labels.js';
import { neutraliseFormula } from './spreadsheet-cell.js';
import { formatNumber, formatScore } from './summary.js';

const BOM = '\uFEFF';
const HEADER = [
  '文件',
  '报告单位',
  '年度',
  '总分',
  '等级',
  '规则',
  '规则名称',
  '类别',
  '级别',
  '状态',
  '权重',
  '得分',
  '说明',
  '位置',
  '改法',
  '依据',
  '审阅决定',
];

/** Formats a run as CSV, one row per file and rule (one row for a file that could not be checked). */
export function formatCsv(run: RunResult): string {
  const stream = streamCsv(run);
  return [...run.files.map((file) => stream.file(file)), ...stream.end([])].join('');
}

/** The CSV as the files come: the header with the first file, then each file's rows. */
export function streamCsv(run: RunHead): StreamingFormatter {
  let started = false;
  const text = (rows: string[][]) =>
    rows.map((row) => `${row.map((cell) => quoteField(neutraliseFormula(cell))).join(',')}\r\n`).join('');
  const head = () => {
    if (started) return '';
    started = true;
    return BOM + text([HEADER]);
  };
  return {
    file(file) {
      const fileCells = [
        file.path,
        file.identity?.subject ?? '',
        file.identity?.year?.toString() ?? '',
        file.score ? formatScore(file.score.points) : '',
        file.score?.grade ?? '',
      ];
      // The rows before the header: a file whose rows cannot be made leaves nothing behind.
      const rows = file.error
        ? text([[...fileCells, '', '', '', '错误', '无法检查', '', '', file.error.message, '', '', '', '']])
        : text(file.results.map((result) => [...fileCells, ...ruleCells(result, run.categories)]));
      return head() + rows;
    },
    *end() {
      yield head();
    },
  };
}

function ruleCells(result: RuleResult, categories: readonly Category[]): string[] {
  const counted = result.status !== 'skip';
  return [
    result.ruleId,
    result.title,
    categoryLabel(categories, result.category),
    LEVEL_LABELS[result.level],
    result.decision ? DECISION_LABELS[result.decision.kind] : GAP_STATUS_LABELS[gapStatusOf(result)],
    formatNumber(result.weight),
    counted ? formatNumber(result.earned) : '',
    [result.message, ...result.findings.map((finding) => finding.message)]
      .filter((text, i, all) => all.indexOf(text) === i)
      .join('\n'),
    result.findings.map(whereText).join('；'),
    result.status === 'pass' || result.status === 'skip' ? '' : (result.hint ?? ''),
    result.basis,
    [
      ...(result.decision ? [decisionText(result.decision)] : []),
      ...(result.decided ?? [])
        .filter((finding) => finding.decision && finding.decision !== result.decision)
        .map((finding) => `${whereText(finding)}：${decisionText(finding.decision!)}`),
    ].join('\n'),
  ];
}

/**
 * Quotes a field when RFC 4180 requires it (comma, quote, CR or LF), doubling inner quotes. A field
 * that a spreadsheet would read as a formula (= + - @, or a tab or CR before one) gets a leading
 * apostrophe first: a file named "=SUM(1+1).txt" must stay text in Excel and WPS.
 */
export function quoteField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
