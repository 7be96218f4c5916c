// Checks a PDF before pdf.js opens it: every stream that text extraction can decode (content,
// forms, fonts, object streams; not images, which it never decodes) is inflated with a cap, so a
// content stream that inflates to gigabytes is refused up front instead of filling memory.

import { DOCUMENT_LIMITS, megabytes, OverBudgetError } from '../shared/budget.js';
import { zlib } from '../shared/lazy-modules.js';

const HEADER_WINDOW = 4096; // how far back from `stream` the stream's dictionary is looked for
const FLATE = /\/Filter\s*(?:\[\s*)?\/(?:FlateDecode|Fl)\b/;
const IMAGE = /\/Subtype\s*\/Image\b/;
const FONT = /\/Length[123]\b|\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType)\b/;

/** Caps on what a PDF's streams may inflate to. */
export interface PdfStreamLimits {
  readonly contentBytes: number; // content, forms, object streams, maps
  readonly fontBytes: number; // embedded font programs (CJK fonts are large)
}

/** The default caps: content from DOCUMENT_LIMITS, fonts four times as much. */
export const PDF_STREAM_LIMITS: PdfStreamLimits = {
  contentBytes: DOCUMENT_LIMITS.pdfStreamBytes,
  fontBytes: 4 * DOCUMENT_LIMITS.pdfStreamBytes,
};

/** Throws OverBudgetError when the streams pdf.js would decode inflate beyond the caps. */
export function checkPdfStreams(bytes: Uint8Array, limits: PdfStreamLimits = PDF_STREAM_LIMITS): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  let content = 0;
  let fonts = 0;
  for (let at = text.indexOf('stream'); at >= 0; at = text.indexOf('stream', at + 6)) {
    if (text.startsWith('end', at - 3)) continue;
    const start = dataStart(text, at + 6);
    if (start < 0) continue;
    const header = text.slice(Math.max(0, at - HEADER_WINDOW), at);
    const dictionary = header.slice(header.lastIndexOf(' obj') + 1);
    const endAt = text.indexOf('endstream', start);
    const end = endAt < 0 ? text.length : endAt;
    if (!IMAGE.test(dictionary)) {
      const isFont = FONT.test(dictionary);
      const cap = isFont ? limits.fontBytes - fonts : limits.contentBytes - content;
      const size = FLATE.test(dictionary) ? inflatedSize(buffer.subarray(start, end), cap) : end - start;
      if (isFont) fonts += size;
      else content += size;
      if (content > limits.contentBytes || fonts > limits.fontBytes) {
        const what = isFont ? '嵌入字体' : '页面内容';
        const limit = isFont ? limits.fontBytes : limits.contentBytes;
        throw new OverBudgetError(`PDF 的${what}解压后超过 ${megabytes(limit)}，不像是一份报告`);
      }
    }
    at = end;
  }
}

/** Where a stream's data starts: after the keyword and its end of line (-1 if this is no keyword). */
function dataStart(text: string, after: number): number {
  if (text[after] === '\r' && text[after + 1] === '\n') return after + 2;
  if (text[after] === '\n' || text[after] === '\r') return after + 1;
  return -1;
}

/** The inflated size of zlib data, counted up to cap + 1; undecodable data counts as its length. */
function inflatedSize(data: Buffer, cap: number): number {
  const limit = Math.max(1, cap + 1);
  try {
    const { inflateSync, constants } = zlib();
    return inflateSync(data, { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      return limit;
    }
    return data.length; // damaged or encrypted: pdf.js will say so itself
  }
}
