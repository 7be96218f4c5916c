import { decodeText } from './decode-text.js';
import type { SourceFile, SourceFormat } from './source-file.js';

/** Reads a plain-text or Markdown report. */
export function readTextFile(path: string, bytes: Uint8Array, format: SourceFormat): SourceFile {
  const { text, encoding } = decodeText(bytes);
  return { path, format, encoding, text, meta: {} };
}
