// .pdf → report text. A PDF with a text layer gives positioned runs, one visual line at a time;
// join-lines.ts groups them into lines, drops page numbers and rejoins the lines into paragraphs
// (as for OFD). A PDF without one is a scan: its page pictures are recognised by OCR
// (pdf-page-images.ts, read-scan.ts) and the source says `encoding: "ocr"`. The streams are checked
// before pdf.js opens the file (inspect-pdf.ts), and the text layer is read a page at a time within
// the document's time budget (a scan has its own, read-scan.ts). unpdf (pdf.js) is imported only
// when a PDF is read, the OCR component only for a scan.

import { type Budget, checkCount, DOCUMENT_LIMITS, isSmall, OverBudgetError } from '../shared/budget.js';
import { MAX_IMAGE_PIXELS } from './decode-image.js';
import { checkPdfStreams } from './inspect-pdf.js';
import { pagesToText, type TextRun } from './join-lines.js';
import { readPageImages } from './pdf-page-images.js';
import { MAX_SCAN_PAGES, recognizeScan } from './read-scan.js';
import { LoadError, type LoadOptions, type SourceFile, type SourceFormat } from './source-file.js';

const MIN_TEXT_CHARS = 20;

type PdfDocument = Awaited<ReturnType<typeof import('unpdf')['getDocumentProxy']>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type PdfTextItem = Awaited<ReturnType<PdfPage['getTextContent']>>['items'][number];

/** Reads the text layer of a PDF, or recognises its pages when it has none. */
export async function readPdf(
  path: string,
  bytes: Uint8Array,
  format: SourceFormat,
  options?: LoadOptions,
): Promise<SourceFile> {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
    throw new LoadError('corrupt', '文件不是有效的 PDF（缺少 %PDF 文件头）');
  }
  const budget = options?.budget;
  if (budget) {
    budget.step = 'PDF 文字提取';
    budget.run(() => checkPdfStreams(bytes), !isSmall(bytes.length));
  } else checkPdfStreams(bytes);
  const pdf = await openPdf(bytes);
  try {
    const text = pagesToText(await readTextRuns(pdf, budget));
    if (text !== null) return { path, format, encoding: 'binary', text, meta: {} };
    return { path, format, encoding: 'ocr', text: await recognizePdf(pdf), meta: {} };
  } finally {
    await pdf.destroy();
  }
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocumentProxy } = await import('unpdf');
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy. Pictures beyond the
    // OCR's size limit are not decoded at all.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, maxImageSize: MAX_IMAGE_PIXELS });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException')
      throw new LoadError('encrypted', 'PDF 设有打开密码（已加密），请取消密码后再检查');
    throw new LoadError('corrupt', 'PDF 文件已损坏或不完整，无法打开');
  }
}

/**
 * A page's text items as pdf.js streams them, the time budget checked after each chunk: pdf.js
 * reads a content stream in slices of a few milliseconds, so a page whose content takes seconds
 * (an inflated stream of millions of operators) is stopped on time, not after its last operator.
 */
async function pageTextItems(page: PdfPage, budget: Budget | undefined): Promise<PdfTextItem[]> {
  const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<{
    items: PdfTextItem[];
  }>;
  const items: PdfTextItem[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return items;
      for (const item of value.items) items.push(item);
      budget?.checkTime();
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
}

/** The text runs of every page, one page at a time, with the time budget checked between pages. */
async function readTextRuns(pdf: PdfDocument, budget: Budget | undefined): Promise<TextRun[][]> {
  try {
    checkCount('PDF 页数', pdf.numPages, DOCUMENT_LIMITS.pages, ' 页');
    const pages: TextRun[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      budget?.checkTime();
      const page = await pdf.getPage(number);
      const runs: TextRun[] = [];
      for (const item of await pageTextItems(page, budget)) {
        if (!('str' in item) || item.str == null) continue;
        const [, , c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
        runs.push({
          str: item.str,
          x: e,
          y: f,
          width: item.width,
          fontSize: Math.hypot(c, d),
          hasEOL: item.hasEOL,
        });
      }
      pages.push(runs);
      page.cleanup();
    }
    return pages;
  } catch (error) {
    if (error instanceof OverBudgetError || error instanceof RangeError) throw error;
    throw new LoadError('corrupt', 'PDF 文件已损坏，无法读取文字');
  }
}

async function recognizePdf(pdf: PdfDocument): Promise<string> {
  if (pdf.numPages > MAX_SCAN_PAGES) {
    throw new LoadError(
      'too-large',
      `PDF 没有文字层（扫描件），共 ${pdf.numPages} 页，超过 OCR 识别的上限 ${MAX_SCAN_PAGES} 页；请提供 Word 原稿或可复制文字的 PDF`,
    );
  }
  let scan: Awaited<ReturnType<typeof recognizeScan>>;
  try {
    scan = await recognizeScan(readPageImages(pdf));
  } catch (error) {
    if (error instanceof LoadError) throw error;
    throw new LoadError('corrupt', 'PDF 文件已损坏，无法读取页面图像');
  }
  if (scan.pages === 0) {
    throw new LoadError(
      'no-text-layer',
      'PDF 没有文字层，也不是扫描件（没有页面图像），无法读取文字；请提供 Word 原稿或可复制文字的 PDF',
    );
  }
  if (countChars(scan.text) < MIN_TEXT_CHARS) {
    throw new LoadError(
      'no-text-layer',
      'PDF 没有文字层（扫描件），OCR 也没有识别出文字（页面可能太模糊或不是文字）；请提供 Word 原稿',
    );
  }
  return scan.text;
}

function countChars(text: string): number {
  return text.replace(/\s/g, '').length;
}
