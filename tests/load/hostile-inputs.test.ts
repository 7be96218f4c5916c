// Inputs shaped to hang or exhaust a reader (the fuzz classes of issue 11, one focused case each):
// special files, names that are not UTF-8, Word parts behind relationships, deep or huge markup,
// PDF streams that inflate to gigabytes. Each ends in a result or one error with its code.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../scripts/lib/write-zip.js';
import { checkDocxPackage } from '../../src/load/docx-parts.js';
import { expandInputs } from '../../src/load/expand-inputs.js';
import { checkPdfStreams } from '../../src/load/inspect-pdf.js';
import { readZipEntries } from '../../src/load/inspect-zip.js';
import { loadBytes, loadFile } from '../../src/load/load-source.js';
import { LoadError } from '../../src/load/source-file.js';
import { OverBudgetError } from '../../src/shared/budget.js';

const OPTIONS = { maxBytes: 20 * 1024 * 1024 };
const REPORT = '某县2023年度法治政府建设情况报告\n一、主要举措和成效\n全年办理行政复议案件12件，审结10件。';

async function failure(load: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await load;
  } catch (error) {
    if (error instanceof LoadError || error instanceof OverBudgetError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'fzcheck-hostile-'));
}

describe('files that are not regular files', () => {
  it('refuses a FIFO without waiting for a writer', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    expect((await failure(loadFile(join(dir, 'pipe.txt'), OPTIONS))).code).toBe('not-regular');
  });

  it.each(['/dev/zero', '/dev/urandom', '/dev/null'])('refuses a link to %s', async (device) => {
    const dir = tempDir();
    symlinkSync(device, join(dir, 'device.txt'));
    expect((await failure(loadFile(join(dir, 'device.txt'), OPTIONS))).code).toBe('not-regular');
  });

  it('lists a FIFO inside a folder, so that it is reported rather than skipped', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), REPORT);
    execFileSync('mkfifo', [join(dir, 'b.txt')]);
    const inputs = await expandInputs(['.'], dir);
    expect(inputs.map((input) => ('path' in input ? input.path : input.kind))).toEqual(['a.txt', 'b.txt']);
  });

  it('reads a file whose name is not UTF-8 (a GBK name), found by walking its folder', async () => {
    const dir = tempDir();
    const name = Buffer.concat([
      Buffer.from(`${dir}/`),
      Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]),
      Buffer.from('.txt'),
    ]);
    writeFileSync(name, REPORT);
    const [input] = await expandInputs(['.'], dir);
    expect(input?.kind).toBe('file');
    const file = input?.kind === 'file' ? input.file : '';
    expect(Buffer.isBuffer(file) && Buffer.from(file).equals(name)).toBe(true);
    expect((await loadFile(file, OPTIONS)).text).toBe(REPORT);
  });

  it('refuses stdin bytes over the limit', async () => {
    const error = await failure(loadBytes('-', Buffer.alloc(2048, 0x61), { maxBytes: 1024 }));
    expect(error.code).toBe('too-large');
  });
});

const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const DOC = (body: string) =>
  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

function docx(main: string, xml: string): Buffer {
  return writeZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="${RELS}"><Relationship Id="r1" Type="${OFFICE}" Target="${main}"/></Relationships>`,
    },
    { name: main, data: xml },
  ]);
}

function docxRefusal(bytes: Buffer, maxParsedBytes?: number): string | null {
  try {
    checkDocxPackage(bytes, readZipEntries(bytes), {
      maxUnpackedBytes: 200 * 1024 * 1024,
      maxRatio: 1000,
      ...(maxParsedBytes ? { maxParsedBytes } : {}),
    });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('Word packages', () => {
  it('counts a main document the relationships name under another extension', () => {
    const xml = DOC('<w:p><w:r><w:t>正文</w:t></w:r></w:p>'.repeat(200));
    expect(docxRefusal(docx('word/document.bin', xml), 1000)).toBe(
      '资源超限：Word 文档中需要解析的部分解压后超过 0.000954 MB（word/document.bin），不像是一份报告',
    );
    expect(docxRefusal(docx('word/document.bin', xml))).toBeNull();
  });

  it.each([
    [
      'nesting',
      DOC(`${'<w:tbl><w:tr><w:tc>'.repeat(100)}<w:p/>${'</w:tc></w:tr></w:tbl>'.repeat(100)}`),
      '资源超限：Word 文档的元素嵌套超过 200 层（word/document.xml）',
    ],
    ['paragraphs', DOC('<w:p/>'.repeat(50_001)), '资源超限：Word 文档的段落数 50001 段，超过上限 50000 段'],
  ])('refuses absurd %s before mammoth parses them', (_, xml, message) => {
    expect(docxRefusal(docx('word/document.xml', xml))).toBe(message);
  });
});

describe('web pages', () => {
  const page = (body: string, head = '<meta charset="utf-8">') =>
    Buffer.from(
      `<!DOCTYPE html><html><head>${head}<title>标题</title></head><body><div id="zoom">${body}</div></body></html>`,
    );
  const text = REPORT.split('\n')
    .map((line) => `<p>${line}</p>`)
    .join('');

  it.each([
    ['5,000 nested divs', page(`${'<div>'.repeat(5000)}${text}${'</div>'.repeat(5000)}`)],
    ['an entity out of range', page(`${text}<p>数值&#99999999;与&#x110000;</p>`)],
    ['200,000 "<"', page(`${text}${'<'.repeat(200_000)}`)],
    ['an unclosed <script>', page(`${text}${'<script>'.repeat(20_000)}`)],
  ])('reads a page with %s', async (_, bytes) => {
    const source = await loadBytes('page.html', bytes, OPTIONS);
    expect(source.text).toContain('全年办理行政复议案件12件，审结10件。');
  });

  it('reads a UTF-8 page that declares UTF-16 as UTF-8', async () => {
    const source = await loadBytes('page.html', page(text, '<meta charset="utf-16">'), OPTIONS);
    expect([source.encoding, source.text.includes('全年办理行政复议案件12件')]).toEqual(['utf-8', true]);
  });
});

describe('PDF streams', () => {
  const pdf = (dictionary: string, data: Buffer) =>
    Buffer.concat([
      Buffer.from(`%PDF-1.7\n1 0 obj\n<< ${dictionary} /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
    ]);
  const content = deflateSync(Buffer.alloc(4096, 0x20));
  const limits = { contentBytes: 1024, fontBytes: 8192 };

  it.each([
    [
      'a content stream past the cap',
      '/Filter /FlateDecode',
      '资源超限：PDF 的页面内容解压后超过 0.000977 MB，不像是一份报告',
    ],
    ['an image stream (never decoded for text)', '/Subtype /Image /Filter /FlateDecode', null],
    ['a font program within the font cap', '/Length1 4096 /Filter /FlateDecode', null],
  ])('%s', (_, dictionary, message) => {
    const check = () => checkPdfStreams(pdf(dictionary, content), limits);
    if (message === null) expect(check).not.toThrow();
    else expect(check).toThrowError(message);
  });
});

describe('folders', () => {
  it('walks a folder with a link loop and a dangling link', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.txt'), REPORT);
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('nowhere.txt', join(dir, 'sub', 'gone.txt'));
    const inputs = await expandInputs(['.'], dir);
    expect(inputs.map((input) => ('path' in input ? input.path : input.kind))).toEqual([
      'sub/a.txt',
      'sub/gone.txt',
    ]);
  });
});
