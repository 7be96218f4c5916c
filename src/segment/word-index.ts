// Word boundaries of one document's folded text. A term "matches as a word" when it begins or ends
// an occurrence of a longer domain term (行政执法三项制度 ends with the word 三项制度, but 依法治国
// does not contain the word 法治), or when both its ends are token boundaries of jieba's
// segmentation: 办公示范区 does not contain the word 公示.
// Boundaries the boundary lexicon settles need no segmentation; jieba runs, line by line and on
// demand, only for the rest.

import { memoByOwner } from '../shared/memo.js';
import { boundaryLexicon, isEndCertain, isStartCertain } from './boundary-lexicon.js';
import { cutWords } from './jieba.js';
import type { Lexicon } from './lexicon.js';

// Per lexicon: the longer domain terms each term begins or ends (derived data, never changed).
const containersCache = new WeakMap<Lexicon, Map<string, ReadonlyArray<readonly [string, number]>>>();

/** Answers word-boundary questions about one text. */
export class WordIndex {
  private readonly lines = new Map<number, ReadonlySet<number>>();
  private newlineOffsets: number[] | null = null;

  constructor(
    private readonly text: string,
    private readonly lexicon: Lexicon,
  ) {}

  /** Segments a short text with this index's lexicon (for kinds that look at words themselves). */
  cut(text: string): string[] {
    return cutWords(text, this.lexicon);
  }

  /** Whether [start, end) of the text is a whole word (see the module comment). */
  isWordAt(start: number, end: number): boolean {
    const term = this.text.slice(start, end);
    if (this.insideLongerDomainTerm(term, start)) return true;
    // The lexicon of crossers was built from the shipped terms only.
    const crossers = this.lexicon.added.length === 0 ? boundaryLexicon()?.terms[term] : undefined;
    if (
      crossers &&
      isStartCertain(this.text, start, crossers.start) &&
      isEndCertain(this.text, end, crossers.end)
    ) {
      return true;
    }
    const boundaries = this.boundariesOfLine(start);
    return boundaries.has(start) && boundaries.has(end);
  }

  private insideLongerDomainTerm(term: string, start: number): boolean {
    for (const [container, offset] of containersOf(term, this.lexicon)) {
      if (start >= offset && this.text.startsWith(container, start - offset)) return true;
    }
    return false;
  }

  private boundariesOfLine(offset: number): ReadonlySet<number> {
    // Found by binary search over the newlines, not by scanning back: on a line of a million
    // characters a scan per question would make the questions quadratic.
    const newlines = this.newlines();
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((newlines[mid] as number) < offset) low = mid + 1;
      else high = mid;
    }
    const lineStart = low === 0 ? 0 : (newlines[low - 1] as number) + 1;
    let boundaries = this.lines.get(lineStart);
    if (!boundaries) {
      const newline = newlines[low] ?? this.text.length;
      boundaries = segmentBoundaries(this.text.slice(lineStart, newline), this.lexicon, lineStart);
      this.lines.set(lineStart, boundaries);
    }
    return boundaries;
  }

  private newlines(): readonly number[] {
    if (!this.newlineOffsets) {
      const offsets: number[] = [];
      for (let at = this.text.indexOf('\n'); at >= 0; at = this.text.indexOf('\n', at + 1)) offsets.push(at);
      this.newlineOffsets = offsets;
    }
    return this.newlineOffsets;
  }
}

/** Token boundaries of one line, as offsets from `base`. */
export function segmentBoundaries(line: string, lexicon: Lexicon, base = 0): ReadonlySet<number> {
  const boundaries = new Set<number>([base]);
  let offset = base;
  for (const word of cutWords(line, lexicon)) {
    offset += word.length;
    boundaries.add(offset);
  }
  if (offset !== base + line.length) {
    // jieba's tokens always concatenate to the input; if not, every position is a boundary.
    for (let i = 0; i <= line.length; i++) boundaries.add(base + i);
  }
  return boundaries;
}

/** Longer domain terms that begin or end with `term`, with the offset of `term` inside them. */
function containersOf(term: string, lexicon: Lexicon): ReadonlyArray<readonly [string, number]> {
  return memoByOwner(containersCache, lexicon, term, () => {
    const found: Array<readonly [string, number]> = [];
    for (const candidate of lexicon.terms) {
      if (candidate.length <= term.length) continue;
      if (candidate.startsWith(term)) found.push([candidate, 0]);
      if (candidate.endsWith(term)) found.push([candidate, candidate.length - term.length]);
    }
    return found;
  });
}
