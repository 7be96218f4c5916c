// Builders for the inputs the generators shape: the project's own fixture reports as text, web
// pages, Word packages (with parts that can be made huge cheaply) and plain PDFs.

import { readdirSync, readFileSync } from 'node:fs';
import { crc32, deflateRawSync, constants as zlib } from 'node:zlib';
import type { Random } from './random.js';

const REPORTS_DIR = new URL('../../fixtures/reports/', import.meta.url).pathname;
const INPUTS_DIR = new URL('../../fixtures/inputs/', import.meta.url).pathname;

let reports: string[] | null = null;

/** The text of one of the repository's own fixture reports. */
export function goodReport(random: Random): string {
  reports ??= readdirSync(REPORTS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(REPORTS_DIR + name, 'utf8'));
  return random.pick(reports);
}

/** A fixture input file's bytes (fixtures/inputs). */
export function fixtureInput(name: string): Buffer {
  return readFileSync(INPUTS_DIR + name);
}

/** The report as a saved government page: title in <h1>, one <p> per line inside #zoom. */
export function reportPage(text: string, head = '<meta charset="utf-8">', bodyExtra = ''): string {
  const [title = '', ...lines] = text.split('\n');
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  return `<!DOCTYPE html><html><head>${head}<title>${escapeHtml(title)}</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/x">政务公开</a></div>
<h1 class="title">${escapeHtml(title)}</h1><div id="zoom">${bodyExtra}${paragraphs}</div></body></html>`;
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A raw-deflate stream of head + chunk × times + tail, made without inflating it all. */
export function repeatedDeflate(chunk: Buffer, times: number, head = '', tail = ''): Buffer {
  // A full flush ends a block on a byte boundary and forgets the window, so the copies are
  // independent; 0x03 0x00 is an empty final block.
  const flushed = (data: Buffer) => deflateRawSync(data, { level: 1, finishFlush: zlib.Z_FULL_FLUSH });
  const block = flushed(chunk);
  return Buffer.concat([
    flushed(Buffer.from(head)),
    ...Array.from({ length: times }, () => block),
    flushed(Buffer.from(tail)),
    Buffer.from([0x03, 0x00]),
  ]);
}

/** One zip member: plain data, or data already deflated (with its real size and CRC). */
export type ZipMember =
  | { readonly name: string; readonly data: string | Buffer; readonly store?: boolean }
  | {
      readonly name: string;
      readonly deflated: Buffer;
      readonly size: number;
      readonly crc: number;
      readonly declaredSize?: number;
    };

/** Writes a zip (no zip64); sizes are capped at 4 GB − 1 as the format requires. */
export function writeZip(members: readonly ZipMember[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const name = Buffer.from(member.name, 'utf8');
    let packed: Buffer;
    let size: number;
    let crc: number;
    let method = 8;
    if ('deflated' in member) {
      packed = member.deflated;
      size = member.declaredSize ?? member.size;
      crc = member.crc;
    } else {
      const data = typeof member.data === 'string' ? Buffer.from(member.data, 'utf8') : member.data;
      method = member.store ? 0 : 8;
      packed = member.store ? data : deflateRawSync(data, { level: 6 });
      size = data.length;
      crc = crc32(data);
    }
    size = Math.min(size, 0xfffffffe);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(entry, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** A part made of head + chunk × times + tail: deflated cheaply, true size (CRC 0 when huge). */
export function repeatedPart(
  name: string,
  chunk: Buffer,
  times: number,
  frame: { readonly head?: string; readonly tail?: string; readonly declaredSize?: number } = {},
): ZipMember {
  const head = Buffer.from(frame.head ?? '');
  const tail = Buffer.from(frame.tail ?? '');
  const size = head.length + chunk.length * times + tail.length;
  let crc = 0;
  if (size <= 256 * 1024 * 1024) {
    crc = crc32(head);
    for (let i = 0; i < times; i++) crc = crc32(chunk, crc);
    crc = crc32(tail, crc);
  }
  return {
    name,
    deflated: repeatedDeflate(chunk, times, frame.head, frame.tail),
    size,
    crc,
    ...(frame.declaredSize !== undefined ? { declaredSize: frame.declaredSize } : {}),
  };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The package parts around a main document: content types, relationships, heading styles. */
export function docxFrame(mainPart = 'word/document.xml'): ZipMember[] {
  const folder = mainPart.includes('/') ? mainPart.slice(0, mainPart.lastIndexOf('/')) : '';
  const file = mainPart.slice(mainPart.lastIndexOf('/') + 1);
  return [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${mainPart}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="${mainPart}"/></Relationships>`,
    },
    {
      name: `${folder ? `${folder}/` : ''}_rels/${file}.rels`,
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/styles" Target="styles.xml"/></Relationships>`,
    },
    {
      name: `${folder ? `${folder}/` : ''}styles.xml`,
      data: `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/></w:style><w:style w:type="paragraph" w:styleId="H3"><w:name w:val="heading 3"/></w:style></w:styles>`,
    },
  ];
}

/** One Word paragraph, optionally in a heading style (H1–H3). */
export function docxParagraph(text: string, style?: string): string {
  const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${props}<w:r><w:t xml:space="preserve">${escapeHtml(text)}</w:t></w:r></w:p>`;
}

/** A main document part around the given body XML. */
export function docxDocument(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
}

/** A report as a docx: first line as the title, 一、 lines in heading 1. */
export function reportDocx(text: string): Buffer {
  const body = text
    .split('\n')
    .map((line, i) =>
      docxParagraph(line, i === 0 ? 'H1' : /^[一二三四五六七八九十]+、/.test(line) ? 'H1' : undefined),
    )
    .join('');
  return writeZip([...docxFrame(), { name: 'word/document.xml', data: docxDocument(body) }]);
}

/** A PDF object: its body and, for a stream, the stream's bytes and filter. */
export interface PdfObject {
  readonly body: string;
  readonly stream?: Buffer;
}

/** Writes a PDF of the given objects (object 1 must be the catalog), with a correct xref table. */
export function writePdf(objects: readonly PdfObject[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((object, i) => {
    offsets.push(length);
    const head = object.stream
      ? `${i + 1} 0 obj\n${object.body.replace(/>>\s*$/, ` /Length ${object.stream.length} >>`)}\nstream\n`
      : `${i + 1} 0 obj\n${object.body}\n`;
    const chunk = object.stream
      ? Buffer.concat([Buffer.from(head, 'latin1'), object.stream, Buffer.from('\nendstream\nendobj\n')])
      : Buffer.from(`${head}endobj\n`, 'latin1');
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** A PDF of pages whose content streams are given (Helvetica text). */
export function pdfWithPages(contents: readonly Buffer[], filter?: 'FlateDecode'): Buffer {
  const pageCount = contents.length;
  const objects: PdfObject[] = [
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    {
      body: `<< /Type /Pages /Count ${pageCount} /Kids [${contents.map((_, i) => `${4 + i * 2} 0 R`).join(' ')}] >>`,
    },
    { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
  ];
  for (const [i, content] of contents.entries()) {
    objects.push({
      body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
    });
    objects.push({ body: filter ? `<< /Filter /${filter} >>` : '<< >>', stream: content });
  }
  return writePdf(objects);
}

/** A page content stream showing ASCII lines. */
export function pdfText(lines: readonly string[]): Buffer {
  const shown = lines
    .map((line, i) => `BT /F1 11 Tf 56 ${780 - (i % 60) * 12} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`)
    .join('\n');
  return Buffer.from(shown, 'latin1');
}

/** A zlib (FlateDecode) stream of `chunk` repeated, made without inflating it (Adler-32 left 0). */
export function repeatedZlib(chunk: Buffer, times: number, head = '', tail = ''): Buffer {
  return Buffer.concat([
    Buffer.from([0x78, 0x01]),
    repeatedDeflate(chunk, times, head, tail),
    Buffer.alloc(4),
  ]);
}

/** Flips bits, truncates, duplicates or inserts bytes: a damaged copy of the input. */
export function mutate(random: Random, input: Buffer): Buffer {
  let bytes = Buffer.from(input);
  const edits = random.size(1, 64);
  for (let i = 0; i < edits; i++) {
    const at = random.int(0, Math.max(0, bytes.length - 1));
    switch (random.int(0, 4)) {
      case 0:
        if (bytes.length > 0) bytes[at] = (bytes[at] ?? 0) ^ (1 << random.int(0, 7));
        break;
      case 1:
        bytes = bytes.subarray(0, at);
        break;
      case 2:
        bytes = Buffer.concat([bytes.subarray(0, at), random.bytes(random.size(1, 256)), bytes.subarray(at)]);
        break;
      case 3: {
        const length = random.size(1, 4096);
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + length), bytes.subarray(at)]);
        break;
      }
      default:
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + random.size(1, 512))]);
    }
  }
  return bytes;
}
