// The Word 97–2003 binary format ([MS-DOC]) as far as fzcheck needs it: the main text from the
// piece table, where paragraphs end, and each paragraph's style (so that headings in Word's
// heading styles are found) and table flags. Everything else (character formatting, fields'
// codes, pictures, headers, footnotes) is skipped. Offsets read from the file are checked against
// the stream they point into, so a damaged or crafted file fails with LoadError('corrupt').

import { LoadError } from './source-file.js';
import { HEADING_STYLE } from './styled-paragraphs.js';

/** The streams of the OLE compound file that hold the document. */
export interface WordStreams {
  readonly wordDocument: Uint8Array;
  readonly table0: Uint8Array | null; // "0Table"
  readonly table1: Uint8Array | null; // "1Table"
}

/** One paragraph of the main text, as Word stored it. */
export interface WordParagraph {
  readonly text: string; // without the paragraph mark; fields show their result, not their code
  readonly styleName: string | null; // the style's name, or the built-in heading name for sti 1–9
  readonly headingLevel: number | null; // 1–9 for a heading style (built-in sti 1–9, or a name 标题 1 / heading 1)
  readonly inTable: boolean; // the paragraph is in a table cell
  readonly cellEnd: boolean; // it ends its cell (Word's cell mark, 0x07)
  readonly rowEnd: boolean; // the table-row end mark (a paragraph of its own, no text)
}

const WORD_IDENT = 0xa5ec;
const FIRST_WORD97_NFIB = 0x00c1;
const FLAG_ENCRYPTED = 0x0100;
const FLAG_TABLE_STREAM = 0x0200;
const FKP_SIZE = 512;
const STI_USER = 0x0ffe;

// Characters of the main text with a meaning of their own.
const PARAGRAPH_END = 0x0d;
const CELL_END = 0x07;
const FIELD_BEGIN = 0x13;
const FIELD_SEPARATOR = 0x14;
const FIELD_END = 0x15;

// Paragraph properties (sprms) read from a paragraph's grpprl.
const SPRM_P_IN_TABLE = 0x2416;
const SPRM_P_TABLE_ROW_END = 0x2417;
const SPRM_P_INNER_TABLE_ROW_END = 0x244c;
const SPRM_P_ISTD = 0x4600;

interface Piece {
  readonly cpStart: number;
  readonly cpEnd: number;
  readonly fc: number; // byte offset in WordDocument
  readonly compressed: boolean; // one byte per character (cp1252) instead of UTF-16LE
}

interface ParagraphRun {
  readonly fcStart: number;
  readonly fcEnd: number;
  readonly istd: number;
  readonly inTable: boolean;
  readonly rowEnd: boolean;
}

/** Reads the paragraphs of the main document text. */
export function readWordParagraphs(streams: WordStreams): WordParagraph[] {
  const doc = new Reader(streams.wordDocument, 'WordDocument');
  if (doc.u16(0) !== WORD_IDENT) throw corrupt('WordDocument 流的文件头无效');
  const nFib = doc.u16(2);
  const flags = doc.u16(0x0a);
  if (flags & FLAG_ENCRYPTED) {
    throw new LoadError('encrypted', 'Word 文档设有打开密码（已加密），请取消密码后再检查');
  }
  if (nFib < FIRST_WORD97_NFIB) {
    throw new LoadError(
      'old-format',
      '这是 Word 95 或更早版本的文档，无法读取；请在 Word 或 WPS 中另存为 .docx 后再检查',
    );
  }
  const tableBytes = flags & FLAG_TABLE_STREAM ? streams.table1 : streams.table0;
  if (!tableBytes) throw corrupt(`缺少 ${flags & FLAG_TABLE_STREAM ? '1Table' : '0Table'} 流`);
  const table = new Reader(tableBytes, 'Table');

  // FibBase (32 bytes), then csw + fibRgW, cslw + fibRgLw, cbRgFcLcb + fibRgFcLcbBlob.
  const csw = doc.u16(32);
  const lwStart = 34 + csw * 2 + 2;
  const cslw = doc.u16(lwStart - 2);
  if (cslw < 4) throw corrupt('FIB 过短');
  const ccpText = doc.u32(lwStart + 3 * 4);
  const fcLcbStart = lwStart + cslw * 4 + 2;
  const cbRgFcLcb = doc.u16(fcLcbStart - 2);
  if (cbRgFcLcb < 34) throw corrupt('FIB 过短');
  const fcLcb = (index: number) => ({
    fc: doc.u32(fcLcbStart + index * 8),
    lcb: doc.u32(fcLcbStart + index * 8 + 4),
  });

  const pieces = readPieceTable(table, fcLcb(33));
  const styles = readStyleNames(table, fcLcb(1));
  const runs = readParagraphRuns(doc, table, fcLcb(13));
  return splitParagraphs(doc, pieces, ccpText, runs, styles);
}

