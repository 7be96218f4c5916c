// Path or stdin → SourceFile. The only module (with config/) that reads input files; it never
// writes to them.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { checkCount, DOCUMENT_LIMITS } from '../shared/budget.js';
import { systemErrorText } from '../shared/system-errors.js';
import { readDoc } from './read-doc.js';
import { readDocx } from './read-docx.js';
import { readHtml } from './read-html.js';
import { readImage } from './read-image.js';
import { readOfd } from './read-ofd.js';
import { readPdf } from './read-pdf.js';
import { readTextFile } from './read-text-file.js';
import { LoadError, type LoadOptions, type SourceFile, type SourceFormat } from './source-file.js';

export type { LoadOptions } from './source-file.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

type Reader = (
  path: string,
  bytes: Uint8Array,
  format: SourceFormat,
  options: LoadOptions,
) => Promise<SourceFile> | SourceFile;

/** Each format's extensions and reader: one line per input format. */
const FORMATS: ReadonlyArray<readonly [SourceFormat, readonly string[], Reader]> = [
  ['txt', ['.txt', '.text'], readTextFile],
  ['md', ['.md', '.markdown'], readTextFile],
  ['docx', ['.docx'], readDocx],
  ['html', ['.html', '.htm', '.xhtml'], readHtml],
  ['pdf', ['.pdf'], readPdf],
  ['ofd', ['.ofd'], readOfd],
  ['doc', ['.doc'], readDoc],
  ['wps', ['.wps'], readDoc],
  ['image', ['.png', '.jpg', '.jpeg'], readImage],
];

const READERS: Readonly<Record<string, { format: SourceFormat; read: Reader }>> = Object.fromEntries(
  FORMATS.flatMap(([format, extensions, read]) =>
    extensions.map((extension) => [extension, { format, read }]),
  ),
);

/** File extensions that can be checked (lower case, with the dot). */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(READERS);

/** Loads one file from disk; the path is bytes when the file's name is not UTF-8. */
export async function loadFile(file: string | Uint8Array, options: LoadOptions): Promise<SourceFile> {
  const path = typeof file === 'string' ? file : Buffer.from(file).toString('utf8');
  const reader = READERS[extname(path).toLowerCase()];
  if (!reader) {
    throw new LoadError(
      'unsupported-format',
      `不支持的文件类型“${extname(path) || '无扩展名'}”，可检查：${SUPPORTED_EXTENSIONS.join(' ')}`,
    );
  }
  const bytes = readRegularFile(typeof file === 'string' ? file : Buffer.from(file), options.maxBytes);
  if (bytes.length === 0) throw new LoadError('empty', '文件是空的（0 字节）');
  return finish(await reader.read(path, bytes, reader.format, options), options);
}

/**
 * Reads a regular file to its end (throws LoadError). Pipes, devices and sockets are refused before anything is read
 * (opened non-blocking, so a FIFO without a writer does not hang), and the bytes are counted while
 * reading: the size on disk can change, and special files report none. Synchronous: report files
 * are small, and a batch spends more time waiting on the thread pool for async calls than reading.
 */
export function readRegularFile(path: string | Buffer, maxBytes: number): Buffer {
  const fd = fileSystemCall(() => openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)));
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new LoadError('is-directory', '这是一个目录，不是文件');
    if (!info.isFile()) {
      throw new LoadError('not-regular', '这不是普通文件（是管道、设备或套接字），无法作为报告读取');
    }
    if (info.size > maxBytes) throw tooLarge('文件', info.size, maxBytes);
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes, info.size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLarge('文件', length, maxBytes);
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = fileSystemCall(() => readSync(fd, buffer, length, buffer.length - length, null));
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) throw tooLarge('文件', length, maxBytes);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(what: string, bytes: number, maxBytes: number): LoadError {
  return new LoadError('too-large', `${what}过大（${formatBytes(bytes)}），上限为 ${formatBytes(maxBytes)}`);
}

/** Loads bytes read from stdin; the name (from --stdin-filename) picks the format. */
export async function loadBytes(name: string, bytes: Uint8Array, options: LoadOptions): Promise<SourceFile> {
  const reader = READERS[extname(name).toLowerCase()] ?? READERS['.txt'];
  if (!reader) throw new LoadError('unsupported-format', '不支持的输入类型');
  if (bytes.length > options.maxBytes) throw tooLarge('输入', bytes.length, options.maxBytes);
  if (bytes.length === 0) throw new LoadError('empty', '标准输入是空的');
  return finish(await reader.read(name, bytes, reader.format, options), options);
}

/** Refuses a source without text, or with more text or lines than a document may have; gives the
 * budget its allowance for the text's length. */
function finish(source: SourceFile, options: LoadOptions): SourceFile {
  checkCount('文档文字', source.text.length, DOCUMENT_LIMITS.chars, ' 字');
  let lines = 1;
  for (let at = source.text.indexOf('\n'); at >= 0; at = source.text.indexOf('\n', at + 1)) lines++;
  checkCount('文档行数', lines, DOCUMENT_LIMITS.lines, ' 行');
  if (source.text.trim().length === 0) throw new LoadError('empty', '文件没有任何文字内容');
  options.budget?.allowFor(source.text.length);
  return source;
}

function fileSystemCall<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw fileSystemError(error as NodeJS.ErrnoException);
  }
}

function fileSystemError(error: NodeJS.ErrnoException): LoadError {
  switch (error.code) {
    case 'ENOENT':
      return new LoadError('not-found', '文件不存在');
    case 'EACCES':
    case 'EPERM':
      return new LoadError('unreadable', '没有读取该文件的权限');
    case 'EISDIR':
      return new LoadError('is-directory', '这是一个目录，不是文件');
    default:
      return new LoadError('unreadable', `无法读取文件（${systemErrorText(error.code)}）`);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
