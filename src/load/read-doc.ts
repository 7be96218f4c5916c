// .doc and .wps as given: a file under that name may really be a docx or a web page that Word or
// WPS saved (both happen), and is read as what it is; otherwise it is the binary format
// (read-word97.ts).

import { readDocx } from './read-docx.js';
import { readHtml } from './read-html.js';
import { readWord97 } from './read-word97.js';
import type { LoadOptions, SourceFile, SourceFormat } from './source-file.js';

/** Reads a binary Word or WPS document (or a docx / web page under that extension). */
export async function readDoc(
  path: string,
  bytes: Uint8Array,
  format: SourceFormat,
  options: LoadOptions,
): Promise<SourceFile> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readDocx(path, bytes, 'docx', options);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString(
    'latin1',
  );
  if (/^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head))
    return readHtml(path, bytes, 'html', options);
  return readWord97(path, bytes, format);
}
