// A keyword with a figure next to it (复议案件 … 12件): the figure follows the keyword within a
// window, or precedes it, without crossing a sentence end. Works on folded text.

import type { TextRange } from '../../text/text-range.js';
import { type Figure, findFigures } from './find-figures.js';

/** A keyword occurrence and the figure stated with it (null when there is none). */
export interface KeywordFigure {
  readonly keyword: TextRange; // folded offsets
  readonly figure: Figure | null;
  readonly range: TextRange; // the searched range it lies in
}

/** How far from the keyword a figure may stand. */
export interface FigureWindow {
  readonly after: number;
  readonly before: number;
}

const SENTENCE_END = /[。;!?\n]/;

/**
 * Every keyword occurrence that starts inside one of the ranges (sorted, not overlapping), in
 * text order, each with its nearest figure. Each pattern scans the text once.
 */
export function findKeywordFigures(
  text: string,
  ranges: readonly TextRange[],
  keywords: readonly RegExp[],
  figures: RegExp,
  window: FigureWindow,
): KeywordFigure[] {
  const first = ranges[0];
  const last = ranges.at(-1);
  if (!first || !last) return [];
  const hits: KeywordFigure[] = [];
  // Searching a slice bounds each search by the ranges (a search of the whole text from a
  // window's start runs on to the next match, however far away, which is quadratic when many
  // small windows are searched).
  const slice = text.slice(first.start, last.end);
  for (const pattern of keywords) {
    let r = 0;
    pattern.lastIndex = 0;
    for (let found = pattern.exec(slice); found; found = pattern.exec(slice)) {
      if (found[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const match = { index: first.start + found.index, 0: found[0] };
      while (r < ranges.length && (ranges[r] as TextRange).end <= match.index) r++;
      const range = ranges[r];
      if (!range) break;
      if (match.index < range.start) continue;
      const keyword = { start: match.index, end: Math.min(range.end, match.index + match[0].length) };
      hits.push({ keyword, figure: figureNear(text, range, keyword, figures, window), range });
    }
  }
  return hits.sort((a, b) => a.keyword.start - b.keyword.start);
}

function figureNear(
  text: string,
  range: TextRange,
  keyword: TextRange,
  figures: RegExp,
  window: FigureWindow,
): Figure | null {
  const beforeStart =
    window.before === 0
      ? keyword.start
      : sentenceStartBefore(text, keyword.start, Math.max(range.start, keyword.start - window.before));
  const before = findFigures(text, figures, beforeStart, keyword.start).at(-1) ?? null;
  // A figure right before the keyword is the keyword's own (100%出庭应诉, 12件规范性文件).
  if (before && keyword.start - before.end <= ADJACENT) return before;
  const afterEnd = sentenceEndAfter(text, keyword.end, Math.min(range.end, keyword.end + window.after));
  return findFigures(text, figures, keyword.end, afterEnd)[0] ?? before;
}

// At most this many characters (的) between a figure and the keyword it stands before.
const ADJACENT = 1;

function sentenceEndAfter(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (SENTENCE_END.test(text[i] ?? '')) return i;
  return limit;
}

function sentenceStartBefore(text: string, from: number, limit: number): number {
  for (let i = from - 1; i >= limit; i--) if (SENTENCE_END.test(text[i] ?? '')) return i + 1;
  return limit;
}
