// The gap table as GitHub-flavoured Markdown, for an e-mail, a pull-request comment or a CI step
// summary ($GITHUB_STEP_SUMMARY); several files get a summary ranking at the end.

import { type Category, categoryLabel } from '../shared/categories.js';
import type { Level } from '../shared/levels.js';
import type { FileResult, Finding, RuleResult, RunResult } from '../shared/results.js';
import type { FormatOptions } from './formatter.js';
import {
  DECISION_LABELS,
  decisionText,
  findingText,
  GAP_STATUS_ICONS,
  GAP_STATUS_LABELS,
  gapStatusOf,
  whereText,
} from './labels.js';
import { formatNumber, formatScore, gapResults, summaryRows } from './summary.js';

const MAX_LISTED_FINDINGS = 5;

/** Formats a run as Markdown gap tables (and a summary for several files). */
export function formatMarkdown(run: RunResult, options: FormatOptions): string {
  const parts = ['## fzcheck 检查结果'];
  if (!options.summaryOnly)
    for (const file of run.files)
      parts.push(fileSection(file, options.verbose, run.categories, options.minLevel));
  if (run.files.length > 1 || options.summaryOnly) parts.push(summarySection(run));
  return `${parts.join('\n\n')}\n`;
}

function fileSection(
  file: FileResult,
  verbose: boolean,
  categories: readonly Category[],
  minLevel: Level | undefined,
): string {
  const heading = `### ${escapeText(file.path)}`;
  if (file.error || !file.score)
    return `${heading}\n\n✗ 无法检查：${escapeText(file.error?.message ?? '未知错误')}`;
  const identity = file.identity;
  const facts = [
    identity?.subject ? `报告单位：${escapeText(identity.subject)}` : '报告单位：未识别',
    identity?.year ? `年度：${identity.year}` : '年度：未识别',
    `得分：**${formatScore(file.score.points)}**${file.score.grade ? `（${file.score.grade}）` : ''}`,
  ].join(' · ');
  const rows = gapResults(file, verbose, categories, minLevel);
  if (rows.length === 0) return `${heading}\n\n${facts}\n\n✓ 所有规则均已满足`;
  const lines = ['| 状态 | 类别 | 规则 | 得分 | 说明 |', '| --- | --- | --- | ---: | --- |'];
  for (const result of rows) {
    const status = gapStatusOf(result);
    const label = result.decision
      ? `☑ ${DECISION_LABELS[result.decision.kind]}`
      : `${GAP_STATUS_ICONS[status]} ${GAP_STATUS_LABELS[status]}`;
    lines.push(
      `| ${label} | ${categoryLabel(categories, result.category)} | ${escapeCell(result.title)}<br>\`${result.ruleId}\` | ${
        result.weight > 0 ? `${formatNumber(result.earned)}/${formatNumber(result.weight)}` : '提示'
      } | ${noteCell(result)} |`,
    );
  }
  return `${heading}\n\n${facts}\n\n${lines.join('\n')}`;
}

function noteCell(result: RuleResult): string {
  const open = result.status !== 'pass' && result.status !== 'skip';
  const parts = result.decision ? [decisionText(result.decision)] : [];
  parts.push(...(open ? findingLines(result.findings, result.message) : [result.message]));
  for (const finding of result.decided ?? [])
    if (finding.decision && finding.decision !== result.decision)
      parts.push(`${whereText(finding)}：${finding.message}——${decisionText(finding.decision)}`);
  if (open && result.hint) parts.push(`改法：${result.hint}`);
  if (open && result.basis) parts.push(`依据：${result.basis}`);
  return parts.map(escapeCell).join('<br>');
}

function findingLines(findings: readonly Finding[], summary: string): string[] {
  if (findings.length === 0) return [summary];
  if (findings.length > MAX_LISTED_FINDINGS) {
    return [
      summary,
      `${findings.length} 处：第${[...new Set(findings.map((finding) => finding.line))].join('、')}行`,
    ];
  }
  return findings.map((finding) => `${whereText(finding)}：${findingText(finding)}`);
}

function summarySection(run: RunResult): string {
  const lines = [
    `### 汇总（${run.files.length} 份报告，按得分排序）`,
    '',
    '| 名次 | 报告单位 | 年度 | 得分 | 等级 | 法定缺项 | 文件 |',
    '| ---: | --- | --- | ---: | --- | ---: | --- |',
  ];
  let rank = 0;
  for (const row of summaryRows(run.files)) {
    const file = escapeCell(row.path);
    if (row.error) {
      lines.push(`| — | — | — | — | 无法检查 | — | ${file}<br>${escapeCell(row.error)} |`);
      continue;
    }
    rank++;
    lines.push(
      `| ${rank} | ${escapeCell(row.subject ?? '未识别')} | ${row.year ?? '未识别'} | ${formatScore(row.score)} | ${
        row.grade ?? '—'
      } | ${row.missingStatutory ?? 0} | ${file} |`,
    );
  }
  return lines.join('\n');
}

/** Escapes text for a table cell: Markdown and HTML specials, pipes, and line breaks as <br>. */
export function escapeCell(text: string): string {
  return escapeText(text).replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
}

function escapeText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/([\\`*_[\]])/g, '\\$1');
}
