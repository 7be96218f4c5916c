// Batches that one input could sink: a killer file among good reports on the main thread and in
// workers, tens of thousands of small files, the same file under several names.

import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { jobsOption, put, putGoodReports } from '../case-helpers.js';
import { goodReport } from '../documents.js';
import type { FuzzClass, Generator } from '../fuzz-case.js';

const KILLERS: ReadonlyArray<readonly [string, number]> = [
  ['“', 200_000],
  ['《', 200_000],
  ['一、标题\n', 200_000],
  ['出庭应诉率100%，', 100_000],
  ['截止', 200_000],
  ['a\n', 1_000_000],
];

const killerAmongGood: Generator = (random, dir, scale) => {
  const [piece, most] = random.pick(KILLERS);
  const count = random.size(Math.round(most * scale * 0.1) + 1, Math.round(most * scale) + 1);
  const killer = put(dir, 'batch/killer.txt', `${goodReport(random)}\n${piece.repeat(count)}`);
  // Under 8 inputs the batch runs on the main thread unless --jobs says otherwise; 8 or more go to workers.
  const good = putGoodReports(random, dir, random.pick([1, 3, 6, 9]), 'batch');
  return {
    args: [
      'check',
      ...random.shuffle([killer, ...good]),
      ...random.pick([[], ['--jobs', '1'], ['--jobs', '2']]),
    ],
    good,
  };
};

const manyFiles: Generator = (random, dir, scale) => {
  const count = random.size(500, Math.max(500, Math.round(50_000 * scale)));
  const kind = random.pick(['line', 'report', 'empty']);
  const report = goodReport(random);
  for (let i = 0; i < count; i++) {
    const text = kind === 'report' ? report : kind === 'line' ? `第${i}份\n` : '';
    put(dir, `many/${String(i).padStart(6, '0')}.txt`, text);
  }
  // Thousands of files cannot be checked in 10 s: the limit grows by 10 ms a file (a 15 KB report
  // takes about 3 ms); past the per-run cap the run must refuse at once.
  return {
    args: ['check', 'many', ...random.pick([[], ['--jobs', '1'], ['--summary-only']])],
    timeLimitMs: 10_000 + 10 * count,
  };
};

const sameFileTwice: Generator = (random, dir) => {
  const first = put(dir, 'batch/first.txt', goodReport(random));
  symlinkSync(join(dir, first), join(dir, 'batch/alias.txt'));
  return {
    args: ['check', first, `./${first}`, 'batch', 'batch/alias.txt', join(dir, first), ...jobsOption(random)],
    good: [first],
  };
};

/** Batches one input could sink. */
export const batchClass: FuzzClass = {
  name: 'batch',
  shapes: {
    'killer-among-good': killerAmongGood,
    'many-files': manyFiles,
    'same-file-twice': sameFileTwice,
  },
};
