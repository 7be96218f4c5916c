// Command-line arguments → the list of inputs to check: files as given, directories walked
// recursively for known extensions, globs expanded, "-" for stdin. Each argument's files are sorted
// (by code unit, so the order does not depend on the locale); arguments keep their order; a file
// named twice is checked once. tinyglobby is imported only when a glob is given.

import { type Dirent, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './load-source.js';

/** One input to check. */
export type ExpandedInput =
  | { readonly kind: 'file'; readonly path: string; readonly file: string } // path as shown, file absolute
  | { readonly kind: 'stdin' }
  | { readonly kind: 'no-match'; readonly path: string; readonly message: string }; // argument that matched nothing

const GLOB_CHARS = /[*?[\]{}]/;

/** Expands arguments relative to cwd. */
export async function expandInputs(args: readonly string[], cwd: string): Promise<ExpandedInput[]> {
  const seen = new Set<string>();
  const inputs: ExpandedInput[] = [];
  const add = (path: string, file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    inputs.push({ kind: 'file', path, file });
  };
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ kind: 'stdin' });
      continue;
    }
    const absolute = resolve(cwd, arg);
    const info = await stat(absolute).catch(() => null);
    if (info?.isDirectory()) {
      const files = await walk(absolute);
      if (files.length === 0) {
        inputs.push({
          kind: 'no-match',
          path: arg,
          message: `目录中没有可检查的报告文件（${SUPPORTED_EXTENSIONS.join(' ')}）`,
        });
      }
      for (const file of files) add(join(arg, relative(absolute, file)), file);
    } else if (!info && GLOB_CHARS.test(arg) && !existsSync(absolute)) {
      const files = await glob(arg, cwd);
      if (files.length === 0) inputs.push({ kind: 'no-match', path: arg, message: '没有文件与该模式匹配' });
      for (const file of files) add(file, resolve(cwd, file));
    } else {
      // A plain file, or a path that does not exist: the loader reports it with the file.
      add(arg, absolute);
    }
  }
  return inputs;
}

/** Report files under a directory, sorted; hidden folders and files and Office lock files (~$) are skipped. */
async function walk(directory: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string) => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (isSkipped(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') await visit(path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isReportFile(entry.name)) {
        found.push(path);
      }
    }
  };
  await visit(directory);
  return found.sort(compareCodeUnits);
}

/** Files matching a glob, shown as the glob's fixed leading folders (as typed) plus the match. */
async function glob(pattern: string, cwd: string): Promise<string[]> {
  const segments = pattern.split(sep).join('/').split('/');
  const firstDynamic = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  const prefix = segments.slice(0, firstDynamic).join('/');
  const rest = segments.slice(firstDynamic).join('/');
  const { glob: match } = await import('tinyglobby');
  const files = await match(rest, {
    cwd: resolve(cwd, prefix === '' && pattern.startsWith('/') ? '/' : prefix),
    onlyFiles: true,
    dot: false,
    expandDirectories: false,
  });
  return files
    .filter((file) => !file.split('/').some(isSkipped) && isReportFile(file))
    .sort(compareCodeUnits)
    .map((file) => (prefix === '' ? file : join(prefix, file)));
}

function isSkipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

function isReportFile(name: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase());
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
