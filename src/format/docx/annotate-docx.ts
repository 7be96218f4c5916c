// A copy of a Word file with one comment (批注) per finding. Every part of the package is copied
// byte for byte except word/document.xml (comment ranges and reference runs added, nothing else
// changed), the comments part (created, or extended after the comments already there), its
// relationship and its content type. The input bytes are never modified.
//
// Lines map back to Word paragraphs through the reader's line origins (block and offset): the
// reader's blocks are matched to the body's paragraphs and table rows in order by their text, so a
// paragraph the reader saw differently (a field, a text box) only loses precision: its comment
// then covers the whole paragraph.

import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';

// xmldom's types are the DOM's (its typings reference lib.dom).
type XmlDocument = Document;
type XmlElement = Element;
type XmlNode = Node;

import { type Block, bodyBlocks, descendants, paragraphBounds, splitAt, W_NS } from './word-xml.js';

/** One comment: the text range it is about (1-based lines, 1-based code-point columns, end
 * exclusive; an empty range means the whole paragraph) and its paragraphs of text. */
export interface WordComment {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly paragraphs: readonly string[];
}

/** Who and when, as Word shows it beside each comment. */
export interface CommentAuthor {
  readonly author: string;
  readonly initials: string;
  readonly date: Date;
}

/** How each text line came from the Word body: [block, code-point offset of the line in the block]. */
export type LineOrigins = ReadonlyArray<readonly [block: number, offset: number]>;

const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const OFFICE_DOCUMENT = /\/officeDocument$/;
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The annotated copy of a .docx (`bytes` is left as it is). `text` is the report text the
 * comments' lines point into. */
export function annotateDocx(
  bytes: Uint8Array,
  text: string,
  origins: LineOrigins,
  comments: readonly WordComment[],
  who: CommentAuthor,
): Uint8Array {
  const files = unzipSync(bytes);
  const mainPath = mainDocumentPath(files);
  const documentXml = files[mainPath];
  if (!documentXml) throw new Error(`Word 文档缺少 ${mainPath}`);
  const doc = parseXml(strFromU8(documentXml));
  const ns = doc.documentElement?.namespaceURI ?? W_NS;
  const body = descendants(doc.documentElement as XmlElement, 'body')[0];
  if (!body) throw new Error('Word 文档没有正文（w:body）');

  const blocks = bodyBlocks(body);
  const lines = text.split('\n');
  const mapping = alignBlocks(readerBlocks(lines, origins), blocks);
  const relsPath = relsPathOf(mainPath);
  const rels = files[relsPath]
    ? parseXml(strFromU8(files[relsPath]))
    : parseXml(`<Relationships xmlns="${RELS_NS}"/>`);
  const existing = rels.documentElement
    ? [...iterate(rels.documentElement.getElementsByTagName('Relationship'))].find(
        (rel) => rel.getAttribute('Type') === COMMENTS_TYPE,
      )
    : undefined;
  const commentsPath = existing
    ? resolveTarget(mainPath, existing.getAttribute('Target') ?? 'comments.xml')
    : `${dirOf(mainPath)}comments.xml`;
  const commentsDoc = files[commentsPath]
    ? parseXml(strFromU8(files[commentsPath]))
    : parseXml(`<w:comments xmlns:w="${ns}"/>`);
  let nextId = firstFreeId(doc, commentsDoc);
  const write = new Writer(doc, ns);
  for (const comment of comments) {
    const anchor = anchorOf(comment, lines, origins, mapping, blocks);
    if (!anchor) continue;
    const id = String(nextId++);
    write.range(id, anchor);
    commentsDoc.documentElement?.appendChild(commentElement(commentsDoc, ns, id, comment.paragraphs, who));
  }

  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = data;
  out[mainPath] = strToU8(serialize(doc));
  out[commentsPath] = strToU8(serialize(commentsDoc));
  if (!existing) {
    const relation = rels.createElementNS(RELS_NS, 'Relationship');
    relation.setAttribute('Id', freeRelationshipId(rels));
    relation.setAttribute('Type', COMMENTS_TYPE);
    relation.setAttribute('Target', commentsPath.slice(dirOf(mainPath).length));
    rels.documentElement?.appendChild(relation);
    out[relsPath] = strToU8(serialize(rels));
    out['[Content_Types].xml'] = strToU8(withContentType(files, commentsPath));
  }
  return zipSync(out, { level: 6 });
}

/** The reader's blocks: the lines of each block, in order. */
function readerBlocks(lines: readonly string[], origins: LineOrigins): Map<number, string> {
  const blocks = new Map<number, string>();
  for (const [i, line] of lines.entries()) {
    const block = origins[i]?.[0];
    if (block === undefined) continue;
    blocks.set(block, `${blocks.get(block) ?? ''}${line}`);
  }
  return blocks;
}

