// A .zip opened as a folder: which entries become inputs, under which names, and how every hostile
// entry fails on its own while the others are still read.

import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeZip, type ZipFile } from '../../scripts/lib/write-zip.js';
import { type ArchiveInput, expandArchive, MAX_ARCHIVE_ENTRIES } from '../../src/load/expand-archive.js';

const DIR = new URL('../../fixtures/inputs/', import.meta.url).pathname;
const OPTIONS = { maxBytes: 20 * 1024 * 1024 };
const isReport = (name: string) => /\.(txt|docx|ofd)$/i.test(name);
const report = readFileSync(`${DIR}qinghe-sfj-2021.txt`);

function expand(files: readonly ZipFile[], options = OPTIONS): ArchiveInput[] {
  return expandArchive('报告.zip', writeZip(files), options, isReport);
}

const outcome = (inputs: readonly ArchiveInput[]) =>
  inputs.map((input) => [input.path, input.kind === 'entry' ? input.bytes.length : input.code]);

/** GB18030 bytes of a name, from the built-in decoder's table (the names used here are all GBK). */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const out: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) {
      out.push(char.charCodeAt(0));
      continue;
    }
    let found = false;
    for (let lead = 0x81; lead <= 0xfe && !found; lead++) {
      for (let trail = 0x40; trail <= 0xfe && !found; trail++) {
        if (decoder.decode(Uint8Array.of(lead, trail)) === char) {
          out.push(lead, trail);
          found = true;
        }
      }
    }
    if (!found) throw new Error(`not in GBK: ${char}`);
  }
  return Uint8Array.from(out);
}

