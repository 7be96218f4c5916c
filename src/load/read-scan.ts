// Scanned pages (a picture file, or the page pictures of a PDF without a text layer) → report
// text through OCR, within bounds: at most MAX_SCAN_PAGES pages, each shrunk to MAX_PAGE_SIDE
// pixels, and MAX_SCAN_SECONDS for the whole file.

import { fitWithin, type GrayImage } from './gray-image.js';
import { OcrTimeout, recognizePage } from './ocr-engine.js';
import { layOutOcrPages, type OcrPage } from './ocr-layout.js';
import { LoadError } from './source-file.js';

/** Most pages recognised in one file: an annual report is rarely longer than 20. */
export const MAX_SCAN_PAGES = 30;
/** Longest side of a page picture as recognised (an A4 page at 340 dpi). */
export const MAX_PAGE_SIDE = 4000;
/** Time budget of one file: about 5 s a page on a 2-core machine, so 30 pages take 2–3 minutes. */
export const MAX_SCAN_SECONDS = 600;

/** The recognised text of the pages, laid out as paragraphs, and how many pages had a picture. */
export interface ScanText {
  readonly text: string;
  readonly pages: number;
}

/** Recognises each page in turn (pages are decoded one at a time, so memory stays flat). */
export async function recognizeScan(
  pages: AsyncIterable<GrayImage> | Iterable<GrayImage>,
): Promise<ScanText> {
  const deadline = Date.now() + MAX_SCAN_SECONDS * 1000;
  const recognized: OcrPage[] = [];
  try {
    for await (const page of pages) {
      const image = fitWithin(page, MAX_PAGE_SIDE);
      recognized.push({
        width: image.width,
        height: image.height,
        boxes: await recognizePage(image, deadline),
      });
    }
  } catch (error) {
    if (!(error instanceof OcrTimeout)) throw error;
    throw new LoadError(
      'ocr-timeout',
      `OCR 识别超时：${MAX_SCAN_SECONDS / 60} 分钟内只识别完 ${recognized.length} 页，请分成几个文件或提供文字版`,
    );
  }
  return { text: layOutOcrPages(recognized), pages: recognized.length };
}
