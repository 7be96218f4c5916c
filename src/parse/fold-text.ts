import type { FoldedText } from './document.js';

const FULLWIDTH_ASCII_FIRST = 0xff01;
const FULLWIDTH_ASCII_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;
const HORIZONTAL_SPACE = /[ \t\u00a0\u3000\u2002-\u200b\ufeff]/;

/** Folds full-width ASCII to half-width and drops horizontal spaces, keeping a map to the original. */
export function foldText(text: string): FoldedText {
  const out: string[] = [];
  const toOriginal: number[] = [];
  const fromOriginal = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    fromOriginal[i] = out.length;
    const ch = text[i] as string;
    if (HORIZONTAL_SPACE.test(ch)) continue;
    const code = ch.charCodeAt(0);
    out.push(
      code >= FULLWIDTH_ASCII_FIRST && code <= FULLWIDTH_ASCII_LAST
        ? String.fromCharCode(code - FULLWIDTH_OFFSET)
        : ch,
    );
    toOriginal.push(i);
  }
  fromOriginal[text.length] = out.length;
  toOriginal.push(text.length);
  return { text: out.join(''), toOriginal: Int32Array.from(toOriginal), fromOriginal };
}

/** Folds a short string the same way (for patterns and headings). */
export function foldString(text: string): string {
  return foldText(text).text;
}

/** Maps a folded range back to an original [start, end) range. */
export function originalRange(
  folded: FoldedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const originalStart = folded.toOriginal[start] ?? 0;
  // The end maps to just after the last folded character, so spaces after it are not included.
  const lastIndex = end > start ? (folded.toOriginal[end - 1] ?? originalStart) + 1 : originalStart;
  return { start: originalStart, end: lastIndex };
}
