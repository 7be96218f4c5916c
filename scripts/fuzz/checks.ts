// The promises every run must keep, checked on its outcome: an exit code of 0, 1 or 2, no stack
// trace and no internal error, bounded time and memory, good files of a batch still checked,
// Chinese messages, no control characters from file names on the terminal.

import type { FuzzCase, RunOutcome } from './fuzz-case.js';

/** What went wrong in one run, by the table's columns. */
export interface Verdict {
  crash: boolean; // exit code outside 0/1/2, a signal, an internal error
  stackTrace: boolean;
  overTime: boolean;
  overMemory: boolean;
  modified: boolean;
  goodLost: boolean;
  other: string[]; // labels of the further checks that failed
}

/** Limits a run is judged against. */
export interface Targets {
  readonly timeMs: number;
  readonly memoryKb: number;
}

const STACK_LINE = /^\s+at .+(?:\(.*:\d+:\d+\)|:\d+:\d+)$/m;
const STACK_MARKERS = /node:internal|FATAL ERROR|Error: .*\n\s+at |<--- JS stacktrace --->|\n\s+\^\n/;
const INTERNAL = /内部错误|检查时出错|工作线程意外退出/;
// An English message leaking through: an errno code, or three English words in a row.
const ENGLISH = /\bE[A-Z]{3,}\b|\b[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[a-z]{2,}\b/;

/** Whether the text holds a C0 control other than tab and newline, DEL, or a C1 control. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** Judges one run. `modified` comes from the runner's before/after hashes. */
export function judge(
  fuzzCase: FuzzCase,
  run: RunOutcome,
  modified: boolean,
  targets: Targets,
  extra: string[],
): Verdict {
  const output = `${run.stdout}\n${run.stderr}`;
  const stoppedByCase = run.killedBy === 'case';
  const other = [...extra];
  const expected = fuzzCase.expectExit;
  if (!stoppedByCase && expected && run.exitCode !== null && !expected.includes(run.exitCode)) {
    other.push(`exit ${run.exitCode}, expected ${expected.join('/')}`);
  }
  if (!stoppedByCase && !(run.killedBy === 'time' || run.killedBy === 'memory')) {
    const messages = englishLines(run.stderr, fuzzCase.paths ?? []);
    if (messages.length > 0) other.push(`English message: ${messages[0]?.slice(0, 80)}`);
  }
  if (hasControl(run.stderr) || (terminalStdout(fuzzCase) && hasControl(run.stdout))) {
    other.push('control characters on the terminal');
  }
  const internalInReport = (run.report?.files ?? []).some(
    (file) => file.error && (file.error.code === 'internal' || INTERNAL.test(file.error.message)),
  );
  return {
    crash:
      !stoppedByCase &&
      run.killedBy !== 'time' &&
      run.killedBy !== 'memory' &&
      ((run.exitCode !== null && ![0, 1, 2].includes(run.exitCode)) ||
        (run.exitCode === null && run.signal !== null) ||
        INTERNAL.test(output) ||
        internalInReport),
    stackTrace: STACK_LINE.test(output) || STACK_MARKERS.test(output),
    overTime: run.killedBy === 'time' || (!stoppedByCase && run.wallMs > targets.timeMs),
    overMemory: run.killedBy === 'memory' || run.peakKb > targets.memoryKb,
    modified,
    goodLost: !stoppedByCase && goodFilesLost(fuzzCase, run),
    other,
  };
}

/** Whether stdout carries a terminal format (the table, Markdown, workflow annotations). */
function terminalStdout(fuzzCase: FuzzCase): boolean {
  if ((fuzzCase.stdout ?? 'collect') !== 'collect') return false;
  const args = fuzzCase.args;
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  const formats = args
    .slice(0, end)
    .flatMap((arg, i) => (args[i - 1] === '-f' || args[i - 1] === '--format' ? [arg] : []));
  const toStdout = formats.filter((format) => !format.includes('='));
  return toStdout.length === 0 || toStdout.some((format) => ['table', 'markdown', 'github'].includes(format));
}

/** Whether a good file of the batch is missing from the report or did not get checked. */
function goodFilesLost(fuzzCase: FuzzCase, run: RunOutcome): boolean {
  const good = fuzzCase.good ?? [];
  if (good.length === 0) return false;
  if (!run.report) return true;
  const byPath = new Map(run.report.files.map((file) => [file.path, file]));
  return good.some((path) => {
    const file = byPath.get(path);
    return !file || file.error !== null || file.results.length === 0;
  });
}

/** Lines of stderr that read as English once file names are taken out. */
function englishLines(stderr: string, paths: readonly string[]): string[] {
  return stderr
    .split('\n')
    .map((line) => {
      let rest = line.replace(/“[^”]*”/g, '');
      for (const path of paths) rest = rest.split(path).join('');
      return rest.replace(/(?:\/?[\w.@=+()-]+\/)+[\w.@=+()-]*/g, '');
    })
    .filter((line) => ENGLISH.test(line));
}
