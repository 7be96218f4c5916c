// What a compact gap list shows for one report: one entry per finding (findings of one rule with
// the same message in one part merged into one entry with all their lines), grouped by the part
// of the report they sit in. A finding outside any part (the opening paragraph, the title), a
// missing statutory part, and a rule that failed without a located finding go under the rule's
// category instead. Groups come in reading order; whole-report entries first.

import { type Category, categoryLabel } from '../shared/categories.js';
import { isAtLeast, type Level } from '../shared/levels.js';
import type { FileResult, Finding, FindingLocation, RuleResult } from '../shared/results.js';
import { extraSuggestion, type GapStatus, gapStatusOf } from './labels.js';

/** One line of the compact list (before wrapping): a status, where, and what with its fix. */
export interface FindingEntry {
  readonly status: GapStatus;
  readonly lines: readonly number[]; // lines of the merged findings, ascending; empty: the whole report
  readonly what: string; // the message
  readonly fix: string | null; // the suggestion, when the message does not already give it
  readonly result: RuleResult;
  readonly location: FindingLocation | null;
  readonly isNew: boolean | null; // --baseline: some of its findings are not in the baseline; null: no baseline
}

/** Entries under one heading: a part of the report as written, or a rule category. */
export interface FindingGroup {
  readonly kind: 'part' | 'category';
  readonly title: string;
  readonly entries: readonly FindingEntry[];
}

/** Which results and findings a list shows. */
export interface ListOptions {
  readonly minLevel?: Level | undefined; // hide findings below this level
  readonly notes?: boolean; // also the notes of rules that did not apply (e.g. 未能确定发布日期)
}

/** The groups of entries for a file's results that are not met (and notes of skipped rules). */
export function findingGroups(
  file: FileResult,
  categories: readonly Category[],
  options: ListOptions = {},
): FindingGroup[] {
  const shown = (level: Level) => options.minLevel === undefined || isAtLeast(level, options.minLevel);
  const groups = new Map<
    string,
    { kind: 'part' | 'category'; title: string; order: number[]; entries: Draft[] }
  >();
  const groupOf = (kind: 'part' | 'category', title: string) => {
    const key = `${kind}:${title}`;
    let group = groups.get(key);
    if (!group) {
      group = { kind, title, order: [], entries: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const result of file.results) {
    if (result.status === 'pass') continue;
    if (result.status === 'skip' && (!options.notes || result.findings.length === 0)) continue;
    const status: GapStatus = result.status === 'skip' ? 'advice' : gapStatusOf(result);
    const category = categoryLabel(categories, result.category);
    const findings = result.findings.filter((finding) => shown(finding.level));
    if (findings.length === 0) {
      if (result.findings.length > 0 || !shown(result.level)) continue;
      const group = groupOf('category', category);
      group.order.push(-1);
      group.entries.push({ status, result, what: result.message, fix: null, findings: [] });
      continue;
    }
    // A missing statutory part belongs to no part: its finding only says where to add it.
    const byCategory = result.statutory && result.status === 'fail';
    for (const finding of findings) {
      const part = byCategory ? null : finding.location.part;
      const group = part === null ? groupOf('category', category) : groupOf('part', part);
      // Missing statutory parts come first, as whole-report entries do.
      group.order.push(byCategory ? -1 : finding.line);
      const fix = extraSuggestion(finding);
      const same = group.entries.find(
        (entry) => entry.result === result && entry.what === finding.message && entry.fix === fix,
      );
      if (same) same.findings.push(finding);
      else group.entries.push({ status, result, what: finding.message, fix, findings: [finding] });
    }
  }
  return [...groups.values()]
    .map((group) => ({ group, first: Math.min(...group.order) }))
    .sort((a, b) => a.first - b.first)
    .map(({ group }) => ({
      kind: group.kind,
      title: group.title,
      entries: group.entries.map(toEntry).sort(byFirstLine),
    }));
}

interface Draft {
  readonly status: GapStatus;
  readonly result: RuleResult;
  readonly what: string;
  readonly fix: string | null;
  readonly findings: Finding[];
}

function toEntry(draft: Draft): FindingEntry {
  const lines = draft.findings.map((finding) => finding.line).sort((a, b) => a - b);
  return {
    status: draft.status,
    lines,
    what: draft.what,
    fix: draft.fix,
    result: draft.result,
    location: draft.findings[0]?.location ?? null,
    isNew: draft.findings.some((finding) => finding.baseline !== undefined)
      ? draft.findings.some((finding) => finding.baseline === false)
      : null,
  };
}

function byFirstLine(a: FindingEntry, b: FindingEntry): number {
  return (a.lines[0] ?? -1) - (b.lines[0] ?? -1);
}

/** Where an entry is: "第12行", or "" for the whole report. */
export function whereText(entry: FindingEntry): string {
  const first = entry.lines[0];
  return first === undefined ? '' : `第${first}行`;
}

const LISTED_LINES = 6;

/** What an entry says, with its fix and, for merged findings, how many and on which lines. */
export function entryText(entry: FindingEntry): string {
  const fix = entry.fix ? ` → ${entry.fix}` : '';
  const count = entry.lines.length;
  if (count <= 1) return `${entry.what}${fix}`;
  const distinct = [...new Set(entry.lines)];
  const listed =
    distinct.length === 1
      ? ''
      : `：第${distinct.slice(0, LISTED_LINES).join('、')}行${distinct.length > LISTED_LINES ? '等' : ''}`;
  return `${entry.what}${fix}（${count}处${listed}）`;
}
