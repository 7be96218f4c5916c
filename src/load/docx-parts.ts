// Which parts of a Word package mammoth will parse, found the way mammoth finds them (the package
// relationships name the main document under any name, its relationships name the styles,
// numbering, notes and comments, each with a fallback path), and each inflated with a cap before
// mammoth sees the package: a bomb, an oversized part or absurd nesting is refused up front.

import { DOCUMENT_LIMITS, megabytes, OverBudgetError } from '../shared/budget.js';
import { checkDeclaredSizes, inflateEntry, type UnpackLimits, type ZipEntry } from './inspect-zip.js';
import { LoadError } from './source-file.js';
import { checkXmlShape } from './xml-shape.js';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const RELATED_PARTS = ['comments', 'endnotes', 'footnotes', 'numbering', 'styles'];

/** Limits of one package: the declared sizes, and the bytes of the parts that get parsed. */
export interface DocxLimits extends UnpackLimits {
  readonly maxParsedBytes?: number; // default DOCUMENT_LIMITS.parsedXmlBytes
}

/**
 * Refuses a package that would unpack beyond the limits: by the sizes it declares, and by
 * inflating, with a cap, every part mammoth will parse (a bomb can declare small sizes and still
 * expand; the main document can hide under a name that does not end in .xml).
 */
export function checkDocxPackage(bytes: Uint8Array, entries: readonly ZipEntry[], limits: DocxLimits): void {
  checkDeclaredSizes(entries, limits);
  const maxParsed = limits.maxParsedBytes ?? DOCUMENT_LIMITS.parsedXmlBytes;
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  let parsed = 0;
  const read = (name: string): Buffer | null => {
    const entry = byName.get(name);
    if (!entry) return null;
    const inflated = inflateEntry(bytes, entry, maxParsed - parsed);
    const data = Buffer.from(inflated.buffer, inflated.byteOffset, inflated.byteLength);
    parsed += data.length;
    if (parsed > maxParsed) {
      throw new OverBudgetError(
        `Word 文档中需要解析的部分解压后超过 ${megabytes(maxParsed)}（${entry.name}），不像是一份报告`,
      );
    }
    return data;
  };
  read('[Content_Types].xml');
  const main = partPath(
    relationshipsOf(read('_rels/.rels')),
    'officeDocument',
    '',
    'word/document.xml',
    byName,
  );
  if (!byName.has(main)) {
    throw new LoadError(
      'corrupt',
      '文件不是 Word 文档（缺少正文部分 word/document.xml），可能是其他格式改了扩展名',
    );
  }
  const mainRelationships = relationshipsOf(read(relationshipsName(main)));
  const folder = dirname(main);
  const related = RELATED_PARTS.map((name) =>
    partPath(mainRelationships, name, folder, `word/${name}.xml`, byName),
  );
  for (const part of new Set([main, ...related])) {
    const xml = read(part);
    if (!xml) continue;
    checkXmlShape(xml, part, part === main ? 'w:p' : null, 'Word 文档');
    if (part !== main) read(relationshipsName(part));
  }
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** The internal relationships of a .rels part. */
function relationshipsOf(xml: Buffer | null): Relationship[] {
  if (!xml) return [];
  const found: Relationship[] = [];
  for (const [tag] of xml.toString('utf8').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
    const type = attribute('Type');
    const target = attribute('Target');
    if (!type || !target || /External/i.test(attribute('TargetMode')?.[0] ?? '')) continue;
    found.push({ type: type[2] ?? type[3] ?? '', target: target[2] ?? target[3] ?? '' });
  }
  return found;
}

/** The part a relationship type points at, as mammoth resolves it, else the fallback path. */
function partPath(
  relationships: readonly Relationship[],
  type: string,
  base: string,
  fallback: string,
  byName: ReadonlyMap<string, ZipEntry>,
): string {
  for (const relationship of relationships) {
    if (relationship.type !== RELATIONSHIPS + type) continue;
    const target = relationship.target.startsWith('/')
      ? relationship.target.slice(1)
      : [base, relationship.target].filter((part) => part !== '').join('/');
    if (byName.has(target)) return target;
  }
  return fallback;
}

function relationshipsName(part: string): string {
  const folder = dirname(part);
  return `${folder === '' ? '' : `${folder}/`}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
}

function dirname(part: string): string {
  const at = part.lastIndexOf('/');
  return at < 0 ? '' : part.slice(0, at);
}