function readPieceTable(table: Reader, { fc, lcb }: { fc: number; lcb: number }): Piece[] {
  let at = fc;
  const end = fc + lcb;
  table.check(at, lcb);
  // The Clx: any number of Prc (0x01, 2-byte size, grpprl), then the Pcdt (0x02, 4-byte size, PlcPcd).
  while (at < end && table.u8(at) === 0x01) at += 3 + table.u16(at + 1);
  if (at >= end || table.u8(at) !== 0x02) throw corrupt('找不到文本片段表（piece table）');
  const size = table.u32(at + 1);
  at += 5;
  table.check(at, size);
  if (size < 4 || (size - 4) % 12 !== 0) throw corrupt('文本片段表的长度无效');
  const count = (size - 4) / 12;
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const cpStart = table.u32(at + i * 4);
    const cpEnd = table.u32(at + (i + 1) * 4);
    const raw = table.u32(at + (count + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fcValue = raw & 0x3fffffff;
    if (cpEnd < cpStart) throw corrupt('文本片段表的位置无效');
    pieces.push({ cpStart, cpEnd, fc: compressed ? fcValue / 2 : fcValue, compressed });
  }
  return pieces;
}

/** Style names by istd; built-in headings (sti 1–9) are named "heading N" whatever the file calls them. */
function readStyleNames(table: Reader, { fc, lcb }: { fc: number; lcb: number }): Map<number, string> {
  const names = new Map<number, string>();
  if (lcb === 0) return names;
  table.check(fc, lcb);
  const end = fc + lcb;
  const cbStshi = table.u16(fc);
  const cstd = table.u16(fc + 2);
  const cbStdBase = table.u16(fc + 4);
  let at = fc + 2 + cbStshi;
  for (let istd = 0; istd < cstd && at + 2 <= end; istd++) {
    const cbStd = table.u16(at);
    const std = at + 2;
    at = std + cbStd;
    if (cbStd === 0 || at > end || cbStd < cbStdBase + 2) continue;
    const sti = table.u16(std) & 0x0fff;
    if (sti >= 1 && sti <= 9) {
      names.set(istd, `heading ${sti}`);
      continue;
    }
    const nameAt = std + cbStdBase;
    const cch = table.u16(nameAt);
    if (nameAt + 2 + cch * 2 > at) continue;
    const name = table.utf16(nameAt + 2, cch);
    if (sti === STI_USER || name !== '') names.set(istd, name);
  }
  return names;
}

/** The paragraph runs of the PAPX FKPs: which bytes of text carry which paragraph style. */
function readParagraphRuns(
  doc: Reader,
  table: Reader,
  { fc, lcb }: { fc: number; lcb: number },
): ParagraphRun[] {
  const runs: ParagraphRun[] = [];
  if (lcb < 8) return runs;
  table.check(fc, lcb);
  if ((lcb - 4) % 8 !== 0) throw corrupt('段落属性表的长度无效');
  const count = (lcb - 4) / 8;
  for (let i = 0; i < count; i++) {
    const pn = table.u32(fc + (count + 1) * 4 + i * 4) & 0x3fffff;
    const page = pn * FKP_SIZE;
    doc.check(page, FKP_SIZE);
    const crun = doc.u8(page + FKP_SIZE - 1);
    for (let r = 0; r < crun; r++) {
      const fcStart = doc.u32(page + r * 4);
      const fcEnd = doc.u32(page + (r + 1) * 4);
      const bOffset = doc.u8(page + (crun + 1) * 4 + r * 13);
      runs.push({ fcStart, fcEnd, ...readPapx(doc, page, bOffset) });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

function readPapx(doc: Reader, page: number, bOffset: number): Omit<ParagraphRun, 'fcStart' | 'fcEnd'> {
  if (bOffset === 0) return { istd: 0, inTable: false, rowEnd: false };
  let at = page + bOffset * 2;
  let size = doc.u8(at) * 2 - 1;
  at += 1;
  if (size === -1) {
    size = doc.u8(at) * 2;
    at += 1;
  }
  if (size < 2 || at + size > page + FKP_SIZE) return { istd: 0, inTable: false, rowEnd: false };
  let istd = doc.u16(at);
  let inTable = false;
  let rowEnd = false;
  const end = at + size;
  at += 2;
  while (at + 2 <= end) {
    const sprm = doc.u16(at);
    at += 2;
    const operandSize = sprmOperandSize(doc, sprm, at);
    if (at + operandSize > end) break;
    if (sprm === SPRM_P_IN_TABLE) inTable = doc.u8(at) !== 0;
    else if (sprm === SPRM_P_TABLE_ROW_END || sprm === SPRM_P_INNER_TABLE_ROW_END) rowEnd = doc.u8(at) !== 0;
    else if (sprm === SPRM_P_ISTD) istd = doc.u16(at);
    at += operandSize;
  }
  return { istd, inTable, rowEnd };
}

function sprmOperandSize(doc: Reader, sprm: number, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      // Variable: a size byte first; sprmTDefTable and sprmPChgTabs have their own size rules.
      if (sprm === 0xd608) return doc.u16(at) + 1;
      if (sprm === 0xc615) {
        const first = doc.u8(at);
        return first === 255
          ? 1 + doc.u8(at + 1) * 4 + 1 + doc.u8(at + 2 + doc.u8(at + 1) * 4) * 3
          : 1 + first;
      }
      return 1 + doc.u8(at);
  }
}

function splitParagraphs(
  doc: Reader,
  pieces: readonly Piece[],
  ccpText: number,
  runs: readonly ParagraphRun[],
  styles: ReadonlyMap<number, string>,
): WordParagraph[] {
  const paragraphs: WordParagraph[] = [];
  let text = '';
  let fieldDepth = 0; // inside a field's code (between 0x13 and 0x14)
  const fieldStack: boolean[] = []; // per open field: still in its code part
  for (const piece of pieces) {
    const cpEnd = Math.min(piece.cpEnd, ccpText);
    if (piece.cpStart >= cpEnd) continue;
    const width = piece.compressed ? 1 : 2;
    doc.check(piece.fc, (cpEnd - piece.cpStart) * width);
    const chars = piece.compressed
      ? decodeCp1252(doc.bytes(piece.fc, cpEnd - piece.cpStart))
      : doc.utf16(piece.fc, cpEnd - piece.cpStart);
    for (let i = 0; i < chars.length; i++) {
      const code = chars.charCodeAt(i);
      if (code === FIELD_BEGIN) {
        fieldStack.push(true);
        fieldDepth++;
      } else if (code === FIELD_SEPARATOR) {
        if (fieldStack.at(-1) === true) {
          fieldStack[fieldStack.length - 1] = false;
          fieldDepth--;
        }
      } else if (code === FIELD_END) {
        if (fieldStack.pop() === true) fieldDepth--;
      } else if (code === PARAGRAPH_END || code === CELL_END) {
        const run = findRun(runs, piece.fc + i * width);
        const styleName = styles.get(run?.istd ?? 0) ?? null;
        const level = styleName ? HEADING_STYLE.exec(styleName.trim())?.[1] : undefined;
        paragraphs.push({
          text,
          styleName,
          headingLevel: level ? Number(level) : null,
          inTable: code === CELL_END || (run?.inTable ?? false),
          cellEnd: code === CELL_END,
          rowEnd: run?.rowEnd ?? false,
        });
        text = '';
      } else if (fieldDepth === 0) {
        text += visibleChar(code, chars[i] as string);
      }
    }
  }
  if (text.trim() !== '') {
    paragraphs.push({
      text,
      styleName: null,
      headingLevel: null,
      inTable: false,
      cellEnd: false,
      rowEnd: false,
    });
  }
  return paragraphs;
}

// Windows-1252's 0x80–0x9F (curly quotes, dashes, …). Node 20's TextDecoder('windows-1252')
// decodes these bytes as Latin-1 control characters, so the table is here.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** An 8-bit piece ("compressed" text) as Word writes it: Windows-1252. */
function decodeCp1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] as string) : String.fromCharCode(byte);
  }
  return text;
}

