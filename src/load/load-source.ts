// Path or stdin → SourceFile. The only module (with config/) that reads input files; it never
// writes to them.

import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
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

/** Loads one file from disk. */
export async function loadFile(path: string, options: LoadOptions): Promise<SourceFile> {
  const reader = READERS[extname(path).toLowerCase()];
  if (!reader) {
    throw new LoadError(
      'unsupported-format',
      `不支持的文件类型“${extname(path) || '无扩展名'}”，可检查：${SUPPORTED_EXTENSIONS.join(' ')}`,
    );
  }
  // Synchronous reads: report files are small, and a batch spends more time waiting on the
  // thread pool for two async calls per file than reading it (measured: ~1 ms per file).
  const info = fileSystemCall(() => statSync(path));
  if (info.isDirectory()) throw new LoadError('is-directory', '这是一个目录，不是文件');
  if (info.size > options.maxBytes) {
    throw new LoadError(
      'too-large',
      `文件过大（${formatBytes(info.size)}），上限为 ${formatBytes(options.maxBytes)}`,
    );
  }
  const bytes = fileSystemCall(() => readFileSync(path));
  if (bytes.length === 0) throw new LoadError('empty', '文件是空的（0 字节）');
  return finish(await reader.read(path, bytes, reader.format, options));
}

/** Loads bytes read from stdin; the name (from --stdin-filename) picks the format. */
export async function loadBytes(name: string, bytes: Uint8Array, options: LoadOptions): Promise<SourceFile> {
  const reader = READERS[extname(name).toLowerCase()] ?? READERS['.txt'];
  if (!reader) throw new LoadError('unsupported-format', '不支持的输入类型');
  if (bytes.length > options.maxBytes) {
    throw new LoadError(
      'too-large',
      `输入过大（${formatBytes(bytes.length)}），上限为 ${formatBytes(options.maxBytes)}`,
    );
  }
  if (bytes.length === 0) throw new LoadError('empty', '标准输入是空的');
  return finish(await reader.read(name, bytes, reader.format, options));
}

function finish(source: SourceFile): SourceFile {
  if (source.text.trim().length === 0) throw new LoadError('empty', '文件没有任何文字内容');
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
      return new LoadError('unreadable', `无法读取文件（${error.code ?? error.message}）`);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
