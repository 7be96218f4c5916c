// fzcheck check FILE…: load the rules, check every input (in parallel for a batch), write each
// requested format to stdout or its file, return the exit code for the thresholds.

import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import {
  applyBaseline,
  type Baseline,
  BaselineError,
  baselineOf,
  baselineText,
  DEFAULT_BASELINE_FILE,
  parseBaseline,
} from '../../config/baseline.js';
import { ConfigError, formatProblem } from '../../config/config-error.js';
import { loadConfig, type Thresholds } from '../../config/load-config.js';
import { loadDecisions, unknownRuleProblems } from '../../config/load-decisions.js';
import { loadRules, ruleInfos } from '../../config/load-packs.js';
import type { FormatOptions, FormatterOutput, RunHead } from '../../format/formatter.js';
import { FORMATTERS, type FormatterEntry } from '../../format/index.js';
import { printable, printableRun, printableValue } from '../../format/printable.js';
import { isArchive } from '../../load/expand-archive.js';
import { type ExpandedInput, expandInputs, expandStdin } from '../../load/expand-inputs.js';
import { DEFAULT_MAX_BYTES, type LoadOptions } from '../../load/load-source.js';
import { UNPACK_FACTOR } from '../../load/read-docx.js';
import { streamBatch } from '../../pipeline/check-batch.js';
import { type CheckInput, failedInput } from '../../pipeline/check-input.js';
import { indexPreviousReports, type PreviousReports } from '../../pipeline/previous-reports.js';
import type { Level } from '../../shared/levels.js';
import { isAtLeast } from '../../shared/levels.js';
import type { FileResult, RunResult, SharedParagraph } from '../../shared/results.js';
import type { SubjectType } from '../../shared/subject-types.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, shouldColor } from '../io.js';
import {
  OutputFile,
  type OutputSpec,
  parseOutputSpecs,
  pieces,
  refuseOutputsOverInputs,
  writeOutputFile,
} from '../outputs.js';
import { progressBar, shouldShowProgress } from '../progress.js';
import { UsageError } from '../usage-error.js';

/** Parsed options of `fzcheck check`. */
export interface CheckCommandOptions {
  readonly format?: string[]; // "name" or "name=path", repeatable
  readonly rules?: string[];
  readonly minScore?: number;
  readonly failOn?: Level | 'never';
  readonly maxWarnings?: number;
  readonly config?: string;
  readonly decisions?: string;
  readonly year?: number;
  readonly subjectType?: SubjectType;
  readonly verbose?: boolean;
  readonly quiet?: boolean;
  readonly level?: Level;
  readonly previous?: string;
  readonly baseline?: string;
  readonly writeBaseline?: string | boolean;
  readonly summaryOnly?: boolean;
  readonly stdinFilename?: string;
  readonly maxFileSize?: number;
  readonly jobs?: number;
  readonly progress?: boolean;
  readonly color?: boolean;
}

/** Width of text output that does not go to a terminal (a pipe, a file) unless COLUMNS says. */
export const DEFAULT_WIDTH = 80;