/** A main-text character as it reads; Word's special characters become nothing, a space or a break. */
function visibleChar(code: number, char: string): string {
  switch (code) {
    case 0x0b: // manual line break
      return '\n';
    case 0x09:
      return '\t';
    case 0x0c: // page or section break
    case 0x01: // picture
    case 0x02: // auto-numbered footnote reference
    case 0x05: // comment reference
    case 0x08: // drawing object
    case 0x1f: // optional hyphen
      return '';
    case 0x1e: // non-breaking hyphen
      return '-';
    default:
      return code < 0x20 ? '' : char;
  }
}

function findRun(runs: readonly ParagraphRun[], fc: number): ParagraphRun | undefined {
  let low = 0;
  let high = runs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const run = runs[mid] as ParagraphRun;
    if (fc < run.fcStart) high = mid - 1;
    else if (fc >= run.fcEnd) low = mid + 1;
    else return run;
  }
  return undefined;
}

function corrupt(reason: string): LoadError {
  return new LoadError('corrupt', `Word 文档已损坏，无法解析（${reason}）`);
}

/** Bounds-checked little-endian reads from one stream. */
class Reader {
  private readonly view: DataView;

  constructor(
    private readonly data: Uint8Array,
    private readonly name: string,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  check(at: number, length: number): void {
    if (at < 0 || length < 0 || at + length > this.data.length) {
      throw corrupt(`${this.name} 流中的位置超出范围`);
    }
  }

  u8(at: number): number {
    this.check(at, 1);
    return this.view.getUint8(at);
  }

  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }

  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }

  bytes(at: number, length: number): Uint8Array {
    this.check(at, length);
    return this.data.subarray(at, at + length);
  }

  utf16(at: number, chars: number): string {
    this.check(at, chars * 2);
    return Buffer.from(this.data.buffer, this.data.byteOffset + at, chars * 2).toString('utf16le');
  }
}
