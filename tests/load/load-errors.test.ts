// Every way an input can fail, with its error code: one Chinese line, never a throw that escapes.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../scripts/lib/write-zip.js';
import { checkUnpackedSize, readZipEntries } from '../../src/load/inspect-zip.js';
import { loadBytes, loadFile } from '../../src/load/load-source.js';
import { LoadError, type LoadErrorCode } from '../../src/load/source-file.js';

const DIR = new URL('../../fixtures/inputs/', import.meta.url).pathname;
const OPTIONS = { maxBytes: 20 * 1024 * 1024 };

async function errorOf(load: Promise<unknown>): Promise<LoadError> {
  try {
    await load;
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error;
  }
  throw new Error('expected a LoadError');
}

function expectOneChineseLine(error: LoadError): void {
  expect(error.message).not.toContain('\n');
  expect(error.message).toMatch(/\p{Script=Han}/u);
}

describe('bad input files', () => {
  it.each<[string, LoadErrorCode, RegExp]>([
    ['bad/empty.txt', 'empty', /空/],
    ['bad/junk.txt', 'binary', /二进制/],
    ['bad/truncated.docx', 'corrupt', /损坏|不完整/],
    ['bad/encrypted.docx', 'encrypted', /密码/],
    ['bad/not-word.docx', 'corrupt', /不是 Word 文档/],
    ['bad/zip-bomb.docx', 'zip-bomb', /压缩炸弹/],
    ['bad/truncated.doc', 'corrupt', /损坏|不完整/],
    ['bad/encrypted.doc', 'encrypted', /密码/],
    ['bad/not-word.doc', 'corrupt', /不是 Word 文档/],
    ['bad/scanned.pdf', 'no-text-layer', /扫描件/],
    ['bad/scanned.ofd', 'no-text-layer', /扫描件/],
    ['bad/truncated.ofd', 'corrupt', /损坏|不完整/],
    ['bad/not-ofd.ofd', 'corrupt', /不是 OFD/],
    ['bad/truncated.pdf', 'corrupt', /损坏/],
    ['does-not-exist.txt', 'not-found', /不存在/],
    ['qinghe-sfj-2021.txt.bak', 'unsupported-format', /不支持/],
  ])('%s → %s', async (name, code, message) => {
    const error = await errorOf(loadFile(DIR + name, OPTIONS));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expectOneChineseLine(error);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const error = await errorOf(loadFile(`${DIR}qinghe-sfj-2021.pdf`, { maxBytes: 10 * 1024 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/上限为 10 KB/);
  });

  it('refuses stdin over the size limit, and empty stdin', async () => {
    expect((await errorOf(loadBytes('-', Buffer.alloc(2048, 0x41), { maxBytes: 1024 }))).code).toBe(
      'too-large',
    );
    expect((await errorOf(loadBytes('-', Buffer.alloc(0), OPTIONS))).code).toBe('empty');
  });

  it.each([
    ['a docx that is a text file', 'x.docx', Buffer.from('一、主要举措和成效')],
    ['a pdf that is a text file', 'x.pdf', Buffer.from('一、主要举措和成效')],
    ['a docx cut inside its first entry', 'x.docx', Buffer.from('PK\u0003\u0004\u0014\u0000')],
  ])('%s is reported as corrupt', async (_name, file, bytes) => {
    expect((await errorOf(loadBytes(file, bytes, OPTIONS))).code).toBe('corrupt');
  });

  it('finds nothing to say in a docx with only blank paragraphs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-'));
    const docx = writeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      {
        name: 'word/document.xml',
        data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>',
      },
    ]);
    writeFileSync(join(dir, 'blank.docx'), docx);
    expect((await errorOf(loadFile(join(dir, 'blank.docx'), OPTIONS))).code).toBe('empty');
  });
});

