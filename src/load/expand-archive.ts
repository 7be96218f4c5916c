// A .zip of report files → one input per report inside, named `archive.zip/子目录/报告.docx`, as if
// the archive were a folder: nested folders are walked, __MACOSX, hidden files and Office lock
// files (~$) are skipped, names from Windows zips are decoded as GBK (inspect-zip.ts), and a zip
// inside the zip is opened one level deep. Budgets keep a hostile archive bounded: the number of
// entries, each report's size (--max-file-size), everything unpacked together, and the packing
// ratio. What cannot be read is one failed input with its own Chinese line; the rest are checked.

import { zlib } from '../shared/lazy-modules.js';
import { readEntry, readZipEntries, type ZipEntry } from './inspect-zip.js';
import { UNPACK_FACTOR } from './read-docx.js';
import { LoadError, type LoadErrorCode, type LoadOptions } from './source-file.js';

/** A report found in an archive, or why an entry (or the whole archive) could not be used. */
export type ArchiveInput =
  | { readonly kind: 'entry'; readonly path: string; readonly bytes: Uint8Array }
  | {
      readonly kind: 'failed';
      readonly path: string;
      readonly code: LoadErrorCode;
      readonly message: string;
    };

/** Entries in one archive's directory (reports or not) beyond which it is refused. */
export const MAX_ARCHIVE_ENTRIES = 10_000;
/** A zip may nest this many zips inside it; deeper ones are refused. */
export const MAX_ARCHIVE_DEPTH = 1;
const MAX_RATIO = 100;
const RATIO_FLOOR = 1024 * 1024;
const ENCRYPTED = 0x0001;

/** Unpacked bytes left for one top-level archive, shared with the archives nested in it. */
interface Budget {
  readonly limit: number;
  remaining: number;
}

/**
 * The reports inside an archive, sorted by name; `isReport` tells which names to check. `path`
 * is how the archive is shown; each entry is shown as `path/name`.
 */
export function expandArchive(
  path: string,
  bytes: Uint8Array,
  options: LoadOptions,
  isReport: (name: string) => boolean,
  depth = 0,
  budget: Budget = { limit: options.maxBytes * UNPACK_FACTOR, remaining: options.maxBytes * UNPACK_FACTOR },
): ArchiveInput[] {
  let entries: ZipEntry[];
  try {
    entries = readZipEntries(bytes, 'ZIP 压缩包');
  } catch (error) {
    return [failed(path, error)];
  }
  if (entries.length > MAX_ARCHIVE_ENTRIES) {
    return [
      {
        kind: 'failed',
        path,
        code: 'zip-bomb',
        message: `压缩包中的条目过多（${entries.length} 个，上限 ${MAX_ARCHIVE_ENTRIES} 个），已拒绝读取`,
      },
    ];
  }
  const inputs: ArchiveInput[] = [];
  const wanted = entries
    .map((entry) => ({ entry, name: entry.name.replace(/\\/g, '/') }))
    .filter(
      ({ name }) =>
        !name.endsWith('/') && (isReport(name) || isArchive(name)) && (isUnsafe(name) || !isSkipped(name)),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { entry, name } of wanted) {
    const shown = `${path}/${name}`;
    if (isUnsafe(name)) {
      inputs.push({
        kind: 'failed',
        path: shown,
        code: 'unsafe-name',
        message: '压缩包中的文件名指向压缩包之外（含 ../ 或绝对路径），已拒绝读取',
      });
      continue;
    }
    if (isArchive(name) && depth >= MAX_ARCHIVE_DEPTH) {
      inputs.push({
        kind: 'failed',
        path: shown,
        code: 'nested-archive',
        message: `压缩包嵌套超过 ${MAX_ARCHIVE_DEPTH + 1} 层，请先解压外层再检查`,
      });
      continue;
    }
    const read = readArchiveEntry(
      bytes,
      entry,
      isArchive(name) ? options.maxBytes * UNPACK_FACTOR : options.maxBytes,
      budget,
    );
    if (!(read instanceof Uint8Array)) inputs.push({ kind: 'failed', path: shown, ...read });
    else if (isArchive(name))
      for (const nested of expandArchive(shown, read, options, isReport, depth + 1, budget))
        inputs.push(nested);
    else inputs.push({ kind: 'entry', path: shown, bytes: read });
  }
  if (inputs.length === 0) {
    return [{ kind: 'failed', path, code: 'no-match', message: '压缩包中没有可检查的报告文件' }];
  }
  return inputs;
}

/** Whether a name is a zip archive to open. */
export function isArchive(name: string): boolean {
  return /\.zip$/i.test(name);
}

function readArchiveEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
  budget: Budget,
): Uint8Array | { code: LoadErrorCode; message: string } {
  if (entry.flags & ENCRYPTED) {
    return { code: 'encrypted', message: '压缩包中的该文件设有密码（已加密），请解压后再检查' };
  }
  if (entry.uncompressedSize === 0) return { code: 'empty', message: '文件是空的（0 字节）' };
  if (entry.uncompressedSize > maxBytes) {
    return {
      code: 'too-large',
      message: `文件过大（解压后 ${megabytes(entry.uncompressedSize)}），上限为 ${megabytes(maxBytes)}`,
    };
  }
  if (
    entry.uncompressedSize > RATIO_FLOOR &&
    entry.uncompressedSize > MAX_RATIO * Math.max(1, entry.compressedSize)
  ) {
    return { code: 'zip-bomb', message: `文件压缩比异常（超过 ${MAX_RATIO}:1），疑似“压缩炸弹”，已拒绝读取` };
  }
  if (entry.uncompressedSize > budget.remaining) {
    return {
      code: 'zip-bomb',
      message: `压缩包解压后的总大小超过上限 ${megabytes(budget.limit)}，该文件未读取`,
    };
  }
  try {
    const data = readEntry(bytes, entry, Math.min(maxBytes, budget.remaining));
    budget.remaining -= data.length;
    if (data.length !== entry.uncompressedSize || zlib().crc32(data) !== entry.crc32) {
      return { code: 'corrupt', message: '压缩包中的该文件已损坏（大小或校验和不符）' };
    }
    return data;
  } catch (error) {
    if (error instanceof LoadError) return { code: error.code, message: error.message };
    throw error;
  }
}

/** A saved web page's folder of pictures and scripts (报告_files, 报告.files): pictures there are not scans. */
export function isPageResources(folder: string): boolean {
  return /[._]files$/i.test(folder);
}

function isSkipped(name: string): boolean {
  const segments = name.split('/');
  return (
    segments.some(
      (segment) => segment === '__MACOSX' || segment.startsWith('.') || segment.startsWith('~$'),
    ) || segments.slice(0, -1).some(isPageResources)
  );
}

function isUnsafe(name: string): boolean {
  return name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..');
}

function failed(path: string, error: unknown): ArchiveInput {
  if (error instanceof LoadError) return { kind: 'failed', path, code: error.code, message: error.message };
  throw error;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
