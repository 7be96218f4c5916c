// Text ranges as kinds use them: where to point when something is missing, overlapping matches,
// containment, and the folded text of a range.

import type { ReportDocument } from '../../../parse/document.js';
import type { TextRange } from '../../../text/text-range.js';

/** A range to point at when something is missing from a scope: its first line — for a scope
 * that starts with the opening paragraphs (the whole body), the first part's heading instead,
 * where the report's content begins (the opening says what the report is, not what was done). */
export function anchorOf(doc: ReportDocument, ranges: readonly TextRange[]): TextRange {
  const scopeStart = ranges[0];
  if (!scopeStart) return { start: doc.body.start, end: doc.body.start };
  const firstPart = doc.headings.find((heading) => heading.level === 1 && heading.start >= scopeStart.start);
  const beforeFirstHeading = doc.headings.every((heading) => heading.start > scopeStart.start);
  const first =
    beforeFirstHeading &&
    firstPart &&
    ranges.some((range) => range.start <= firstPart.start && firstPart.start < range.end)
      ? { start: firstPart.start, end: firstPart.end }
      : scopeStart;
  const lineEnd = doc.text.indexOf('\n', first.start);
  return { start: first.start, end: lineEnd < 0 || lineEnd > first.end ? first.end : lineEnd };
}

/** Keeps the longest of overlapping ranges (the earliest first on ties), sorted by position. */
export function dropOverlaps<T extends TextRange>(ranges: readonly T[]): T[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const range of sorted) {
    const last = kept.at(-1);
    if (last && range.start < last.end) {
      if (range.end - range.start > last.end - last.start) kept[kept.length - 1] = range;
      continue;
    }
    kept.push(range);
  }
  return kept;
}

/** Whether a range lies inside one of the (sorted or unsorted) containers. */
export function insideAny(range: TextRange, containers: readonly TextRange[]): boolean {
  return containers.some((c) => c.start <= range.start && range.end <= c.end);
}

/**
 * Containers (in any order, overlapping or not) that answer "is this range inside one of them" in
 * O(log n): sorted by start, with the furthest end reached so far. Many matches against many
 * exception phrases would otherwise cost matches × phrases.
 */
export class Containers {
  private readonly starts: number[];
  private readonly reach: number[]; // reach[i]: the largest end among the first i + 1 containers

  constructor(containers: readonly TextRange[]) {
    const sorted = [...containers].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((c) => c.start);
    this.reach = [];
    let furthest = Number.NEGATIVE_INFINITY;
    for (const c of sorted) {
      furthest = Math.max(furthest, c.end);
      this.reach.push(furthest);
    }
  }

  /** Whether the range lies inside one container (one that starts at or before it and ends at or after it). */
  contains(range: TextRange): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    let last = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((this.starts[mid] as number) <= range.start) {
        last = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return last >= 0 && (this.reach[last] as number) >= range.end;
  }
}

/** The folded text of an original range. */
export function foldedSlice(doc: ReportDocument, range: TextRange): string {
  return doc.folded.text.slice(
    doc.folded.fromOriginal[range.start] ?? 0,
    doc.folded.fromOriginal[range.end] ?? 0,
  );
}

/** The range of a line's text without its leading spaces. */
export function trimmedLine(line: {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}): TextRange {
  return { start: line.start + (line.text.length - line.text.trimStart().length), end: line.end };
}

/** Number of Han characters in a text. */
export function countHan(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/** The items (sorted by position) whose position lies inside one of the ranges (sorted, not
 * overlapping): one walk over both lists. */
export function withinRanges<T>(
  items: readonly T[],
  ranges: readonly TextRange[],
  positionOf: (item: T) => number,
): T[] {
  const kept: T[] = [];
  let r = 0;
  for (const item of items) {
    const at = positionOf(item);
    while (r < ranges.length && (ranges[r] as TextRange).end <= at) r++;
    const range = ranges[r];
    if (!range) break;
    if (range.start <= at) kept.push(item);
  }
  return kept;
}

/** The document's title line (without leading spaces), else the start of the body. */
export function titleRange(doc: ReportDocument): TextRange {
  const line = doc.identity.titleLine ? doc.lines[doc.identity.titleLine - 1] : undefined;
  return line ? trimmedLine(line) : { start: doc.body.start, end: doc.body.start };
}
