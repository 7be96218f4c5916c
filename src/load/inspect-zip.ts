// Reads an Office Open XML package (a zip) before a library unpacks it: the signature, the central
// directory, the sizes it declares, and single entries inflated with a cap. A crafted docx can
// declare or hide gigabytes of XML (a zip bomb); mammoth (through JSZip) would inflate it all.

import { zlib } from '../shared/lazy-modules.js';
import { LoadError } from './source-file.js';

/** One entry of the zip's central directory. */
export interface ZipEntry {
  readonly name: string; // UTF-8, or GB18030 for a Windows zip whose name is not valid UTF-8
  readonly flags: number; // bit 0: encrypted; bit 11: UTF-8 name
  readonly crc32: number;
  readonly method: number; // 0 stored, 8 deflated
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Limits for unpacking one package. */
export interface UnpackLimits {
  readonly maxUnpackedBytes: number; // total of all entries once unpacked
  readonly maxRatio: number; // uncompressed / compressed, for entries over RATIO_FLOOR bytes
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const EOCD_MIN_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const ZIP64_MARKER = 0xffffffff;
const RATIO_FLOOR = 1024 * 1024;
const UTF8_NAMES = 0x0800;
const UNICODE_PATH_FIELD = 0x7075;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes start like an OLE compound file (old .doc, or an encrypted Office file). */
export function isOleFile(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/** Whether an OLE file is an encrypted Office Open XML package (it holds an EncryptionInfo stream). */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    Buffer.from('EncryptionInfo', 'utf16le'),
  );
}

/** Reads the central directory; throws LoadError('corrupt') if the zip is truncated or malformed. */
export function readZipEntries(bytes: Uint8Array, kind = 'Word 文档'): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < EOCD_MIN_LENGTH || view.getUint32(0, true) !== LOCAL_HEADER) {
    throw new LoadError('corrupt', `文件已损坏：不是有效的 ${kind}（缺少 ZIP 文件头）`);
  }
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new LoadError('corrupt', '文件已损坏或不完整：找不到 ZIP 目录（文件可能被截断）');
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (directoryOffset === ZIP64_MARKER || directoryOffset + directorySize > eocd) {
    throw new LoadError('corrupt', '文件已损坏或不完整：ZIP 目录位置无效');
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_HEADER) {
      throw new LoadError('corrupt', '文件已损坏：ZIP 目录条目无效');
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const flags = view.getUint16(at + 8, true);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    entries.push({
      name: unicodePathOf(extra, rawName) ?? decodeName(rawName, flags),
      flags,
      crc32: view.getUint32(at + 16, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses a package that would unpack beyond the limits, by the sizes it declares and, for the
 * XML parts a reader will inflate, by actually inflating them with a capped output (a bomb can
 * declare small sizes and still expand). A Word package is checked by the parts mammoth follows
 * instead (docx-parts.ts).
 */
export function checkUnpackedSize(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limits: UnpackLimits,
): void {
  checkDeclaredSizes(entries, limits);
  let inflated = 0;
  for (const entry of entries) {
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    inflated += readEntry(bytes, entry, limits.maxUnpackedBytes - inflated).length;
  }
}

/** Refuses a package whose entries declare, together or one by one, more than the limits allow. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], limits: UnpackLimits): void {
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    const suspicious =
      entry.uncompressedSize === ZIP64_MARKER ||
      entry.compressedSize === ZIP64_MARKER ||
      (entry.uncompressedSize > RATIO_FLOOR &&
        entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize));
    if (suspicious || declared > limits.maxUnpackedBytes) throw zipBomb(declared);
  }
}

/**
 * Entry names are UTF-8 when the zip says so (flag bit 11); zips made by Windows' own compressor
 * and older tools write the system code page instead, which for Chinese Windows is GBK.
 */
function decodeName(raw: Uint8Array, flags: number): string {
  if (flags & UTF8_NAMES) return new TextDecoder('utf-8').decode(raw);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

/**
 * The UTF-8 name that 7-Zip, WinRAR and Info-ZIP put in an extra field (0x7075) beside a name in
 * the system code page; used only while it belongs to that name (its CRC matches).
 */
function unicodePathOf(extra: Uint8Array, rawName: Uint8Array): string | null {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (
      id === UNICODE_PATH_FIELD &&
      size >= 5 &&
      at + 4 + size <= extra.length &&
      view.getUint8(at + 4) === 1
    ) {
      if (view.getUint32(at + 5, true) === zlib().crc32(rawName)) {
        return new TextDecoder('utf-8').decode(extra.subarray(at + 9, at + 4 + size));
      }
    }
    at += 4 + size;
  }
  return null;
}

/** The unpacked bytes of one entry, inflated with a cap of `budget` bytes. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) {
    throw new LoadError('corrupt', `文件已损坏：ZIP 条目 ${entry.name} 无效`);
  }
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  if (dataStart + entry.compressedSize > bytes.length) {
    throw new LoadError('corrupt', `文件已损坏或不完整：ZIP 条目 ${entry.name} 被截断`);
  }
  if (entry.method === 0) return data;
  if (entry.method !== 8)
    throw new LoadError('corrupt', `文件已损坏：ZIP 条目 ${entry.name} 使用了不支持的压缩方式`);
  const cap = Math.min(budget, entry.uncompressedSize) + 1;
  try {
    const out = zlib().inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
    if (out.length > entry.uncompressedSize) throw zipBomb(out.length);
    return out;
  } catch (error) {
    if (error instanceof LoadError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw zipBomb(cap);
    }
    throw new LoadError('corrupt', `文件已损坏：ZIP 条目 ${entry.name} 无法解压`);
  }
}

/**
 * Inflates one entry, stopping one byte past min(cap, its declared size): more than it declares
 * is a bomb (LoadError zip-bomb); more than `cap` comes back as cap + 1 bytes for the caller to
 * refuse with its own reason.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, cap: number): Uint8Array {
  if (cap >= entry.uncompressedSize) return readEntry(bytes, entry, entry.uncompressedSize);
  try {
    return readEntry(bytes, entry, cap);
  } catch (error) {
    if (!(error instanceof LoadError) || error.code !== 'zip-bomb') throw error;
    return new Uint8Array(cap + 1); // over the caller's cap: only the length matters
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_MIN_LENGTH;
  const first = Math.max(0, last - MAX_COMMENT_LENGTH);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

function zipBomb(bytes: number): LoadError {
  const size = bytes >= ZIP64_MARKER ? '超过 4 GB' : `约 ${Math.ceil(bytes / 1024 / 1024)} MB`;
  return new LoadError('zip-bomb', `文件解压后过大（${size}），疑似“压缩炸弹”，已拒绝读取`);
}
