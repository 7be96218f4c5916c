// Word packages shaped to exhaust the reader: a main part the relationships name under another
// extension, a huge but honestly declared document.xml, parts that lie about their size, tens of
// thousands of heading-styled paragraphs, deep nesting, entity bombs, damaged copies.

import { inBatch, put } from '../case-helpers.js';
import {
  docxDocument,
  docxFrame,
  docxParagraph,
  goodReport,
  mutate,
  repeatedPart,
  reportDocx,
  writeZip,
} from '../documents.js';
import type { FuzzClass, Generator } from '../fuzz-case.js';
import type { Random } from '../random.js';

const MB = 1024 * 1024;
const DOC_START =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOC_END = '</w:body></w:document>';

/** About 64 KB of markup-heavy paragraphs, the way Word writes them. */
function paragraphChunk(random: Random): Buffer {
  const lines = goodReport(random).split('\n');
  let xml = '';
  while (xml.length < 64 * 1024) {
    const text = random.pick(lines).slice(0, random.int(4, 60));
    xml += `<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLine="640"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  }
  return Buffer.from(xml);
}

/** A main document of about `bytes` bytes: the chunk repeated inside <w:body>. */
function hugeMain(random: Random, name: string, bytes: number, declared: 'honest' | 'small' | 'zero') {
  const chunk = paragraphChunk(random);
  const times = Math.max(1, Math.round(bytes / chunk.length));
  const declaredSize = declared === 'small' ? chunk.length : declared === 'zero' ? 0 : undefined;
  return repeatedPart(name, chunk, times, {
    head: DOC_START,
    tail: DOC_END,
    ...(declaredSize !== undefined ? { declaredSize } : {}),
  });
}

const relationshipTrick: Generator = (random, dir, scale) => {
  const bytes = random.size(MB, 3000 * MB * scale);
  const name = random.pick(['word/document.bin', 'word/document', 'word/main.dat', 'word/doc.xml.bak', 'x']);
  const declared = random.pick(['honest', 'small', 'zero'] as const);
  const member = hugeMain(random, name, bytes, declared);
  const zip = writeZip([
    ...docxFrame(name),
    { name: 'word/document.xml', data: docxDocument(docxParagraph('占位')) },
    member,
  ]);
  return inBatch(random, dir, [put(dir, 'relationship.docx', zip)]);
};

const hugeDocument: Generator = (random, dir, scale) => {
  const bytes = random.size(MB, 190 * MB * scale);
  const member = hugeMain(random, 'word/document.xml', bytes, 'honest');
  const zip = writeZip([...docxFrame(), member]);
  return inBatch(random, dir, [put(dir, 'huge.docx', zip)]);
};

const lyingSizes: Generator = (random, dir, scale) => {
  const bytes = random.size(MB, 2000 * MB * scale);
  const part = random.pick([
    'word/document.xml',
    'word/styles.xml',
    'word/numbering.xml',
    'word/footnotes.xml',
  ]);
  const member = hugeMain(random, part, bytes, random.pick(['small', 'zero'] as const));
  const members = [...docxFrame(), member];
  if (part !== 'word/document.xml') {
    members.push({ name: 'word/document.xml', data: docxDocument(docxParagraph('一、主要举措和成效')) });
  }
  const unique = members.filter((m, i) => members.findIndex((other) => other.name === m.name) === i);
  return inBatch(random, dir, [put(dir, 'lying.docx', writeZip(unique))]);
};

const headingParagraphs: Generator = (random, dir, scale) => {
  const count = random.size(100, 200_000 * scale);
  const style = random.pick(['H1', 'H2', 'H3']);
  const text = random.pick(['一、标题', '标题', '（一）小节', '1.条目', '']);
  const body = docxParagraph(text, style).repeat(count);
  const zip = writeZip([...docxFrame(), { name: 'word/document.xml', data: docxDocument(body) }]);
  return inBatch(random, dir, [put(dir, 'headings.docx', zip)]);
};

const manyParagraphs: Generator = (random, dir, scale) => {
  const count = random.size(100, 400_000 * scale);
  const piece = random.pick([
    docxParagraph('办理行政复议案件12件。'),
    '<w:p/>',
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    '<w:p><w:r><w:br/></w:r></w:p>',
    '<w:p><w:r><w:t>“</w:t></w:r></w:p>',
  ]);
  const zip = writeZip([
    ...docxFrame(),
    { name: 'word/document.xml', data: docxDocument(piece.repeat(count)) },
  ]);
  return inBatch(random, dir, [put(dir, 'paragraphs.docx', zip)]);
};

const deepNesting: Generator = (random, dir, scale) => {
  const depth = random.size(100, 100_000 * scale);
  const [open, close] = random.pick([
    ['<w:tbl><w:tr><w:tc>', '<w:p/></w:tc></w:tr></w:tbl>'],
    ['<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>'],
    ['<w:x>', '</w:x>'],
    ['<w:hyperlink>', '</w:hyperlink>'],
  ] as const);
  const closing = random.chance(0.7) ? close.repeat(depth) : '';
  const body = `${open.repeat(depth)}${docxParagraph('正文')}${closing}`;
  const zip = writeZip([...docxFrame(), { name: 'word/document.xml', data: docxDocument(body) }]);
  return inBatch(random, dir, [put(dir, 'deep.docx', zip)]);
};

const entityBomb: Generator = (random, dir) => {
  const levels = random.int(3, 10);
  const entities = ['<!ENTITY a0 "法治政府法治政府法治政府">'];
  for (let i = 1; i < levels; i++) entities.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
  const xml = `<?xml version="1.0"?><!DOCTYPE w:document [${entities.join('')}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&a${levels - 1};</w:t></w:r></w:p></w:body></w:document>`;
  const zip = writeZip([...docxFrame(), { name: 'word/document.xml', data: xml }]);
  return inBatch(random, dir, [put(dir, 'entities.docx', zip)]);
};

const manyEntries: Generator = (random, dir, scale) => {
  const count = random.size(100, 60_000 * scale);
  const members = [...docxFrame(), { name: 'word/document.xml', data: docxDocument(docxParagraph('正文')) }];
  for (let i = 0; i < count; i++) members.push({ name: `word/media/p${i}.xml`, data: '<a/>' });
  return inBatch(random, dir, [put(dir, 'entries.docx', writeZip(members))]);
};

const damaged: Generator = (random, dir) => {
  const bytes = mutate(random, reportDocx(goodReport(random)));
  return inBatch(random, dir, [put(dir, 'damaged.docx', bytes)]);
};

/** Hostile Word packages. */
export const docxClass: FuzzClass = {
  name: 'docx',
  shapes: {
    'relationship-trick': relationshipTrick,
    'huge-document': hugeDocument,
    'lying-sizes': lyingSizes,
    'heading-paragraphs': headingParagraphs,
    'many-paragraphs': manyParagraphs,
    'deep-nesting': deepNesting,
    'entity-bomb': entityBomb,
    'many-entries': manyEntries,
    damaged,
  },
};
