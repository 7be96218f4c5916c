// The OLE compound file ([MS-CFB]) that holds a .doc or .wps: the top-level streams, by name.
// Written here rather than taken from npm because both readers measured (cfb 1.2.2 and the one
// inside word-extractor 1.0.4) loop without end, or run out of memory, on a sector chain that
// points back into itself; this one follows every chain at most once per sector and checks every
// offset against the file.

import { LoadError } from './source-file.js';

const HEADER_SIZE = 512;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const NO_STREAM = 0xffffffff;
const DIRECTORY_ENTRY_SIZE = 128;
const MINI_SECTOR_SIZE = 64;
const HEADER_DIFAT_ENTRIES = 109;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

/** Reads the streams directly under the root storage; `names` limits which are copied out. */
export function readCompoundStreams(bytes: Uint8Array, names: readonly string[]): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER_SIZE || view.getUint16(28, true) !== 0xfffe) throw broken();
  const sectorShift = view.getUint16(30, true);
  const miniShift = view.getUint16(32, true);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw broken();
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor((bytes.length - HEADER_SIZE) / sectorSize) + 1;
  const u32 = (at: number) => {
    if (at + 4 > bytes.length) throw broken();
    return view.getUint32(at, true);
  };
  const sectorOffset = (sector: number) => {
    if (sector >= sectorCount) throw broken();
    return (sector + 1) * sectorSize;
  };

  // The FAT is spread over sectors listed in the header's DIFAT and then in DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) {
    const sector = u32(76 + i * 4);
    if (sector === FREE_SECTOR || sector === END_OF_CHAIN) break;
    fatSectors.push(sector);
  }
  const seenDifat = new Set<number>();
  for (let sector = u32(68); sector !== END_OF_CHAIN && sector !== FREE_SECTOR; ) {
    if (seenDifat.has(sector) || seenDifat.size > sectorCount) throw broken();
    seenDifat.add(sector);
    const at = sectorOffset(sector);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector; i++) {
      const fat = u32(at + i * 4);
      if (fat !== FREE_SECTOR && fat !== END_OF_CHAIN) fatSectors.push(fat);
    }
    sector = u32(at + perSector * 4);
  }
  if (fatSectors.length > sectorCount) throw broken();
  const fat = (sector: number) => {
    const index = Math.floor((sector * 4) / sectorSize);
    const fatSector = fatSectors[index];
    if (fatSector === undefined) throw broken();
    return u32(sectorOffset(fatSector) + ((sector * 4) % sectorSize));
  };

  const fileChain = (start: number, length: number) =>
    readChain(bytes, start, length, fat, sectorSize, (sector) => sectorOffset(sector));
  const chainLength = (start: number) => {
    const seen = new Set<number>();
    for (let sector = start; sector !== END_OF_CHAIN; sector = fat(sector)) {
      if (sector === FREE_SECTOR || seen.has(sector) || seen.size >= sectorCount) throw broken();
      seen.add(sector);
    }
    return seen.size;
  };

  const firstDirectorySector = u32(48);
  const directory = fileChain(firstDirectorySector, chainLength(firstDirectorySector) * sectorSize);
  const entries = readDirectory(directory);
  const root = entries[0];
  if (!root || root.type !== TYPE_ROOT || root.size > bytes.length) throw broken();

  // Streams under the cutoff live in the mini stream (the root entry's data) in 64-byte sectors.
  const cutoff = u32(56);
  let mini: { stream: Uint8Array; table: DataView } | null = null;
  const miniChain = (start: number, length: number) => {
    if (!mini) {
      const firstMiniFat = u32(60);
      const table =
        firstMiniFat === END_OF_CHAIN
          ? new Uint8Array(0)
          : fileChain(firstMiniFat, chainLength(firstMiniFat) * sectorSize);
      mini = {
        stream: fileChain(root.start, root.size),
        table: new DataView(table.buffer, table.byteOffset, table.byteLength),
      };
    }
    const { stream, table } = mini;
    const next = (sector: number) => {
      if ((sector + 1) * 4 > table.byteLength) throw broken();
      return table.getUint32(sector * 4, true);
    };
    return readChain(stream, start, length, next, MINI_SECTOR_SIZE, (sector) => sector * MINI_SECTOR_SIZE);
  };

  const streams = new Map<string, Uint8Array>();
  for (const entry of topLevel(entries)) {
    if (entry.type !== TYPE_STREAM || !names.includes(entry.name)) continue;
    if (entry.size > bytes.length) throw broken();
    streams.set(
      entry.name,
      entry.size >= cutoff ? fileChain(entry.start, entry.size) : miniChain(entry.start, entry.size),
    );
  }
  return streams;
}

interface DirectoryEntry {
  readonly name: string;
  readonly type: number;
  readonly left: number;
  readonly right: number;
  readonly child: number;
  readonly start: number;
  readonly size: number;
}

function readDirectory(directory: Uint8Array): DirectoryEntry[] {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries: DirectoryEntry[] = [];
  for (let at = 0; at + DIRECTORY_ENTRY_SIZE <= directory.length; at += DIRECTORY_ENTRY_SIZE) {
    const nameBytes = Math.min(64, Math.max(0, view.getUint16(at + 64, true) - 2));
    entries.push({
      name: Buffer.from(directory.buffer, directory.byteOffset + at, nameBytes).toString('utf16le'),
      type: view.getUint8(at + 66),
      left: view.getUint32(at + 68, true),
      right: view.getUint32(at + 72, true),
      child: view.getUint32(at + 76, true),
      start: view.getUint32(at + 116, true),
      size: view.getUint32(at + 120, true),
    });
  }
  return entries;
}

/** The entries directly under the root: its child and that child's siblings (a binary tree). */
function topLevel(entries: readonly DirectoryEntry[]): DirectoryEntry[] {
  const found: DirectoryEntry[] = [];
  const seen = new Set<number>();
  const pending = [entries[0]?.child ?? NO_STREAM];
  while (pending.length > 0) {
    const index = pending.pop() as number;
    if (index === NO_STREAM || seen.has(index)) continue;
    const entry = entries[index];
    if (!entry) throw broken();
    seen.add(index);
    found.push(entry);
    pending.push(entry.left, entry.right);
  }
  return found;
}

/** The bytes of one chain of sectors, each sector visited at most once. */
function readChain(
  source: Uint8Array,
  start: number,
  length: number,
  next: (sector: number) => number,
  sectorSize: number,
  offsetOf: (sector: number) => number,
): Uint8Array {
  const out = new Uint8Array(length);
  const seen = new Set<number>();
  let filled = 0;
  for (let sector = start; filled < length; sector = next(sector)) {
    if (sector === END_OF_CHAIN || sector === FREE_SECTOR || seen.has(sector)) throw broken();
    seen.add(sector);
    const from = offsetOf(sector);
    const take = Math.min(sectorSize, length - filled);
    if (from + take > source.length) throw broken();
    out.set(source.subarray(from, from + take), filled);
    filled += take;
  }
  return out;
}

function broken(): LoadError {
  return new LoadError('corrupt', '文档已损坏或不完整，无法打开（OLE 复合文件结构无效）');
}
