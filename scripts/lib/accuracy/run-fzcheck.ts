// Runs the built CLI once over all corpus files (`node bin/fzcheck.js check <files…> -f json`), as a
// user would, and returns what its JSON says about each file.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/** A finding as the JSON gives it (the fields the measurement reads). */
export interface CheckedFinding {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
  readonly excerpt: string;
  readonly message: string;
}

/** What fzcheck said about one file. */
export interface CheckedFile {
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly report: {
    readonly kind: string;
    readonly title: string | null;
    readonly year: number | null;
    readonly yearSource: string | null;
    readonly subject: string | null;
    readonly subjectType: string | null;
    readonly publishedAt: string | null;
  } | null;
  readonly document: {
    readonly headings: ReadonlyArray<{
      readonly line: number;
      readonly level: number;
      readonly text: string;
    }>;
    readonly chromeLines: readonly number[];
    readonly titleLine: number | null;
  } | null;
  readonly findings: readonly CheckedFinding[];
}

interface JsonFile extends Omit<CheckedFile, 'findings'> {
  readonly path: string;
  readonly results: ReadonlyArray<{ readonly findings: readonly CheckedFinding[] }>;
}

/** Checks the files through bin/fzcheck.js; keys of the result are file names without `.txt`. */
export function runFzcheck(repoRoot: string, paths: readonly string[]): Map<string, CheckedFile> {
  const bin = join(repoRoot, 'bin', 'fzcheck.js');
  if (!existsSync(join(repoRoot, 'dist'))) throw new Error('dist/ 不存在：请先运行 npm run build');
  const run = spawnSync(
    process.execPath,
    [bin, 'check', ...paths, '-f', 'json', '--fail-on', 'never', '--no-progress'],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
  );
  if (run.status !== 0) {
    throw new Error(`fzcheck check 以退出码 ${run.status} 结束：${run.stderr.trim() || run.error?.message}`);
  }
  const json = JSON.parse(run.stdout) as { files: readonly JsonFile[] };
  const checked = new Map<string, CheckedFile>();
  for (const file of json.files) {
    checked.set(basename(file.path).replace(/\.txt$/, ''), {
      error: file.error,
      report: file.report,
      document: file.document,
      findings: file.results.flatMap((result) => result.findings),
    });
  }
  return checked;
}