const LOOKAHEAD = 200;

/** Reader block → body block, matched in order by their text without spaces. */
function alignBlocks(reader: ReadonlyMap<number, string>, body: readonly Block[]): Map<number, number> {
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  const bodyTexts = body.map((block) => squeeze(block.text));
  const mapping = new Map<number, number>();
  let next = 0;
  for (const [block, text] of [...reader].sort((a, b) => a[0] - b[0])) {
    const wanted = squeeze(text);
    if (wanted === '') continue;
    for (let j = next; j < Math.min(body.length, next + LOOKAHEAD); j++) {
      if (bodyTexts[j] === wanted) {
        mapping.set(block, j);
        next = j + 1;
        break;
      }
    }
  }
  return mapping;
}

/** A point in the body: a paragraph and a UTF-16 offset in its text, or its start / end. */
type Point = { readonly paragraph: XmlElement; readonly at: number | 'start' | 'end' };

function anchorOf(
  comment: WordComment,
  lines: readonly string[],
  origins: LineOrigins,
  mapping: ReadonlyMap<number, number>,
  blocks: readonly Block[],
): { start: Point; end: Point } | null {
  const startBlock = blockOfLine(comment.line, origins, mapping, lines.length);
  if (startBlock === null) return null;
  const first = blocks[startBlock.body] as Block;
  const empty = comment.line === comment.endLine && comment.column >= comment.endColumn;
  if (empty || first.kind === 'row')
    return {
      start: { paragraph: first.paragraphs[0] as XmlElement, at: 'start' },
      end: { paragraph: first.paragraphs.at(-1) as XmlElement, at: 'end' },
    };
  const endBlock = blockOfLine(comment.endLine, origins, mapping, lines.length) ?? startBlock;
  const last = blocks[endBlock.body] as Block;
  const start = pointIn(first, startBlock, lines, comment.line, comment.column, 'start');
  const end =
    last.kind === 'row'
      ? { paragraph: last.paragraphs.at(-1) as XmlElement, at: 'end' as const }
      : pointIn(last, endBlock, lines, comment.endLine, comment.endColumn, 'end');
  return { start, end };
}

/** The body block of a line (the nearest mapped one before it when its own is not found). */
function blockOfLine(
  line: number,
  origins: LineOrigins,
  mapping: ReadonlyMap<number, number>,
  lineCount: number,
): { body: number; offset: number; exact: boolean } | null {
  for (let at = Math.min(line, lineCount); at >= 1; at--) {
    const origin = origins[at - 1];
    const body = origin ? mapping.get(origin[0]) : undefined;
    if (origin && body !== undefined) return { body, offset: origin[1], exact: at === line };
  }
  for (let at = line + 1; at <= lineCount; at++) {
    const origin = origins[at - 1];
    const body = origin ? mapping.get(origin[0]) : undefined;
    if (origin && body !== undefined) return { body, offset: 0, exact: false };
  }
  return null;
}

/** A line and column as a point in a paragraph block: exact when the block holds the line's text
 * where the reader said, else the block's start or end. */
function pointIn(
  block: Block,
  found: { offset: number; exact: boolean },
  lines: readonly string[],
  line: number,
  column: number,
  fallback: 'start' | 'end',
): Point {
  const paragraph = block.paragraphs[0] as XmlElement;
  const chars = [...block.text];
  const lineChars = [...(lines[line - 1] ?? '')];
  const same = chars.slice(found.offset, found.offset + lineChars.length).join('') === lineChars.join('');
  if (!found.exact || !same) return { paragraph, at: fallback };
  const codePoints = found.offset + column - 1;
  if (codePoints <= 0) return { paragraph, at: 'start' };
  if (codePoints >= chars.length) return { paragraph, at: 'end' };
  return { paragraph, at: chars.slice(0, codePoints).join('').length };
}

/** Puts comment ranges and reference runs into the document. */
class Writer {
  constructor(
    private readonly doc: XmlDocument,
    private readonly ns: string,
  ) {}

