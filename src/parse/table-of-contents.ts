// A table of contents at the top of a document: a run of short heading lines ("一、背景与意义",
// "1.1 …", "二、…") followed by the same first heading again where the text starts. Its lines are
// navigation, not headings or text.

import { matchHeadingMarker } from '../text/heading-markers.js';

const ENTRY_MAX = 40;
const MIN_ENTRIES = 3;
const SEARCH_LINES = 200;

/** A non-blank line as the contents finder sees it: its index and simplified, cleaned view. */
export interface ContentsLine {
  readonly index: number;
  readonly clean: string;
}

/** The indexes of the table of contents' lines, or none. `lines` are the body lines in order. */
export function tableOfContents(lines: readonly ContentsLine[]): number[] {
  const first = lines.findIndex((line) => matchHeadingMarker(line.clean)?.ordinal === 1);
  if (first < 0 || first > SEARCH_LINES) return [];
  const entry = entryText(lines[first]?.clean ?? '');
  for (let i = first + 1; i < lines.length && i <= first + SEARCH_LINES; i++) {
    const clean = lines[i]?.clean ?? '';
    if (entryText(clean) === entry) {
      return i - first >= MIN_ENTRIES ? lines.slice(first, i).map((line) => line.index) : [];
    }
    if (clean.length > ENTRY_MAX || /[。；;！？]/.test(clean)) return [];
  }
  return [];
}

/** An entry without its page number or leader dots ("一、背景……3" → "一、背景"). */
function entryText(clean: string): string {
  return clean.replace(/[\s.…·．_-]*\d*$/u, '').replace(/\s+/gu, '');
}
