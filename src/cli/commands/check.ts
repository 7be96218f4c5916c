// fzcheck check FILE…: load the rules, check every input (in parallel for a batch), write each
// requested format to stdout or its file, return the exit code for the thresholds.

import { extname, join, resolve } from 'node:path';
import { ConfigError, formatProblem } from '../../config/config-error.js';
import { loadConfig, type Thresholds } from '../../config/load-config.js';
import { loadDecisions, unknownRuleProblems } from '../../config/load-decisions.js';
import { loadRules, ruleInfos } from '../../config/load-packs.js';
import { FORMATTERS } from '../../format/index.js';
import { type ExpandedInput, expandInputs, expandStdin } from '../../load/expand-inputs.js';
import { DEFAULT_MAX_BYTES } from '../../load/load-source.js';
import { checkBatch } from '../../pipeline/check-batch.js';
import { type CheckInput, failedInput } from '../../pipeline/check-input.js';
import type { Level } from '../../shared/levels.js';
import { isAtLeast } from '../../shared/levels.js';
import type { FileResult, RunResult } from '../../shared/results.js';
import type { SubjectType } from '../../shared/subject-types.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, shouldColor } from '../io.js';
import { parseOutputSpecs, writeOutputFile } from '../outputs.js';
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
  readonly summaryOnly?: boolean;
  readonly stdinFilename?: string;
  readonly maxFileSize?: number;
  readonly jobs?: number;
  readonly progress?: boolean;
  readonly color?: boolean;
}

const FILE_WIDTH = 100;

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
  for (const warning of warnings) io.stderr.write(`fzcheck: 警告：${formatProblem(warning)}\n`);
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
      for (const input of expandStdin(name, await io.readStdin(), checkOptions)) place(input);
    } else place(expanded);
  }
  const inputs = slots.filter((slot): slot is CheckInput => !('results' in slot));
  const progress = inputs.length > 1 && shouldShowProgress(io, options.progress) ? progressBar(io) : null;
  let checked: FileResult[];
  try {
    checked = await checkBatch(inputs, ruleSet, checkOptions, {
      jobs: options.jobs,
      keepText: outputs.some((output) => FORMATTERS.get(output.format)?.needsText === true),
      rules: options.rules,
      config: config.file,
      cwd: io.cwd,
      onProgress: progress ? (done, total) => progress.update(done, total) : undefined,
    });
  } finally {
    progress?.finish();
  }
  let next = 0;
  const files = slots.map((slot) => ('results' in slot ? slot : checked[next++]!));

  const run: RunResult = { tool, files, rules: ruleInfos(packs), categories };
  for (const output of outputs) {
    const entry = FORMATTERS.get(output.format)!;
    const format = await entry.load();
    const toStdout = output.path === null;
    const formatOptions = {
      color: toStdout && !entry.machine && shouldColor(options.color, io),
      verbose: options.verbose ?? false,
      width: toStdout && io.stdout.isTTY ? (io.stdout.columns ?? FILE_WIDTH) : FILE_WIDTH,
      summaryOnly: options.summaryOnly ?? false,
    };
    if (output.path === null) {
      const text = await format(run, formatOptions);
      if (typeof text === 'string') io.stdout.write(text); // binary formats never go to stdout
    } else if (entry.perFile && run.files.length > 1) {
      // One file per report, in a folder named like the path without its extension.
      const folder = output.path.replace(/\.[^./\\]+$/, '');
      for (const [name, file] of perFileNames(run.files, entry.extension ?? '')) {
        const bytes = await format({ ...run, files: [file] }, formatOptions);
        writeOutputFile(io.cwd, join(folder, name), bytes);
      }
    } else writeOutputFile(io.cwd, output.path, await format(run, formatOptions));
  }
  for (const file of files) if (file.error) io.stderr.write(`fzcheck: ${file.path}: ${file.error.message}\n`);
  return exitCodeOf(files, thresholds);
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

/** Exit code for the thresholds: 2 if any input failed, else 1 if a threshold was missed. */
export function exitCodeOf(
  files: readonly FileResult[],
  options: Thresholds & { failOn: Level | 'never' },
): number {
  if (files.some((file) => file.error)) return ExitCode.Fatal;
  let warnings = 0;
  let missed = false;
  for (const file of files) {
    if (options.minScore !== undefined && (file.score?.points ?? 0) < options.minScore) missed = true;
    for (const result of file.results) {
      for (const finding of result.findings) {
        if (options.failOn !== 'never' && isAtLeast(finding.level, options.failOn)) missed = true;
        if (finding.level === 'warning') warnings++;
      }
    }
  }
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) missed = true;
  return missed ? ExitCode.ThresholdMissed : ExitCode.Ok;
}
