// One streaming pass over a web page with htmlparser2's parser (no whole-page regexes, no
// recursion): the page rebuilt with bounded nesting for html-to-text (which walks the DOM
// recursively), the <meta> tags, the <title>, the page's text lines for metadata, and which ids,
// classes and tags occur, so that only the selectors that can match are converted.

import type { Parser } from 'htmlparser2';
import { DOCUMENT_LIMITS } from '../shared/budget.js';

/** What one pass over a page found. */
export interface ScannedPage {
  readonly html: string; // the page, nesting at most DOCUMENT_LIMITS.nestingDepth deep, no scripts
  readonly meta: ReadonlyMap<string, string>; // <meta name|property> → content (first wins)
  readonly title: string | null; // text of the first <title>
  readonly lines: readonly string[]; // the page's text, block tags as line breaks
  readonly ids: ReadonlySet<string>;
  readonly classes: ReadonlySet<string>;
  readonly tags: ReadonlySet<string>;
  readonly itemprops: ReadonlySet<string>;
}

// Their content never reaches the report (and script/style hold no markup).
const DROPPED = new Set(['script', 'style', 'noscript', 'template']);
// Inline tags do not break the page's text lines (the rest do).
const INLINE = new Set(['span', 'a', 'font', 'b', 'strong', 'em', 'i', 'label']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const KEPT_ATTRIBUTES = ['id', 'class', 'itemprop'];

/** Scans a decoded page; `ParserClass` is htmlparser2's Parser (imported by the caller on demand). */
export function scanHtml(page: string, ParserClass: typeof Parser): ScannedPage {
  const out: string[] = [];
  const text: string[] = [];
  const meta = new Map<string, string>();
  const ids = new Set<string>();
  const classes = new Set<string>();
  const tags = new Set<string>();
  const itemprops = new Set<string>();
  const open: Array<{ readonly name: string; readonly emitted: boolean }> = [];
  let emittedDepth = 0;
  let dropping = 0; // inside a dropped element
  let title: string | null = null;
  let inTitle = false;

  const parser = new ParserClass(
    {
      onopentag(name, attributes) {
        tags.add(name);
        if (attributes.id) ids.add(attributes.id);
        for (const className of (attributes.class ?? '').split(/\s+/)) if (className) classes.add(className);
        if (attributes.itemprop) itemprops.add(attributes.itemprop);
        if (name === 'meta') readMeta(attributes, meta);
        if (!INLINE.has(name)) text.push('\n');
        if (name === 'title' && title === null) inTitle = true;
        const isVoid = VOID.has(name);
        const emitted =
          dropping === 0 && !DROPPED.has(name) && (isVoid || emittedDepth < DOCUMENT_LIMITS.nestingDepth);
        if (DROPPED.has(name)) dropping++;
        open.push({ name, emitted });
        if (emitted) {
          if (!isVoid) emittedDepth++;
          out.push(`<${name}${keptAttributes(attributes)}>`);
        } else if (dropping === 0 && !INLINE.has(name)) {
          out.push('<br>'); // a block too deep to keep still ends a line
        }
      },
      onclosetag(name) {
        const element = open.pop();
        if (!INLINE.has(name)) text.push('\n');
        if (name === 'title') inTitle = false;
        if (DROPPED.has(name)) dropping--;
        if (!element?.emitted && dropping === 0 && !INLINE.has(name) && !VOID.has(name)) out.push('<br>');
        if (!element?.emitted || VOID.has(name)) return;
        emittedDepth--;
        out.push(`</${name}>`);
      },
      ontext(data) {
        if (dropping > 0) return;
        if (inTitle) title = (title ?? '') + data;
        text.push(data);
        out.push(escapeText(data));
      },
    },
    { decodeEntities: true },
  );
  parser.end(page);
  return {
    html: out.join(''),
    meta,
    title,
    lines: text.join('').split('\n'),
    ids,
    classes,
    tags,
    itemprops,
  };
}

function readMeta(attributes: Record<string, string>, meta: Map<string, string>): void {
  const name = (attributes.name ?? attributes.property)?.toLowerCase();
  const content = attributes.content;
  if (name && content !== undefined && !meta.has(name)) meta.set(name, content);
}

function keptAttributes(attributes: Record<string, string>): string {
  let kept = '';
  for (const name of KEPT_ATTRIBUTES) {
    const value = attributes[name];
    if (value !== undefined) kept += ` ${name}="${escapeText(value).replace(/"/g, '&quot;')}"`;
  }
  return kept;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