/** Columns for text output: COLUMNS when set, else the terminal's width, else 80. */
export function outputWidth(io: CliIo, toStdout: boolean): number {
  const columns = Number(io.env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  if (toStdout && io.stdout.isTTY && io.stdout.columns) return io.stdout.columns;
  return DEFAULT_WIDTH;
}
/**
 * Formats that need the whole run at once (html, xlsx, docx, sarif, junit, markdown, github) keep
 * every file's result in memory until the end (about 30 KB each): with one of them, a run takes at
 * most this many files. The streaming formats (table, json, csv) write each file as it is checked
 * and keep only a summary row, so a run of them has no such limit.
 */
export const MAX_FILES_KEPT = 10_000;

/** Runs the check command. */
export async function runCheck(
  paths: readonly string[],
  options: CheckCommandOptions,
  io: CliIo,
  tool: RunResult['tool'],
): Promise<number> {
  const outputs = parseOutputSpecs(options.format);
  if (paths.length === 0) throw new UsageError('请给出要检查的文件，或用 - 从标准输入读取');
  if (paths.filter((path) => path === '-').length > 1) throw new UsageError('标准输入（-）只能出现一次');

  const config = await loadConfig(io.cwd, options.config);
  const { ruleSet, packs, categories, warnings } = await loadRules(options.rules, io.cwd, config);
  for (const warning of warnings)
    io.stderr.write(`fzcheck: 警告：${printable(formatProblem(warning), true)}\n`);
  // The decisions file: named, else the nearest above the working directory, else beside the reports.
  const decisions = await loadDecisions(
    [io.cwd, ...paths.filter((path) => path !== '-').map((path) => resolve(io.cwd, path))],
    options.decisions,
  );
  const unknown = unknownRuleProblems(decisions, new Set(ruleInfos(packs).map((rule) => rule.id)));
  if (unknown.length > 0) throw new ConfigError(unknown);
  const thresholds = {
    failOn: options.failOn ?? config.thresholds.failOn ?? 'error',
    minScore: options.minScore ?? config.thresholds.minScore,
    maxWarnings: options.maxWarnings ?? config.thresholds.maxWarnings,
  };
  const checkOptions = {
    maxBytes: options.maxFileSize !== undefined ? options.maxFileSize * 1024 * 1024 : DEFAULT_MAX_BYTES,
    year: options.year,
    subjectType: options.subjectType,
    decisions: decisions.entries,
    keepOriginal: outputs.some((output) => FORMATTERS.get(output.format)?.needsOriginal === true),
    grades: config.grades,
  };
  // Paths that matched nothing become error results in place, so the order stays the input order.
  const slots: (CheckInput | FileResult)[] = [];
  const place = (expanded: ExpandedInput) => {
    if (expanded.kind === 'no-match') slots.push(failedInput(expanded.path, 'no-match', expanded.message));
    else if (expanded.kind === 'failed')
      slots.push(failedInput(expanded.path, expanded.code, expanded.message));
    else if (expanded.kind === 'entry') slots.push({ name: expanded.path, bytes: expanded.bytes });
    else if (expanded.kind === 'file') slots.push({ path: expanded.path, file: expanded.file });
  };
  for (const expanded of await expandInputs(paths, io.cwd, checkOptions)) {
    if (expanded.kind === 'stdin') {
      const name = options.stdinFilename ?? '<stdin>';
      // Read one byte past the limit at most, so that the loader can say the input is too large.
      const limit = isArchive(name) ? checkOptions.maxBytes * UNPACK_FACTOR : checkOptions.maxBytes;
      for (const input of expandStdin(name, await io.readStdin(limit + 1), checkOptions)) place(input);
    } else place(expanded);
  }
  const inputs = slots.filter((slot): slot is CheckInput => !('results' in slot));
  const streamed = outputs.filter((output) => FORMATTERS.get(output.format)?.stream !== undefined);
  const collected = outputs.filter((output) => FORMATTERS.get(output.format)?.stream === undefined);
  if (collected.length > 0 && slots.length > MAX_FILES_KEPT) {
    const names = [...new Set(collected.map((output) => output.format))].join('、');
    throw new UsageError(
      `${names} 格式要把全部结果留在内存中，一次最多 ${MAX_FILES_KEPT} 个文件（本次匹配到 ${slots.length} 个）；请按文件夹分批检查，或改用 table、json、csv 格式（不限文件数）`,
    );
  }
  refuseOutputsOverInputs(io.cwd, outputs, [
    ...inputs.flatMap((input) => ('path' in input ? [input.file ?? input.path] : [])),
    ...(options.rules ?? []),
    ...(config.file ? [config.file] : []),
    ...(decisions.file ? [decisions.file] : []),
    ...(options.previous ? [options.previous] : []),
    ...(options.baseline ? [options.baseline] : []),
  ]);
  const previous = options.previous
    ? await previousReports(options.previous, inputs.length, io, checkOptions)
    : undefined;
  const baseline = options.baseline ? readBaseline(io, options.baseline) : null;
  const head: RunHead = { tool, rules: ruleInfos(packs), categories };
  const formatOptionsOf = (output: OutputSpec, entry: FormatterEntry): FormatOptions => {
    const toStdout = output.path === null;
    return {
      color: toStdout && !entry.machine && shouldColor(options.color, io),
      verbose: options.verbose ?? false,
      width: outputWidth(io, toStdout),
      summaryOnly: options.summaryOnly ?? false,
      minLevel: options.quiet ? ('error' as const) : options.level,
    };
  };
  const writers = await Promise.all(
    streamed.map(async (output) => {
      const entry = FORMATTERS.get(output.format)!;
      const start = await entry.stream!();
      return {
        name: output.format,
        // Formats without an escaping syntax of their own get control characters escaped.
        clean: entry.escapesControls ? <T>(value: T) => value : printableValue,
        stream: start(entry.escapesControls ? head : printableValue(head), formatOptionsOf(output, entry)),
        file: output.path === null ? null : new OutputFile(io.cwd, output.path),
      };
    }),
  );
  const write = (writer: (typeof writers)[number], piece: string) => {
    if (piece === '') return;
    if (writer.file) writer.file.write(piece);
    else io.stdout.write(piece);
  };
  const kept: FileResult[] = [];
  const tally = new RunTally(
    thresholds,
    options.writeBaseline !== undefined && options.writeBaseline !== false,
  );
  // A file whose results one format cannot hold (too long a text, too deep a value) is that file's
  // error in that format, and counted as failed; the other formats and the batch go on.
  const fileText = (writer: (typeof writers)[number], file: FileResult): [string, FileResult | null] => {
    try {
      return [writer.stream.file(writer.clean(file)), null];
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      const failed = failedInput(
        file.path,
        'over-budget',
        `资源超限：该文件的检查结果过大，无法写成 ${writer.name} 格式`,
      );
      return [streamOutput(writer.name, () => writer.stream.file(writer.clean(failed))), failed];
    }
  };
  const take = (checked: FileResult) => {
    const file = baseline ? (applyBaseline([checked], baseline)[0] as FileResult) : checked;
    let failed: FileResult | null = null;
    for (const writer of writers) {
      const [piece, unwritten] = fileText(writer, file);
      failed ??= unwritten;
      write(writer, piece);
    }
    tally.add(failed ?? file);
    if (collected.length > 0) kept.push(file);
  };
  const progress = inputs.length > 1 && shouldShowProgress(io, options.progress) ? progressBar(io) : null;
  let shared: SharedParagraph[];
  try {
    // Paths that matched nothing are error results in their place, so the order stays the input order.
    let slot = 0;
    const upTo = (end: number) => {
      for (; slot < end; slot++) {
        const entry = slots[slot]!;
        if ('results' in entry) take(entry);
      }
    };
    const slotOf: number[] = [];
    slots.forEach((entry, i) => {
      if (!('results' in entry)) slotOf.push(i);
    });
    try {
      shared = await streamBatch(
        inputs,
        ruleSet,
        { ...checkOptions, previous },
        {
          jobs: options.jobs,
          keepText: outputs.some((output) => FORMATTERS.get(output.format)?.needsText === true),
          rules: options.rules,
          config: config.file,
          cwd: io.cwd,
          onProgress: progress ? (done, total) => progress.update(done, total) : undefined,
        },
        (file, index) => {
          upTo(slotOf[index]!);
          take(file);
          slot++;
        },
      );
    } finally {
      progress?.finish();
    }
    upTo(slots.length);
    for (const writer of writers)
      for (const piece of streamOutput(writer.name, () => [...writer.stream.end(writer.clean(shared))]))
        write(writer, piece);
    for (const writer of writers) writer.file?.commit();
  } catch (error) {
    for (const writer of writers) writer.file?.abort();
    throw error;
  }

  const run: RunResult = { ...head, files: kept, sharedParagraphs: shared };
  let printableView: RunResult | null = null;
  for (const output of collected) {
    const entry = FORMATTERS.get(output.format)!;
    const loaded = await entry.load();
    if (!entry.escapesControls) printableView ??= printableRun(run);
    const shown = entry.escapesControls ? run : (printableView ?? run);
    const format = (of: RunResult, formatOptions: FormatOptions) =>
      formatOutput(output.format, () => loaded(of.files === run.files ? shown : of, formatOptions));
    const formatOptions = formatOptionsOf(output, entry);
    if (output.path === null) {
      const text = await format(run, formatOptions);
      // Binary formats never go to stdout.
      if (!(text instanceof Uint8Array)) for (const piece of pieces(text)) io.stdout.write(piece as string);
    } else if (entry.perFile && run.files.length > 1) {
      // One file per report, in a folder named like the path without its extension.
      const folder = output.path.replace(/\.[^./\\]+$/, '');
      for (const [name, file] of perFileNames(run.files, entry.extension ?? '')) {
        const bytes = await format({ ...run, files: [file] }, formatOptions);
        writeOutputFile(io.cwd, join(folder, name), bytes);
      }
    } else writeOutputFile(io.cwd, output.path, await format(run, formatOptions));
  }
  for (const failed of tally.failed)
    io.stderr.write(`fzcheck: ${printable(failed.path, true)}: ${printable(failed.message, true)}\n`);
  if (options.writeBaseline !== undefined && options.writeBaseline !== false) {
    writeBaseline(
      io,
      options.writeBaseline === true ? DEFAULT_BASELINE_FILE : options.writeBaseline,
      tally.baseline,
    );
    // Recording today's findings is the point of the run: only unreadable inputs fail it.
    return tally.failed.length > 0 ? ExitCode.Fatal : ExitCode.Ok;
  }
  return tally.exitCode();
}

/** Runs a streaming formatter's step; a text too large becomes one Chinese line (exit 2). */
function streamOutput<T>(name: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new UsageError(`本次检查的结果太多，无法生成 ${name} 格式的输出；请分批检查`);
  }
}

