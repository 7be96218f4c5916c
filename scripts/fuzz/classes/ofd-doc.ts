// OFD packages and Word 97 / WPS compound files shaped against their readers: huge or deeply
// nested page XML, thousands of pages, DeltaX shorthands that expand to millions of steps, and
// damaged copies of the fixture documents (bit flips, truncation, spliced sectors).

import { inBatch, put } from '../case-helpers.js';
import { fixtureInput, goodReport, mutate, repeatedPart, writeZip, type ZipMember } from '../documents.js';
import type { FuzzClass, Generator } from '../fuzz-case.js';
import type { Random } from '../random.js';

const MB = 1024 * 1024;
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';

/** An OFD package whose pages are the given Content.xml parts. */
function ofd(pages: readonly ZipMember[]): Buffer {
  const list = pages
    .map((_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_${i}/Content.xml"/>`)
    .join('');
  return writeZip([
    {
      name: 'OFD.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    },
    {
      name: 'Doc_0/Document.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:Pages>${list}</ofd:Pages></ofd:Document>`,
    },
    ...pages,
  ]);
}

/** One page's Content.xml holding the lines as text objects. */
function page(i: number, body: string): ZipMember {
  return {
    name: `Doc_0/Pages/Page_${i}/Content.xml`,
    data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="1">${body}</ofd:Layer></ofd:Content></ofd:Page>`,
  };
}

function textObject(text: string, y: number, delta = ''): string {
  return `<ofd:TextObject ID="2" Boundary="28 ${y} 150 7" Size="5.6"><ofd:TextCode X="0" Y="5.6"${delta}>${text}</ofd:TextCode></ofd:TextObject>`;
}

function reportLines(random: Random): string {
  return goodReport(random)
    .split('\n')
    .map((line, i) => textObject(line.replace(/[<&>]/g, ''), 20 + 8 * i))
    .join('');
}

const hugePage: Generator = (random, dir, scale) => {
  const bytes = random.size(MB, 400 * MB * scale);
  const chunk = Buffer.from(textObject('办理行政复议案件12件。'.repeat(20), 30).repeat(100));
  const member = repeatedPart(
    'Doc_0/Pages/Page_0/Content.xml',
    chunk,
    Math.max(1, Math.round(bytes / chunk.length)),
    {
      head: `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="1">`,
      tail: '</ofd:Layer></ofd:Content></ofd:Page>',
      ...(random.chance(0.5) ? { declaredSize: chunk.length } : {}),
    },
  );
  return inBatch(random, dir, [put(dir, 'huge.ofd', ofd([member]))]);
};

const manyPages: Generator = (random, dir, scale) => {
  const count = random.size(10, 20_000 * scale);
  const pages = Array.from({ length: count }, (_, i) => page(i, textObject(`第${i}页`, 30)));
  pages[0] = page(0, reportLines(random));
  return inBatch(random, dir, [put(dir, 'pages.ofd', ofd(pages))]);
};

const deepNesting: Generator = (random, dir, scale) => {
  const depth = random.size(100, 100_000 * scale);
  const body = `${'<ofd:PageBlock>'.repeat(depth)}${reportLines(random)}${'</ofd:PageBlock>'.repeat(depth)}`;
  return inBatch(random, dir, [put(dir, 'deep.ofd', ofd([page(0, body)]))]);
};

const deltaShorthand: Generator = (random, dir) => {
  const steps = random.pick(['1000000', '2147483647', '1e9', '-5', 'NaN']);
  const delta = ` DeltaX="g ${steps} 5.6 g ${steps} 2.8"`;
  const body = `${reportLines(random)}${textObject('法治政府建设'.repeat(random.int(1, 2000)), 200, delta)}`;
  return inBatch(random, dir, [put(dir, 'delta.ofd', ofd([page(0, body)]))]);
};

const damagedOfd: Generator = (random, dir) => {
  const source = fixtureInput(random.pick(['liutang-town-2019.ofd', 'qinghe-sfj-2021.ofd']));
  return inBatch(random, dir, [put(dir, 'damaged.ofd', mutate(random, source))]);
};

const damagedWord97: Generator = (random, dir) => {
  const [name, ext] = random.pick([
    ['qinghe-sfj-2021.doc', 'doc'],
    ['liutang-town-2019-autonumbered.doc', 'doc'],
    ['liutang-town-2019-autonumbered.wps', 'wps'],
  ] as const);
  return inBatch(random, dir, [put(dir, `damaged.${ext}`, mutate(random, fixtureInput(name)))]);
};

const word97Sectors: Generator = (random, dir) => {
  // Rewrite sector-chain words of a real .doc: loops, huge indexes, sizes of gigabytes.
  const bytes = Buffer.from(
    fixtureInput(random.pick(['qinghe-sfj-2021.doc', 'liutang-town-2019-autonumbered.doc'])),
  );
  const edits = random.int(1, 16);
  for (let i = 0; i < edits; i++) {
    const at = random.pick([0x2c, 0x30, 0x3c, 0x44, 0x48, 0x4c, random.int(0x200, bytes.length - 4)]);
    bytes.writeUInt32LE(random.pick([0, 1, 0xfffffffe, 0xfffffffd, 0x7fffffff, random.int(0, 4096)]), at);
  }
  return inBatch(random, dir, [put(dir, 'sectors.doc', bytes)]);
};

/** Hostile OFD and Word 97 / WPS files. */
export const ofdDocClass: FuzzClass = {
  name: 'ofd-doc',
  shapes: {
    'huge-page': hugePage,
    'many-pages': manyPages,
    'deep-nesting': deepNesting,
    'delta-shorthand': deltaShorthand,
    'damaged-ofd': damagedOfd,
    'damaged-doc': damagedWord97,
    'doc-sectors': word97Sectors,
  },
};
