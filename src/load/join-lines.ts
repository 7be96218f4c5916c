// Positioned text (PDF text runs, OFD text codes) → paragraphs: runs on one baseline become a line,
// page numbers are dropped, and lines are rejoined into paragraphs — a line that does not end a
// sentence continues in the next, unless the next is indented, starts a heading, or follows a gap.
// The spaces PDF producers put between Chinese and digits are removed. Units do not matter: every
// distance is measured against the font size.

import { matchHeadingMarker } from '../text/heading-markers.js';

/** A positioned run of text, as a PDF or OFD page gives it; y grows upwards (PDF's convention). */
export interface TextRun {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
  readonly hasEOL: boolean; // the producer ended the line after this run
}

/** One visual line of a page. */
export interface TextLine {
  readonly text: string;
  readonly x: number; // left edge
  readonly right: number; // right edge
  readonly y: number; // baseline, from the page bottom
  readonly fontSize: number;
  readonly page: number; // 1-based
}

const SENTENCE_END = /[。！？!?；;：:…][”’」』）)]*$/u;
const PAGE_NUMBER =
  /^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/u;
const HAN = '\\p{Script=Han}';
const RADICALS = /[\u2E80-\u2EFF\u2F00-\u2FDF]/gu;
// Supplementary radicals without a compatibility form, as the ideographs they stand for.
const RADICAL_IDEOGRAPHS: Readonly<Record<string, string>> = {
  '⺠': '民',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻈': '讠',
  '⻉': '贝',
  '⻋': '车',
  '⻓': '长',
  '⻔': '门',
  '⻘': '青',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻨': '麦',
  '⻩': '黄',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
};
const CJK_PUNCT = '，。、；：？！“”‘’（）《》〔〕【】';

