// A saved government web page (.html/.htm) → the report text. The charset comes from the BOM or
// <meta>, else strict UTF-8 then GB18030; the article body is found by the content containers
// government site templates use (#zoom, .TRS_Editor, …), else by dropping link-heavy blocks; every
// remaining line that looks like page chrome is dropped; 发布时间 / 来源 become metadata.
// html-to-text is imported only when a page is read.

import type { DomNode, FormatCallback, HtmlToTextOptions } from 'html-to-text';
import { isSmall } from '../shared/budget.js';
import { classifyLine, publishedAtOf, publisherOf } from '../text/line-classes.js';
import { decodeMarkup } from './decode-text.js';
import type { ScannedPage } from './scan-html.js';
import type { LoadOptions, SourceFile, SourceFormat } from './source-file.js';

// Article containers of common government site templates (TRS, 大汉, 我爱我家…), most specific first.
const CONTENT_SELECTORS = [
  '#zoom',
  '.TRS_Editor',
  '.TRS_UEDITOR',
  '#UCAP-CONTENT',
  '.Custom_UnionStyle',
  '#Zoom',
  '.zoom',
  '.article-content',
  '.article_content',
  '.articleContent',
  '#article-content',
  '.news_content',
  '.news-content',
  '.detail-content',
  '.detail_content',
  '.content_text',
  '.pages_content',
  '.zwnr',
  '#zwnr',
  '.zw',
  '.wzcon',
  '[itemprop=articleBody]',
  'article',
  '#content',
  '.content',
  'main',
];
const TITLE_SELECTORS = [
  '.article-title',
  '.article_title',
  '.news_title',
  '.detail-title',
  '.detail_title',
  '.title',
  'h1',
  'h2',
];
// Containers of page chrome in site templates; their text never reaches the report.
const CHROME_SELECTORS = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'canvas',
  'form',
  'select',
  'button',
  'input',
  'textarea',
  'img',
  'nav',
  'header',
  'footer',
  'aside',
  '.breadcrumb',
  '.crumb',
  '.crumbs',
  '.position',
  '.location',
  '#position',
  '.nav',
  '#nav',
  '.navbar',
  '.menu',
  '#menu',
  '.header',
  '#header',
  '.footer',
  '#footer',
  '.share',
  '.bdsharebuttonbox',
  '.qrcode',
  '.sidebar',
  '#sidebar',
  '.pagination',
  '.copyright',
];
const MIN_CONTENT_HAN = 50;
const HAN = /\p{Script=Han}/gu;
const LINK_HEAVY = 0.6;

const compiled = new Map<string, (html: string) => string>();

/** Reads a saved web page. */
export async function readHtml(
  path: string,
  bytes: Uint8Array,
  format: SourceFormat,
  options?: LoadOptions,
): Promise<SourceFile> {
  const { text: raw, encoding } = decodeMarkup(bytes);
  const [{ compile }, { Parser }, { scanHtml }] = await Promise.all([
    import('html-to-text'),
    import('htmlparser2'),
    import('./scan-html.js'),
  ]);
  // The synchronous steps run under the document's time budget.
  const budget = options?.budget;
  if (budget) budget.step = '网页正文提取';
  const run = <T>(step: () => T): T => (budget ? budget.run(step, !isSmall(raw.length)) : step());
  const page = run(() => scanHtml(raw, Parser));
  const convert = (base: string | null) => {
    const key = base ?? '';
    let fn = compiled.get(key);
    if (!fn) {
      fn = compile(converterOptions(base));
      compiled.set(key, fn);
    }
    const converter = fn;
    return run(() => converter(page.html));
  };

  let content = '';
  // Only selectors that occur in the page can match: each conversion parses the whole page.
  for (const selector of CONTENT_SELECTORS.filter((candidate) => occurs(candidate, page))) {
    content = convert(selector);
    if (hanCount(content) >= MIN_CONTENT_HAN) break;
  }
  if (hanCount(content) < MIN_CONTENT_HAN) content = convert(null);
  const bodyLines = cleanLines(content);

  const tags = page.meta;
  const publishedAt =
    dateOf(tags.get('pubdate') ?? tags.get('publishdate') ?? tags.get('article:published_time')) ??
    firstOf(page.lines, publishedAtOf);
  const publisher = tags.get('contentsource')?.trim() || firstOf(page.lines, publisherOf);

  const title = findTitle(page, convert);
  const lines = title && !startsWithTitle(bodyLines, title) ? [title, '', ...bodyLines] : bodyLines;
  return { path, format, encoding, text: lines.join('\n'), meta: { publishedAt, publisher } };
}

