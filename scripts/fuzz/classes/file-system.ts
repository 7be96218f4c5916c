// Inputs that are not plain files: FIFOs (directly or inside a folder), links to devices, endless
// or oversized stdin, unreadable folders and files, names that are not UTF-8, link loops, an
// output folder under /proc.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectError, inBatch, put, putGoodReports } from '../case-helpers.js';
import { goodReport } from '../documents.js';
import type { FuzzCase, FuzzClass, Generator, RunOutcome } from '../fuzz-case.js';
import type { Random } from '../random.js';

const NAME_PICKS = ['in.txt', 'in.html', 'in.docx', 'in.pdf', 'in.md'];

function fifo(dir: string, name: string): string {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  execFileSync('mkfifo', [join(dir, name)]);
  return name;
}

function link(dir: string, name: string, target: string): string {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  symlinkSync(target, join(dir, name));
  return name;
}

/** A folder of good reports with one special entry; the good ones must be checked. */
function folderWith(
  random: Random,
  dir: string,
  special: (folder: string) => string,
  specialIsGood = false,
): FuzzCase {
  const good = putGoodReports(random, dir, random.int(1, 3), 'folder');
  const name = special('folder');
  return {
    args: ['check', 'folder', ...random.pick([[], ['--jobs', '1'], ['--jobs', '2']])],
    good: specialIsGood ? [...good, name] : good,
    check: expectError(name, null),
  };
}

const fifoDirect: Generator = (random, dir) => {
  const name = fifo(dir, `pipe-${random.pick(NAME_PICKS)}`);
  return inBatch(random, dir, [name], { expectExit: [2] });
};

const fifoInFolder: Generator = (random, dir) =>
  folderWith(random, dir, (folder) => {
    const name = `${folder}/pipe-${random.pick(NAME_PICKS)}`;
    if (random.chance(0.5)) return fifo(dir, name);
    fifo(dir, 'elsewhere/real-pipe');
    return link(dir, name, join(dir, 'elsewhere/real-pipe'));
  });

const deviceLink: Generator = (random, dir) => {
  const device = random.pick(['/dev/zero', '/dev/urandom', '/dev/null', '/dev/full', '/dev/random']);
  if (random.chance(0.5)) {
    const name = link(dir, `dev-${random.pick(NAME_PICKS)}`, device);
    return inBatch(random, dir, [name], { expectExit: [2], options: ['--max-file-size', '1'] });
  }
  return folderWith(random, dir, (folder) => link(dir, `${folder}/dev-${random.pick(NAME_PICKS)}`, device));
};

const endlessStdin: Generator = (random) => {
  const limit = random.pick(['1', '0.5', '5', '20']);
  const name = random.pick(['r.txt', 'r.html', 'r.pdf', 'r.docx']);
  return {
    args: ['check', '-', '--stdin-filename', name, '--max-file-size', limit],
    stdin: random.chance(0.5)
      ? 'dev-zero'
      : { endless: random.pick(['一、主要举措和成效\n', 'a', '<p>', '\u3000']) },
    expectExit: [2],
  };
};

const largeStdin: Generator = (random) => {
  const limit = random.pick([1, 2]);
  const text = goodReport(random);
  const copies = Math.ceil(((limit + 0.5) * 1024 * 1024) / Buffer.byteLength(text));
  return {
    args: ['check', '-', '--max-file-size', String(limit)],
    stdin: Buffer.from(text.repeat(copies)),
    expectExit: [2],
  };
};

const procOutput: Generator = (random, dir) => {
  const target = random.pick([
    '/proc/self/nope/x.json',
    '/proc/self/fd/999/x.json',
    '/sys/nope/x.json',
    '/dev/null/x.json',
  ]);
  const good = putGoodReports(random, dir, 1);
  return { args: ['check', ...good, '-f', `json=${target}`], expectExit: [2], paths: [target] };
};

const unreadableFolder: Generator = (random, dir) => {
  const good = putGoodReports(random, dir, random.int(1, 2), 'folder');
  put(dir, 'folder/locked/hidden.txt', goodReport(random));
  chmodSync(join(dir, 'folder/locked'), 0o000);
  return {
    args: ['check', 'folder', ...random.pick([[], ['--jobs', '1']])],
    asNobody: true,
    good,
    expectExit: [2],
    check: (run: RunOutcome) => (/locked/.test(run.stderr) ? [] : ['unreadable folder not reported']),
  };
};

const unreadableFile: Generator = (random, dir) => {
  const name = put(dir, `locked-${random.pick(NAME_PICKS)}`, goodReport(random));
  chmodSync(join(dir, name), 0o000);
  return {
    ...inBatch(random, dir, [name], { expectExit: [2] }),
    asNobody: true,
    check: expectError(name, ['unreadable']),
  };
};

const nonUtf8Name: Generator = (random, dir) => {
  const good = putGoodReports(random, dir, random.int(0, 2), 'folder');
  const bytes = random.pick([
    [0xb1, 0xa8, 0xb8, 0xe6], // 报告 in GBK
    [0xff, 0xfe],
    [0xc3, 0x28],
    [0xe6, 0xb3],
  ]);
  mkdirSync(join(dir, 'folder'), { recursive: true });
  const name = Buffer.concat([Buffer.from(`${dir}/folder/`), Buffer.from(bytes), Buffer.from('.txt')]);
  writeFileSync(name, goodReport(random));
  return {
    args: ['check', 'folder'],
    good,
    check: (run: RunOutcome) =>
      run.report?.files.some((file) => file.error) ? ['a file of the folder was not checked'] : [],
  };
};

const linkLoops: Generator = (random, dir) => {
  const good = putGoodReports(random, dir, 1, 'folder');
  const trick = random.pick(['self', 'pair', 'dangling', 'dir-cycle']);
  if (trick === 'self') link(dir, 'folder/self.txt', 'self.txt');
  if (trick === 'pair') {
    link(dir, 'folder/a.txt', 'b.txt');
    link(dir, 'folder/b.txt', 'a.txt');
  }
  if (trick === 'dangling') link(dir, 'folder/gone.txt', 'nowhere/gone.txt');
  if (trick === 'dir-cycle') link(dir, 'folder/sub/up', '..');
  const arg = random.pick(['folder', 'folder/**/*', 'folder/*']);
  return { args: ['check', arg, ...random.pick([[], ['--jobs', '1']])], good };
};

const directoryNamedLikeFile: Generator = (random, dir) => {
  mkdirSync(join(dir, random.pick(['x.txt', 'x.docx', 'x.pdf'])), { recursive: true });
  return folderWith(
    random,
    dir,
    (folder) => {
      const name = `${folder}/${random.pick(['sub.txt', 'sub.docx'])}`;
      mkdirSync(join(dir, name), { recursive: true });
      put(dir, `${name}/inner.txt`, goodReport(random));
      return `${name}/inner.txt`;
    },
    true,
  );
};

/** Hostile file-system entries. */
export const fileSystemClass: FuzzClass = {
  name: 'file-system',
  shapes: {
    fifo: fifoDirect,
    'fifo-in-folder': fifoInFolder,
    'device-link': deviceLink,
    'endless-stdin': endlessStdin,
    'large-stdin': largeStdin,
    'proc-output': procOutput,
    'unreadable-folder': unreadableFolder,
    'unreadable-file': unreadableFile,
    'non-utf8-name': nonUtf8Name,
    'link-loops': linkLoops,
    'directory-like-file': directoryNamedLikeFile,
  },
};
