// Figures stated in report text: a number (Arabic or Chinese numerals, 百分之N, with 万/亿 and
// 余/多) followed by a unit (件, 人次, %, 万元 …). Works on folded text (％ is already %).

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const MAGNITUDES: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

const CHINESE_NUMERAL = '[零〇一二两三四五六七八九十百千万亿]+';
const ARABIC_NUMBER = '\\d+(?:,\\d{3})*(?:\\.\\d+)?';
// Not inside another number, and not an ordinal (第三次).
const NOT_INSIDE_NUMBER = '(?<![\\d.零〇一二两三四五六七八九十百千万亿第])(?<!\\d,)';
// A unit followed by these is part of a name, not a count: 三项制度, 两个机制.
const NOT_A_NAME = '(?!制度|机制)';
// A unit followed by 次 counts times (场次, 件次, 人次): when the list lacks the compound unit the
// figure still counts in the unit (100余场次 is 100 场), except persons: 4人次 is not 4 人.
const TIMES = '(?<times>次)?';
const NOT_TIMES_OF = new Set(['人', '名']);
const CONTEXT = 2; // characters the look-behind and look-ahead read

/** A number with its unit, as offsets into the searched text. */
export interface Figure {
  readonly start: number;
  readonly end: number;
  readonly text: string; // as written: "100余万元"
  readonly value: number; // magnitudes applied: 100余万元 → 1000000
  readonly unit: string; // the unit from the list that matched: "元" or "万元"
  readonly approximate: boolean; // 余 / 多
}

/** Value of Chinese numerals (十二 → 12, 一百零五 → 105, 两万 → 20000); null if not a number. */
export function parseChineseNumber(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千万亿]+$/.test(text)) return null;
  if (!/[零〇一二两三四五六七八九]/.test(text) && !text.startsWith('十')) return null;
  let yi = 0; // the part counted in 亿
  let wan = 0; // the part counted in 万, below 亿
  let section = 0; // below 万
  let digit = 0;
  for (const ch of text) {
    if (ch in CHINESE_DIGITS) digit = CHINESE_DIGITS[ch] as number;
    else if (ch in CHINESE_UNITS) {
      section += (digit || 1) * (CHINESE_UNITS[ch] as number);
      digit = 0;
    } else if (ch === '万') {
      wan += (section + digit || 1) * 1e4;
      section = 0;
      digit = 0;
    } else {
      yi = (yi + wan + section + digit || 1) * 1e8;
      wan = 0;
      section = 0;
      digit = 0;
    }
  }
  return yi + wan + section + digit;
}

/** Value of an Arabic (1,234.5) or Chinese number; null if it is neither. */
export function parseNumber(text: string): number | null {
  if (new RegExp(`^${ARABIC_NUMBER}$`).test(text)) return Number(text.replace(/,/g, ''));
  return parseChineseNumber(text);
}

/** Compiles a matcher for figures with one of the units (longest units are tried first). */
export function figurePattern(units: readonly string[]): RegExp {
  const alternatives = [...new Set(units)]
    .sort((a, b) => b.length - a.length)
    .map((unit) => unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  const number = `(?<number>${ARABIC_NUMBER}|${CHINESE_NUMERAL})`;
  const percentWords = units.includes('%') ? `百分之(?<percent>${CHINESE_NUMERAL}|${ARABIC_NUMBER})|` : '';
  const approx = (name: string) => `(?<${name}>余|多)?`;
  return new RegExp(
    `${NOT_INSIDE_NUMBER}(?:${percentWords}${number}${approx('approx1')}(?<magnitude>[万亿])??${approx('approx2')}(?<unit>${alternatives})${NOT_A_NAME}${TIMES})`,
    'gu',
  );
}

/** The figures matched by `pattern` (from figurePattern) in text[from, to). */
export function findFigures(text: string, pattern: RegExp, from = 0, to = text.length): Figure[] {
  // Search a slice with a little context on both sides for the look-behind and look-ahead, so
  // that a search never runs past the window.
  const sliceStart = Math.max(0, from - CONTEXT);
  const slice = text.slice(sliceStart, Math.min(text.length, to + CONTEXT));
  const figures: Figure[] = [];
  pattern.lastIndex = from - sliceStart;
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    const start = sliceStart + match.index;
    const end = start + match[0].length;
    if (start >= to || end > to) break;
    const figure = toFigure(match, start, end);
    if (figure) figures.push(figure);
  }
  return figures;
}

function toFigure(match: RegExpExecArray, start: number, end: number): Figure | null {
  const text = match[0];
  const { percent: percentNumber, number, approx1, magnitude, approx2, unit, times } = match.groups ?? {};
  if (times && NOT_TIMES_OF.has(unit ?? '')) return null;
  if (percentNumber !== undefined) {
    const value = percentNumber === '百' ? 100 : parseNumber(percentNumber);
    return value === null ? null : { start, end, text, value, unit: '%', approximate: false };
  }
  // A magnitude after an Arabic number (2.1万余件) multiplies it; a Chinese run holds its own (两万).
  let value = parseNumber(number ?? '');
  if (value === null) return null;
  if (magnitude) value *= MAGNITUDES[magnitude] as number;
  return {
    start,
    end,
    text,
    value,
    unit: unit ?? '',
    approximate: Boolean(approx1 || approx2),
  };
}
