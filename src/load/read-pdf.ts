// .pdf (text layer) → report text. PDF text comes as positioned runs, one visual line at a time;
// lines are rejoined into paragraphs (a line that does not end a sentence continues in the next,
// unless the next is indented, starts a heading, or follows a gap), page numbers are dropped, and
// the spaces PDF producers put between Chinese and digits are removed. unpdf (pdf.js) is imported
// only when a PDF is read.

import { matchHeadingMarker } from '../text/heading-markers.js';
import { LoadError, type SourceFile, type SourceFormat } from './source-file.js';

interface PdfItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
  readonly hasEOL: boolean;
}

/** One visual line of a page. */
export interface PdfLine {
  readonly text: string;
  readonly x: number; // left edge
  readonly right: number; // right edge
  readonly y: number; // baseline, from the page bottom
  readonly fontSize: number;
  readonly page: number; // 1-based
}

const MIN_TEXT_CHARS = 20;
const SENTENCE_END = /[。！？!?；;：:…][”’」』）)]*$/u;
const PAGE_NUMBER =
  /^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/u;
const HAN = '\\p{Script=Han}';
const CJK_PUNCT = '，。、；：？！“”‘’（）《》〔〕【】';

/** Reads the text layer of a PDF. */
export async function readPdf(path: string, bytes: Uint8Array, format: SourceFormat): Promise<SourceFile> {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
    throw new LoadError('corrupt', '文件不是有效的 PDF（缺少 %PDF 文件头）');
  }
  const pages = await readPages(bytes);
  const lines = pages
    .flatMap((items, i) => groupLines(items, i + 1))
    .filter((line) => !PAGE_NUMBER.test(line.text.trim()));
  if (lines.reduce((sum, line) => sum + line.text.replace(/\s/g, '').length, 0) < MIN_TEXT_CHARS) {
    throw new LoadError(
      'no-text-layer',
      'PDF 没有文字层（可能是扫描件或图片），无法读取文字；请提供 Word 原稿或可复制文字的 PDF',
    );
  }
  return { path, format, encoding: 'binary', text: joinLines(lines).join('\n'), meta: {} };
}

async function readPages(bytes: Uint8Array): Promise<PdfItem[][]> {
  const { getDocumentProxy, extractTextItems } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException')
      throw new LoadError('encrypted', 'PDF 设有打开密码（已加密），请取消密码后再检查');
    throw new LoadError('corrupt', 'PDF 文件已损坏或不完整，无法打开');
  }
  try {
    return (await extractTextItems(pdf)).items;
  } catch {
    throw new LoadError('corrupt', 'PDF 文件已损坏，无法读取文字');
  } finally {
    await pdf.destroy();
  }
}

/** Groups a page's text runs into visual lines. */
export function groupLines(items: readonly PdfItem[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
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
export function joinLines(lines: readonly PdfLine[]): string[] {
  const left = modeOf(lines.map((line) => Math.round(line.x)));
  const right = Math.max(...lines.map((line) => line.right));
  const spacing = medianSpacing(lines);
  const em = modeOf(lines.map((line) => Math.round(line.fontSize)));
  // With first-line indents, a full line ending in 。 followed by an unindented line is one paragraph.
  const indented = lines.filter((line) => line.x > left + em && line.x < left + 3 * em).length;
  const usesIndent = indented >= 3 && indented >= lines.length / 20;
  const paragraphs: string[] = [];
  let buffer = '';
  for (const [i, line] of lines.entries()) {
    const text = tidy(line.text);
    const previous = lines[i - 1];
    const ended = SENTENCE_END.test(buffer) && !usesIndent;
    if (buffer !== '' && previous && !ended && continues(previous, line, text, { left, right, spacing })) {
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
  previous: PdfLine,
  next: PdfLine,
  nextText: string,
  page: { left: number; right: number; spacing: number },
): boolean {
  const em = next.fontSize;
  if (matchHeadingMarker(nextText)) return false;
  if (next.x > page.left + em) return false; // indented: a new paragraph (or centred text)
  if (previous.right < page.right - 2 * em) return false; // the previous line stopped short
  if (previous.x > page.left + 2 * em && previous.right < page.right - em) return false; // centred title
  if (next.page === previous.page && previous.y - next.y > page.spacing * 1.6) return false; // a gap
  return true;
}

function joinTwo(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : `${a}${b}`;
}

/** Removes the spaces PDF text puts between Chinese and digits, Latin letters or Chinese punctuation. */
export function tidy(text: string): string {
  const cjk = `[${HAN}${CJK_PUNCT}]`;
  return text
    .replace(new RegExp(`(?<=${cjk})[ \\t\\u00a0]+(?=[${HAN}${CJK_PUNCT}A-Za-z0-9%.])`, 'gu'), '')
    .replace(new RegExp(`(?<=[A-Za-z0-9%.])[ \\t\\u00a0]+(?=${cjk})`, 'gu'), '')
    .replace(/(?<=\d)[ \t\u00a0]+(?=[%‰])/g, '')
    .replace(/[ \t\u00a0]{2,}/g, ' ')
    .trim();
}

function modeOf(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0] ?? 0;
  for (const [value, count] of counts)
    if (count > (counts.get(best) ?? 0) || (count === counts.get(best) && value < best)) best = value;
  return best;
}

function medianSpacing(lines: readonly PdfLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1] as PdfLine;
    const b = lines[i] as PdfLine;
    if (a.page === b.page && a.y > b.y) gaps.push(a.y - b.y);
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 20;
}
