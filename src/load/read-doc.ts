// .doc: the old binary Word format is not read (word-extractor, the one pure-JS reader, is no
// longer maintained; see docs/inputs.md). A .doc that is really a docx or a web page saved by Word
// or WPS under that name is read as what it is.

import { readDocx } from './read-docx.js';
import { readHtml } from './read-html.js';
import { LoadError, type LoadOptions, type SourceFile } from './source-file.js';

/** Reads a .doc if it is in fact a docx or an HTML page; otherwise asks for a .docx. */
export async function readDoc(
  path: string,
  bytes: Uint8Array,
  _format: unknown,
  options: LoadOptions,
): Promise<SourceFile> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readDocx(path, bytes, 'docx', options);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString(
    'latin1',
  );
  if (/^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head)) return readHtml(path, bytes, 'html');
  throw new LoadError(
    'old-format',
    '不支持旧版 Word（.doc）格式，请在 Word 或 WPS 中“另存为” .docx 后再检查',
  );
}
