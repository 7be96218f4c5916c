// GitHub Actions workflow commands (::error / ::warning / ::notice), one per finding, so that
// findings show as annotations on the changed files; one ::notice per file gives its score.

import { isAtLeast, type Level } from '../shared/levels.js';
import type { FileResult, Finding, RuleResult, RunResult } from '../shared/results.js';
import type { FormatOptions } from './formatter.js';
import { extraSuggestion, locationText } from './labels.js';
import { formatScore, isMissingStatutory } from './summary.js';

const COMMANDS: Record<Level, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Formats a run as GitHub workflow commands. */
export function formatGithub(run: RunResult, options?: FormatOptions): string {
  const shown = (level: Level) => options?.minLevel === undefined || isAtLeast(level, options.minLevel);
  const lines: string[] = [];
  for (const file of run.files) {
    if (file.error) {
      lines.push(command('error', { file: file.path, title: 'fzcheck：无法检查' }, file.error.message));
      continue;
    }
    for (const result of file.results) {
      if (result.status === 'pass' || result.status === 'skip') continue;
      if (result.findings.length === 0 && shown(result.level)) lines.push(annotation(file, result, null));
      // Findings a baseline accepts are known: only new ones become annotations.
      for (const finding of result.findings)
        if (shown(finding.level) && finding.baseline !== true) lines.push(annotation(file, result, finding));
    }
    lines.push(scoreNotice(file));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function annotation(file: FileResult, result: RuleResult, finding: Finding | null): string {
  const properties: Record<string, string | number> = { file: file.path };
  if (finding) {
    properties.line = finding.line;
    properties.endLine = finding.endLine;
    // GitHub takes a column range only on a single line; columns count characters (code points).
    if (finding.endLine === finding.line) {
      properties.col = finding.column;
      properties.endColumn = Math.max(finding.endColumn, finding.column);
    }
  }
  properties.title = `${result.title}（${result.ruleId}）`;
  const message = [finding ? `${locationText(finding.location)}：${finding.message}` : result.message];
  const suggestion = finding ? extraSuggestion(finding) : null;
  if (suggestion) message.push(`建议：${suggestion}`);
  else if (result.hint) message.push(`改法：${result.hint}`);
  if (result.basis) message.push(`依据：${result.basis}`);
  return command(COMMANDS[finding?.level ?? result.level], properties, message.join('\n'));
}

function scoreNotice(file: FileResult): string {
  const missing = file.results.filter(isMissingStatutory).length;
  const score = file.score;
  const text = `${file.path}：得分 ${formatScore(score?.points ?? null)}${score?.grade ? `（${score.grade}）` : ''}，法定缺项 ${missing} 项`;
  return command('notice', { file: file.path, title: 'fzcheck 得分' }, text);
}

/** One workflow command line, with its properties and message escaped. */
export function command(
  name: string,
  properties: Readonly<Record<string, string | number>>,
  message: string,
): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** Escapes a command's message: %, CR and LF. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a command property value: as data, plus : and ,. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
