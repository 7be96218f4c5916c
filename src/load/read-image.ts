// .png / .jpg / .jpeg (a scanned page, or a photo of one) → report text through OCR. The picture is
// decoded and turned upright by decode-image.ts and recognised by read-scan.ts; the OCR component
// is loaded only here and for scanned PDFs.

import { decodeImage } from './decode-image.js';
import { recognizeScan } from './read-scan.js';
import { LoadError, type SourceFile, type SourceFormat } from './source-file.js';

const MIN_TEXT_CHARS = 20;

/** Reads the text of a page picture. */
export async function readImage(path: string, bytes: Uint8Array, format: SourceFormat): Promise<SourceFile> {
  const image = await decodeImage(bytes);
  const { text } = await recognizeScan([image]);
  if (text.replace(/\s/g, '').length < MIN_TEXT_CHARS) {
    throw new LoadError('empty', '图片中没有识别出文字（可能不是文字页面，或太模糊、太小）');
  }
  return { path, format, encoding: 'ocr', text, meta: {} };
}
