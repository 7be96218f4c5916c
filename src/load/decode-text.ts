// Bytes → text: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8, else GB18030 (which covers
// GBK and GB2312). Measured on this machine, this beats the charset-guessing libraries on short and
// ASCII-heavy Chinese text and needs no dependency.

import { LoadError } from './source-file.js';

/** Decoded text and the encoding that was used. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: string;
}

/** Decodes the bytes of a text file and normalises line ends to LF. */
export function decodeText(bytes: Uint8Array): DecodedText {
  return checked(decodeBytes(bytes));
}

/**
 * Decodes an HTML page: a BOM wins, then the charset its <meta> declares (gb2312 and gbk read as
 * gb18030; a UTF-16 declaration is ignored), then detection as for text. A page declared UTF-8
 * that is not valid UTF-8 is detected.
 */
export function decodeMarkup(bytes: Uint8Array): DecodedText {
  const bom = decodeBom(bytes);
  if (bom) return checked(bom);
  const declared = charsetOf(declaredCharset(bytes));
  // A page that could be read far enough to find a <meta> is not UTF-16, whatever it says: the
  // HTML standard reads such a declaration as UTF-8 (and a page without a BOM is detected).
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16'))
    return checked({ text: new TextDecoder(declared).decode(bytes), encoding: declared });
  return checked(decodeBytes(bytes));
}

const CHARSET_ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb_2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  csgb2312: 'gb18030',
  chinese: 'gb18030',
  gb18030: 'gb18030',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  big5: 'big5',
  'big5-hkscs': 'big5',
};

/** The decoder label for a declared charset, or null when it is missing or not trusted. */
export function charsetOf(label: string | null): string | null {
  return label ? (CHARSET_ALIASES[label.trim().toLowerCase()] ?? null) : null;
}

/** The charset a page declares in <meta charset> or <meta http-equiv content="…; charset=…">. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString(
    'latin1',
  );
  for (const [tag] of head.matchAll(/<meta\s[^>]*>/gi)) {
    const charset = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag)?.[1];
    if (charset) return charset;
  }
  return null;
}

function checked(decoded: DecodedText): DecodedText {
  if (looksBinary(decoded.text)) throw new LoadError('binary', '文件含有二进制内容，不是文本文件');
  return { text: normaliseLineEnds(decoded.text), encoding: decoded.encoding };
}

// NUL, or many control characters or undecodable bytes: not a text file.
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 8192);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0xfffd)
      bad++;
  }
  return bad > 8 && bad > sample.length / 50;
}

function decodeBom(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  return null;
}

function decodeBytes(bytes: Uint8Array): DecodedText {
  const bom = decodeBom(bytes);
  if (bom) return bom;
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