/** What a run keeps of each file once it is written: errors, what the exit code and the
 * baseline need. */
class RunTally {
  readonly failed: { path: string; message: string }[] = [];
  readonly baseline: Baseline = { version: baselineOf([]).version, files: {} };
  private warnings = 0;
  private missed = false;

  constructor(
    private readonly thresholds: Thresholds & { failOn: Level | 'never' },
    private readonly recordBaseline: boolean,
  ) {}

  add(file: FileResult): void {
    if (file.error) this.failed.push({ path: file.path, message: file.error.message });
    const { minScore, failOn } = this.thresholds;
    if (minScore !== undefined && (file.score?.points ?? 0) < minScore) this.missed = true;
    for (const result of file.results) {
      for (const finding of result.findings) {
        if (finding.baseline === true) continue; // accepted by --baseline
        if (failOn !== 'never' && isAtLeast(finding.level, failOn)) this.missed = true;
        if (finding.level === 'warning') this.warnings++;
      }
    }
    if (this.recordBaseline) Object.assign(this.baseline.files, baselineOf([file]).files);
  }

  /** Exit code for the thresholds: 2 if any input failed, else 1 if a threshold was missed. */
  exitCode(): number {
    if (this.failed.length > 0) return ExitCode.Fatal;
    const { maxWarnings } = this.thresholds;
    if (this.missed || (maxWarnings !== undefined && this.warnings > maxWarnings))
      return ExitCode.ThresholdMissed;
    return ExitCode.Ok;
  }
}
/** Runs a formatter; a run too large for the format's text becomes one Chinese line (exit 2). */
async function formatOutput(
  name: string,
  format: () => FormatterOutput | Promise<FormatterOutput>,
): Promise<FormatterOutput> {
  try {
    return await format();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new UsageError(`本次检查的结果太多，无法生成 ${name} 格式的输出；请分批检查，或改用 --format json`);
  }
}

