// The folded view rules match on: full-width ASCII folded to half-width, horizontal spaces and
// mirror sites' pinyin glosses ("關(guān)") dropped, traditional characters read through their
// simplified view, with maps between folded and original offsets, so that findings point at what
// the author wrote while patterns need not care about widths, spacing or script.

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

// A pinyin gloss some mirror sites put after every converted character: "(guān)", "(huì )".
const PINYIN_GLOSS = /[(（][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6} ?[)）]/uy;

/** Length of a pinyin gloss starting at `i` (just after a Han character), or 0. */
export function pinyinGlossAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code !== 0x28 && code !== 0xff08) return 0;
  const before = text.charCodeAt(i - 1);
  if (!(before >= 0x3400 && before <= 0x9fff)) return 0;
  PINYIN_GLOSS.lastIndex = i;
  return PINYIN_GLOSS.exec(text)?.[0].length ?? 0;
}

/**
 * Folds full-width ASCII to half-width and drops horizontal spaces and pinyin glosses, keeping a
 * map to the original. `view`, when given, is the text with some characters replaced one for one
 * (the simplified view of a traditional text): the folded text is built from it.
 */
export function foldText(text: string, view: string = text): FoldedText {
  const length = text.length;
  const out = new Uint16Array(length);
  const toOriginal = new Int32Array(length + 1);
  const fromOriginal = new Int32Array(length + 1);
  let n = 0;
  for (let i = 0; i < length; i++) {
    fromOriginal[i] = n;
    const code = view.charCodeAt(i);
    if (isHorizontalSpace(code)) continue;
    const gloss = code === 0x28 || code === 0xff08 ? pinyinGlossAt(text, i) : 0;
    if (gloss > 0) {
      for (let k = 1; k < gloss; k++) fromOriginal[i + k] = n;
      i += gloss - 1;
      continue;
    }
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
    const gloss = code === 0x28 || code === 0xff08 ? pinyinGlossAt(text, i) : 0;
    if (gloss > 0) {
      i += gloss - 1;
      continue;
    }
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
