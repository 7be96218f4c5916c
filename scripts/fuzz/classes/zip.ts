// Zip archives given as inputs (each opened as a folder of reports): bombs that lie about their
// sizes, zips nested in zips, tens of thousands of entries, names that climb out of the archive,
// GBK names, damaged copies; the good reports inside and beside must still be checked.

import { inBatch, put } from '../case-helpers.js';
import {
  fixtureInput,
  goodReport,
  mutate,
  repeatedPart,
  reportDocx,
  reportPage,
  writeZip,
  type ZipMember,
} from '../documents.js';
import type { FuzzClass, Generator } from '../fuzz-case.js';
import type { Random } from '../random.js';

const MB = 1024 * 1024;

function goodMembers(random: Random, count: number, folder = ''): ZipMember[] {
  return Array.from({ length: count }, (_, i) => {
    const text = goodReport(random);
    const format = random.pick(['txt', 'html', 'docx'] as const);
    const data = format === 'txt' ? text : format === 'html' ? reportPage(text) : reportDocx(text);
    return { name: `${folder}报告${i}.${format}`, data };
  });
}

const bomb: Generator = (random, dir, scale) => {
  const bytes = random.size(MB, 3000 * MB * scale);
  const chunk = Buffer.from('一、主要举措和成效\n'.repeat(4000));
  const member = repeatedPart(
    random.pick(['bomb.txt', 'a/b.docx', 'c.html']),
    chunk,
    Math.round(bytes / chunk.length),
    {
      ...(random.chance(0.7) ? { declaredSize: random.pick([0, chunk.length, 1000]) } : {}),
    },
  );
  const zip = writeZip(random.shuffle([member, ...goodMembers(random, random.int(0, 2))]));
  return inBatch(random, dir, [put(dir, 'bomb.zip', zip)]);
};

const nested: Generator = (random, dir) => {
  let zip = writeZip(goodMembers(random, 1));
  const depth = random.int(1, 30);
  for (let i = 0; i < depth; i++)
    zip = writeZip([{ name: `inner${i}.zip`, data: zip }, ...goodMembers(random, random.int(0, 1))]);
  return inBatch(random, dir, [put(dir, 'nested.zip', zip)]);
};

const manyEntries: Generator = (random, dir, scale) => {
  // Below 65,535 entries: the zip writer here has no zip64 records.
  const count = Math.min(65_000, random.size(100, 70_000 * scale));
  const members: ZipMember[] = goodMembers(random, 1);
  for (let i = 0; i < count; i++)
    members.push({ name: `e/${i}.txt`, data: random.chance(0.5) ? '' : `第${i}份` });
  // Each entry is a file to check: as for a folder of thousands, 10 ms more per entry (batch.ts).
  return {
    ...inBatch(random, dir, [put(dir, 'entries.zip', writeZip(members))]),
    timeLimitMs: 10_000 + 10 * count,
  };
};

const traversalNames: Generator = (random, dir) => {
  const names = [
    '../../escape.txt',
    '/etc/abs.txt',
    'a/../../b.txt',
    'C:\\x\\y.txt',
    '..\\..\\w.txt',
    'a\u0000b.txt',
    '\u001b[31m.txt',
  ];
  const members = [
    ...goodMembers(random, 1),
    ...random
      .shuffle(names)
      .slice(0, random.int(1, names.length))
      .map((name) => ({ name, data: goodReport(random) })),
  ];
  return inBatch(random, dir, [put(dir, 'traversal.zip', writeZip(members))]);
};

const damaged: Generator = (random, dir) => {
  const source = random.chance(0.5)
    ? fixtureInput('archives/unit-reports.zip')
    : writeZip(goodMembers(random, random.int(1, 3)));
  return inBatch(random, dir, [put(dir, 'damaged.zip', mutate(random, source))]);
};

/** Hostile zip archives given as inputs. */
export const zipClass: FuzzClass = {
  name: 'zip',
  shapes: {
    bomb,
    nested,
    'many-entries': manyEntries,
    'traversal-names': traversalNames,
    damaged,
  },
};
