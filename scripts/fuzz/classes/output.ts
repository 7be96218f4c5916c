// Where output goes and what it carries: a closed or full stdout, a kill in the middle of writing
// a report file, an output path that is an input, file names that are spreadsheet formulas or
// terminal escape sequences, an output path that is a folder, numbers that are not quite numbers.

import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { jobsOption, put, putGoodReports } from '../case-helpers.js';
import { goodReport } from '../documents.js';
import type { FuzzClass, Generator, RunOutcome } from '../fuzz-case.js';

const STDOUT_FORMATS = ['table', 'json', 'csv', 'markdown', 'html', 'sarif', 'github', 'junit'];

const closedStdout: Generator = (random, dir) => {
  const files = putGoodReports(random, dir, random.int(1, 12));
  const mode = random.pick(['closed', 'first-chunk', 'dev-full'] as const);
  return {
    args: ['check', ...files, '-f', random.pick(STDOUT_FORMATS), ...random.pick([[], ['--verbose']])],
    stdout: mode,
    addJsonReport: random.chance(0.5),
    ...(mode === 'first-chunk' ? {} : { expectExit: [2] }),
    check: (run: RunOutcome) =>
      run.stderr.trim() === '' && run.exitCode === 2 ? ['exit 2 without a message'] : [],
  };
};

const killDuringWrite: Generator = (random, dir) => {
  const files = putGoodReports(random, dir, random.int(20, 120));
  const format = random.pick(['json', 'html', 'csv', 'sarif'] as const);
  const target = `out.${format}`;
  const old = format === 'json' || format === 'sarif' ? '{"old": true}' : 'old';
  put(dir, target, old);
  return {
    args: ['check', ...files, '-f', `${format}=${target}`, '--jobs', '1'],
    addJsonReport: false,
    outputs: [target],
    killWhenChanged: target,
    check: () => {
      const text = readFileSync(join(dir, target), 'utf8');
      if (text === old) return [];
      if (format === 'json' || format === 'sarif') {
        try {
          JSON.parse(text);
          return [];
        } catch {
          return [`${target} left half-written`];
        }
      }
      return text.trimEnd().endsWith(format === 'html' ? '</html>' : '') && text.length > 0
        ? []
        : [`${target} left half-written`];
    },
  };
};

const outputIsInput: Generator = (random, dir) => {
  const input = put(dir, 'v.txt', goodReport(random));
  const pack = put(
    dir,
    'p.yaml',
    readFileSync(new URL('../../../fixtures/packs/province-example.yaml', import.meta.url)),
  );
  symlinkSync(join(dir, input), join(dir, 'link.txt'));
  const variant = random.pick(['same', 'dotted', 'absolute', 'link', 'folder', 'pack', 'config']);
  const format = random.pick(['json', 'csv', 'html', 'markdown']);
  const args: Record<string, string[]> = {
    same: ['check', input, '-f', `${format}=v.txt`],
    dotted: ['check', input, '-f', `${format}=./v.txt`],
    absolute: ['check', input, '-f', `${format}=${join(dir, input)}`],
    link: ['check', 'link.txt', '-f', `${format}=v.txt`],
    folder: ['check', '.', '-f', `${format}=v.txt`],
    pack: ['check', input, '--rules', 'default', '--rules', pack, '-f', `${format}=p.yaml`],
    config: ['check', input, '--config', put(dir, 'c.yaml', 'rules: [default]\n'), '-f', `${format}=c.yaml`],
  };
  return { args: args[variant] as string[], expectExit: [2], addJsonReport: random.chance(0.5) };
};

const FORMULA_NAMES = ['=SUM(1+1)', '+1', '-2', '@cmd', '=HYPERLINK("x")', '\t=1', '=1+1', '＝1'];

const csvFormulas: Generator = (random, dir) => {
  const name = random.pick(FORMULA_NAMES);
  const titled = random.chance(0.5);
  const text = titled ? `${random.pick(FORMULA_NAMES)}${goodReport(random)}` : goodReport(random);
  const file = put(dir, `${name}.txt`, text);
  const others = putGoodReports(random, dir, random.int(0, 2));
  return {
    // After "--", so that a name like "-2.txt" is a file, not an option.
    args: ['check', '-f', 'csv=out.csv', ...jobsOption(random), '--', file, ...others],
    paths: [file],
    check: () => {
      const csv = readFileSync(join(dir, 'out.csv'), 'utf8').replace(/^\uFEFF/, '');
      const bad = csvCells(csv).find((cell) => /^[=+\-@\t\r]/.test(cell));
      return bad !== undefined ? [`formula cell ${JSON.stringify(bad.slice(0, 20))}`] : [];
    },
  };
};

/** The cells of a CSV text (RFC 4180 quoting). */
function csvCells(csv: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const char = csv[i] as string;
    if (quoted) {
      if (char === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',' || char === '\n') {
      cells.push(cell);
      cell = '';
    } else if (char !== '\r' || csv[i + 1] !== '\n') cell += char;
  }
  if (cell !== '') cells.push(cell);
  return cells;
}

const controlNames: Generator = (random, dir) => {
  const sequence = random.pick([
    '\u001b[31m',
    '\u001b]0;title\u0007',
    '\u0007',
    '\r',
    '\u0008\u0008',
    '\u009b2J',
    '\u007f',
  ]);
  const content = random.pick([goodReport(random), '', '\u0000\u0001binary']);
  const file = put(dir, `name${sequence}x.txt`, content);
  const format = random.pick(['table', 'markdown', 'github']);
  return {
    args: [
      'check',
      file,
      ...putGoodReports(random, dir, random.int(0, 2)),
      '-f',
      format,
      '--summary-only',
    ].filter((arg) => arg !== '--summary-only' || random.chance(0.3)),
    paths: [file],
  };
};

const outputIsFolder: Generator = (random, dir) => {
  mkdirSync(join(dir, 'out.json'));
  const target = random.pick(['out.json', 'out.json/', '.']);
  return {
    args: ['check', ...putGoodReports(random, dir, 1), '-f', `${random.pick(['json', 'csv'])}=${target}`],
    expectExit: [2],
  };
};

const BAD_NUMBERS = [
  '0x10',
  '1e1',
  ' 2',
  '2 ',
  '+2',
  '2.',
  '.5',
  '',
  'Infinity',
  'NaN',
  '1_0',
  '٣',
  '２',
  '0b1',
  '1,5',
  '-0',
  '0o7',
];
const OPTIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['--jobs', ['1', '2']],
  ['--max-file-size', ['20', '0.5', '1']],
  ['--min-score', ['0', '60', '60.5']],
  ['--max-warnings', ['0', '100']],
  ['--year', ['2022', '2023']],
];

const numbers: Generator = (random, dir) => {
  const [option, goodValues] = random.pick(OPTIONS);
  const bad = random.chance(0.8);
  const value = bad ? random.pick(BAD_NUMBERS) : random.pick(goodValues);
  const command =
    option === '--year' && random.chance(0.3)
      ? ['rules', 'list']
      : ['check', ...putGoodReports(random, dir, 1)];
  return {
    args: [...command, `${option}=${value}`],
    addJsonReport: command[0] === 'check',
    expectExit: bad ? [2] : [0, 1],
  };
};

/** Hostile output destinations and contents. */
export const outputClass: FuzzClass = {
  name: 'output',
  shapes: {
    'closed-stdout': closedStdout,
    'kill-during-write': killDuringWrite,
    'output-is-input': outputIsInput,
    'csv-formula': csvFormulas,
    'control-names': controlNames,
    'output-is-folder': outputIsFolder,
    numbers,
  },
};
