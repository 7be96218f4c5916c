// .docx (Word, WPS, LibreOffice) → text, one line per paragraph and per table row. Paragraphs in
// Word heading styles are reported as heading lines so that headings numbered by Word (whose
// 一、 is not in the text) are still found. mammoth is imported only when a .docx is read.

import { checkDocxPackage } from './docx-parts.js';
import { isEncryptedOffice, isOleFile, readZipEntries } from './inspect-zip.js';
import { readWord97 } from './read-word97.js';
import { LoadError, type LoadOptions, type SourceFile, type SourceFormat } from './source-file.js';
import { HEADING_STYLE, layOutParagraphs, type StyledParagraph } from './styled-paragraphs.js';

/** How far a docx may unpack, relative to the file size limit. */
export const UNPACK_FACTOR = 10;
const MAX_RATIO = 100;
const CELL_SEPARATOR = ' | ';

// The parts of mammoth's document tree that we read (mammoth/lib/documents.js).
interface DocxNode {
  readonly type: string;
  readonly children?: readonly DocxNode[];
  readonly value?: string;
  readonly styleName?: string | null;
  readonly breakType?: string;
}

/** Reads a Word document. */
export async function readDocx(
  path: string,
  bytes: Uint8Array,
  format: SourceFormat,
  options: LoadOptions,
): Promise<SourceFile> {
  if (isOleFile(bytes)) {
    if (isEncryptedOffice(bytes)) {
      throw new LoadError('encrypted', 'Word 文档设有打开密码（已加密），请取消密码后另存为 .docx 再检查');
    }
    // A Word 97–2003 document named .docx: read it as what it is.
    return readWord97(path, bytes, 'doc');
  }
  const entries = readZipEntries(bytes);
  checkDocxPackage(bytes, entries, {
    maxUnpackedBytes: options.maxBytes * UNPACK_FACTOR,
    maxRatio: MAX_RATIO,
  });

  if (options.budget) options.budget.step = 'Word 文档解析';
  const paragraphs = await readParagraphs(bytes);
  options.budget?.checkTime();
  const { text, headingLines, lineOrigins } = layOutParagraphs(paragraphs);
  return { path, format, encoding: 'binary', text, meta: { headingLines, lineOrigins }, original: bytes };
}

async function readParagraphs(bytes: Uint8Array): Promise<StyledParagraph[]> {
  const mammoth = (await import('mammoth')).default;
  let root: DocxNode | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Keep the document tree; images are never read.
        transformDocument: (document: DocxNode) => {
          root = document;
          return document;
        },
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
  } catch (error) {
    if (error instanceof RangeError) throw error; // an engine limit: reported as such
    // mammoth's reasons are English developer messages; the user learns what matters.
    throw new LoadError('corrupt', 'Word 文档已损坏或不完整，无法解析其内容');
  }
  const paragraphs: StyledParagraph[] = [];
  if (root) collectBlocks(root, paragraphs);
  return paragraphs;
}

function collectBlocks(node: DocxNode, out: StyledParagraph[]): void {
  for (const child of node.children ?? []) {
    if (child.type === 'paragraph') {
      const level = HEADING_STYLE.exec(child.styleName?.trim() ?? '')?.[1];
      out.push({ text: inlineText(child), styledLevel: level ? Number(level) : null });
    } else if (child.type === 'table') {
      for (const row of child.children ?? []) {
        const cells = (row.children ?? []).map((cell) => cellText(cell)).filter((cell) => cell !== '');
        if (cells.length > 0) out.push({ text: cells.join(CELL_SEPARATOR), styledLevel: null });
      }
    } else {
      collectBlocks(child, out);
    }
  }
}

function cellText(cell: DocxNode): string {
  const parts: StyledParagraph[] = [];
  collectBlocks(cell, parts);
  return parts
    .map((part) => part.text.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' ');
}

function inlineText(node: DocxNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return node.breakType === 'line' ? '\n' : '';
    case 'footnoteReference':
    case 'endnoteReference':
    case 'commentReference':
    case 'comment':
      return '';
    default:
      return (node.children ?? []).map(inlineText).join('');
  }
}