/** Whether a simple selector (#id, .class, [itemprop=x], tag) can match anything in the page. */
function occurs(selector: string, page: ScannedPage): boolean {
  if (selector.startsWith('#')) return page.ids.has(selector.slice(1));
  if (selector.startsWith('.')) return page.classes.has(selector.slice(1));
  const attribute = /^\[itemprop=(\w+)\]$/.exec(selector);
  if (attribute) return page.itemprops.has(attribute[1] as string);
  return page.tags.has(selector);
}

function converterOptions(base: string | null): HtmlToTextOptions {
  return {
    wordwrap: false,
    ...(base ? { baseElements: { selectors: [base], returnDomByDefault: false } } : {}),
    // No input cap of html-to-text's own: it would truncate with an English warning on stderr.
    limits: { maxBaseElements: 1, maxInputLength: 0 },
    formatters: { textBlock, tableRow, inlineCell },
    selectors: [
      ...CHROME_SELECTORS.map((selector) => ({ selector, format: 'skip' })),
      { selector: 'a', format: 'inline' },
      ...[
        'div',
        'section',
        'article',
        'main',
        'ul',
        'ol',
        'li',
        'dl',
        'dt',
        'dd',
        'table',
        'tbody',
        'thead',
      ].map((selector) => ({ selector, format: 'textBlock' })),
      ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre'].map((selector) => ({
        selector,
        format: 'textBlock',
      })),
      { selector: 'tr', format: 'tableRow' },
      { selector: 'td', format: 'inlineCell' },
      { selector: 'th', format: 'inlineCell' },
    ],
  };
}

// A block of text on its own lines; a block made mostly of links (a menu, a list of other articles)
// is dropped.
const textBlock: FormatCallback = (elem, walk, builder) => {
  if (isLinkHeavy(elem)) return;
  builder.openBlock({ leadingLineBreaks: 1 });
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 1 });
};

// One table row on one line, cells separated by " | ".
const tableRow: FormatCallback = (elem, walk, builder) => {
  if (isLinkHeavy(elem)) return;
  builder.openBlock({ leadingLineBreaks: 1 });
  let first = true;
  for (const cell of elem.children) {
    if (cell.type !== 'tag' || !['td', 'th'].includes(cell.name ?? '') || textOf(cell).trim() === '')
      continue;
    if (!first) builder.addLiteral(' | ');
    first = false;
    walk(cell.children, builder);
  }
  builder.closeBlock({ trailingLineBreaks: 1 });
};

const inlineCell: FormatCallback = (elem, walk, builder) => {
  walk(elem.children, builder);
};

function isLinkHeavy(elem: DomNode): boolean {
  const total = textOf(elem).replace(/\s+/g, '').length;
  if (total === 0) return false;
  const linked = linkText(elem).replace(/\s+/g, '').length;
  return linked / total >= LINK_HEAVY;
}

function textOf(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.type === 'script' || node.type === 'style' || node.type === 'comment') return '';
  return (node.children ?? []).map(textOf).join('');
}

function linkText(node: DomNode): string {
  if (node.type === 'tag' && node.name === 'a') return textOf(node);
  return (node.children ?? []).map(linkText).join('');
}

/** Trims lines, drops chrome and metadata lines, and squeezes blank runs to one. */
function cleanLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[\s\u3000]+$/u, '').replace(/^[\s\u3000]+/u, '');
    if (line === '') {
      if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
      continue;
    }
    if (classifyLine(line) !== 'text') continue;
    lines.push(line);
  }
  while (lines.at(-1) === '') lines.pop();
  return lines;
}

function findTitle(page: ScannedPage, convert: (base: string) => string): string | null {
  const fromMeta = page.meta.get('articletitle')?.trim();
  if (fromMeta) return fromMeta;
  for (const selector of TITLE_SELECTORS.filter((candidate) => occurs(candidate, page))) {
    const text = convert(selector)
      .replace(/\s*\n\s*/g, '')
      .trim();
    if (text.length >= 6 && text.length <= 80 && /报告|\d{4}/.test(text)) return text;
  }
  if (!page.title) return null;
  const parts = page.title
    .split(/\s*[-_|—–]\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.find((part) => /报告/.test(part)) ?? parts[0] ?? null;
}

function startsWithTitle(lines: readonly string[], title: string): boolean {
  const key = (text: string) => text.replace(/[\s\u3000]/gu, '');
  return lines.slice(0, 3).some((line) => key(line) === key(title));
}

function dateOf(value: string | undefined): string | null {
  const match = value ? /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(value) : null;
  if (!match) return null;
  return `${match[1]}-${match[2]?.padStart(2, '0')}-${match[3]?.padStart(2, '0')}`;
}

function firstOf(lines: readonly string[], read: (line: string) => string | null): string | null {
  for (const line of lines) {
    if (line.trim() === '' || classifyLine(line) !== 'meta') continue;
    const value = read(line);
    if (value) return value;
  }
  return null;
}

function hanCount(text: string): number {
  return text.match(HAN)?.length ?? 0;
}
