// The Word 97 text layer on hand-built streams: pieces out of file order, 8-bit (cp1252) and UTF-16
// pieces, fields, special characters, and the FIB flags that stop reading. Styles and tables are
// tested on the LibreOffice-made fixtures (readers.test.ts).

import { describe, expect, it } from 'vitest';
import type { LoadError } from '../../src/load/source-file.js';
import { readWordParagraphs, type WordStreams } from '../../src/load/word-binary.js';

interface Piece {
  readonly text: string;
  readonly compressed: boolean;
}

/** A WordDocument stream with a minimal Word 97 FIB and the pieces stored in reverse file order. */
function streams(pieces: readonly Piece[], flags = 0x0200, nFib = 0x00c1): WordStreams {
  const doc = Buffer.alloc(4096);
  doc.writeUInt16LE(0xa5ec, 0);
  doc.writeUInt16LE(nFib, 2);
  doc.writeUInt16LE(flags, 0x0a);
  doc.writeUInt16LE(14, 32); // csw
  doc.writeUInt16LE(22, 62); // cslw
  doc.writeUInt16LE(93, 152); // cbRgFcLcb
  const ccpText = pieces.reduce((sum, piece) => sum + piece.text.length, 0);
  doc.writeUInt32LE(ccpText, 64 + 3 * 4);

  const fcs: number[] = [];
  let at = 4096;
  const stored: Buffer[] = [];
  for (const piece of [...pieces].reverse()) {
    const bytes = piece.compressed ? Buffer.from(piece.text, 'latin1') : Buffer.from(piece.text, 'utf16le');
    stored.push(bytes);
    fcs.unshift(at);
    at += bytes.length;
  }
  const wordDocument = Buffer.concat([doc, ...stored]);

  const count = pieces.length;
  const plc = Buffer.alloc((count + 1) * 4 + count * 8);
  let cp = 0;
  for (const [i, piece] of pieces.entries()) {
    plc.writeUInt32LE(cp, i * 4);
    cp += piece.text.length;
    const fc = fcs[i] as number;
    plc.writeUInt32LE(piece.compressed ? (fc * 2) | 0x40000000 : fc, (count + 1) * 4 + i * 8 + 2);
  }
  plc.writeUInt32LE(cp, count * 4);
  const prc = Buffer.from([0x01, 0x02, 0x00, 0x00, 0x00]); // one empty-ish Prc first
  const pcdt = Buffer.alloc(5);
  pcdt[0] = 0x02;
  pcdt.writeUInt32LE(plc.length, 1);
  const table = Buffer.concat([Buffer.alloc(16), prc, pcdt, plc]);
  wordDocument.writeUInt32LE(16, 154 + 33 * 8);
  wordDocument.writeUInt32LE(prc.length + pcdt.length + plc.length, 154 + 33 * 8 + 4);
  return { wordDocument, table0: null, table1: table };
}

const texts = (s: WordStreams) => readWordParagraphs(s).map((paragraph) => paragraph.text);

describe('readWordParagraphs', () => {
  it('reads UTF-16 and 8-bit pieces in character order, whatever their order in the file', () => {
    const result = texts(
      streams([
        { text: '一、主要举措', compressed: false },
        { text: 'and 2021 \x93quoted\x94\r', compressed: true },
        { text: '第二段。\r', compressed: false },
      ]),
    );
    expect(result).toEqual(['一、主要举措and 2021 “quoted”', '第二段。']);
  });

  it('keeps a field result and drops its code, also when fields nest', () => {
    const result = texts(
      streams([
        {
          text: '见\x13 HYPERLINK "x" \x14第3页\x15，\x13 IF \x13 PAGE \x14 1\x15 = 1 "a" \x14甲\x15。\r',
          compressed: false,
        },
      ]),
    );
    expect(result).toEqual(['见第3页，甲。']);
  });

  it('turns Word special characters into text: line break, tab, non-breaking hyphen; drops pictures and soft hyphens', () => {
    const result = texts(streams([{ text: '甲\x0b乙\t丙\x1e丁\x1f戊\x01己\x08\x0c\r', compressed: false }]));
    expect(result).toEqual(['甲\n乙\t丙-丁戊己']);
  });

  it('reads only the main text (ccpText), not footnotes or headers stored after it', () => {
    const s = streams([
      { text: '正文。\r', compressed: false },
      { text: '脚注\r', compressed: false },
    ]);
    Buffer.from(s.wordDocument.buffer, s.wordDocument.byteOffset).writeUInt32LE(4, 64 + 3 * 4);
    expect(texts(s)).toEqual(['正文。']);
  });

  it.each([
    ['an encrypted file', streams([{ text: 'x\r', compressed: true }], 0x0200 | 0x0100), 'encrypted'],
    ['a Word 95 file', streams([{ text: 'x\r', compressed: true }], 0x0200, 0x0065), 'old-format'],
    [
      'a file without its table stream',
      { ...streams([{ text: 'x\r', compressed: true }]), table1: null },
      'corrupt',
    ],
  ])('stops at %s', (_name, s, code) => {
    expect(() => readWordParagraphs(s)).toThrowError(expect.objectContaining({ code }) as LoadError);
  });

  it('reports a piece that points outside the stream as corrupt', () => {
    const s = streams([{ text: '一段文字\r', compressed: false }]);
    const wordDocument = s.wordDocument.subarray(0, 4100);
    expect(() => readWordParagraphs({ ...s, wordDocument })).toThrowError(
      expect.objectContaining({ code: 'corrupt' }) as LoadError,
    );
  });
});
