// What the engine does to every kind's findings before they are positioned: drop exact repeats
// (same place, message and data),
// sort them by position, and cap how many one rule may report on one document (one more finding
// says how many were left out). Exceptions are applied earlier, through CheckContext.isExcepted,
// so that a kind's verdict counts only what is reported.

import type { RawFinding } from '../types.js';

/** Findings one rule may list for one document. */
export const MAX_FINDINGS_PER_RULE = 200;

/** Whether two findings were filled with the same values (several at one place may differ). */
function sameData(a: RawFinding, b: RawFinding): boolean {
  return JSON.stringify(a.data ?? {}) === JSON.stringify(b.data ?? {});
}

/** Repeats, order and the cap, in that order. */
export function postProcess(findings: readonly RawFinding[]): RawFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
  const unique: RawFinding[] = [];
  for (const finding of sorted) {
    const last = unique.at(-1);
    if (
      last &&
      last.start === finding.start &&
      last.end === finding.end &&
      last.messageId === finding.messageId &&
      sameData(last, finding)
    )
      continue;
    unique.push(finding);
  }
  if (unique.length <= MAX_FINDINGS_PER_RULE) return unique;
  const shown = unique.slice(0, MAX_FINDINGS_PER_RULE);
  const last = shown.at(-1) as RawFinding;
  shown.push({
    start: last.start,
    end: last.end,
    messageId: 'engine.truncated',
    data: { count: unique.length - MAX_FINDINGS_PER_RULE },
    level: 'info',
  });
  return shown;
}