  range(id: string, anchor: { start: Point; end: Point }): void {
    // The end first: splitting for it leaves offsets before it where they were.
    const end = this.place(anchor.end);
    const reference = this.element('r');
    const properties = this.element('rPr');
    const style = this.element('rStyle');
    style.setAttributeNS(this.ns, 'w:val', 'CommentReference');
    properties.appendChild(style);
    reference.appendChild(properties);
    const mark = this.element('commentReference');
    mark.setAttributeNS(this.ns, 'w:id', id);
    reference.appendChild(mark);
    const rangeEnd = this.element('commentRangeEnd');
    rangeEnd.setAttributeNS(this.ns, 'w:id', id);
    end.parent.insertBefore(rangeEnd, end.before);
    end.parent.insertBefore(reference, rangeEnd.nextSibling);
    const start = this.place(anchor.start);
    const rangeStart = this.element('commentRangeStart');
    rangeStart.setAttributeNS(this.ns, 'w:id', id);
    start.parent.insertBefore(rangeStart, start.before);
  }

  private place(point: Point): { parent: XmlNode; before: XmlNode | null } {
    if (point.at === 'start') return paragraphBounds(point.paragraph).start;
    if (point.at === 'end') return paragraphBounds(point.paragraph).end;
    return splitAt(this.doc, point.paragraph, point.at);
  }

  private element(name: string): XmlElement {
    return this.doc.createElementNS(this.ns, `w:${name}`);
  }
}

function commentElement(
  doc: XmlDocument,
  ns: string,
  id: string,
  paragraphs: readonly string[],
  who: CommentAuthor,
): XmlElement {
  const comment = doc.createElementNS(ns, 'w:comment');
  comment.setAttributeNS(ns, 'w:id', id);
  comment.setAttributeNS(ns, 'w:author', who.author);
  comment.setAttributeNS(ns, 'w:date', `${who.date.toISOString().slice(0, 19)}Z`);
  comment.setAttributeNS(ns, 'w:initials', who.initials);
  for (const text of paragraphs) {
    const p = doc.createElementNS(ns, 'w:p');
    const r = doc.createElementNS(ns, 'w:r');
    const t = doc.createElementNS(ns, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(text.replace(INVALID_XML, '\uFFFD')));
    r.appendChild(t);
    p.appendChild(r);
    comment.appendChild(p);
  }
  return comment;
}

/** A comment id above every id the document and its comments already use. */
function firstFreeId(doc: XmlDocument, comments: XmlDocument): number {
  let max = -1;
  const scan = (root: XmlElement | null) => {
    if (!root) return;
    for (const name of ['comment', 'commentRangeStart', 'commentRangeEnd', 'commentReference'])
      for (const element of descendants(root, name)) {
        const id = Number(element.getAttribute('w:id'));
        if (Number.isInteger(id) && id > max) max = id;
      }
  };
  scan(doc.documentElement);
  scan(comments.documentElement);
  return max + 1;
}

function freeRelationshipId(rels: XmlDocument): string {
  const used = new Set(
    [...iterate(rels.getElementsByTagName('Relationship'))].map((rel) => rel.getAttribute('Id')),
  );
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function withContentType(files: Readonly<Record<string, Uint8Array>>, partPath: string): string {
  const source = files['[Content_Types].xml'];
  const types = parseXml(source ? strFromU8(source) : `<Types xmlns="${TYPES_NS}"/>`);
  const partName = `/${partPath}`;
  const overrides = [...iterate(types.getElementsByTagName('Override'))];
  if (!overrides.some((override) => override.getAttribute('PartName') === partName)) {
    const override = types.createElementNS(TYPES_NS, 'Override');
    override.setAttribute('PartName', partName);
    override.setAttribute('ContentType', COMMENTS_CONTENT_TYPE);
    types.documentElement?.appendChild(override);
  }
  return serialize(types);
}

/** The main document part, from the package relationships (word/document.xml in practice). */
function mainDocumentPath(files: Readonly<Record<string, Uint8Array>>): string {
  const rels = files['_rels/.rels'];
  if (rels) {
    const doc = parseXml(strFromU8(rels));
    for (const rel of iterate(doc.getElementsByTagName('Relationship')))
      if (OFFICE_DOCUMENT.test(rel.getAttribute('Type') ?? ''))
        return (rel.getAttribute('Target') ?? 'word/document.xml').replace(/^\//, '');
  }
  return 'word/document.xml';
}

function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}

function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

function resolveTarget(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = `${dirOf(part)}${target}`.split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.') out.push(segment);
  }
  return out.join('/');
}

function parseXml(text: string): XmlDocument {
  return new DOMParser().parseFromString(text, 'text/xml');
}

function serialize(doc: XmlDocument): string {
  const xml = new XMLSerializer().serializeToString(doc);
  return xml.startsWith('<?xml') ? xml : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`;
}

function* iterate(list: {
  readonly length: number;
  item(index: number): XmlElement | null;
}): Generator<XmlElement> {
  for (let i = 0; i < list.length; i++) {
    const item = list.item(i);
    if (item) yield item;
  }
}
