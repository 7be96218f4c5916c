// PDFs shaped to exhaust pdf.js: a content stream that inflates to gigabytes, thousands of pages,
// a million text runs, deep nesting, a page tree that loops or lies about its size, damaged copies.

import { inBatch, put } from '../case-helpers.js';
import { fixtureInput, mutate, pdfText, pdfWithPages, repeatedZlib, writePdf } from '../documents.js';
import type { FuzzClass, Generator } from '../fuzz-case.js';

const MB = 1024 * 1024;

const inflateBomb: Generator = (random, dir, scale) => {
  const bytes = random.size(MB, 2000 * MB * scale);
  const op = random.pick([
    'BT /F1 11 Tf 56 700 Td (Report text) Tj ET\n',
    '0 0 m 1 1 l S\n',
    '(x) Tj\n',
    ' ',
  ]);
  const chunk = Buffer.from(op.repeat(Math.ceil(65536 / op.length)));
  const stream = repeatedZlib(chunk, Math.max(1, Math.round(bytes / chunk.length)), 'BT /F1 11 Tf ', ' ET');
  return inBatch(random, dir, [put(dir, 'bomb.pdf', pdfWithPages([stream], 'FlateDecode'))]);
};

const manyPages: Generator = (random, dir, scale) => {
  const pages = random.size(10, 10_000 * scale);
  const content = pdfText([random.pick(['Annual report page', '', '12', 'Rule of law government report'])]);
  return inBatch(random, dir, [
    put(dir, 'pages.pdf', pdfWithPages(Array.from({ length: pages }, () => content))),
  ]);
};

const manyRuns: Generator = (random, dir, scale) => {
  const runs = random.size(1000, 1_000_000 * scale);
  const op = random.pick(['(a) Tj ', '[(a) -20 (b)] TJ ', 'T* (line) Tj ', '0 -12 Td (w) Tj ']);
  const content = Buffer.from(`BT /F1 11 Tf 56 780 Td ${op.repeat(runs)} ET`);
  return inBatch(random, dir, [put(dir, 'runs.pdf', pdfWithPages([content]))]);
};

const deepNesting: Generator = (random, dir, scale) => {
  const depth = random.size(100, 200_000 * scale);
  const [open, close] = random.pick([
    ['[', ']'],
    ['<<', '>>'],
    ['<< /A ', ' >>'],
  ] as const);
  const nested = `${open.repeat(depth)}${random.chance(0.7) ? close.repeat(depth) : ''}`;
  const where = random.pick(['content', 'page']);
  if (where === 'content') {
    const content = Buffer.from(`BT /F1 11 Tf 56 700 Td ${nested} (x) Tj ET`);
    return inBatch(random, dir, [put(dir, 'deep.pdf', pdfWithPages([content]))]);
  }
  const pdf = writePdf([
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: '<< /Type /Pages /Count 1 /Kids [3 0 R] >>' },
    { body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /X ${nested} /Contents 4 0 R >>` },
    { body: '<< >>', stream: pdfText(['text']) },
  ]);
  return inBatch(random, dir, [put(dir, 'deep.pdf', pdf)]);
};

const pageTreeTricks: Generator = (random, dir) => {
  const trick = random.pick(['cycle', 'count', 'self']);
  const kids = trick === 'cycle' ? '[3 0 R 2 0 R]' : trick === 'self' ? '[2 0 R]' : '[3 0 R]';
  const count = trick === 'count' ? random.pick(['1000000000', '2147483647', '-1', '99999']) : '2';
  const pdf = writePdf([
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: `<< /Type /Pages /Count ${count} /Kids ${kids} >>` },
    {
      body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    },
    { body: '<< >>', stream: pdfText(['Annual report of the rule of law government']) },
    { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
  ]);
  return inBatch(random, dir, [put(dir, 'tree.pdf', pdf)]);
};

const damaged: Generator = (random, dir) => {
  const bytes = mutate(random, fixtureInput('qinghe-sfj-2021.pdf'));
  return inBatch(random, dir, [put(dir, 'damaged.pdf', bytes)]);
};

/** Hostile PDFs. */
export const pdfClass: FuzzClass = {
  name: 'pdf',
  shapes: {
    'inflate-bomb': inflateBomb,
    'many-pages': manyPages,
    'many-runs': manyRuns,
    'deep-nesting': deepNesting,
    'page-tree': pageTreeTricks,
    damaged,
  },
};