describe('expandArchive', () => {
  it('lists the reports in name order, skipping folders, __MACOSX, hidden files, lock files and other types', () => {
    const inputs = expand([
      { name: '乡镇/', data: '' },
      { name: '乡镇/b镇.txt', data: report },
      { name: '部门/司法局.docx', data: report },
      { name: 'a.txt', data: report },
      { name: '__MACOSX/乡镇/._b镇.txt', data: report },
      { name: '乡镇/.hidden.txt', data: report },
      { name: '.git/x.txt', data: report },
      { name: '部门/~$司法局.docx', data: report },
      { name: '部门/说明.exe', data: report },
    ]);
    expect(outcome(inputs)).toEqual([
      ['报告.zip/a.txt', report.length],
      ['报告.zip/乡镇/b镇.txt', report.length],
      ['报告.zip/部门/司法局.docx', report.length],
    ]);
  });

  it('decodes GBK names from a Windows zip (no UTF-8 flag), and keeps flagged UTF-8 names', () => {
    const inputs = expand([
      { name: '乡镇/柳塘镇报告.txt', rawName: gbk('乡镇/柳塘镇报告.txt'), data: report },
      { name: '司法局报告.txt', data: report },
      { name: 'plain-ascii.txt', rawName: gbk('plain-ascii.txt'), data: report },
    ]);
    expect(inputs.map((input) => input.path)).toEqual([
      '报告.zip/plain-ascii.txt',
      '报告.zip/乡镇/柳塘镇报告.txt',
      '报告.zip/司法局报告.txt',
    ]);
  });

  it('takes the UTF-8 name of the Info-ZIP extra field (0x7075) when its CRC matches the stored name', () => {
    const unicodePath = (stored: Uint8Array, name: string) => {
      const utf8 = Buffer.from(name, 'utf8');
      const field = Buffer.alloc(9 + utf8.length);
      field.writeUInt16LE(0x7075, 0);
      field.writeUInt16LE(5 + utf8.length, 2);
      field[4] = 1;
      field.writeUInt32LE(crc32(stored), 5);
      utf8.copy(field, 9);
      return field;
    };
    const stored = Buffer.from('????.txt', 'latin1'); // what a tool writes for a name its code page lacks
    const inputs = expand([
      { name: '乡镇报告.txt', rawName: stored, extra: unicodePath(stored, '乡镇报告.txt'), data: report },
      {
        name: 'x',
        rawName: Buffer.from('old.txt'),
        extra: unicodePath(Buffer.from('renamed'), '错.txt'),
        data: report,
      },
    ]);
    expect(inputs.map((input) => input.path)).toEqual(['报告.zip/old.txt', '报告.zip/乡镇报告.txt']);
  });

  it('opens a zip inside the zip, one level deep, and refuses a third level', () => {
    const third = writeZip([{ name: 'x.txt', data: report }]);
    const second = writeZip([
      { name: '乡镇/a.txt', data: report },
      { name: 'deeper.zip', data: third },
    ]);
    expect(outcome(expand([{ name: '各镇.zip', data: second }]))).toEqual([
      ['报告.zip/各镇.zip/deeper.zip', 'nested-archive'],
      ['报告.zip/各镇.zip/乡镇/a.txt', report.length],
    ]);
  });

  it('fails each hostile entry on its own and still reads the others', () => {
    const inputs = expand([
      { name: '../outside.txt', data: report },
      { name: 'x/../../up.txt', data: report },
      { name: '/etc/abs.txt', data: report },
      { name: 'C:/win.txt', data: report },
      { name: 'bomb.txt', data: `一、${' '.repeat(3 * 1024 * 1024)}` },
      { name: 'damaged.txt', data: report, crc: 1 },
      { name: 'locked.txt', data: report, flags: 0x0001 },
      { name: 'empty.txt', data: '' },
      { name: 'liar.txt', data: report, declaredSize: 10 },
      { name: 'good.txt', data: report },
    ]);
    expect(outcome(inputs)).toEqual([
      ['报告.zip/../outside.txt', 'unsafe-name'],
      ['报告.zip//etc/abs.txt', 'unsafe-name'],
      ['报告.zip/C:/win.txt', 'unsafe-name'],
      ['报告.zip/bomb.txt', 'zip-bomb'],
      ['报告.zip/damaged.txt', 'corrupt'],
      ['报告.zip/empty.txt', 'empty'],
      ['报告.zip/good.txt', report.length],
      ['报告.zip/liar.txt', 'zip-bomb'],
      ['报告.zip/locked.txt', 'encrypted'],
      ['报告.zip/x/../../up.txt', 'unsafe-name'],
    ]);
    for (const input of inputs) {
      if (input.kind === 'failed') expect(input.message).toMatch(/^[^\n]*\p{Script=Han}[^\n]*$/u);
    }
  });

  it('refuses an entry over --max-file-size, and entries beyond the total unpacked budget', () => {
    const options = { maxBytes: 4096 };
    const chunk = '一'.repeat(1000); // 3000 bytes each; the budget is 10 × 4096
    const files = Array.from({ length: 15 }, (_, i) => ({
      name: `r${String(i).padStart(2, '0')}.txt`,
      data: chunk,
    }));
    const inputs = expand([...files, { name: 'zz-big.txt', data: '一'.repeat(2000) }], options);
    expect(inputs.filter((input) => input.kind === 'entry')).toHaveLength(13);
    expect(outcome(inputs).slice(12)).toEqual([
      ['报告.zip/r12.txt', 3000],
      ['报告.zip/r13.txt', 'zip-bomb'],
      ['报告.zip/r14.txt', 'zip-bomb'],
      ['报告.zip/zz-big.txt', 'too-large'],
    ]);
  });

  it('refuses an archive with more directory entries than the limit', () => {
    const files = Array.from({ length: MAX_ARCHIVE_ENTRIES + 1 }, (_, i) => ({
      name: `${i}.bin`,
      data: '',
      store: true,
    }));
    expect(outcome(expand(files))).toEqual([['报告.zip', 'zip-bomb']]);
  });

  it.each([
    ['a truncated archive', writeZip([{ name: 'a.txt', data: report }]).subarray(0, 200), 'corrupt'],
    ['a text file named .zip', Buffer.from('一、主要举措和成效'), 'corrupt'],
    ['an archive without reports', writeZip([{ name: 'a.exe', data: 'x' }]), 'no-match'],
  ])('reports %s as one failed input', (_name, bytes, code) => {
    expect(outcome(expandArchive('报告.zip', bytes, OPTIONS, isReport))).toEqual([['报告.zip', code]]);
  });
});
