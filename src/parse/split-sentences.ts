import type { TextRange } from '../text/text-range.js';

// A sentence ends at 。！？!? plus any closing quotes or brackets right after it.
const SENTENCE_END = /[。！？!?][”’」』）)]*/g;

/** Splits [start, end) of `text` into sentence ranges, trimming surrounding spaces. */
export function splitSentences(text: string, start: number, end: number): TextRange[] {
  const ranges: TextRange[] = [];
  const slice = text.slice(start, end);
  let from = 0;
  for (const match of slice.matchAll(SENTENCE_END)) {
    const to = (match.index ?? 0) + match[0].length;
    pushTrimmed(ranges, slice, start, from, to);
    from = to;
  }
  pushTrimmed(ranges, slice, start, from, slice.length);
  return ranges;
}

function pushTrimmed(ranges: TextRange[], slice: string, base: number, from: number, to: number): void {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(slice[a] ?? '')) a++;
  while (b > a && /\s/.test(slice[b - 1] ?? '')) b--;
  if (b > a) ranges.push({ start: base + a, end: base + b });
}
