// A reviewer's decisions as the pipeline applies them: which report (by file name or unit name),
// which rule, optionally which finding (by its excerpt), and what was decided.

import type { Decision } from './results.js';

/** One entry of fzcheck.decisions.yaml, validated. */
export interface DecisionEntry extends Decision {
  readonly report: string; // a file name (报告.docx), a path as shown, or the unit name (报告单位)
  readonly rule: string; // rule id
  readonly excerpt: string | null; // only the findings with this excerpt; null: the whole rule
}

/** Whether an entry is about the report shown under `path` from unit `subject`. */
export function isAboutReport(entry: DecisionEntry, path: string, subject: string | null): boolean {
  const name = path.split(/[/\\]/).at(-1) ?? path;
  return entry.report === name || entry.report === path || (subject !== null && entry.report === subject);
}
