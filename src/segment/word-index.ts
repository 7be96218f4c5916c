// Word boundaries of one document's folded text. A term "matches as a word" when it begins or ends
// an occurrence of a longer domain term (行政执法三项制度 ends with the word 三项制度, but 依法治国
// does not contain the word 法治), or when both its ends are token boundaries of jieba's
// segmentation: 办公示范区 does not contain the word 公示.
// Boundaries the boundary lexicon settles need no segmentation; jieba runs, line by line and on
// demand, only for the rest.

import { memoByOwner } from '../shared/memo.js';
import { boundaryLexicon, isEndCertain, isStartCertain } from './boundary-lexicon.js';
import { type CutTally, cutWords } from './jieba.js';
import type { Lexicon } from './lexicon.js';

// Per lexicon: the longer domain terms each term begins or ends (derived data, never changed).
const containersCache = new WeakMap<Lexicon, Map<string, ReadonlyArray<readonly [string, number]>>>();

/** Answers word-boundary questions about one text. */
export class WordIndex {
  // Token boundaries of each piece cut so far, by the piece's start.
  private readonly pieces = new Map<number, ReadonlySet<number>>();
  private readonly separators = new Map<number, readonly number[]>(); // by line start
  private newlineOffsets: number[] | null = null;
  private readonly tally: CutTally = { lightChars: 0 };

  constructor(
    private readonly text: string,
    private readonly lexicon: Lexicon,
  ) {}

  /** Segments a short text with this index's lexicon (for kinds that look at words themselves). */
  cut(text: string): string[] {
    return cutWords(text, this.lexicon, this.tally);
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
    const [lineStart, lineEnd] = this.lineAround(start);
    return this.isBoundary(start, lineStart, lineEnd) && this.isBoundary(end, lineStart, lineEnd);
  }

  /** Whether `offset` is a token boundary of jieba's cut of its line (cutting only what decides it). */
  isBoundaryAt(offset: number): boolean {
    const [lineStart, lineEnd] = this.lineAround(offset);
    return this.isBoundary(offset, lineStart, lineEnd);
  }

  private insideLongerDomainTerm(term: string, start: number): boolean {
    for (const [container, offset] of containersOf(term, this.lexicon)) {
      if (start >= offset && this.text.startsWith(container, start - offset)) return true;
    }
    return false;
  }

  /** Whether `offset` is a token boundary of jieba's cut of the line it lies in. */
  private isBoundary(offset: number, lineStart: number, lineEnd: number): boolean {
    if (offset <= lineStart || offset >= lineEnd) return true;
    if (isSeparator(this.text.charCodeAt(offset)) || isSeparator(this.text.charCodeAt(offset - 1)))
      return true;
    // Only the piece between the separators around `offset` decides: jieba cuts it on its own.
    // The separators of the line are listed once and searched: a scan back per question would be
    // quadratic on a line of a million characters without punctuation.
    const separators = this.separatorsOf(lineStart, lineEnd);
    const next = firstAtOrAfter(separators, offset);
    const pieceStart = next === 0 ? lineStart : (separators[next - 1] as number) + 1;
    let boundaries = this.pieces.get(pieceStart);
    if (!boundaries) {
      const pieceEnd = separators[next] ?? lineEnd;
      boundaries = segmentBoundaries(
        this.text.slice(pieceStart, pieceEnd),
        this.lexicon,
        pieceStart,
        this.tally,
      );
      this.pieces.set(pieceStart, boundaries);
    }
    return boundaries.has(offset);
  }

  /** Offsets of the separators in a line, in order (listed on first use). */
  private separatorsOf(lineStart: number, lineEnd: number): readonly number[] {
    const known = this.separators.get(lineStart);
    if (known) return known;
    const found: number[] = [];
    for (let at = lineStart; at < lineEnd; at++) if (isSeparator(this.text.charCodeAt(at))) found.push(at);
    this.separators.set(lineStart, found);
    return found;
  }

  /** The start and end of the line `offset` lies in. */
  private lineAround(offset: number): readonly [number, number] {
    // Found by binary search over the newlines, not by scanning back: on a line of a million
    // characters a scan per question would make the questions quadratic.
    const newlines = this.newlines();
    const low = firstAtOrAfter(newlines, offset);
    const lineStart = low === 0 ? 0 : (newlines[low - 1] as number) + 1;
    return [lineStart, newlines[low] ?? this.text.length];
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

/** Token boundaries of one line, as offsets from `base` (`tally`: the document's, see jieba.ts). */
export function segmentBoundaries(
  line: string,
  lexicon: Lexicon,
  base = 0,
  tally: CutTally = { lightChars: 0 },
): ReadonlySet<number> {
  const boundaries = new Set<number>([base]);
  let offset = base;
  for (const word of cutWords(line, lexicon, tally)) {
    offset += word.length;
    boundaries.add(offset);
  }
  if (offset !== base + line.length) {
    // jieba's tokens always concatenate to the input; if not, every position is a boundary.
    for (let i = 0; i <= line.length; i++) boundaries.add(base + i);
  }
  return boundaries;
}

/** Index of the first element of a sorted array that is at least `value`. */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Characters jieba never puts inside a block of text (its blocks are runs of Han characters,
 * ASCII letters and digits and + # & . _ % -): each is a token of its own, so the text on either
 * side of one is cut independently. Cutting only the piece between two of them around a position
 * gives the same boundaries there as cutting the whole line, for a fraction of the cost (a
 * paragraph is one line). ASCII punctuation other than those five, CJK and general punctuation,
 * full-width forms, and horizontal spaces; not \r, which jieba pairs with a following \n.
 */
function isSeparator(code: number): boolean {
  if (code < 0x80) return SEPARATOR_ASCII[code] === 1;
  return (
    (code >= 0x3000 && code <= 0x303f && !HAN_IN_CJK_PUNCTUATION.has(code)) || // 、。《》「」【】〔〕
    (code >= 0x2000 && code <= 0x206f) || // general punctuation: — ‘ ’ “ ” … and spaces
    (code >= 0xff00 && code <= 0xffef) || // full-width forms: ，；：（）！？
    code === 0x00b7 ||
    code === 0x00a0
  );
}

// 々 〆 〇 and the Hangzhou numerals are Han characters, which a jieba may count as a block's.
const HAN_IN_CJK_PUNCTUATION = new Set([
  0x3005, 0x3006, 0x3007, 0x3021, 0x3022, 0x3023, 0x3024, 0x3025, 0x3026, 0x3027, 0x3028, 0x3029, 0x3038,
  0x3039, 0x303a, 0x303b,
]);
const SEPARATOR_ASCII = new Uint8Array(128);
for (const char of ' \t!"$\'(),/:;<=>?@[\\]^`{|}~*') SEPARATOR_ASCII[char.charCodeAt(0)] = 1;

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
