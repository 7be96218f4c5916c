import { describe, expect, it } from 'vitest';
import { charsetOf, declaredCharset, decodeMarkup, decodeText } from '../../src/load/decode-text.js';
import type { LoadError } from '../../src/load/source-file.js';

const REPORT = '一、主要举措和成效\r\n全年办理行政复议案件12件。';
const LF = '一、主要举措和成效\n全年办理行政复议案件12件。';
const GBK_REPORT = Buffer.from('b1a8b8e6', 'hex');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(REPORT, 'utf8'), 'utf-8', LF],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPORT)]),
      'utf-8-bom',
      LF,
    ],
    [
      'UTF-16 LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]),
      'utf-16le',
      LF,
    ],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(REPORT)]), 'utf-16be', LF],
    ['GBK', Buffer.from('b1a8b8e6d2bba1a2', 'hex'), 'gb18030', '报告一、'],
    ['GB18030 4-byte characters', Buffer.from('9532823682358738b1a8b8e6', 'hex'), 'gb18030', '𠀀䶵报告'],
    ['GBK euro sign and CRLF', Buffer.from('a2e30d0ab1a8', 'hex'), 'gb18030', '€\n报'],
    ['ASCII only', Buffer.from('2021 report\r'), 'utf-8', '2021 report\n'],
  ])('%s', (_name, bytes, encoding, text) => {
    expect(decodeText(bytes)).toEqual({ encoding, text });
  });

  it.each([
    ['NUL bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00])],
    ['control characters', Buffer.from('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010')],
  ])('rejects %s as binary', (_name, bytes) => {
    expect(() => decodeText(bytes)).toThrowError(expect.objectContaining({ code: 'binary' }) as LoadError);
  });
});

describe('decodeMarkup', () => {
  const page = (meta: string, body: string) => `<html><head>${meta}</head><body>${body}</body></html>`;
  // The page with 报告 written in GBK (b1a8 b8e6); the rest is ASCII.
  const gbk = (html: string) =>
    Buffer.concat(
      html
        .split('报告')
        .flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [GBK_REPORT, Buffer.from(part)])),
    );

  it.each([
    ['<meta charset>', gbk(page('<meta charset="gbk">', '报告')), 'gb18030'],
    [
      'http-equiv gb2312',
      gbk(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', '报告')),
      'gb18030',
    ],
    ['no declaration, GBK bytes', gbk(page('', '报告')), 'gb18030'],
    ['no declaration, UTF-8', Buffer.from(page('', '报告')), 'utf-8'],
    ['declared UTF-8 but GBK bytes', gbk(page('<meta charset="utf-8">', '报告')), 'gb18030'],
    [
      'declared iso-8859-1 (untrusted) but GBK bytes',
      gbk(page('<meta charset="iso-8859-1">', '报告')),
      'gb18030',
    ],
    [
      'BOM beats meta',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('<meta charset="gbk">', '报告'))]),
      'utf-8-bom',
    ],
  ])('%s', (_name, bytes, encoding) => {
    const decoded = decodeMarkup(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toContain('<body>报告</body>');
  });

  it.each([
    ['gb2312', 'gb18030'],
    ['GBK', 'gb18030'],
    ['x-gbk', 'gb18030'],
    ['GB18030', 'gb18030'],
    ['UTF8', 'utf-8'],
    ['big5', 'big5'],
    ['iso-8859-1', null],
    ['shift_jis', null],
  ])('charsetOf(%s) = %s', (label, expected) => {
    expect(charsetOf(label)).toBe(expected);
  });

  it('finds the charset in either meta form', () => {
    expect(declaredCharset(Buffer.from('<meta charset=GB2312>'))).toBe('GB2312');
    expect(
      declaredCharset(Buffer.from('<META HTTP-EQUIV="content-type" CONTENT="text/html; charset=gbk" />')),
    ).toBe('gbk');
    expect(declaredCharset(Buffer.from('<meta name="keywords" content="法治">'))).toBeNull();
  });
});
