// The folded view rules match on: full-width ASCII folded to half-width and horizontal spaces
// dropped, with maps between folded and original offsets, so that findings point at what the
// author wrote while patterns need not care about widths and spacing.

import type { TextRange } from './text-range.js';

/** The folded text and its maps to and from the original offsets. */
export interface FoldedText {
  readonly text: string;
  readonly toOriginal: Int32Array; // folded index -> original index; has length text.length + 1
  readonly fromOriginal: Int32Array; // original index -> folded index of the first char at or after it
}

const FULLWIDTH_ASCII_FIRST = 0xff01;
const FULLWIDTH_ASCII_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;
const UTF16 = new TextDecoder('utf-16le');

/** Horizontal spaces the folded view drops: space, tab, NBSP, ideographic space, thin spaces, BOM. */
function isHorizontalSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0xa0 ||
    code === 0x3000 ||
    (code >= 0x2002 && code <= 0x200b) ||
    code === 0xfeff
  );
}

/** Folds full-width ASCII to half-width and drops horizontal spaces, keeping a map to the original. */
export function foldText(text: string): FoldedText {
  const length = text.length;
  const out = new Uint16Array(length);
  const toOriginal = new Int32Array(length + 1);
  const fromOriginal = new Int32Array(length + 1);
  let n = 0;
  for (let i = 0; i < length; i++) {
    fromOriginal[i] = n;
    const code = text.charCodeAt(i);
    if (isHorizontalSpace(code)) continue;
    out[n] = code >= FULLWIDTH_ASCII_FIRST && code <= FULLWIDTH_ASCII_LAST ? code - FULLWIDTH_OFFSET : code;
    toOriginal[n] = i;
    n++;
  }
  fromOriginal[length] = n;
  toOriginal[n] = length;
  return {
    text: UTF16.decode(out.subarray(0, n)),
    toOriginal: toOriginal.subarray(0, n + 1),
    fromOriginal,
  };
}

/** Folds a short string the same way (for patterns, headings and single lines). */
export function foldString(text: string): string {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHorizontalSpace(code)) continue;
    result +=
      code >= FULLWIDTH_ASCII_FIRST && code <= FULLWIDTH_ASCII_LAST
        ? String.fromCharCode(code - FULLWIDTH_OFFSET)
        : text[i];
  }
  return result;
}

/** Maps a folded range back to an original [start, end) range. */
export function originalRange(folded: FoldedText, start: number, end: number): TextRange {
  const originalStart = folded.toOriginal[start] ?? 0;
  // The end maps to just after the last folded character, so spaces after it are not included.
  const lastIndex = end > start ? (folded.toOriginal[end - 1] ?? originalStart) + 1 : originalStart;
  return { start: originalStart, end: lastIndex };
}