/** A distinct file name for each checked report: its path below the folder all share, with
 * folders (and zip entries) flattened, and the extension. */
export function perFileNames(files: readonly FileResult[], extension: string): Map<string, FileResult> {
  const checked = files.filter((file) => !file.error);
  const split = checked.map((file) => file.path.split(/[/\\]/));
  let common = 0;
  while (split.every((parts) => parts.length > common + 1 && parts[common] === split[0]?.[common])) common++;
  const names = new Map<string, FileResult>();
  checked.forEach((file, i) => {
    const shown = (split[i] ?? []).slice(common).join('_');
    const stem = shown.slice(0, shown.length - extname(shown).length).replace(/[:*?"<>|]+/g, '_');
    let name = `${stem}${extension}`;
    for (let n = 2; names.has(name); n++) name = `${stem}（${n}）${extension}`;
    names.set(name, file);
  });
  return names;
}

/**
 * Last year's reports from --previous: one file for a single input; otherwise (a folder, a glob,
 * several inputs) an index that pairs reports by unit. Reports inside a .zip are not indexed.
 */
async function previousReports(
  arg: string,
  inputCount: number,
  io: CliIo,
  options: LoadOptions,
): Promise<PreviousReports> {
  const expanded = await expandInputs([arg], io.cwd, options);
  // Last year's files are named in an index the workers receive: names that are not UTF-8 (kept
  // as bytes) are left out of it.
  const files = expanded.flatMap((input) =>
    input.kind === 'file' && typeof input.file === 'string' ? [{ path: input.path, file: input.file }] : [],
  );
  if (files.length === 0) {
    const reason = expanded.find((input) => input.kind === 'no-match' || input.kind === 'failed');
    throw new UsageError(
      `--previous：找不到上一年度的报告“${arg}”${reason && 'message' in reason ? `（${reason.message}）` : ''}`,
    );
  }
  const isFolder = statSync(resolve(io.cwd, arg), { throwIfNoEntry: false })?.isDirectory() === true;
  if (inputCount === 1 && files.length === 1 && !isFolder) return { kind: 'file', path: files[0]!.file };
  const { index, problems } = await indexPreviousReports(files, options);
  for (const problem of problems)
    io.stderr.write(
      `fzcheck: 警告：上一年度的报告 ${problem.path} 无法读取，不参与对照：${problem.message}\n`,
    );
  return index;
}

/** The baseline file's findings applied to the files (--baseline); UsageError when it is unusable. */
function readBaseline(io: CliIo, path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `无法读取基线文件“${path}”${code === 'ENOENT' ? '：文件不存在（先用 --write-baseline 生成）' : code ? `（${code}）` : ''}`,
    );
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`基线文件“${path}”无法使用：${error.message}`);
    throw error;
  }
}

/** Writes the baseline file whole or not at all: a temporary file beside it, then renamed. */
function writeBaseline(io: CliIo, path: string, baseline: Baseline): void {
  const target = resolve(io.cwd, path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temporary, baselineText(baseline));
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`无法写入基线文件“${path}”${code ? `（${code}）` : ''}`);
  }
  const count = Object.values(baseline.files).reduce(
    (sum, entries) => sum + entries.reduce((total, entry) => total + entry.count, 0),
    0,
  );
  io.stderr.write(`fzcheck: 已写入基线 ${path}：${count} 处问题\n`);
}
