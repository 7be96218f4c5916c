// .ofd (GB/T 33190-2016, the national format for 电子公文) → report text. An OFD is a zip package:
// OFD.xml names the document root (DocBody/DocRoot), Document.xml lists the pages, and each page's
// Content.xml holds TextObjects whose TextCodes carry the text with its position (X/Y inside the
// object's Boundary, in millimetres, y growing downwards). The package passes the same zip checks
// as a docx before anything is inflated; the text codes are put in reading order and rejoined into
// paragraphs by join-lines.ts, as PDF lines are. @xmldom/xmldom is imported only for an OFD.

import { posix } from 'node:path';
import { checkCount, DOCUMENT_LIMITS, megabytes, OverBudgetError } from '../shared/budget.js';
import { checkUnpackedSize, inflateEntry, readZipEntries, type ZipEntry } from './inspect-zip.js';
import { pagesToText, type TextRun } from './join-lines.js';
import { UNPACK_FACTOR } from './read-docx.js';
import { LoadError, type LoadOptions, type SourceFile, type SourceFormat } from './source-file.js';
import { checkXmlShape } from './xml-shape.js';

/** One TextCode, placed on its page (millimetres from the top left). */
export interface OfdTextCode {
  readonly text: string;
  readonly x: number;
  readonly baseline: number; // y of the baseline, from the top of the page
  readonly width: number;
  readonly fontSize: number;
}

const MAX_RATIO = 100;

/** Reads an OFD document. */
export async function readOfd(
  path: string,
  bytes: Uint8Array,
  format: SourceFormat,
  options: LoadOptions,
): Promise<SourceFile> {
  const pages = await readOfdPages(bytes, options);
  const text = pagesToText(pages.map(toRuns));
  if (text === null) {
    throw new LoadError(
      'no-text-layer',
      'OFD 文件中没有文字（可能是扫描件或图片），无法读取；请提供 Word 原稿或含文字的 OFD',
    );
  }
  return { path, format, encoding: 'binary', text, meta: {} };
}

/** The text codes of every page, in Document.xml's page order and each page's content order. */
export async function readOfdPages(bytes: Uint8Array, options: LoadOptions): Promise<OfdTextCode[][]> {
  const entries = readZipEntries(bytes, 'OFD 文件');
  checkUnpackedSize(bytes, entries, {
    maxUnpackedBytes: options.maxBytes * UNPACK_FACTOR,
    maxRatio: MAX_RATIO,
  });
  const { DOMParser } = await import('@xmldom/xmldom');
  const parts = new Package(bytes, entries, DOCUMENT_LIMITS.parsedXmlBytes, new DOMParser(parserOptions()));

  const ofd = parts.xml('OFD.xml');
  if (!ofd) throw new LoadError('corrupt', '文件不是 OFD 文档（缺少 OFD.xml），可能是其他格式改了扩展名');
  const docRoot = textOf(first(ofd, 'DocRoot'));
  const documentPath = resolvePart('', docRoot);
  const document = docRoot ? parts.xml(documentPath) : null;
  if (!document)
    throw new LoadError('corrupt', 'OFD 文件已损坏：找不到文档根节点（DocRoot）指向的 Document.xml');

  const documentDir = posix.dirname(documentPath);
  const pages: OfdTextCode[][] = [];
  const listed = elements(document, 'Page');
  checkCount('OFD 页数', listed.length, DOCUMENT_LIMITS.pages, ' 页');
  for (const page of listed) {
    const baseLoc = page.getAttribute('BaseLoc') ?? '';
    const content = baseLoc ? parts.xml(resolvePart(documentDir, baseLoc)) : null;
    if (!content) throw new LoadError('corrupt', `OFD 文件已损坏：缺少页面内容 ${baseLoc || '（未指明）'}`);
    pages.push(elements(content, 'TextObject').flatMap(textCodesOf));
  }
  return pages;
}

/** The TextCodes of one TextObject; a TextCode without X or Y continues where the previous one ended. */
function textCodesOf(object: Element): OfdTextCode[] {
  const [left = 0, top = 0] = numbers(object.getAttribute('Boundary'));
  const fontSize = Number(object.getAttribute('Size')) || 3.5;
  const codes: OfdTextCode[] = [];
  let x = 0;
  let y = 0;
  for (const code of elements(object, 'TextCode')) {
    const text = code.textContent ?? '';
    if (code.hasAttribute('X')) x = Number(code.getAttribute('X')) || 0;
    if (code.hasAttribute('Y')) y = Number(code.getAttribute('Y')) || 0;
    const width = advance(text, expandDeltas(code.getAttribute('DeltaX'), text.length), fontSize);
    codes.push({ text, x: left + x, baseline: top + y, width, fontSize });
    x += width;
  }
  return codes;
}

/** Width of a text code: its DeltaX steps, then the font size per remaining CJK glyph (half for Latin). */
function advance(text: string, deltas: readonly number[], fontSize: number): number {
  const glyphs = [...text];
  let width = 0;
  for (const [i, glyph] of glyphs.entries()) {
    const delta = i < glyphs.length - 1 ? deltas[i] : undefined;
    width += delta ?? ((glyph.codePointAt(0) ?? 0) <= 0xff ? fontSize / 2 : fontSize);
  }
  return width;
}

