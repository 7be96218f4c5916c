// Searching a rule's scope: on the folded text (full/half-width folded, spaces removed), with
// results mapped back to original offsets so findings point at what the user wrote.

import type { ReportDocument } from '../../parse/document.js';
import type { WordIndex } from '../../segment/word-index.js';
import { memoByOwner } from '../../shared/memo.js';
import { foldString, originalRange } from '../../text/fold-text.js';
import type { TextRange } from '../../text/text-range.js';

/** A match in original-text offsets, with the matched original text. */
export interface TextMatch extends TextRange {
  readonly text: string;
  readonly groups: readonly (string | undefined)[];
}

// Many rules search the same scope (all body lines) of the same document: its folded ranges and
// their text are computed once per ranges array, and a term's occurrences once per document.
const scopeCache = new WeakMap<readonly TextRange[], { ranges: TextRange[]; slices: string[] }>();
const occurrenceCache = new WeakMap<ReportDocument, Map<string, number[]>>();

/** The folded ranges of a list of original ranges. */
export function foldedRanges(doc: ReportDocument, ranges: readonly TextRange[]): TextRange[] {
  return foldedScope(doc, ranges).ranges;
}

function foldedScope(
  doc: ReportDocument,
  ranges: readonly TextRange[],
): { ranges: TextRange[]; slices: string[] } {
  let scope = scopeCache.get(ranges);
  if (!scope) {
    const folded = ranges.map((range) => ({
      start: doc.folded.fromOriginal[range.start] ?? 0,
      end: doc.folded.fromOriginal[range.end] ?? doc.folded.text.length,
    }));
    scope = { ranges: folded, slices: folded.map((range) => doc.folded.text.slice(range.start, range.end)) };
    scopeCache.set(ranges, scope);
  }
  return scope;
}

/** Every folded offset where `needle` occurs in the document, found in one pass and cached. */
function occurrences(doc: ReportDocument, needle: string): number[] {
  return memoByOwner(occurrenceCache, doc, needle, () => {
    const found: number[] = [];
    for (let at = doc.folded.text.indexOf(needle); at >= 0; at = doc.folded.text.indexOf(needle, at + 1))
      found.push(at);
    return found;
  });
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
  const found = occurrences(doc, needle);
  if (found.length === 0) return [];
  const matches: TextMatch[] = [];
  for (const range of foldedRanges(doc, ranges)) {
    for (let i = firstAtOrAfter(found, range.start); i < found.length; i++) {
      const at = found[i] as number;
      if (at + needle.length > range.end) break;
      if (!words || words.isWordAt(at, at + needle.length))
        matches.push(toMatch(doc, at, at + needle.length, []));
      if (matches.length >= limit) return matches;
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
  if (!mayMatch(doc, pattern)) return [];
  const matches: TextMatch[] = [];
  const scope = foldedScope(doc, ranges);
  for (const [i, range] of scope.ranges.entries()) {
    const slice = scope.slices[i] as string;
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

const multilineTwins = new WeakMap<RegExp, RegExp>();
const possibleCache = new WeakMap<ReportDocument, Map<RegExp, boolean>>();

/**
 * Whether a pattern can match anywhere in the document: one pass over the whole folded text with
 * a multiline twin (so ^ and $ still match at every line, where scope ranges begin and end).
 * Most rules' patterns do not occur in a given report; this spares searching each line for them.
 */
function mayMatch(doc: ReportDocument, pattern: RegExp): boolean {
  let twin = multilineTwins.get(pattern);
  if (!twin) {
    twin = new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}${pattern.multiline ? '' : 'm'}`);
    multilineTwins.set(pattern, twin);
  }
  return memoByOwner(possibleCache, doc, pattern, () => (twin as RegExp).test(doc.folded.text));
}

/** Index of the first element of a sorted array that is at least `value`. */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
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
