// Command-line arguments → the list of inputs to check: files as given, directories walked
// recursively for known extensions, globs expanded, "-" for stdin, and every .zip (given, or found
// in a folder) opened as a folder of its own (expand-archive.ts). Each argument's files are sorted
// (by code unit, so the order does not depend on the locale); arguments keep their order; a file
// named twice is checked once. tinyglobby is imported only when a glob is given.

import { type Dirent, existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { expandArchive, isArchive, isPageResources } from './expand-archive.js';
import { DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS } from './load-source.js';
import { UNPACK_FACTOR } from './read-docx.js';
import type { LoadErrorCode, LoadOptions } from './source-file.js';

/** One input to check. */
export type ExpandedInput =
  | { readonly kind: 'file'; readonly path: string; readonly file: string } // path as shown, file absolute
  | { readonly kind: 'stdin' }
  | { readonly kind: 'no-match'; readonly path: string; readonly message: string } // argument that matched nothing
  | { readonly kind: 'entry'; readonly path: string; readonly bytes: Uint8Array } // a report inside a zip
  | {
      readonly kind: 'failed';
      readonly path: string;
      readonly code: LoadErrorCode;
      readonly message: string;
    }; // a zip, or an entry of one, that cannot be read

const GLOB_CHARS = /[*?[\]{}]/;

/** Expands arguments relative to cwd. */
export async function expandInputs(
  args: readonly string[],
  cwd: string,
  options: LoadOptions = { maxBytes: DEFAULT_MAX_BYTES },
): Promise<ExpandedInput[]> {
  const seen = new Set<string>();
  const inputs: ExpandedInput[] = [];
  const add = async (path: string, file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (isArchive(file)) inputs.push(...(await openArchive(path, file, options)));
    else inputs.push({ kind: 'file', path, file });
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
          message: `目录中没有可检查的报告文件（${SUPPORTED_EXTENSIONS.join(' ')} .zip）`,
        });
      }
      for (const file of files) await add(join(arg, relative(absolute, file)), file);
    } else if (!info && GLOB_CHARS.test(arg) && !existsSync(absolute)) {
      const files = await glob(arg, cwd);
      if (files.length === 0) inputs.push({ kind: 'no-match', path: arg, message: '没有文件与该模式匹配' });
      for (const file of files) await add(file, resolve(cwd, file));
    } else {
      // A plain file, or a path that does not exist: the loader reports it with the file.
      await add(arg, absolute);
    }
  }
  return inputs;
}

/** Bytes read from stdin: the reports inside when --stdin-filename names a zip, else the bytes as they are. */
export function expandStdin(name: string, bytes: Uint8Array, options: LoadOptions): ExpandedInput[] {
  if (!isArchive(name)) return [{ kind: 'entry', path: name, bytes }];
  if (bytes.length > options.maxBytes * UNPACK_FACTOR) {
    return [{ kind: 'failed', path: name, code: 'too-large', message: '压缩包过大，超过上限' }];
  }
  return expandArchive(name, bytes, options, isReportFile);
}

/** A zip on disk → its reports; an archive may be UNPACK_FACTOR times --max-file-size. */
async function openArchive(path: string, file: string, options: LoadOptions): Promise<ExpandedInput[]> {
  const limit = options.maxBytes * UNPACK_FACTOR;
  const info = await stat(file).catch(() => null);
  if (!info) return [{ kind: 'failed', path, code: 'not-found', message: '文件不存在' }];
  if (info.isDirectory())
    return [{ kind: 'failed', path, code: 'is-directory', message: '这是一个目录，不是文件' }];
  if (info.size > limit) {
    const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    return [
      {
        kind: 'failed',
        path,
        code: 'too-large',
        message: `压缩包过大（${size(info.size)}），上限为 ${size(limit)}`,
      },
    ];
  }
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) return [{ kind: 'failed', path, code: 'unreadable', message: '无法读取该压缩包' }];
  return expandArchive(path, bytes, options, isReportFile);
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
        if (entry.name !== 'node_modules' && !isPageResources(entry.name)) await visit(path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isReportOrArchive(entry.name)) {
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
    .filter((file) => !file.split('/').some(isSkipped) && isReportOrArchive(file))
    .sort(compareCodeUnits)
    .map((file) => (prefix === '' ? file : join(prefix, file)));
}

function isSkipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

function isReportFile(name: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase());
}

function isReportOrArchive(name: string): boolean {
  return isReportFile(name) || isArchive(name);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