/** DeltaX / DeltaY with the "g n d" shorthand (n steps of d) written out, at most `limit` of them. */
export function expandDeltas(value: string | null, limit = Number.POSITIVE_INFINITY): number[] {
  const tokens = (value ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < limit; i++) {
    if (tokens[i] === 'g') {
      const count = Math.min(Number(tokens[i + 1]) || 0, limit - out.length);
      const step = Number(tokens[i + 2]) || 0;
      for (let n = 0; n < count; n++) out.push(step);
      i += 2;
    } else out.push(Number(tokens[i]) || 0);
  }
  return out;
}

/** Text codes in reading order as PDF-style runs: top to bottom (y upwards, as join-lines expects), left to right. */
function toRuns(codes: readonly OfdTextCode[]): TextRun[] {
  const sorted = [...codes].filter((code) => code.text.trim() !== '').sort((a, b) => a.baseline - b.baseline);
  const lines: OfdTextCode[][] = [];
  for (const code of sorted) {
    const line = lines.at(-1);
    const anchor = line?.[0];
    if (
      line &&
      anchor &&
      Math.abs(code.baseline - anchor.baseline) <= Math.min(code.fontSize, anchor.fontSize) / 2
    ) {
      line.push(code);
    } else lines.push([code]);
  }
  return lines.flatMap((line) =>
    line
      .sort((a, b) => a.x - b.x)
      .map((code, i) => ({
        str: code.text,
        x: code.x,
        y: -(line[0] as OfdTextCode).baseline,
        width: code.width,
        fontSize: code.fontSize,
        hasEOL: i === line.length - 1,
      })),
  );
}

/** The package's parts by name; names are matched exactly, then ignoring case (some producers mix Doc_0 and DOC_0). */
class Package {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();
  private budget: number;

  constructor(
    private readonly bytes: Uint8Array,
    entries: readonly ZipEntry[],
    budget: number,
    private readonly parser: DOMParser,
  ) {
    this.budget = budget;
    for (const entry of entries) {
      this.byName.set(entry.name, entry);
      if (!this.byLowerName.has(entry.name.toLowerCase()))
        this.byLowerName.set(entry.name.toLowerCase(), entry);
    }
  }

  xml(name: string): Document | null {
    const entry = this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
    if (!entry) return null;
    const data = inflateEntry(this.bytes, entry, this.budget);
    this.budget -= data.length;
    if (this.budget < 0) {
      const limit = megabytes(DOCUMENT_LIMITS.parsedXmlBytes);
      throw new OverBudgetError(`OFD 文件中需要解析的部分解压后超过 ${limit}（${name}），不像是一份报告`);
    }
    checkXmlShape(data, name, null, 'OFD 文件');
    const text = decodeXml(data);
    if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
      throw new LoadError('corrupt', `OFD 文件中的 ${name} 含有 DTD 声明，已拒绝读取`);
    }
    try {
      return this.parser.parseFromString(text, 'text/xml');
    } catch {
      throw new LoadError('corrupt', `OFD 文件已损坏：${name} 不是有效的 XML`);
    }
  }
}

type DOMParser = InstanceType<typeof import('@xmldom/xmldom').DOMParser>;

function parserOptions() {
  const fail = (message: string) => {
    throw new Error(message);
  };
  return { errorHandler: { warning: () => {}, error: fail, fatalError: fail } };
}

/** XML bytes as text: UTF-8 unless the declaration names a Chinese code page. */
function decodeXml(data: Uint8Array): string {
  const head = Buffer.from(data.subarray(0, 200)).toString('latin1');
  const declared = /encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  const encoding = /^(gb2312|gbk|gb18030|cp936)$/.test(declared) ? 'gb18030' : 'utf-8';
  return new TextDecoder(encoding).decode(data);
}

/** A part's name in the zip: absolute locations start at the package root, others at `base`. */
function resolvePart(base: string, location: string): string {
  const clean = location.trim().replace(/\\/g, '/');
  const joined = clean.startsWith('/') ? clean.slice(1) : posix.join(base, clean);
  return posix.normalize(joined).replace(/^(\.\/)+/, '');
}

/** Elements with this local name (any namespace prefix: ofd:Page, Page), in document order. */
function elements(node: Document | Element, localName: string): Element[] {
  const found: Element[] = [];
  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      if (element.localName === localName || element.nodeName === localName) found.push(element);
      else visit(element);
    }
  };
  visit(node);
  return found;
}

function first(node: Document, localName: string): Element | null {
  return elements(node, localName)[0] ?? null;
}

function textOf(element: Element | null): string {
  return element?.textContent?.trim() ?? '';
}

function numbers(value: string | null): number[] {
  return (value ?? '')
    .trim()
    .split(/\s+/)
    .map((part) => Number(part) || 0);
}
