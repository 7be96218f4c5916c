// The annotated Word file (批注版): a copy of the report with one comment per remaining finding,
// anchored on the text the finding is about (on the paragraph where a missing part belongs, for a
// missing part), by author fzcheck, saying what is wrong, what to do and on what basis. A .docx
// input is copied with everything it holds; any other input becomes a new .docx of its text.
// Decided findings get no comment.

import type { FileResult, Finding, RuleResult, RunResult } from '../shared/results.js';
import { annotateDocx, type WordComment } from './docx/annotate-docx.js';
import { textDocx } from './docx/text-docx.js';
import type { FormatOptions } from './formatter.js';
import { extraSuggestion, LEVEL_LABELS } from './labels.js';

const AUTHOR = { author: 'fzcheck', initials: 'fz' };

/** The annotated copy of the run's report (the first file; the CLI calls it once per report). */
export function formatDocx(run: RunResult, options: FormatOptions): Uint8Array {
  const file = run.files[0];
  const who = { ...AUTHOR, date: options.now ?? new Date() };
  if (!file || file.error || file.text === null) {
    const text = `无法检查：${file?.error?.message ?? '没有报告'}`;
    return textDocx(text, null, []);
  }
  const comments = fileComments(file);
  if (file.original)
    return annotateDocx(file.original.bytes, file.text, file.original.lineOrigins, comments, who);
  const lines = file.text.split('\n');
  const bytes = textDocx(file.text, file.identity?.titleLine ?? null, file.document?.headings ?? []);
  return annotateDocx(
    bytes,
    file.text,
    lines.map((_, i) => [i, 0] as const),
    comments,
    who,
  );
}

/** One comment per remaining finding of the rules not met, in text order. */
export function fileComments(file: FileResult): WordComment[] {
  const comments: Array<WordComment & { offset: number }> = [];
  for (const result of file.results) {
    if (result.status === 'pass' || result.status === 'skip') continue;
    for (const finding of result.findings)
      comments.push({
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        offset: finding.offset,
        paragraphs: commentText(result, finding),
      });
  }
  return comments.sort((a, b) => a.offset - b.offset);
}

/** A comment's paragraphs: the finding, what to do, and the basis. */
export function commentText(result: RuleResult, finding: Finding): string[] {
  const advice = extraSuggestion(finding) ?? result.hint;
  return [
    `【${LEVEL_LABELS[finding.level]}】${result.title}：${finding.message}`,
    ...(advice ? [`建议：${advice}`] : []),
    ...(result.basis ? [`依据：${result.basis}`] : []),
    `规则：${result.ruleId}`,
  ];
}