describe('hostile OLE compound files (.doc / .wps)', () => {
  // The fixture .doc, with the FAT edited: WordDocument's last sector points back to its second,
  // and the directory entry starts at that second sector (cfb 1.2.2 loops forever on this).
  function withLoopingChain(): Buffer {
    const file = Buffer.from(readFileSync(`${DIR}qinghe-sfj-2021.doc`));
    const sectorSize = 1 << file.readUInt16LE(30);
    const offset = (sector: number) => (sector + 1) * sectorSize;
    const fatAt = offset(file.readInt32LE(76));
    const entry = file.indexOf(Buffer.from('WordDocument', 'utf16le'), offset(file.readInt32LE(48)));
    const chain = [file.readInt32LE(entry + 116)];
    while (file.readInt32LE(fatAt + (chain.at(-1) as number) * 4) >= 0) {
      chain.push(file.readInt32LE(fatAt + (chain.at(-1) as number) * 4));
    }
    file.writeInt32LE(chain[1] as number, fatAt + (chain.at(-1) as number) * 4);
    file.writeInt32LE(chain[1] as number, entry + 116);
    return file;
  }

  it('reports a sector chain that loops as corrupt', async () => {
    const error = await errorOf(loadBytes('loop.doc', withLoopingChain(), OPTIONS));
    expect(error.code).toBe('corrupt');
    expectOneChineseLine(error);
  });

  it.each([
    ['an OLE header and nothing else', 'x.doc', readFileSync(`${DIR}qinghe-sfj-2021.doc`).subarray(0, 512)],
    ['a .wps that is a text file', 'x.wps', Buffer.from('一、主要举措和成效')],
  ])('%s is reported as corrupt', async (_name, file, bytes) => {
    const error = await errorOf(loadBytes(file, bytes, OPTIONS));
    expect(error.code).toBe('corrupt');
    expectOneChineseLine(error);
  });
});

describe('hostile OFD packages', () => {
  const ns = 'http://www.ofdspec.org/2016';
  const ofdXml = `<ofd:OFD xmlns:ofd="${ns}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;

  it('refuses a content part that inflates far beyond its compressed size', async () => {
    const ofd = writeZip([
      { name: 'OFD.xml', data: ofdXml },
      {
        name: 'Doc_0/Document.xml',
        data: `<ofd:Document xmlns:ofd="${ns}">${' '.repeat(3 * 1024 * 1024)}</ofd:Document>`,
      },
    ]);
    expect((await errorOf(loadBytes('x.ofd', ofd, OPTIONS))).code).toBe('zip-bomb');
  });

  it('refuses XML with a DTD (no entity expansion)', async () => {
    const ofd = writeZip([
      { name: 'OFD.xml', data: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${ofdXml}` },
    ]);
    const error = await errorOf(loadBytes('x.ofd', ofd, OPTIONS));
    expect(error.code).toBe('corrupt');
    expectOneChineseLine(error);
  });

  it.each([
    ['malformed XML', 'Doc_0/Document.xml', '<ofd:Document><ofd:Pages>'],
    [
      'a page that is missing',
      'Doc_0/Document.xml',
      `<ofd:Document xmlns:ofd="${ns}"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_9/Content.xml"/></ofd:Pages></ofd:Document>`,
    ],
  ])('reports %s as corrupt', async (_name, part, data) => {
    const ofd = writeZip([
      { name: 'OFD.xml', data: ofdXml },
      { name: part, data },
    ]);
    const error = await errorOf(loadBytes('x.ofd', ofd, OPTIONS));
    expect(error.code).toBe('corrupt');
    expectOneChineseLine(error);
  });
});

describe('zip bombs', () => {
  const xml = `<w:document>${' '.repeat(3 * 1024 * 1024)}</w:document>`;
  const limits = { maxUnpackedBytes: 200 * 1024 * 1024, maxRatio: 100 };

  it('refuses a package whose declared sizes exceed the limit', () => {
    const zip = writeZip([
      { name: 'word/document.xml', data: 'x', store: true, declaredSize: 300 * 1024 * 1024 },
    ]);
    expect(() => checkUnpackedSize(zip, readZipEntries(zip), limits)).toThrowError(
      expect.objectContaining({ code: 'zip-bomb' }) as LoadError,
    );
  });

  it('refuses an entry that inflates far beyond its compressed size', () => {
    const zip = writeZip([{ name: 'word/document.xml', data: xml }]);
    expect(() => checkUnpackedSize(zip, readZipEntries(zip), limits)).toThrowError(
      expect.objectContaining({ code: 'zip-bomb' }) as LoadError,
    );
  });

  it('refuses an entry that lies about its size, by inflating it with a cap', () => {
    const zip = writeZip([{ name: 'word/document.xml', data: xml, declaredSize: 1000 }]);
    expect(() => checkUnpackedSize(zip, readZipEntries(zip), limits)).toThrowError(
      expect.objectContaining({ code: 'zip-bomb' }) as LoadError,
    );
  });

  it('lets an ordinary docx through', async () => {
    const { readFileSync } = await import('node:fs');
    const zip = readFileSync(`${DIR}qinghe-sfj-2021.docx`);
    expect(() => checkUnpackedSize(zip, readZipEntries(zip), limits)).not.toThrow();
  });
});
