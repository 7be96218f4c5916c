// Recognises GB/T 9704 heading markers at the start of a line and where the heading text ends.
// A heading may share its line with the first sentence of its body: "（一）强化组织领导。一是……".

const CN_DIGITS = '一二三四五六七八九十';
const SPACE = '[\\s\\u3000]*';

interface MarkerPattern {
  readonly level: 1 | 2 | 3 | 4;
  readonly pattern: RegExp;
}

const MARKERS: readonly MarkerPattern[] = [
  // 一、 (一. 一． 一， are wrong but seen; they still open a level-1 heading)
  { level: 1, pattern: new RegExp(`^${SPACE}([${CN_DIGITS}]{1,3})${SPACE}[、．.，,]`) },
  // （一） and (一), sometimes followed by a stray 、
  {
    level: 2,
    pattern: new RegExp(`^${SPACE}[（(]${SPACE}([${CN_DIGITS}]{1,3})${SPACE}[）)]${SPACE}[、，,．.]?`),
  },
  // 1. 1． 1、 (not 1.5 or 2020年)
  { level: 3, pattern: new RegExp(`^${SPACE}(\\d{1,2})${SPACE}[.．、](?!\\d)`) },
  // （1） (1) ⑴ ①
  {
    level: 4,
    pattern: new RegExp(`^${SPACE}(?:[（(]${SPACE}(\\d{1,2})${SPACE}[）)]|([①-⑳⑴-⒇]))${SPACE}[、，,．.]?`),
  },
];

/** A heading marker found at the start of a line. */
export interface HeadingMarker {
  readonly level: 1 | 2 | 3 | 4;
  readonly marker: string;
  readonly ordinal: number;
  readonly length: number; // UTF-16 length of the marker including surrounding spaces
}

/** The heading marker a line starts with, if any. */
export function matchHeadingMarker(line: string): HeadingMarker | null {
  for (const { level, pattern } of MARKERS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const digits = match[1] ?? match[2] ?? '';
    return { level, marker: match[0].trim(), ordinal: parseOrdinal(digits), length: match[0].length };
  }
  return null;
}

/** 一 → 1, 十二 → 12, 二十 → 20, "7" → 7, ⑴/① → 1. */
export function parseOrdinal(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const circled = text.codePointAt(0) ?? 0;
  if (circled >= 0x2460 && circled <= 0x2473) return circled - 0x245f;
  if (circled >= 0x2474 && circled <= 0x2487) return circled - 0x2473;
  const tens = text.indexOf('十');
  const digit = (ch: string | undefined) => (ch ? CN_DIGITS.indexOf(ch) + 1 : 0);
  if (tens < 0) return digit(text[0]);
  return (tens === 0 ? 1 : digit(text[0])) * 10 + digit(text[tens + 1]);
}

const HEADING_END = /[。！？!?]/;
const INLINE_ENUMERATOR = /[一二三四五六七八九十]是/;
const TRAILING_PUNCTUATION = /[\s\u3000：:；;，,、]+$/;

/**
 * Where the heading text ends inside the rest of its line: at the first 。！？ (included in the
 * heading line but not in its title), or where an inline 一是 starts, or at the line end.
 * Returns the title and the offset (relative to `rest`) where body text on the same line begins.
 */
export function splitHeadingText(rest: string): { title: string; bodyStart: number } {
  const end = HEADING_END.exec(rest);
  const enumerator = INLINE_ENUMERATOR.exec(rest);
  let titleEnd = rest.length;
  let bodyStart = rest.length;
  if (end && (!enumerator || end.index < enumerator.index)) {
    titleEnd = end.index;
    bodyStart = end.index + 1;
  } else if (enumerator && enumerator.index > 0) {
    titleEnd = enumerator.index;
    bodyStart = enumerator.index;
  }
  const title = rest.slice(0, titleEnd).replace(TRAILING_PUNCTUATION, '').trim();
  return { title, bodyStart };
}

const SECTION_WORD = /^(引言|前言|序言|导言|概述|结语|结束语)$/;

/** A standard name of an unnumbered part on its own line ("引 言", "结语"), spaces ignored. */
export function isSectionWord(line: string): boolean {
  return SECTION_WORD.test(line.replace(/[\s\u3000]+/gu, ''));
}
