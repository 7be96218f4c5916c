// Searching a rule's scope: on the folded text (full/half-width folded, spaces removed), with
// results mapped back to original offsets so findings point at what the user wrote.

import type { ReportDocument, TextRange } from '../../parse/document.js';
import { foldString, originalRange } from '../../parse/fold-text.js';
import type { WordIndex } from '../../segment/word-index.js';

/** A match in original-text offsets, with the matched original text. */
export interface TextMatch extends TextRange {
  readonly text: string;
  readonly groups: readonly (string | undefined)[];
}

/** The folded ranges of a list of original ranges. */
export function foldedRanges(doc: ReportDocument, ranges: readonly TextRange[]): TextRange[] {
  return ranges.map((range) => ({
    start: doc.folded.fromOriginal[range.start] ?? 0,
    end: doc.folded.fromOriginal[range.end] ?? doc.folded.text.length,
  }));
}

/** Occurrences of a literal term (the first `limit`); with `words`, only where it is a whole word. */
export function findTerm(
  doc: ReportDocument,
  ranges: readonly TextRange[],
  term: string,
  words: WordIndex | null,
  limit = Number.POSITIVE_INFINITY,
): TextMatch[] {
  const needle = foldString(term);
  if (needle.length === 0) return [];
  const text = doc.folded.text;
  const matches: TextMatch[] = [];
  for (const range of foldedRanges(doc, ranges)) {
    let at = text.indexOf(needle, range.start);
    while (at >= 0 && at + needle.length <= range.end) {
      if (!words || words.isWordAt(at, at + needle.length))
        matches.push(toMatch(doc, at, at + needle.length, []));
      if (matches.length >= limit) return matches;
      at = text.indexOf(needle, at + 1);
    }
  }
  return matches;
}

/** Matches of a compiled pattern (flags must include g) inside the ranges; the first `limit`. */
export function findPattern(
  doc: ReportDocument,
  ranges: readonly TextRange[],
  pattern: RegExp,
  limit = Number.POSITIVE_INFINITY,
): TextMatch[] {
  const text = doc.folded.text;
  const matches: TextMatch[] = [];
  for (const range of foldedRanges(doc, ranges)) {
    const slice = text.slice(range.start, range.end);
    pattern.lastIndex = 0;
    for (const match of slice.matchAll(pattern)) {
      const start = range.start + (match.index ?? 0);
      matches.push(toMatch(doc, start, start + match[0].length, match.slice(1)));
      if (matches.length >= limit) return matches;
      if (match[0].length === 0) break;
    }
  }
  return matches;
}

function toMatch(
  doc: ReportDocument,
  start: number,
  end: number,
  groups: readonly (string | undefined)[],
): TextMatch {
  const range = originalRange(doc.folded, start, end);
  return { ...range, text: doc.text.slice(range.start, range.end), groups };
}
