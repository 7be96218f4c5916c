// Uploads into the served folder, streamed: busboy parses the multipart body as it arrives, each
// file goes to the temporary directory first, and only a complete file within the limits is moved
// into the folder. A name from the client is never a path: a name with a folder part (or ..) is
// refused, the rest is cleaned into a plain file name inside the folder, and an existing file is
// never overwritten. A .zip is unpacked (with the archive reader's budgets) into a folder of its name.

import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { expandArchive, isArchive } from '../load/expand-archive.js';
import { SUPPORTED_EXTENSIONS } from '../load/load-source.js';

/** How much one upload may bring. */
export interface UploadLimits {
  readonly maxFiles: number; // files in one upload
  readonly maxFileBytes: number; // each file (the readers' --max-file-size)
  readonly maxTotalBytes: number; // all files of one upload together
}

/** What became of an upload. */
export interface UploadOutcome {
  readonly saved: readonly string[]; // paths inside the folder
  readonly rejected: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
}

/** Why a whole upload is refused (too large, not multipart): one Chinese line and an HTTP status. */
export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

const MAX_NAME_CHARS = 100;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const UNSAFE_CHARS = /[\u0000-\u001f\u007f<>:"|?*]/g;

/** Receives an upload into `folder` (files first written in `temporary`). */
export async function receiveUpload(
  headers: IncomingHttpHeaders,
  body: Readable,
  folder: string,
  temporary: string,
  limits: UploadLimits,
): Promise<UploadOutcome> {
  const declared = Number(headers['content-length'] ?? 0);
  if (declared > limits.maxTotalBytes)
    throw new UploadError(413, `上传内容过大，一次最多 ${mb(limits.maxTotalBytes)}`);
  if (!String(headers['content-type'] ?? '').startsWith('multipart/form-data'))
    throw new UploadError(415, '上传须为 multipart/form-data');
  const { default: Busboy } = await import('busboy');
  const parser = Busboy({
    headers,
    defParamCharset: 'utf8', // browsers send UTF-8 file names
    preservePath: true, // see the name as sent, to refuse one with a folder part
    limits: {
      files: limits.maxFiles,
      fileSize: limits.maxFileBytes,
      fields: 4,
      fieldSize: 1024,
      parts: limits.maxFiles + 4,
    },
  });
  const received: Array<{ name: string; file: string; truncated: boolean }> = [];
  const rejected: Array<{ name: string; reason: string }> = [];
  const writes: Promise<void>[] = [];
  let total = 0;
  let tooMuch = false;
  let tooMany = false;
  parser.on('file', (_field, stream, info) => {
    const name = info.filename ?? '';
    const file = join(temporary, `upload-${received.length}-${process.hrtime.bigint()}`);
    const entry = { name, file, truncated: false };
    received.push(entry);
    stream.on('limit', () => {
      entry.truncated = true;
    });
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.maxTotalBytes && !tooMuch) {
        tooMuch = true;
        body.unpipe(parser);
        parser.destroy(new UploadError(413, `上传内容过大，一次最多 ${mb(limits.maxTotalBytes)}`));
      }
    });
    writes.push(pipeline(stream, createWriteStream(file)));
  });
  parser.on('filesLimit', () => {
    tooMany = true;
  });
  let failure: UploadError | null = null;
  await new Promise<void>((done) => {
    parser.on('error', (error: Error) => {
      failure ??=
        error instanceof UploadError ? error : new UploadError(400, `上传内容无法解析：${error.message}`);
      done();
    });
    parser.on('close', () => done());
    body.on('error', () => {
      failure ??= new UploadError(400, '上传中断');
      done();
    });
    body.pipe(parser);
  });
  if (failure) {
    await Promise.allSettled(writes);
    for (const entry of received) rmSync(entry.file, { force: true });
    throw failure;
  }
  await Promise.all(writes);
  if (tooMany) rejected.push({ name: '（其余文件）', reason: `一次最多上传 ${limits.maxFiles} 个文件` });

  const saved: string[] = [];
  for (const entry of received) {
    try {
      const problem = entry.truncated ? `文件过大，上限为 ${mb(limits.maxFileBytes)}` : null;
      if (problem) rejected.push({ name: entry.name, reason: problem });
      else saved.push(...place(entry.name, entry.file, folder, limits, rejected));
    } finally {
      rmSync(entry.file, { force: true });
    }
  }
  return { saved, rejected };
}

