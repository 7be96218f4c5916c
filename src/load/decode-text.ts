// Bytes → text: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8, else GB18030 (which covers
// GBK and GB2312). Measured in stack.md §3: this beats the charset-guessing libraries on short and
// ASCII-heavy Chinese text and needs no dependency.

import { LoadError } from './source-file.js';

/** Decoded text and the encoding that was used. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: string;
}

/** Decodes the bytes of a text file and normalises line ends to LF. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const { text, encoding } = decodeBytes(bytes);
  if (text.includes('\u0000')) throw new LoadError('binary', '文件含有二进制内容，不是文本文件');
  return { text: normaliseLineEnds(text), encoding };
}

function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** CRLF and lone CR become LF, so offsets are the same whatever the line ends were. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
