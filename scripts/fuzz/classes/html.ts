// Web pages shaped to make a reader slow, deep or wrong: runs of `<`, deep nesting, huge tables,
// unclosed constructs that whole-page regexes rescan, entities out of range, a wrong charset.

import { expectSameScore, inBatch, put } from '../case-helpers.js';
import { escapeHtml, goodReport, mutate, reportPage } from '../documents.js';
import type { FuzzClass, Generator } from '../fuzz-case.js';
import type { Random } from '../random.js';

const page = (random: Random, body: string) => reportPage(goodReport(random), '<meta charset="utf-8">', body);

const lessThans: Generator = (random, dir, scale) => {
  const count = random.size(1000, 200_000 * scale);
  const body = random.pick(['<', '< ', '<a', '</', '<!', '<?']).repeat(count);
  return inBatch(random, dir, [put(dir, 'lt.html', page(random, body))]);
};

const nestedDivs: Generator = (random, dir, scale) => {
  const depth = random.size(100, 20_000 * scale);
  const tag = random.pick(['div', 'span', 'section', 'li', 'td', 'font', 'p', 'b', 'a']);
  const open = `<${tag}>`.repeat(depth);
  const close = random.chance(0.5) ? `</${tag}>`.repeat(depth) : '';
  const text = escapeHtml(goodReport(random)).replace(/\n/g, '<br>');
  return inBatch(random, dir, [put(dir, 'nested.html', page(random, `${open}${text}${close}`))]);
};

const tableRows: Generator = (random, dir, scale) => {
  const rows = random.size(100, 200_000 * scale);
  const row = random.pick([
    '<tr><td>行政复议</td><td>12件</td></tr>',
    '<tr><td><a href="#">链接</a></td></tr>',
    '<tr><td></td><td></td></tr>',
    '<tr><td>出庭应诉率</td><td>100%</td><td>2023年</td></tr>',
  ]);
  return inBatch(random, dir, [put(dir, 'table.html', page(random, `<table>${row.repeat(rows)}</table>`))]);
};

const manyParagraphs: Generator = (random, dir, scale) => {
  const count = random.size(100, 200_000 * scale);
  const item = random.pick(['<p>一、标题</p>', '<p>办理案件3件。</p>', '<li><a href="#">x</a></li>', '<br>']);
  return inBatch(random, dir, [put(dir, 'paragraphs.html', page(random, item.repeat(count)))]);
};

const unclosed: Generator = (random, dir, scale) => {
  const count = random.size(100, 100_000 * scale);
  const piece = random.pick([
    '<script>',
    '<style>',
    '<noscript>',
    '<!--',
    '<meta ',
    '<title>',
    '<div class="',
    "<p title='",
    '<![CDATA[',
    '&#',
    '&nbsp',
  ]);
  return inBatch(random, dir, [put(dir, 'unclosed.html', page(random, piece.repeat(count)))]);
};

const longAttribute: Generator = (random, dir, scale) => {
  const length = random.size(1000, 5_000_000 * scale);
  const body = `<div class="${'a'.repeat(length)}">正文</div><a href="${'/'.repeat(length)}`;
  return inBatch(random, dir, [put(dir, 'attribute.html', page(random, body))]);
};

const badEntities: Generator = (random, dir) => {
  const text = goodReport(random);
  const entity = random.pick([
    '&#99999999;',
    '&#x110000;',
    '&#55296;',
    '&#0;',
    '&#xDFFF;',
    `&#${'9'.repeat(400)};`,
  ]);
  // After a comma inside the text: no word is split and no paragraph loses its final full stop.
  const lines = text.split('\n');
  const withComma = lines.map((line, i) => (i > 0 && line.includes('，') ? i : -1)).filter((i) => i > 0);
  const at = withComma.length > 0 ? random.pick(withComma) : 1;
  const line = lines[at] ?? '';
  const comma = line.indexOf('，') + 1;
  lines[at] = `${line.slice(0, comma)}${entity}${line.slice(comma)}`;
  const clean = put(dir, 'clean.html', reportPage(text));
  const withEntity = reportPage(lines.join('\n')).split(escapeHtml(entity)).join(entity);
  const tricked = put(dir, 'entity.html', withEntity);
  return { args: ['check', clean, tricked], good: [clean, tricked], check: expectSameScore(clean, tricked) };
};

const wrongCharset: Generator = (random, dir) => {
  const text = goodReport(random);
  const label = random.pick(['utf-16', 'utf-16le', 'utf-16be', 'UTF-16', 'unicode', 'ucs-2']);
  const head = random.pick([
    `<meta charset="${label}">`,
    `<meta http-equiv="Content-Type" content="text/html; charset=${label}">`,
  ]);
  const clean = put(dir, 'clean.html', reportPage(text));
  const tricked = put(dir, 'declared.html', reportPage(text, head));
  return { args: ['check', clean, tricked], good: [clean, tricked], check: expectSameScore(clean, tricked) };
};

const tagSoup: Generator = (random, dir, scale) => {
  const pieces = [
    '<div>',
    '</div>',
    '<p>',
    '<table><tr><td>',
    '</td></tr>',
    '<a href="x">',
    '</a>',
    '<!--',
    '-->',
    '<script>',
    '</script>',
    '&amp;',
    '&#12345;',
    '一、主要举措和成效',
    '办理行政复议案件12件',
    '\n',
    '<',
    '>',
    '"',
    "'",
    '=',
  ];
  const count = random.size(10, 200_000 * scale);
  let body = '';
  for (let i = 0; i < count; i++) body += random.pick(pieces);
  return inBatch(random, dir, [put(dir, 'soup.html', page(random, body))]);
};

const damaged: Generator = (random, dir) => {
  const bytes = mutate(random, Buffer.from(reportPage(goodReport(random))));
  return inBatch(random, dir, [put(dir, 'damaged.html', bytes)]);
};

/** Hostile web pages. */
export const htmlClass: FuzzClass = {
  name: 'html',
  shapes: {
    'many-lt': lessThans,
    'nested-tags': nestedDivs,
    'table-rows': tableRows,
    'many-paragraphs': manyParagraphs,
    unclosed,
    'long-attribute': longAttribute,
    'bad-entity': badEntities,
    'declared-utf-16': wrongCharset,
    'tag-soup': tagSoup,
    damaged,
  },
};
