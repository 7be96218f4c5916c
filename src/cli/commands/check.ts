// fzcheck check FILE…: load the rules, check every input, print the chosen format, return the
// exit code for the thresholds.

import { type CheckInput, checkInput, type FileResult, failedInput } from '../../check-files.js';
import { formatProblem } from '../../config/config-error.js';
import { loadConfig } from '../../config/load-config.js';
import { loadRules } from '../../config/load-packs.js';
import { expandInputs } from '../../load/expand-inputs.js';
import { DEFAULT_MAX_BYTES } from '../../load/load-source.js';
import type { SubjectType } from '../../parse/document.js';
import { FORMATTERS } from '../../report/index.js';
import type { RunResult } from '../../report/run-result.js';
import type { Level } from '../../rules/types.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, shouldColor } from '../io.js';
import { UsageError } from '../usage-error.js';

/** Parsed options of `fzcheck check`. */
export interface CheckCommandOptions {
  readonly format: string;
  readonly rules?: string[];
  readonly minScore?: number;
  readonly failOn?: Level | 'never';
  readonly config?: string;
  readonly year?: number;
  readonly subjectType?: SubjectType;
  readonly verbose?: boolean;
  readonly stdinFilename?: string;
  readonly maxFileSize?: number;
  readonly color?: boolean;
}

const LEVEL_RANK: Record<Level, number> = { error: 3, warning: 2, info: 1 };

/** Runs the check command. */
export async function runCheck(
  paths: readonly string[],
  options: CheckCommandOptions,
  io: CliIo,
  tool: RunResult['tool'],
): Promise<number> {
  const formatter = FORMATTERS.get(options.format);
  if (!formatter)
    throw new UsageError(`未知的输出格式“${options.format}”，可用：${[...FORMATTERS.keys()].join('、')}`);
  if (paths.length === 0) throw new UsageError('请给出要检查的文件，或用 - 从标准输入读取');
  if (paths.filter((path) => path === '-').length > 1) throw new UsageError('标准输入（-）只能出现一次');

  const config = await loadConfig(io.cwd, options.config);
  const { ruleSet, packs, warnings } = await loadRules(options.rules, io.cwd, config);
  for (const warning of warnings) io.stderr.write(`fzcheck: 警告：${formatProblem(warning)}\n`);
  const thresholds = {
    failOn: options.failOn ?? config.thresholds.failOn ?? 'error',
    minScore: options.minScore ?? config.thresholds.minScore,
  };
  const checkOptions = {
    maxBytes: options.maxFileSize !== undefined ? options.maxFileSize * 1024 * 1024 : DEFAULT_MAX_BYTES,
    year: options.year,
    subjectType: options.subjectType,
  };
  const files: FileResult[] = [];
  for (const expanded of await expandInputs(paths, io.cwd)) {
    if (expanded.kind === 'no-match') {
      files.push(failedInput(expanded.path, 'no-match', expanded.message));
      continue;
    }
    const input: CheckInput =
      expanded.kind === 'stdin'
        ? { name: options.stdinFilename ?? '<stdin>', bytes: await io.readStdin() }
        : { path: expanded.path, file: expanded.file };
    files.push(await checkInput(input, ruleSet, checkOptions));
  }

  const run: RunResult = { tool, files, packs };
  io.stdout.write(
    formatter.format(run, {
      color: shouldColor(options.color, io),
      verbose: options.verbose ?? false,
      width: io.stdout.isTTY ? (io.stdout.columns ?? 100) : 100,
    }),
  );
  for (const file of files) if (file.error) io.stderr.write(`fzcheck: ${file.path}: ${file.error.message}\n`);
  return exitCodeOf(files, thresholds);
}

/** Exit code for the thresholds: 2 if any input failed, else 1 if a threshold was missed. */
export function exitCodeOf(
  files: readonly FileResult[],
  options: { readonly failOn: Level | 'never'; readonly minScore?: number | undefined },
): number {
  if (files.some((file) => file.error)) return ExitCode.Fatal;
  const threshold = options.failOn === 'never' ? Number.POSITIVE_INFINITY : LEVEL_RANK[options.failOn];
  for (const file of files) {
    if (options.minScore !== undefined && (file.score?.points ?? 0) < options.minScore)
      return ExitCode.ThresholdMissed;
    for (const result of file.results) {
      if (result.findings.some((finding) => LEVEL_RANK[finding.level] >= threshold))
        return ExitCode.ThresholdMissed;
    }
  }
  return ExitCode.Ok;
}
