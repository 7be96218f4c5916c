// The WordprocessingML that the annotated copy reads and writes: the blocks of a body as the
// reader turned them into lines (paragraphs, table rows), each paragraph's text as runs, and
// splitting a run where a comment starts or ends. DOM nodes from @xmldom/xmldom.

// xmldom's types are the DOM's (its typings reference lib.dom).
type XmlDocument = Document;
type XmlElement = Element;
type XmlNode = Node;

/** The WordprocessingML namespace (transitional; strict documents use their own, read from the root). */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A block of the body as the reader saw it: one paragraph, or one table row (its cells' paragraphs). */
export interface Block {
  readonly kind: 'paragraph' | 'row';
  readonly paragraphs: readonly XmlElement[];
  readonly text: string; // as the reader made it (cells joined with " | ")
}

const CELL_SEPARATOR = ' | ';

/** The local name of an element (without its prefix). */
export function localName(node: XmlNode): string {
  return (node as XmlElement).localName ?? node.nodeName.replace(/^.*:/, '');
}

function elementChildren(node: XmlNode): XmlElement[] {
  const children: XmlElement[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1) children.push(child as XmlElement);
  return children;
}

/** The blocks of a body in document order, as read-docx.ts makes lines of them; blank ones left out. */
export function bodyBlocks(body: XmlElement): Block[] {
  const blocks: Block[] = [];
  const walk = (node: XmlElement) => {
    for (const child of elementChildren(node)) {
      const name = localName(child);
      if (name === 'p') blocks.push({ kind: 'paragraph', paragraphs: [child], text: paragraphText(child) });
      else if (name === 'tbl') {
        for (const row of descendants(child, 'tr').filter((tr) => closest(tr, 'tbl') === child)) {
          const cells = descendants(row, 'tc').filter((tc) => closest(tc, 'tr') === row);
          const texts = cells
            .map((cell) =>
              descendants(cell, 'p')
                .map((p) => paragraphText(p).replace(/\s+/g, ' ').trim())
                .filter((text) => text !== '')
                .join(' '),
            )
            .filter((text) => text !== '');
          const paragraphs = cells.flatMap((cell) => descendants(cell, 'p'));
          if (texts.length > 0 && paragraphs.length > 0)
            blocks.push({ kind: 'row', paragraphs, text: texts.join(CELL_SEPARATOR) });
        }
      } else if (name !== 'del' && name !== 'sectPr') walk(child);
    }
  };
  walk(body);
  return blocks.filter((block) => block.text.trim() !== '');
}

/** The elements named `name` (local name) below a node, in document order. */
export function descendants(node: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (at: XmlNode) => {
    for (let child = at.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      if (localName(child) === name) found.push(child as XmlElement);
      walk(child);
    }
  };
  walk(node);
  return found;
}

/** The nearest ancestor named `name`, or null. */
export function closest(node: XmlNode, name: string): XmlElement | null {
  for (let at = node.parentNode; at; at = at.parentNode)
    if (at.nodeType === 1 && localName(at) === name) return at as XmlElement;
  return null;
}

/** One piece of a paragraph's text: a w:t, w:tab or w:br inside one of its own runs. */
interface Piece {
  readonly run: XmlElement;
  readonly node: XmlElement; // the w:t, w:tab, w:br or w:cr
  readonly start: number; // UTF-16 offset in the paragraph text
  readonly text: string;
}

/** The pieces of text of a paragraph's own runs (not those of a text box inside it). */
function pieces(paragraph: XmlElement): Piece[] {
  const found: Piece[] = [];
  let offset = 0;
  for (const run of descendants(paragraph, 'r')) {
    if (closest(run, 'p') !== paragraph || closest(run, 'del') !== null) continue;
    for (const node of elementChildren(run)) {
      const name = localName(node);
      const text =
        name === 't'
          ? (node.textContent ?? '')
          : name === 'tab'
            ? '\t'
            : (name === 'br' && (node.getAttribute('w:type') ?? 'textWrapping') === 'textWrapping') ||
                name === 'cr'
              ? '\n'
              : null;
      if (text === null) continue;
      found.push({ run, node, start: offset, text });
      offset += text.length;
    }
  }
  return found;
}

/** A paragraph's text as the reader makes it: text, tabs and line breaks of its own runs. */
export function paragraphText(paragraph: XmlElement): string {
  return pieces(paragraph)
    .map((piece) => piece.text)
    .join('');
}

/**
 * The node before which something placed at UTF-16 offset `at` of the paragraph text goes, and
 * its parent: a run is split when `at` falls inside one of its w:t elements.
 */
export function splitAt(
  doc: XmlDocument,
  paragraph: XmlElement,
  at: number,
): { parent: XmlNode; before: XmlNode | null } {
  const all = pieces(paragraph);
  const piece = all.find((p) => at >= p.start && at < p.start + p.text.length);
  if (!piece) {
    // At the end: after the last run of the paragraph.
    const last = all.at(-1);
    if (!last) return { parent: paragraph, before: null };
    return { parent: last.run.parentNode as XmlNode, before: last.run.nextSibling };
  }
  const inside = at - piece.start;
  if (inside > 0) {
    // Split the w:t in two, then the run after it.
    const text = piece.text;
    const second = piece.node.cloneNode(false) as XmlElement;
    second.setAttribute('xml:space', 'preserve');
    second.appendChild(doc.createTextNode(text.slice(inside)));
    (piece.node as XmlElement).setAttribute('xml:space', 'preserve');
    while (piece.node.firstChild) piece.node.removeChild(piece.node.firstChild);
    piece.node.appendChild(doc.createTextNode(text.slice(0, inside)));
    piece.run.insertBefore(second, piece.node.nextSibling);
    return splitRunBefore(piece.run, second);
  }
  return splitRunBefore(piece.run, piece.node);
}

/** Splits a run before one of its children: the children from there on move to a copy of the run
 * (with the same w:rPr). Returns where something goes between the two. */
function splitRunBefore(run: XmlElement, child: XmlElement): { parent: XmlNode; before: XmlNode } {
  const parent = run.parentNode as XmlNode;
  const children = elementChildren(run);
  const contentBefore = children.slice(0, children.indexOf(child)).filter((c) => localName(c) !== 'rPr');
  if (contentBefore.length === 0) return { parent, before: run };
  const copy = run.cloneNode(false) as XmlElement;
  const properties = children.find((c) => localName(c) === 'rPr');
  if (properties) copy.appendChild(properties.cloneNode(true));
  for (let node: XmlNode | null = child; node; ) {
    const next: XmlNode | null = node.nextSibling;
    copy.appendChild(node);
    node = next;
  }
  parent.insertBefore(copy, run.nextSibling);
  return { parent, before: copy };
}

/** Where a whole paragraph's content starts (after its w:pPr) and ends. */
export function paragraphBounds(paragraph: XmlElement): {
  start: { parent: XmlNode; before: XmlNode | null };
  end: { parent: XmlNode; before: XmlNode | null };
} {
  const first = elementChildren(paragraph).find((child) => localName(child) !== 'pPr') ?? null;
  return { start: { parent: paragraph, before: first }, end: { parent: paragraph, before: null } };
}