/** Moves one received file into the folder (a zip: its reports); returns the paths written. */
function place(
  name: string,
  file: string,
  folder: string,
  limits: UploadLimits,
  rejected: Array<{ name: string; reason: string }>,
): string[] {
  const clean = safeFileName(name);
  if (clean === null) {
    rejected.push({ name, reason: '文件名含有路径或不允许的名称，已拒绝' });
    return [];
  }
  if (isArchive(clean)) return unpack(clean, readFileSync(file), folder, limits, rejected);
  if (!SUPPORTED_EXTENSIONS.includes(extname(clean).toLowerCase())) {
    rejected.push({ name, reason: `不支持的文件类型，可上传：${SUPPORTED_EXTENSIONS.join(' ')} .zip` });
    return [];
  }
  const target = freeTarget(folder, clean);
  try {
    renameSync(file, target);
  } catch {
    copyFileSync(file, target); // the temporary directory may be on another file system
  }
  return [relative(folder, target)];
}

/** The reports of an uploaded zip, written below `folder/<zip name>/`. */
function unpack(
  zipName: string,
  bytes: Uint8Array,
  folder: string,
  limits: UploadLimits,
  rejected: Array<{ name: string; reason: string }>,
): string[] {
  const base = freeTarget(folder, zipName.slice(0, -extname(zipName).length) || '压缩包');
  const isReport = (entry: string) => SUPPORTED_EXTENSIONS.includes(extname(entry).toLowerCase());
  const saved: string[] = [];
  for (const item of expandArchive(zipName, bytes, { maxBytes: limits.maxFileBytes }, isReport)) {
    const inner = item.path.slice(zipName.length + 1);
    if (item.kind === 'failed') {
      rejected.push({ name: item.path, reason: item.message });
      continue;
    }
    const parts = inner.split('/').map((part) => safeFileName(part));
    if (parts.length === 0 || parts.some((part) => part === null)) {
      rejected.push({ name: item.path, reason: '压缩包中的文件名不允许，已拒绝' });
      continue;
    }
    const target = resolve(base, ...(parts as string[]));
    if (!isInside(folder, target)) {
      rejected.push({ name: item.path, reason: '压缩包中的文件名指向文件夹之外，已拒绝' });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    const free = freeTarget(dirname(target), basename(target));
    writeFileSync(free, item.bytes, { flag: 'wx' });
    saved.push(relative(folder, free));
  }
  return saved;
}

/**
 * A client's file name as a plain file name, or null when it names a path (a folder part, . or
 * ..) or nothing usable: control and reserved characters removed, dots and spaces trimmed, the
 * length bounded (the extension kept).
 */
export function safeFileName(name: string): string | null {
  if (/[/\\]/.test(name)) return null;
  const cleaned = name
    .normalize('NFC')
    .replace(UNSAFE_CHARS, '')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (cleaned === '' || cleaned === '.' || cleaned === '..' || WINDOWS_RESERVED.test(cleaned)) return null;
  const chars = [...cleaned];
  if (chars.length <= MAX_NAME_CHARS) return cleaned;
  const extension = extname(cleaned);
  return `${chars.slice(0, MAX_NAME_CHARS - [...extension].length).join('')}${extension}`;
}

/** `folder/name`, or `folder/name（2）.ext` and so on when that exists. */
function freeTarget(folder: string, name: string): string {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  let target = join(folder, name);
  for (let n = 2; existsSync(target); n++) target = join(folder, `${stem}（${n}）${extension}`);
  return target;
}

/** Whether `path` lies inside `folder`. */
export function isInside(folder: string, path: string): boolean {
  const inner = relative(resolve(folder), resolve(path));
  return inner !== '' && !isAbsolute(inner) && inner.split(sep)[0] !== '..';
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
