// Command-line arguments → the list of inputs to check: files as given, directories walked
// recursively for known extensions, globs expanded, "-" for stdin, and every .zip (given, or found
// in a folder) opened as a folder of its own (expand-archive.ts). Each argument's files are sorted
// (by code unit, so the order does not depend on the locale); arguments keep their order; a file
// named twice is checked once. tinyglobby is imported only when a glob is given. Folders are read
// by bytes, so a file whose name is not UTF-8 (a GBK name from an old zip) is still found and read;
// a folder that cannot be read is reported, never skipped in silence.

import { type Dirent, existsSync, readdir as readdirCallback, stat as statCallback } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { systemErrorText } from '../shared/system-errors.js';
import { expandArchive, isArchive, isPageResources } from './expand-archive.js';
import { DEFAULT_MAX_BYTES, readRegularFile, SUPPORTED_EXTENSIONS } from './load-source.js';
import { UNPACK_FACTOR } from './read-docx.js';
import { LoadError, type LoadErrorCode, type LoadOptions } from './source-file.js';

// node:fs/promises would load the streams and readline at start-up (a few ms) for two calls.
const stat = promisify(statCallback);
const readdir = promisify(readdirCallback);

/** One input to check. */
export type ExpandedInput =
  // path as shown; file absolute, as bytes when the name is not UTF-8
  | { readonly kind: 'file'; readonly path: string; readonly file: string | Uint8Array }
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
  const add = async (path: string, file: string | Buffer) => {
    const key = typeof file === 'string' ? file : file.toString('latin1');
    if (seen.has(key)) return;
    seen.add(key);
    if (isArchive(path)) for (const entry of await openArchive(path, file, options)) inputs.push(entry);
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
      const { files, unreadable } = await walk(absolute);
      if (files.length === 0 && unreadable.length === 0) {
        inputs.push({
          kind: 'no-match',
          path: arg,
          message: `目录中没有可检查的报告文件（${SUPPORTED_EXTENSIONS.join(' ')} .zip）`,
        });
      }
      for (const file of files) await add(join(arg, relative(absolute, file.name)), file.bytes ?? file.name);
      for (const folder of unreadable) {
        inputs.push({
          kind: 'failed',
          path: join(arg, relative(absolute, folder.name)),
          code: 'unreadable',
          message: `无法读取该目录（${systemErrorText(folder.code)}），其中的报告没有检查`,
        });
      }
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
async function openArchive(
  path: string,
  file: string | Buffer,
  options: LoadOptions,
): Promise<ExpandedInput[]> {
  const limit = options.maxBytes * UNPACK_FACTOR;
  let bytes: Buffer;
  try {
    // A regular file only, counted while read: a pipe or a link to a device named .zip cannot hang the run.
    bytes = readRegularFile(file, limit);
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    const message =
      error.code === 'too-large' ? error.message.replace(/^文件过大/, '压缩包过大') : error.message;
    return [{ kind: 'failed', path, code: error.code, message }];
  }
  return expandArchive(path, bytes, options, isReportFile);
}

/** A name found in a folder: as text (lossy when it is not UTF-8), and its bytes when it is not. */
interface FoundName {
  readonly name: string;
  readonly bytes: Buffer | null;
  readonly code?: string | undefined; // for a folder that could not be read
}

/**
 * Report files and archives under a directory, sorted, and the folders that could not be read;
 * hidden folders and files and Office lock files (~$) are skipped. Every entry with a report
 * extension that is not a folder is listed, pipes and devices included: the loader refuses them
 * with a reason.
 */
async function walk(directory: string): Promise<{ files: FoundName[]; unreadable: FoundName[] }> {
  const files: FoundName[] = [];
  const unreadable: FoundName[] = [];
  const visit = async (dir: Buffer) => {
    let entries: Dirent<Buffer>[];
    try {
      entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      unreadable.push({ ...named(dir), code: (error as NodeJS.ErrnoException).code });
      return;
    }
    for (const entry of entries) {
      const name = entry.name.toString('utf8');
      if (isSkipped(name)) continue;
      const path = Buffer.concat([dir, Buffer.from(sep), entry.name]);
      if (entry.isDirectory()) {
        if (name !== 'node_modules' && !isPageResources(name)) await visit(path);
      } else if (isReportOrArchive(name)) {
        files.push(named(path));
      }
    }
  };
  await visit(Buffer.from(directory));
  const byName = (a: FoundName, b: FoundName) => compareCodeUnits(a.name, b.name);
  return { files: files.sort(byName), unreadable: unreadable.sort(byName) };
}

function named(path: Buffer): FoundName {
  const name = path.toString('utf8');
  return { name, bytes: Buffer.from(name, 'utf8').equals(path) ? null : path };
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
