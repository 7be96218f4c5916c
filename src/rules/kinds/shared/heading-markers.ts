// Heading markers written out: the correct marker of a level for an ordinal (二、 （三） 4. （5）).

import type { Heading } from '../../../parse/document.js';

const CN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The correctly written marker of a heading's level with another ordinal: 二、 （三） 4. （5）. */
export function markerFor(heading: Heading, ordinal: number): string {
  const chinese = chineseNumeral(ordinal);
  switch (heading.level) {
    case 1:
      return `${chinese}、`;
    case 2:
      return `（${chinese}）`;
    case 3:
      return `${ordinal}.`;
    default:
      return `（${ordinal}）`;
  }
}

/** 1 → 一, 12 → 十二, 25 → 二十五. */
export function chineseNumeral(n: number): string {
  if (n <= 10) return CN_NUMERALS[n] ?? String(n);
  if (n < 20) return `十${CN_NUMERALS[n - 10]}`;
  if (n < 100) return `${CN_NUMERALS[Math.floor(n / 10)]}十${CN_NUMERALS[n % 10]}`;
  return String(n);
}