/** Whether a line is only a page number (— 3 —, 第 3 页, 3/12). */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** The report text of laid-out pages (each page's runs): lines grouped, page numbers dropped,
 * paragraphs rejoined; null when there is hardly any text (a scan). */
export function pagesToText(pages: ReadonlyArray<readonly TextRun[]>): string | null {
  const lines = pages
    .flatMap((runs, i) => groupLines(runs, i + 1))
    .filter((line) => !isPageNumber(line.text));
  const chars = lines.reduce((sum, line) => sum + line.text.replace(/\s/g, '').length, 0);
  return chars < MIN_TEXT_CHARS ? null : joinLines(lines).join('\n');
}

/** Fewer characters than this on all pages: no text layer to speak of. */
const MIN_TEXT_CHARS = 20;

/** Groups a page's text runs into visual lines. */
export function groupLines(items: readonly TextRun[], page: number): TextLine[] {
  const lines: TextLine[] = [];
  let current: { parts: string[]; x: number; right: number; y: number; fontSize: number } | null = null;
  const flush = () => {
    if (current && current.parts.join('').trim() !== '') {
      lines.push({
        text: current.parts.join(''),
        x: current.x,
        right: current.right,
        y: current.y,
        fontSize: current.fontSize,
        page,
      });
    }
    current = null;
  };
  for (const item of items) {
    const size = item.fontSize || 10;
    if (current !== null && Math.abs((current as { y: number }).y - item.y) > size / 2) flush();
    if (item.str.trim() !== '') {
      if (current === null) {
        current = { parts: [], x: item.x, right: item.x, y: item.y, fontSize: size };
      }
      // A wide gap separates table cells or columns; a narrow one is a word space. Blank runs
      // are not measured: their widths include the gap.
      const gap = item.x - current.right;
      if (current.parts.length > 0 && gap > size * 2) current.parts.push('\u3000');
      else if (current.parts.length > 0 && gap > size * 0.25) current.parts.push(' ');
      current.parts.push(item.str);
      current.right = Math.max(current.right, item.x + item.width);
      current.fontSize = Math.max(current.fontSize, size);
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** Rejoins visual lines into paragraphs, one per output line. */
export function joinLines(lines: readonly TextLine[]): string[] {
  const left = modeOf(lines.map((line) => Math.round(line.x)));
  const em = modeOf(lines.map((line) => Math.round(line.fontSize)));
  // The right margin is where body lines end; a title in a larger size may run wider.
  // A loop, not Math.max(...): a spread of a 2,000-page document's lines overflows the stack.
  const right = lines.reduce(
    (most, line) => (Math.round(line.fontSize) === em ? Math.max(most, line.right) : most),
    Number.NEGATIVE_INFINITY,
  );
  const spacing = medianSpacing(lines);
  // With first-line indents, a full line ending in 。 followed by an unindented line is one paragraph.
  const indented = lines.filter((line) => line.x > left + em && line.x < left + 3 * em).length;
  const usesIndent = indented >= 3 && indented >= lines.length / 20;
  const paragraphs: string[] = [];
  let buffer = '';
  for (const [i, line] of lines.entries()) {
    const text = tidy(line.text);
    const previous = lines[i - 1];
    const ended = SENTENCE_END.test(buffer) && !usesIndent;
    if (
      buffer !== '' &&
      previous &&
      !ended &&
      continues(previous, line, text, { left, right, spacing, em })
    ) {
      buffer = joinTwo(buffer, text);
    } else {
      if (buffer !== '') paragraphs.push(buffer);
      buffer = text;
    }
  }
  if (buffer !== '') paragraphs.push(buffer);
  return paragraphs;
}

function continues(
  previous: TextLine,
  next: TextLine,
  nextText: string,
  page: { left: number; right: number; spacing: number; em: number },
): boolean {
  const em = next.fontSize;
  if (matchHeadingMarker(nextText)) return false;
  if (isWrappedTitle(previous, next, page.em)) return true;
  if (next.x > page.left + em) return false; // indented: a new paragraph (or centred text)
  if (previous.right < page.right - 2 * em) return false; // the previous line stopped short
  if (previous.x > page.left + 2 * em && previous.right < page.right - em) return false; // centred title
  if (next.page === previous.page && previous.y - next.y > page.spacing * 1.6) return false; // a gap
  return true;
}

/** A title set larger than the body and wrapped onto a second line, often centred under the first. */
function isWrappedTitle(previous: TextLine, next: TextLine, bodySize: number): boolean {
  return (
    previous.fontSize > bodySize * 1.15 &&
    Math.abs(next.fontSize - previous.fontSize) <= previous.fontSize * 0.1 &&
    next.page === previous.page &&
    previous.y - next.y < previous.fontSize * 2.5 &&
    !SENTENCE_END.test(previous.text.trim())
  );
}

function joinTwo(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : `${a}${b}`;
}

/** Removes the spaces PDF text puts between Chinese and digits, Latin letters or Chinese punctuation. */
export function tidy(text: string): string {
  const cjk = `[${HAN}${CJK_PUNCT}]`;
  return (
    text
      // Some PDF producers (Chromium's printing among them) map ideographs to the look-alike Kangxi
      // and supplementary radicals (⼈⺠ for 人民); their compatibility form is the ideograph.
      .replace(RADICALS, (radical) => RADICAL_IDEOGRAPHS[radical] ?? radical.normalize('NFKC'))
      .replace(new RegExp(`(?<=${cjk})[ \\t\\u00a0]+(?=[${HAN}${CJK_PUNCT}A-Za-z0-9%.])`, 'gu'), '')
      .replace(new RegExp(`(?<=[A-Za-z0-9%.])[ \\t\\u00a0]+(?=${cjk})`, 'gu'), '')
      .replace(/(?<=\d)[ \t\u00a0]+(?=[%‰])/g, '')
      .replace(/[ \t\u00a0]{2,}/g, ' ')
      .trim()
  );
}

function modeOf(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0] ?? 0;
  for (const [value, count] of counts)
    if (count > (counts.get(best) ?? 0) || (count === counts.get(best) && value < best)) best = value;
  return best;
}

function medianSpacing(lines: readonly TextLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1] as TextLine;
    const b = lines[i] as TextLine;
    if (a.page === b.page && a.y > b.y) gaps.push(a.y - b.y);
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 20;
}
